/** Parses RSS 2.0/0.9x, RSS 1.0 (RDF) and Atom 1.0 with rss-parser after lenient repairs, turning its failures into ParseErrors. */
import Parser from 'rss-parser';
import { ParseError } from '../../errors.ts';
import type { ParsedFeed } from '../../model/types.ts';
import { mapXmlFeed, RENAMED_TAGS, renameTag, type ParserFeed } from './map-xml-item.ts';
import { prepareXml } from './prepare-xml.ts';

const ITEM_FIELDS = [
  ['content:encoded', 'contentEncoded'],
  ['dc:date', 'dcDate'],
  ['dc:creator', 'dcCreator'],
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['enclosure', 'enclosures', { keepArray: true }],
  ['category', 'categoryElements', { keepArray: true }],
  ['dc:subject', 'dcSubjects', { keepArray: true }],
  ['link', 'linkElements', { keepArray: true }],
  [RENAMED_TAGS.published, 'published'],
  [RENAMED_TAGS.updated, 'updated'],
];

/** Parses an XML feed; HTML pages and other XML documents are NOT_A_FEED, malformed XML is XML with a line number. */
export async function parseXmlFeed(text: string): Promise<ParsedFeed> {
  const { xml, rootName, isHtml } = prepareXml(text);
  if (isHtml) throw new ParseError('NOT_A_FEED', 'not a feed: HTML page');
  let feed: ParserFeed;
  try {
    feed = await createParser().parseString(xml);
  } catch (error) {
    throw toParseError(error, rootName);
  }
  return mapXmlFeed(feed, rootName === 'feed');
}

/** A new parser per call: xml2js parsers keep state between documents. */
function createParser(): Parser<Record<string, unknown>, Record<string, unknown>> {
  return new Parser({
    defaultRSS: 2, // `<rss>` without a version attribute is read as RSS 2.0
    customFields: { item: ITEM_FIELDS },
    xml2js: {
      // rss-parser calls `new Date(published).toISOString()` on Atom entries without a guard, so one
      // Vietnamese-style date would reject the whole feed; renamed, it never sees them and we read them raw.
      tagNameProcessors: [renameTag],
    },
  });
}

function toParseError(error: unknown, rootName: string | undefined): ParseError {
  const message = error instanceof Error ? error.message : String(error);
  // sax messages read "Unexpected close tag\nLine: 2\nColumn: 21\nChar: >", lines counted from 0.
  const line = /\nLine: (\d+)/.exec(message)?.[1];
  if (line !== undefined) {
    const reason = (message.split('\n')[0] ?? '').replace(/\.$/, '');
    const shortReason = reason.charAt(0).toLowerCase() + reason.slice(1);
    return new ParseError('XML', `XML error at line ${Number(line) + 1}: ${shortReason}`, { cause: error });
  }
  if (message === 'Unable to parse XML.' || rootName === undefined) {
    return new ParseError('XML', 'XML error at line 1: no root element', { cause: error });
  }
  // rss-parser recognised no feed; any other failure is its code tripping over an odd structure.
  const what = message.startsWith('Feed not recognized') ? rootName : `unreadable ${rootName}`;
  return new ParseError('NOT_A_FEED', `not a feed: ${what} document`, { cause: error });
}
