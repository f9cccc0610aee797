/**
 * feedparser's `Expect:` lines of the simple form `[not bozo and] <path> == <literal>` whose path names a
 * title, link, id or date of `feed` or `entries[0]`, and how bantin's result for the same file compares.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalizeUrl } from '../../src/pipeline/normalize/canonical-url.ts';
import type { Copy, RawItem } from '../../src/model/types.ts';
import { normalizeItem } from '../../src/pipeline/normalize/normalize-item.ts';
import { htmlToText } from '../../src/pipeline/normalize/sanitize-content.ts';
import { CORPUS_DIR, corpusSource, type CorpusOutcome } from './corpus-files.ts';
import { readPythonLiteral, type PythonValue } from './python-literal.ts';

export type ExpectField = 'entry title' | 'entry link' | 'entry id' | 'entry date' | 'feed title' | 'feed link' | 'feed id' | 'feed date';
/** The entry fields bantin publishes in its own feeds. */
export const PUBLISHED_FIELDS: readonly ExpectField[] = ['entry title', 'entry link', 'entry date'];

export interface FeedparserCase {
  /** Relative to the corpus, e.g. `feedparser/wellformed/rss/item_title.xml`. */
  file: string;
  contentType?: string;
  /** The comparison, when the Expect line is a simple one about a field we compare. */
  check?: { field: ExpectField; path: string; expected: PythonValue };
}

interface IndexRow { path: string; expect: string | null; http_headers: Record<string, string> | null }

const DATE_KEYS = /^(published|updated|created|issued|modified|date)_parsed$/;

/**
 * One case per line of feedparser/EXPECTATIONS.jsonl (the corpus's index of the files' leading comments).
 * The content type comes from the file's own `Header: Content-type: …` comment line, as feedparser's
 * harness serves it; the index stands in for the UTF-16/32 files whose comment cannot be read as ASCII.
 */
export function loadFeedparserCases(): FeedparserCase[] {
  const index = readFileSync(path.join(CORPUS_DIR, 'feedparser/EXPECTATIONS.jsonl'), 'utf8');
  return index.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const row = JSON.parse(line) as IndexRow;
    const file = `feedparser/${row.path}`;
    const indexed = Object.entries(row.http_headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    const contentType = contentTypeFromComment(file) ?? indexed;
    const check = row.expect === null ? undefined : simpleCheck(row.expect);
    return { file, ...(contentType !== undefined && { contentType }), ...(check && { check }) };
  });
}

/** `Header:      Content-type: text/xml; charset=windows-1252` in the file's leading comment. */
export function contentTypeFromComment(file: string): string | undefined {
  const head = readFileSync(path.join(CORPUS_DIR, file)).subarray(0, 4096).toString('latin1');
  return /^Header:\s*Content-type:\s*(.*?)\s*$/im.exec(head)?.[1];
}

/** `not bozo and entries[0]['title'] == u'…'` → { field, path, expected }; anything more complex → undefined. */
export function simpleCheck(expect: string): FeedparserCase['check'] {
  const match = /^\s*(?:not\s+bozo\s+and\s+|bozo\s+and\s+)?((?:feed|entries\[0\])(?:\[(?:'\w+'|"\w+"|\d+)\]|\.\w+)*)\s*==\s*/.exec(expect);
  if (match === null) return undefined;
  const literal = readPythonLiteral(expect, match[0].length);
  if (literal === undefined || expect.slice(literal.end).trim() !== '') return undefined;
  const keys = [...match[1]!.matchAll(/\[(?:'(\w+)'|"(\w+)"|(\d+))\]|\.(\w+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
  const scope = match[1]!.startsWith('feed') ? 'feed' : 'entry';
  const field = fieldOf(scope, scope === 'entry' ? keys.slice(1) : keys);
  return field === undefined ? undefined : { field, path: match[1]!, expected: literal.value };
}

function fieldOf(scope: 'feed' | 'entry', keys: string[]): ExpectField | undefined {
  const key = keys.join('.');
  if (key === 'title' || key === 'title_detail.value') return `${scope} title`;
  if (key === 'link') return `${scope} link`;
  if (key === 'id' || key === 'guid') return `${scope} id`;
  if (keys.length === 1 && DATE_KEYS.test(key)) return `${scope} date`;
  return undefined;
}

/**
 * Whether bantin's result agrees with feedparser's, and what bantin had, for the report. Bantin's view
 * is what it would publish: titles as plain text (so feedparser's `&amp;` or `<b>x</b>` agree with `&`
 * and `x`), links canonical on both sides, dates as instants. An item bantin would drop for want of a
 * link or a title is lent the missing one, so its other fields still count.
 */
export function compareCheck(check: NonNullable<FeedparserCase['check']>, outcome: CorpusOutcome, file: string, now: Date): { agrees: boolean; actual: unknown } {
  if (outcome.kind !== 'feed') return { agrees: false, actual: outcome.kind === 'parse-error' ? outcome.message : 'crash' };
  const item = outcome.feed.items[0];
  const normalized = (lend: Partial<RawItem>): Copy | undefined =>
    outcome.copies[0] ?? (item && normalizeItem({ ...lend, ...definedFields(item) }, { source: corpusSource(file), ...(outcome.feedLink !== undefined && { feedLink: outcome.feedLink }), now }));
  const expected = check.expected;
  switch (check.field) {
    case 'entry title':
    case 'feed title': {
      const actual = check.field === 'feed title' ? plainText(outcome.feed.title) : normalized({ link: LENT_LINK })?.title;
      return { agrees: typeof expected === 'string' && (actual === expected || (actual ?? '') === plainText(expected)), actual };
    }
    case 'entry link':
    case 'feed link': {
      const actual = check.field === 'feed link' ? canonicalizeUrl(outcome.feedLink) : normalized({ title: LENT_TITLE })?.url;
      return { agrees: typeof expected === 'string' && actual !== undefined && actual === canonicalizeUrl(expected, outcome.feedLink), actual };
    }
    case 'entry id': {
      const actual = item?.guid?.normalize('NFC').trim();
      return { agrees: actual === expected, actual };
    }
    case 'entry date': {
      const actual = normalized({ link: LENT_LINK, title: LENT_TITLE })?.datePublished;
      return { agrees: actual !== undefined && actual.slice(0, 19) === tupleToIso(expected), actual };
    }
    case 'feed id':
    case 'feed date':
      return { agrees: false, actual: '(bantin does not read this field)' };
  }
}

const LENT_LINK = 'https://corpus.example/lent-link';
const LENT_TITLE = 'lent title';

/** The item without its undefined fields, so a lent field is not overwritten by an absent one. */
function definedFields(item: RawItem): RawItem {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as unknown as RawItem;
}

/** A title as bantin shows it: the text of its HTML, on one line. */
function plainText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  return htmlToText(html).replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** feedparser's UTC `time.struct_time` tuple (y, m, d, H, M, S, …) as `YYYY-MM-DDTHH:MM:SS`. */
function tupleToIso(value: PythonValue): string | undefined {
  if (!Array.isArray(value) || value.length < 6) return undefined;
  const [y, mo, d, h, mi, s] = value.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString().slice(0, 19);
}
