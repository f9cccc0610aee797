/** OPML 2.0 subscription list: one rss outline per category the caller passes. */
import { describe, expect, it } from 'vitest';
import { renderOpml } from '../../src/publish/render-opml.ts';
import { BASE_URL } from './fixtures.ts';
import { expectWellFormedXml, parseXml } from './xml-checks.ts';

const categories = [
  { id: 'all', title: 'Tất cả tin' },
  { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', description: 'Tin an ninh & trật tự' },
  { id: 'giao-thong', title: 'Giao thông' },
];

async function render(dateModified?: string): Promise<any> {
  const xml = renderOpml({ baseUrl: BASE_URL, title: 'bantin — bản tin các tỉnh', categories, dateModified });
  expectWellFormedXml(xml);
  return (await parseXml(xml)).opml;
}

describe('renderOpml', () => {
  it('writes an OPML 2.0 head dated at the fixed epoch when no date is given', async () => {
    const opml = await render();
    expect(opml.$).toEqual({ version: '2.0' });
    expect(opml.head[0]).toEqual({
      title: ['bantin — bản tin các tỉnh'],
      dateCreated: ['Thu, 01 Jan 1970 00:00:00 GMT'],
      dateModified: ['Thu, 01 Jan 1970 00:00:00 GMT'],
      docs: ['http://opml.org/spec2.opml'],
    });
  });

  it('dates the list from the input in RFC 822', async () => {
    const opml = await render('2024-05-02T03:00:00Z');
    expect(opml.head[0].dateModified).toEqual(['Thu, 02 May 2024 03:00:00 GMT']);
  });

  it('lists one rss outline per category, in order, with its RSS address', async () => {
    const outlines = (await render()).body[0].outline.map((outline: any) => outline.$);
    expect(outlines).toHaveLength(3);
    expect(outlines[1]).toEqual({
      type: 'rss',
      text: 'An ninh trật tự',
      title: 'An ninh trật tự',
      description: 'Tin an ninh & trật tự',
      language: 'vi',
      version: 'RSS2',
      xmlUrl: 'http://localhost:8080/feeds/an-ninh-trat-tu.rss',
      htmlUrl: 'http://localhost:8080/',
    });
    expect(outlines.map((outline: any) => outline.xmlUrl)).toEqual([
      'http://localhost:8080/feeds/all.rss',
      'http://localhost:8080/feeds/an-ninh-trat-tu.rss',
      'http://localhost:8080/feeds/giao-thong.rss',
    ]);
  });

  it('renders identical bytes for the same input', () => {
    const input = { baseUrl: BASE_URL, title: 'bantin', categories };
    expect(renderOpml(input)).toBe(renderOpml(input));
  });
});
