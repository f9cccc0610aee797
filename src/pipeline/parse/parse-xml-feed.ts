/** Parses RSS 2.0/0.9x, RSS 1.0 (RDF) and Atom 1.0 with rss-parser after lenient repairs, turning its failures into ParseErrors. */
import Parser from 'rss-parser';
import { ParseError } from '../../errors.ts';
import type { DroppedElement, ParsedFeed } from '../../model/types.ts';
import { dropDeepElements } from './drop-deep-elements.ts';
import { mapXmlFeed, RENAMED_TAGS, renameTag, type ParserFeed } from './map-xml-item.ts';
import { prepareXml } from './prepare-xml.ts';
import { isRecord } from './read-value.ts';
import { skipRssParserSnippets } from './rss-parser-snippets.ts';

const FEED_FIELDS = [['title', 'titleElements', { keepArray: true }]];
const ITEM_FIELDS = [
  ['content:encoded', 'contentEncoded'],
  ['dc:date', 'dcDate'],
  ['dc:creator', 'dcCreator'],
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  // Per-item image elements outside any namespace, as several Vietnamese outlets' CMSs write them.
  ['image', 'imageElements', { keepArray: true }],
  ['thumb', 'thumbElements', { keepArray: true }],
  ['enclosure', 'enclosures', { keepArray: true }],
  ['category', 'categoryElements', { keepArray: true }],
  ['dc:subject', 'dcSubjects', { keepArray: true }],
  ['link', 'linkElements', { keepArray: true }],
  ['title', 'titleElements', { keepArray: true }],
  // Atom 0.3 and Dublin Core terms dates, read when the usual ones are missing.
  ['issued', 'issued'],
  ['created', 'created'],
  ['modified', 'modified'],
  ['dcterms:issued', 'dctermsIssued'],
  ['dcterms:created', 'dctermsCreated'],
  ['dcterms:modified', 'dctermsModified'],
  [RENAMED_TAGS.published, 'published'],
  [RENAMED_TAGS.updated, 'updated'],
];

/** Parses an XML feed; HTML pages and other XML documents are NOT_A_FEED, malformed XML is XML with a line number. */
export async function parseXmlFeed(text: string): Promise<ParsedFeed> {
  const { xml, rootName, isHtml } = prepareXml(text);
  if (isHtml) throw new ParseError('NOT_A_FEED', 'not a feed: HTML page');
  let feed: ParserFeed;
  const dropped: DroppedElement[] = [];
  try {
    feed = await createParser(dropped).parseString(xml);
  } catch (error) {
    throw toParseError(error, rootName, xml);
  }
  const parsed = mapXmlFeed(feed, rootName === 'feed');
  return dropped.length === 0 ? parsed : { ...parsed, dropped };
}

/** A new parser per call: xml2js parsers keep state between documents. What it leaves out goes to `dropped`. */
function createParser(dropped: DroppedElement[]): Parser<Record<string, unknown>, Record<string, unknown>> {
  skipRssParserSnippets();
  const parser = new Parser({
    defaultRSS: 2, // `<rss>` without a version attribute is read as RSS 2.0
    // rss-parser reads the [from, to, options] form for feed fields too; its typings only admit names.
    customFields: { feed: FEED_FIELDS as unknown as string[], item: ITEM_FIELDS },
    xml2js: {
      // rss-parser calls `new Date(published).toISOString()` on Atom entries without a guard, so one
      // Vietnamese-style date would reject the whole feed; renamed, it never sees them and we read them raw.
      tagNameProcessors: [renameTag],
    },
  });
  // Between xml2js and rss-parser's builders, so the tree can be repaired first (xml2js's own `validator`
  // hook would do, but it rebuilds the element path at every node: quadratic on deeply nested bodies), and
  // items nested too deep for rss-parser's recursive rebuilding of their markup are left out.
  const internals = parser as unknown as { xmlParser: { parseString(xml: string, done: (error: unknown, tree: unknown) => void): void } };
  const xml2jsParser = internals.xmlParser;
  const parseString = xml2jsParser.parseString.bind(xml2jsParser);
  xml2jsParser.parseString = (xml, done) =>
    parseString(xml, (error, tree) => {
      if (error) return done(error, tree);
      dropped.push(...dropDeepElements(tree));
      done(error, repairAtomTree(tree));
    });
  return parser;
}

/**
 * Reshapes what rss-parser would trip over, so one odd element costs only itself, not the feed: an empty
 * `<entry/>` (a string to xml2js, whose String.prototype.link rss-parser then calls a link list) and an
 * Atom `<link>` without attributes. RSS trees need nothing: rss-parser reads them defensively.
 */
function repairAtomTree(tree: unknown): unknown {
  const feed = isRecord(tree) ? tree.feed : undefined;
  if (!isRecord(feed)) return tree;
  feed.link = repairLinks(feed.link);
  if (Array.isArray(feed.entry)) {
    feed.entry = feed.entry.map((entry: unknown) => {
      if (!isRecord(entry)) return {};
      entry.link = repairLinks(entry.link);
      return entry;
    });
  }
  return tree;
}

function repairLinks(links: unknown): unknown {
  if (!Array.isArray(links)) return links;
  return links.map((link: unknown) => (isRecord(link) ? (isRecord(link.$) ? link : { ...link, $: {} }) : { _: link, $: {} }));
}

// sax's wording where it is cryptic to an operator; the others are kept, lower-cased.
const SAX_REASONS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Unclosed root tag/, () => 'the document ends before its tags are closed (cut off?)'],
  [/^Non-whitespace before first tag/, () => 'text before the first tag'],
  [/^Text data outside of root node/, () => 'text after the end of the document'],
  [/^Unexpected close tag/, () => 'closing tag does not match the open one'],
  [/^Unmatched closing tag: (.*)/, (m) => `closing tag </${m[1]}> was never opened`],
  [/^Unexpected end/, () => 'the document ends unexpectedly'],
  [/^Invalid character in entity name/, () => 'invalid character in an entity reference'],
  [/^Weird empty close tag/, () => 'empty closing tag </>'],
];

function plainSaxReason(reason: string): string {
  for (const [pattern, words] of SAX_REASONS) {
    const match = pattern.exec(reason);
    if (match !== null) return words(match);
  }
  const trimmed = reason.replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

function toParseError(error: unknown, rootName: string | undefined, xml: string): ParseError {
  const message = error instanceof Error ? error.message : String(error);
  // sax messages read "Unexpected close tag\nLine: 2\nColumn: 21\nChar: >", lines counted from 0.
  const line = /\nLine: (\d+)/.exec(message)?.[1];
  if (line !== undefined) {
    return new ParseError('XML', `XML error at line ${Number(line) + 1}: ${plainSaxReason(message.split('\n')[0] ?? '')}`, { cause: error });
  }
  // xml2js rebuilds nested markup recursively; thousands of nested elements overflow the stack.
  if (error instanceof RangeError) {
    return new ParseError('XML', 'XML error: elements nested too deeply', { cause: error });
  }
  if (message === 'Unable to parse XML.' || rootName === undefined) {
    return new ParseError('XML', 'XML error at line 1: no root element', { cause: error });
  }
  if ((rootName === 'rss' || rootName === 'rdf:RDF') && !/<(?:[\w.-]+:)?channel[\s>/]/.test(xml)) {
    return new ParseError('NOT_A_FEED', `not a feed: ${rootName} document without a channel`, { cause: error });
  }
  // rss-parser recognised no feed; any other failure is its code tripping over an odd structure.
  const what = message.startsWith('Feed not recognized') ? rootName : `unreadable ${rootName}`;
  return new ParseError('NOT_A_FEED', `not a feed: ${what} document`, { cause: error });
}
