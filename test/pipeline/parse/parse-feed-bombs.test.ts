// XML bombs never go off: entity declarations are dropped with the DOCTYPE, so no entity is expanded
// or fetched, and a parse stays linear in the body (which the fetch stage caps at maxFeedBytes).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/errors.ts';
import { parseFeed } from '../../../src/pipeline/parse/parse-feed.ts';
import { rejectionOf } from '../../helpers/rejection.ts';

const readFixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');

/** Parses text and reports how long it took and how much the heap grew meanwhile. */
async function measure(text: string): Promise<{ feed: Awaited<ReturnType<typeof parseFeed>>; ms: number; heapMb: number }> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const feed = await parseFeed(text);
  return { feed, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1e6 };
}

describe('parseFeed against XML bombs', () => {
  it('does not expand a quadratic blowup (a 100 kB entity referenced 50 000 times)', async () => {
    const entity = 'Hòa Bình '.repeat(11_000);
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "${entity}">]>\n` +
      `<rss version="2.0"><channel><item><title>Tin</title><description>${'&a;'.repeat(50_000)}</description></item></channel></rss>`;
    // Expanded, the description alone would be about 5 GB.
    const { feed, ms, heapMb } = await measure(xml);
    expect(feed.items[0]?.summary).toBe('&a;'.repeat(50_000));
    expect(JSON.stringify(feed).length).toBeLessThan(xml.length);
    expect(ms).toBeLessThan(2_000);
    expect(heapMb).toBeLessThan(200);
  });

  it('never expands parameter entities, nor lets them declare or fetch anything', async () => {
    const feed = await parseFeed(readFixture('parameter-entities.xml'));
    expect(feed.title).toBe('Cổng thông tin Điện Biên');
    expect(feed.items[0]).toMatchObject({ title: 'Điện Biên &injected;', summary: '%file; &send;' });
    expect(JSON.stringify(feed)).not.toContain('đã bị chèn');
  });

  it.each([
    { name: 'a lower-case doctype', prolog: '<!doctype rss [<!ENTITY x "BOOM">]>' },
    { name: 'a doctype after a comment and a PI', prolog: '<?xml version="1.0"?><!-- c --><?pi x?><!DOCTYPE rss [<!ENTITY x "BOOM">]>' },
    { name: 'a doctype whose entity value hides "]>"', prolog: '<!DOCTYPE rss [<!ENTITY x "]> BOOM">]>' },
    { name: 'an external DTD beside the subset', prolog: '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>' },
  ])('leaves &x; unexpanded behind $name', async ({ prolog }) => {
    const feed = await parseFeed(`${prolog}<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>`);
    expect(feed.items).toEqual([{ title: '&x;', categories: [] }]);
  });

  it('refuses a doctype placed inside the document instead of obeying it', async () => {
    const error = await rejectionOf(parseFeed('<rss version="2.0"><!DOCTYPE rss [<!ENTITY x "BOOM">]><channel><item><title>&x;</title></item></channel></rss>'), ParseError);
    expect(error).toMatchObject({ code: 'XML', message: 'XML error at line 1: inappropriately located doctype declaration' });
  });

  it('leaves out an item nested deep enough to overflow the stack, and keeps the others (issue 10)', async () => {
    const depth = 50_000;
    const deep = `<item><description>${'<div>'.repeat(depth)}${'</div>'.repeat(depth)}</description></item>`;
    const xml = `<rss version="2.0"><channel>${deep}<item><title>Tin Lào Cai</title></item></channel></rss>`;
    const started = performance.now();
    const feed = await parseFeed(xml);
    expect(feed).toEqual({
      items: [{ title: 'Tin Lào Cai', categories: [] }],
      dropped: [{ element: 'item', position: 1, reason: 'elements nested more than 100 levels deep' }],
    });
    expect(performance.now() - started).toBeLessThan(3_000); // linear in depth, not quadratic
  });

  it('parses a 10 MB body of entities and repairs in bounded time', async () => {
    const xml = `<rss version="2.0"><channel><item><title>${'&amp;&nbsp;&#x41;&bogus; a & b < c '.repeat(280_000)}</title></item></channel></rss>`;
    expect(xml.length).toBeGreaterThan(9_000_000);
    const { feed, ms } = await measure(xml);
    expect(feed.items).toHaveLength(1);
    expect(ms).toBeLessThan(8_000);
  });

  it('parses a feed of 40 000 items in bounded time and memory', async () => {
    const item = '<item><title>Tin Lào Cai</title><link>https://laocai.example.vn/1</link></item>';
    const xml = `<rss version="2.0"><channel>${item.repeat(40_000)}</channel></rss>`;
    const { feed, ms, heapMb } = await measure(xml);
    expect(feed.items).toHaveLength(40_000);
    expect(ms).toBeLessThan(5_000);
    expect(heapMb).toBeLessThan(400); // linear: a few tens of bytes of heap per byte of body
  });
});
