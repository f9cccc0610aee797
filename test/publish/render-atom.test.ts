/** Atom 1.0 output read back by rss-parser and xml2js: URL feed id, urn entry ids, categories with term. */
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderFeed } from '../../src/publish/render-feed.ts';
import { drugRingStory, makeCopy, makeView, roadAccidentStory } from './fixtures.ts';
import { expectWellFormedXml, linksByRel, parseXml } from './xml-checks.ts';

const FEED = 'http://localhost:8080/feeds/an-ninh-trat-tu.atom';

/** RFC 3339 instants compare by value: `feed` writes `…00.000Z` where the story holds `…00Z`. */
function instants(values: string[]): string[] {
  return values.map((value) => new Date(value).toISOString());
}

async function feedOf(xml: string): Promise<any> {
  expectWellFormedXml(xml);
  return (await parseXml(xml)).feed;
}

describe('renderFeed atom', () => {
  const xml = renderFeed('atom', makeView());

  it('reads back as an Atom feed in Vietnamese with a stable URL id', async () => {
    const feed = await feedOf(xml);
    expect(feed.$).toEqual({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'vi' });
    expect(feed.id).toEqual([FEED]);
    expect(instants(feed.updated)).toEqual(instants(['2024-05-02T03:00:00Z']));
    expect(feed.author[0].name).toEqual(['bantin']);
    const parsed = await new Parser().parseString(xml);
    expect(parsed.title).toBe('An ninh trật tự');
    expect(parsed.items).toHaveLength(2);
  });

  it('keeps the same feed id on every page', async () => {
    const feed = await feedOf(renderFeed('atom', makeView({ page: 2, lastPage: 2 })));
    expect(feed.id).toEqual([FEED]);
  });

  it('identifies entries by the urn:uuid story id and links the shown copy', async () => {
    const [entry] = (await feedOf(xml)).entry;
    expect(entry.id).toEqual([drugRingStory.id]);
    // `feed` leaves out rel, whose default is alternate (RFC 4287 4.2.7.2), and the type hint.
    expect(entry.link[0].$).toEqual({
      href: 'https://congan.hoabinh.gov.vn/tin-tuc/triet-pha-duong-day-ma-tuy-xuyen-tinh-1234.html',
    });
  });

  it('gives published and updated from the story dates', async () => {
    const entries = (await feedOf(xml)).entry;
    expect(entries.map((entry: any) => instants([entry.published[0], entry.updated[0]]))).toEqual([
      instants(['2024-05-02T01:30:00Z', '2024-05-02T03:00:00Z']),
      instants([roadAccidentStory.datePublished, roadAccidentStory.dateModified]),
    ]);
  });

  it('writes categories with a term, the Vietnamese label and the rule that filed the story as scheme', async () => {
    const entries = (await feedOf(xml)).entry;
    expect(entries[0].category.map((category: any) => category.$)).toEqual([
      { term: 'an-ninh-trat-tu', label: 'An ninh trật tự', scheme: 'urn:bantin:category-rule:categoryMap' },
    ]);
    // The second category's rule is not known (a story not yet filed again after an upgrade): no scheme.
    expect(entries[1].category.map((category: any) => category.$)).toEqual([
      { term: 'an-ninh-trat-tu', label: 'An ninh trật tự', scheme: 'urn:bantin:category-rule:keyword' },
      { term: 'giao-thong', label: 'Giao thông' },
    ]);
  });

  it('carries HTML content with provenance, the author and the image enclosure', async () => {
    const entry = (await feedOf(xml)).entry[1];
    expect(entry.content[0]).toEqual({
      _:
        '<p>Vụ va chạm xảy ra tại xã Dân Hòa, huyện Tân Lạc.</p><p>Nguồn: ' +
        '<a href="https://hoabinh.gov.vn/tin-tuc/tai-nan-quoc-lo-6.html?id=7&amp;trang=2">Cổng TTĐT tỉnh Hòa Bình</a>' +
        ' · <a href="http://localhost:8080/stories/0b7e4a52-3c1d-4e8f-9a6b-5c4d3e2f1a0b">Xem mọi bản đăng</a></p>',
      $: { type: 'html' },
    });
    expect(entry.link.at(-1).$).toEqual({ rel: 'related', type: 'text/html', href: 'http://localhost:8080/stories/0b7e4a52-3c1d-4e8f-9a6b-5c4d3e2f1a0b' });
    expect(entry.author[0].name).toEqual(['Cổng TTĐT tỉnh Hòa Bình']);
    expect(entry.link[1].$).toEqual({ rel: 'enclosure', type: 'image/png', href: 'https://hoabinh.gov.vn/images/quoc-lo-6.png' });
  });

  it('types every image enclosure by our guess, not by feed\'s image/<extension>', async () => {
    const handler = { ...roadAccidentStory, copies: [makeCopy({ sourceId: 'hoabinh-gov', imageUrl: 'https://hoabinh.gov.vn/ImageHandler.ashx?id=5&w=600' })] };
    const entries = (await feedOf(renderFeed('atom', makeView({ stories: [drugRingStory, handler] })))).entry;
    expect(entries.map((entry: any) => entry.link[1].$)).toEqual([
      { rel: 'enclosure', type: 'image/jpeg', href: 'https://congan.hoabinh.gov.vn/uploads/2024/05/ma-tuy.JPG' },
      { rel: 'enclosure', type: 'image/jpeg', href: 'https://hoabinh.gov.vn/ImageHandler.ashx?id=5&w=600' },
    ]);
  });

  it('escapes plain-text titles for the type="html" that feed declares', async () => {
    const title = 'Giá xăng < 20.000 đồng & "ổn định" ]]> ]]>';
    const story = { ...roadAccidentStory, copies: [makeCopy({ sourceId: 'hoabinh-gov', title })] };
    const [entry] = (await feedOf(renderFeed('atom', makeView({ stories: [story] })))).entry;
    expect(entry.title[0]).toEqual({ _: 'Giá xăng &lt; 20.000 đồng &amp; &quot;ổn định&quot; ]]&gt; ]]&gt;', $: { type: 'html' } });
  });

  it('keeps a category label holding "<", "&" and quotes well-formed', async () => {
    const label = 'An ninh <trật tự> & "xã hội"';
    const categoryTitles = new Map([['an-ninh-trat-tu', label]]);
    const [entry] = (await feedOf(renderFeed('atom', makeView({ stories: [drugRingStory], categoryTitles })))).entry;
    expect(entry.category[0].$).toEqual({ term: 'an-ninh-trat-tu', label, scheme: 'urn:bantin:category-rule:categoryMap' });
  });

  it.each([
    { page: 1, lastPage: 1, expected: { alternate: 'http://localhost:8080/', self: FEED } },
    {
      page: 1,
      lastPage: 2,
      expected: { alternate: 'http://localhost:8080/', self: FEED, first: FEED, next: `${FEED}?page=2`, last: `${FEED}?page=2` },
    },
    {
      page: 2,
      lastPage: 2,
      expected: { alternate: 'http://localhost:8080/', self: `${FEED}?page=2`, first: FEED, previous: FEED, last: `${FEED}?page=2` },
    },
  ])('links page $page of $lastPage with RFC 5005 relations', async ({ page, lastPage, expected }) => {
    const feed = await feedOf(renderFeed('atom', makeView({ page, lastPage })));
    expect(linksByRel(feed.link)).toEqual(expected);
  });

  it('announces the WebSub hub', async () => {
    const feed = await feedOf(renderFeed('atom', makeView({ websubHub: 'https://hub.example.vn/' })));
    expect(linksByRel(feed.link).hub).toBe('https://hub.example.vn/');
  });
});
