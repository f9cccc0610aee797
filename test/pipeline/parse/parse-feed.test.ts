// parseFeed maps each format's fixture to its reviewed expected result, and keeps Vietnamese text intact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/pipeline/fetch/decode-body.ts';
import { parseFeed } from '../../../src/pipeline/parse/parse-feed.ts';
import { encodeWindows1258 } from '../../helpers/encode-windows-1258.ts';

const FIXTURES = new URL('../../fixtures/feeds/', import.meta.url);
const readFixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('parseFeed formats', () => {
  it.each([
    ['RSS 2.0', 'rss2-cong-an-hoa-binh.xml'],
    ['RSS 1.0 (RDF)', 'rss1-bao-son-la.xml'],
    ['Atom 1.0', 'atom-cong-thong-tin-quang-ninh.xml'],
    ['JSON Feed 1.1', 'jsonfeed-bao-lao-cai.json'],
    ['RSS 2.0 with entity quirks', 'rss2-quirks-entities.xml'],
  ])('maps %s (%s) to its expected result', async (_format, file) => {
    const expected: unknown = JSON.parse(readFixture(file.replace(/\.(xml|json)$/, '.expected.json')));
    expect(await parseFeed(readFixture(file))).toEqual(expected);
  });

  it('reads JSON Feed 1.0 with its single author', async () => {
    const feed = await parseFeed(JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      items: [{ id: 'a1', title: 'Lai Châu đón khách', author: { name: 'Thu Hà' }, content_html: '<p>x</p>' }],
    }));
    expect(feed.items).toEqual([{ guid: 'a1', title: 'Lai Châu đón khách', author: 'Thu Hà', contentHtml: '<p>x</p>', categories: [] }]);
  });

  it('reads <rss> without a version attribute as RSS 2.0', async () => {
    const feed = await parseFeed('<rss><channel><item><title>Tin Cao Bằng</title></item></channel></rss>');
    expect(feed.items).toEqual([{ title: 'Tin Cao Bằng', categories: [] }]);
  });
});

describe('parseFeed text', () => {
  const TITLE = 'Thủy điện Hòa Bình mở cửa xả đáy; Công an tỉnh phân luồng giao thông';
  const xml = (encoding: string): string =>
    `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0"><channel><title>${TITLE}</title>` +
    `<item><title>${TITLE}</title><category>Đời sống</category></item></channel></rss>`;

  it('keeps Vietnamese titles and categories exactly as decoded', async () => {
    const feed = await parseFeed(xml('utf-8'));
    expect(feed.title).toBe(TITLE);
    expect(feed.items[0]).toMatchObject({ title: TITLE, categories: ['Đời sống'] });
  });

  it('does not re-decode a string whose declaration names another encoding', async () => {
    const feed = await parseFeed(xml('windows-1258'));
    expect(feed.items[0]?.title).toBe(TITLE);
  });

  it('gets NFC titles from windows-1258 bytes through decodeBody', async () => {
    const { text } = decodeBody(encodeWindows1258(xml('windows-1258')), 'text/xml');
    const feed = await parseFeed(text);
    expect(feed.items[0]?.title).toBe(TITLE.normalize('NFC'));
  });

  it('ignores a BOM left at the start of the text', async () => {
    const feed = await parseFeed(`\uFEFF${xml('utf-8')}`);
    expect(feed.title).toBe(TITLE);
  });
});
