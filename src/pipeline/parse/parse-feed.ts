/** Parse stage entry: tells JSON from XML and hands the text to the matching format parser. */
import { ParseError } from '../../errors.ts';
import type { ParsedFeed } from '../../model/types.ts';
import { parseJsonFeed } from './parse-json-feed.ts';
import { parseXmlFeed } from './parse-xml-feed.ts';

/**
 * Parses decoded feed text (RSS 2.0/0.9x, RSS 1.0, Atom 1.0, JSON Feed) into raw items, leniently;
 * throws ParseError EMPTY, NOT_A_FEED or XML with a message fit for /healthz.
 */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, '');
  const firstChar = body.trimStart().charAt(0);
  if (firstChar === '') throw new ParseError('EMPTY', 'empty body');
  if (firstChar === '{' || firstChar === '[') return parseJsonFeed(body);
  return parseXmlFeed(body);
}
