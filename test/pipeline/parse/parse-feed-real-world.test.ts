// Quirks met in the real-world corpus (../shared/corpus), each repaired so the feed still yields its items.
// Ids: RW-<suite>-<n>, after the corpus file that showed the problem.
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/model/types.ts';
import { ParseError } from '../../../src/errors.ts';
import { normalizeItem } from '../../../src/pipeline/normalize/normalize-item.ts';
import { parseFeed } from '../../../src/pipeline/parse/parse-feed.ts';
import { rejectionOf } from '../../helpers/rejection.ts';

const SOURCE: SourceConfig = { id: 'tin', name: 'Tin', priority: 0, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true };
const atom = (entry: string, ns = 'http://www.w3.org/2005/Atom'): string => `<feed xmlns="${ns}"><title>Báo Hà Giang</title><entry>${entry}</entry></feed>`;

/** The title bantin would publish for the first item. */
async function shownTitle(xml: string): Promise<string | undefined> {
  const item = (await parseFeed(xml)).items[0];
  return item && normalizeItem({ link: 'https://hagiang.example.vn/1', ...item }, { source: SOURCE, now: new Date() })?.title;
}

describe('parseFeed real-world repairs', () => {
  it('RW-FP-1: reads a feed whose last tag lost its ">" (feedparser entities/*)', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>Tin &alpha;</title><item><title>Một</title></item></channel></rss\n');
    expect(feed.items).toHaveLength(1);
  });

  it.each([
    { input: '&alpha;&Omega;&sigmaf;', expected: 'αΩς' },
    { input: '&sum;&radic;&infin;&hearts;&rArr;&lceil;', expected: '∑√∞♥⇒⌈' },
    { input: '&thetasym;&weierp;&alefsym;&there4;&sdot;', expected: 'ϑ℘ℵ∴⋅' },
  ])('RW-FP-2: knows all of HTML 4\'s named entities: "$input"', async ({ input, expected }) => {
    const feed = await parseFeed(`<rss version="2.0"><channel><item><title>${input}</title></item></channel></rss>`);
    expect(feed.items[0]?.title).toBe(expected);
  });

  it('RW-FP-3: reads an <rss> under an XHTML DOCTYPE pasted by a CMS template', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">\n<rss><channel><title>found</title></channel></rss>';
    expect((await parseFeed(xml)).title).toBe('found');
  });

  it.each([
    { name: 'an Atom text title keeps "<" as text', entry: '<title type="text">History of the &lt;blink&gt; tag</title>', shown: 'History of the <blink> tag' },
    { name: 'an untyped Atom title is text (RFC 4287 §3.1.1)', entry: '<title>A &amp;lt;b&amp;gt; B</title>', shown: 'A &lt;b&gt; B' },
    { name: 'an Atom html title is HTML', entry: '<title type="html">Example &lt;b&gt;Atom&lt;/b&gt; &amp;amp; co</title>', shown: 'Example Atom & co' },
    { name: 'an Atom xhtml title is its text', entry: '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b></div></title>', shown: 'Example Atom' },
    { name: 'an xhtml title hides its scripts', entry: '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An toàn<script>alert(1)</script></div></title>', shown: 'An toàn' },
    { name: 'an Atom 1.0 base64 title', entry: '<title type="application/octet-stream">VGluIG3hu5tp</title>', shown: 'Tin mới' },
  ])('RW-FP-4: $name', async ({ entry, shown }) => {
    expect(await shownTitle(atom(entry))).toBe(shown);
  });

  it('RW-FP-4: an Atom 0.3 base64 html title', async () => {
    const entry = `<title type="text/html" mode="base64">${Buffer.from('Tin <b>mới</b>').toString('base64')}</title>`;
    expect(await shownTitle(atom(entry, 'http://purl.org/atom/ns#').replace('<feed', '<feed version="0.3"'))).toBe('Tin mới');
  });

  it('RW-FP-4: an RSS title with naked markup keeps all its words', async () => {
    expect(await shownTitle('<rss version="2.0"><channel><item><title>Công an <b>Hà Giang</b></title></item></channel></rss>')).toBe('Công an Hà Giang');
  });

  it('RW-W3C-1: an Atom <link> without href or an empty <entry/> costs only itself', async () => {
    const xml = atom('<title>Một</title><link/><link rel="alternate" href="https://hagiang.example.vn/1"/></entry><entry/><entry><title>Hai</title>');
    const feed = await parseFeed(xml);
    expect(feed.items.map((item) => item.title)).toEqual(['Một', undefined, 'Hai']);
    expect(feed.items[0]?.link).toBe('https://hagiang.example.vn/1');
  });

  it('RW-FP-5: says so when an <rss> has no channel', async () => {
    const error = await rejectionOf(parseFeed('<?xml version="1.0" encoding="big5"?>\n<rss>\n</rss>'), ParseError);
    expect(error).toMatchObject({ code: 'NOT_A_FEED', message: 'not a feed: rss document without a channel' });
  });

  it.each([
    { element: '<issued>2003-12-31T10:14:55Z</issued>', ns: 'http://purl.org/atom/ns#' },
    { element: '<created>2003-12-31T10:14:55Z</created>', ns: 'http://purl.org/atom/ns#' },
    { element: '<modified>2003-12-31T10:14:55Z</modified>', ns: 'http://purl.org/atom/ns#' },
  ])('RW-FP-6: reads the Atom 0.3 date in $element', async ({ element, ns }) => {
    expect((await parseFeed(atom(`<title>x</title>${element}`, ns))).items[0]?.date).toBe('2003-12-31T10:14:55Z');
  });

  it.each(['issued', 'created', 'modified'])('RW-FP-6: reads an RSS item\'s dcterms:%s date', async (name) => {
    const xml = `<rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/"><channel><item><title>x</title><dcterms:${name}>2003-12-31T10:14:55Z</dcterms:${name}></item></channel></rss>`;
    expect((await parseFeed(xml)).items[0]?.date).toBe('2003-12-31T10:14:55Z');
  });

  it('RW-FP-6: prefers the publication date to the modification date', async () => {
    const xml = atom('<title>x</title><updated>2024-05-02T00:00:00Z</updated><published>2024-05-01T00:00:00Z</published>');
    expect((await parseFeed(xml)).items[0]?.date).toBe('2024-05-01T00:00:00Z');
  });
});
