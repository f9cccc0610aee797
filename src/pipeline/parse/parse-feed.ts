/** Parse stage entry: tells JSON from XML and hands the text to the matching format parser. */
import { ParseError } from '../../errors.ts';
import type { ParsedFeed } from '../../model/types.ts';
import { parseJsonFeed } from './parse-json-feed.ts';
import { parseXmlFeed } from './parse-xml-feed.ts';

// Where a feed really starts when a portal prints something first (a PHP notice, a stray word).
const FEED_START = /<(?:\?xml|rss|feed|rdf:RDF)[\s>]/;
const LEADING_JUNK_MAX_CHARS = 2048;

/**
 * Parses decoded feed text (RSS 2.0/0.9x, RSS 1.0, Atom 1.0, JSON Feed) into raw items, leniently;
 * throws ParseError EMPTY, NOT_A_FEED or XML with a message fit for /healthz.
 */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, '');
  const firstChar = body.trimStart().charAt(0);
  if (firstChar === '') throw new ParseError('EMPTY', 'empty body');
  if (firstChar === '{' || firstChar === '[') return parseJsonFeed(body);
  if (firstChar === '<') return parseXmlFeed(body);
  return parseXmlFeed(skipLeadingJunk(body));
}

/** Drops text printed before the feed (keeping its newlines, so XML error lines still match), or says what the body is. */
function skipLeadingJunk(body: string): string {
  const start = FEED_START.exec(body.slice(0, LEADING_JUNK_MAX_CHARS))?.index;
  if (start !== undefined) return body.slice(0, start).replace(/[^\n]/g, '') + body.slice(start);
  const head = body.slice(0, 512);
  const unreadable = (head.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  throw new ParseError('NOT_A_FEED', unreadable > head.length / 20 ? 'not a feed: binary data' : 'not a feed: plain text');
}
