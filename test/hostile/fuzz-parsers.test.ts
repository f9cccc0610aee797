// Replays random damage to small valid feeds and random text (fixed seed): parsers throw only ParseError, and all text comes out NFC.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.ts';
import type { Copy } from '../../src/model/types.ts';
import { decodeBody } from '../../src/pipeline/fetch/decode-body.ts';
import { stripTextBoilerplate, stripTitleBoilerplate } from '../../src/pipeline/merge/strip-boilerplate.ts';
import { canonicalizeUrl } from '../../src/pipeline/normalize/canonical-url.ts';
import { normalizeItem } from '../../src/pipeline/normalize/normalize-item.ts';
import { parseFeedDate } from '../../src/pipeline/normalize/parse-date.ts';
import { htmlToText, sanitizedHtmlToText, sanitizeContent } from '../../src/pipeline/normalize/sanitize-content.ts';
import { comparisonKey, foldToneMarks, lineComparisonKeys, toNfc } from '../../src/pipeline/normalize/vietnamese-text.ts';
import { parseFeed } from '../../src/pipeline/parse/parse-feed.ts';
import { cleanText, escapeHtml } from '../../src/publish/clean-text.ts';
import { summarize } from '../../src/publish/entry-content.ts';
import { makeSource } from '../helpers/make-copy.ts';

const SEED = 20_261_125;
const FEED_RUNS = 250;
const TEXT_RUNS = 300;
const NOW = new Date('2026-11-25T03:00:00Z');
const SOURCE = makeSource('bao-tinh');

const FEEDS = ['rss2-cong-an-hoa-binh.xml', 'atom-cong-thong-tin-quang-ninh.xml', 'rss1-bao-son-la.xml', 'rss2-quirks-entities.xml', 'jsonfeed-bao-lao-cai.json']
  .map((name) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8'));

// What breaks parsers: markup halves, entity and CDATA edges, JSON punctuation, decomposed and invisible
// characters, lone surrogates, a DOCTYPE, and deep or stray elements (deep-nesting.test.ts goes thousands deep).
const TOKENS = [
  '<', '>', '/>', '</', '&', '&amp;', '&#x301;', '&#769;', '&#0;', '&#xD800;', '&nbsp;', '&bogus;', ']]>', '<![CDATA[', '<!--', '-->',
  '<b>', '</b>', '</i>', '<item>', '</item>', '<entry>', '</entry>', '<title>', '</title>', '<content type="xhtml">', '"', "'", '=',
  '\u0000', '\u0008', '\uFEFF', '\u200B', 'a\u0301', 'Hoa\u0300', '\uD800', '\uDC00', '{', '}', '[', ']', ',', ':', 'null', '"\\u0301"',
  '<!DOCTYPE rss [<!ENTITY a "b">]>', '<?xml version="1.0" encoding="windows-1258"?>', '<b>'.repeat(300), '[[[[[[[[', 'Thứ Ba, 19/11/2024 - 19h40',
];

type Mutation =
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'delete' | 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, change: Mutation): string {
  const at = change.at % (text.length + 1);
  switch (change.kind) {
    case 'insert': return text.slice(0, at) + change.token + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + change.length);
    case 'duplicate': return text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at + change.length);
    case 'truncate': return text.slice(0, at);
  }
}

function isNfc(text: string): boolean {
  return text === text.normalize('NFC');
}

/** Every string a copy carries, named, for the NFC check. */
function copyTexts(copy: Copy): [string, string][] {
  return [
    ['title', copy.title], ['contentHtml', copy.contentHtml], ['key', copy.key], ['url', copy.url],
    ...copy.sourceCategories.map((category): [string, string] => ['category', category]),
    ...(copy.author === undefined ? [] : [['author', copy.author] as [string, string]]),
  ];
}

/** The collect path after the fetch: decode, parse, normalise. Resolves to the copies' text that is not NFC. */
async function ingestBody(text: string): Promise<string[]> {
  const { text: decoded } = decodeBody(Buffer.from(text, 'utf8'), 'application/xml');
  let feed;
  try {
    feed = await parseFeed(decoded);
  } catch (error) {
    if (error instanceof ParseError) return [];
    throw error;
  }
  return feed.items
    .map((item) => normalizeItem(item, { source: SOURCE, feedLink: feed.link, now: NOW }))
    .flatMap((copy) => (copy === undefined ? [] : copyTexts(copy)))
    .filter(([, value]) => !isNfc(value))
    .map(([field, value]) => `${field}: ${JSON.stringify(value)}`);
}

describe('parsers under random damage', () => {
  it('throw nothing but ParseError and give NFC copies for any mutation of a valid feed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FEEDS), fc.array(mutation, { minLength: 1, maxLength: 8 }), async (feed, changes) => {
        expect(await ingestBody(changes.reduce(mutate, feed))).toEqual([]);
      }),
      { seed: SEED, numRuns: FEED_RUNS },
    );
  });
});

// Text functions whose result is text promise NFC; the others only must not throw.
const TEXT_FUNCTIONS: Readonly<Record<string, (input: string) => string | string[] | unknown>> = {
  toNfc,
  foldToneMarks,
  comparisonKey,
  lineComparisonKeys,
  stripTitleBoilerplate,
  stripTextBoilerplate,
  sanitizeContent: (input) => sanitizeContent(input, 'https://baotinh.example.vn/'),
  htmlToText,
  sanitizedHtmlToText,
  cleanText,
  escapeHtml,
  summarize,
  parseFeedDate: (input) => parseFeedDate(input, 'Asia/Ho_Chi_Minh'),
  canonicalizeUrl: (input) => canonicalizeUrl(input, 'https://baotinh.example.vn/tin/'),
};

const PIECES = [...TOKENS, 'Công an', 'hoà', 'thuỷ', 'Thuy\u0309', ' ', '\n', '\t', '[Clip]', '(Ảnh: T.L)', 'Theo ', 'Nguồn:', 'https://', '?utm_source=x', '#', '%E1%BA', '%'];
const text = fc.oneof(fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 60 }));

describe('text functions on random text', () => {
  it.each(Object.entries(TEXT_FUNCTIONS))('%s never throws and returns NFC text', (_name, run) => {
    fc.assert(
      fc.property(text, (input) => {
        const result = run(input);
        for (const value of [result].flat()) if (typeof value === 'string') expect(isNfc(value), JSON.stringify(value)).toBe(true);
      }),
      { seed: SEED, numRuns: TEXT_RUNS },
    );
  });
});
