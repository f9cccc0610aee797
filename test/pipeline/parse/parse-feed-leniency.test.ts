// parseFeed's leniency and safety: DOCTYPEs removed so no entity is ever expanded or fetched, entities repaired.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/pipeline/parse/parse-feed.ts';

const readFixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const rss = (title: string): string =>
  `<rss version="2.0"><channel><item><title>${title}</title></item></channel></rss>`;

describe('parseFeed safety', () => {
  it('parses a billion-laughs document at once without expanding it', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const feed = await parseFeed(readFixture('billion-laughs.xml'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50_000_000);
    expect(feed.title).toBe('Bản tin Yên Bái &lol9;');
    expect(feed.items[0]?.title).toBe('&lol9;&lol9;&lol9;');
  });

  it('never resolves an external entity', async () => {
    const feed = await parseFeed(readFixture('external-entity.xml'));
    expect(feed.items[0]).toMatchObject({ title: 'Hà Giang &xxe;', summary: '&xxe;' });
    expect(JSON.stringify(feed)).not.toContain('root:');
  });

  it('removes a DOCTYPE without an internal subset', async () => {
    const xml = `<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">${rss('Tin Bắc Kạn')}`;
    expect((await parseFeed(xml)).items[0]?.title).toBe('Tin Bắc Kạn');
  });
});

describe('parseFeed text repairs', () => {
  it.each([
    { input: 'Hòa Bình & Sơn La', expected: 'Hòa Bình & Sơn La' },
    { input: 'A&B; và C', expected: 'A&B; và C' },
    { input: 'Tin&nbsp;nóng', expected: 'Tin\u00a0nóng' },
    { input: 'Caf&eacute; &Eacute;', expected: 'Café É' },
    { input: '&dstrok;&#7863;c bi&#x1EC7;t', expected: 'đặc biệt' },
    { input: '&ldquo;Trích dẫn&rdquo;&hellip;', expected: '“Trích dẫn”…' },
    { input: '&lt;b&gt; &amp;amp; &quot;x&quot; &apos;y&apos;', expected: '<b> &amp; "x" \'y\'' },
    { input: 'đầu&#0;cuối&#xFFFF;', expected: 'đầucuối' },
    { input: 'thiếu dấu chấm phẩy &nbsp và &#;', expected: 'thiếu dấu chấm phẩy &nbsp và &#;' },
    { input: '&yuml;&Yuml;&euro;', expected: 'ÿŸ€' },
    { input: 'giá < 5 triệu, tỷ lệ <3% và 1<2', expected: 'giá < 5 triệu, tỷ lệ <3% và 1<2' },
  ])('reads "$input" as "$expected"', async ({ input, expected }) => {
    expect((await parseFeed(rss(input))).items[0]?.title).toBe(expected);
  });

  it('repairs a bare & inside an attribute value', async () => {
    const xml = '<rss version="2.0"><channel><item><enclosure url="/a.jpg?w=1&h=2" type="image/jpeg"/></item></channel></rss>';
    expect((await parseFeed(xml)).items[0]?.imageUrl).toBe('/a.jpg?w=1&h=2');
  });

  it('leaves CDATA exactly as written', async () => {
    const xml = '<rss version="2.0"><channel><item><title><![CDATA[Q&A &nbsp; &amp;]]></title></item></channel></rss>';
    expect((await parseFeed(xml)).items[0]?.title).toBe('Q&A &nbsp; &amp;');
  });
});
