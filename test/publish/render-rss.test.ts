/** RSS 2.0 output read back by rss-parser and xml2js: ids, dates, categories, provenance, paging. */
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderFeed } from '../../src/publish/render-feed.ts';
import { drugRingStory, makeCopy, makeView } from './fixtures.ts';
import { expectWellFormedXml, linksByRel, parseXml } from './xml-checks.ts';

const FEED = 'http://localhost:8080/feeds/an-ninh-trat-tu.rss';

async function channelOf(xml: string): Promise<any> {
  expectWellFormedXml(xml);
  return (await parseXml(xml)).rss.channel[0];
}

describe('renderFeed rss', () => {
  const xml = renderFeed('rss', makeView());

  it('reads back as an RSS 2.0 channel in Vietnamese', async () => {
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('An ninh trật tự');
    expect(feed.link).toBe('http://localhost:8080/');
    expect((feed as any).language).toBe('vi');
    expect((feed as any).lastBuildDate).toBe('Thu, 02 May 2024 03:00:00 GMT');
    expect(feed.items).toHaveLength(2);
    expectWellFormedXml(xml);
  });

  it('shows the representative copy under a non-permalink guid equal to the story id', async () => {
    const [item] = (await channelOf(xml)).item;
    expect(item.guid[0]).toEqual({ _: drugRingStory.id, $: { isPermaLink: 'false' } });
    expect(item.title[0]).toBe('Công an tỉnh Hòa Bình triệt phá đường dây ma túy xuyên tỉnh');
    expect(item.link[0]).toBe('https://congan.hoabinh.gov.vn/tin-tuc/triet-pha-duong-day-ma-tuy-xuyen-tinh-1234.html');
  });

  it('dates items by the story publication in RFC 822', async () => {
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((item) => item.pubDate)).toEqual(['Thu, 02 May 2024 01:30:00 GMT', 'Wed, 01 May 2024 10:00:00 GMT']);
    expect(feed.items[0]?.isoDate).toBe('2024-05-02T01:30:00.000Z');
  });

  it('names categories by their Vietnamese titles and authors with dc:creator, never <author>', async () => {
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((item) => item.categories)).toEqual([['An ninh trật tự'], ['An ninh trật tự', 'Giao thông']]);
    expect(feed.items.map((item) => item.creator)).toEqual(['Đức Anh', 'Cổng TTĐT tỉnh Hòa Bình']);
    // RSS <author> must be an email address (W3C validator); feed 6.0.0 writes a bare name there.
    expect(xml).not.toContain('<author>');
  });

  it('puts the full HTML and a provenance line listing every copy in content:encoded', async () => {
    const [item] = (await new Parser().parseString(xml)).items;
    expect(item?.['content:encoded']).toBe(
      '<p>Phòng Cảnh sát điều tra tội phạm về ma túy đã bắt giữ 5 đối tượng.</p>' +
        '<p>Nguồn: <a href="https://baohoabinh.com.vn/phap-luat/triet-pha-duong-day-ma-tuy-189012.htm">Báo Hòa Bình</a>, ' +
        '<a href="https://congan.hoabinh.gov.vn/tin-tuc/triet-pha-duong-day-ma-tuy-xuyen-tinh-1234.html">Công an tỉnh Hòa Bình</a>' +
        ' · <a href="http://localhost:8080/stories/6f1c2b3a-9d4e-4f5a-8b7c-1a2b3c4d5e6f">Xem mọi bản đăng</a></p>',
    );
  });

  it('attaches the image as an enclosure typed from its extension', async () => {
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((item) => item.enclosure?.type)).toEqual(['image/jpeg', 'image/png']);
    expect(feed.items[1]?.enclosure?.url).toBe('https://hoabinh.gov.vn/images/quoc-lo-6.png');
  });

  it.each([
    { page: 1, lastPage: 1, expected: { self: FEED } },
    { page: 1, lastPage: 3, expected: { self: FEED, first: FEED, next: `${FEED}?page=2`, last: `${FEED}?page=3` } },
    {
      page: 2,
      lastPage: 3,
      expected: { self: `${FEED}?page=2`, first: FEED, previous: FEED, next: `${FEED}?page=3`, last: `${FEED}?page=3` },
    },
    { page: 3, lastPage: 3, expected: { self: `${FEED}?page=3`, first: FEED, previous: `${FEED}?page=2`, last: `${FEED}?page=3` } },
  ])('links page $page of $lastPage with RFC 5005 atom:link relations', async ({ page, lastPage, expected }) => {
    const channel = await channelOf(renderFeed('rss', makeView({ page, lastPage })));
    expect(linksByRel(channel['atom:link'])).toEqual(expected);
  });

  it('announces the WebSub hub and types the self link', async () => {
    const channel = await channelOf(renderFeed('rss', makeView({ websubHub: 'https://pubsubhubbub.appspot.com/' })));
    const links = channel['atom:link'].map((link: any) => link.$);
    expect(links).toContainEqual({ rel: 'hub', href: 'https://pubsubhubbub.appspot.com/' });
    expect(links).toContainEqual({ rel: 'self', href: FEED, type: 'application/rss+xml' });
  });

  it('keeps a title holding several "]]>" intact in its CDATA section', async () => {
    const title = 'Mã a]]>b, x]]>y]]>';
    const story = { ...drugRingStory, copies: [makeCopy({ sourceId: 'bao-hoabinh', title })] };
    const output = renderFeed('rss', makeView({ stories: [story] }));
    expectWellFormedXml(output);
    expect((await new Parser().parseString(output)).items[0]?.title).toBe(title);
  });

  it('writes the plain-text summary as escaped HTML in <description>, as readers take it', async () => {
    const story = { ...drugRingStory, copies: [makeCopy({ sourceId: 'bao-hoabinh', contentHtml: '<p>Giá xăng &lt; 20.000 đồng &amp; "ổn định"</p>' })] };
    const [item] = (await channelOf(renderFeed('rss', makeView({ stories: [story] })))).item;
    expect(item.description[0]).toBe('Giá xăng &lt; 20.000 đồng &amp; &quot;ổn định&quot;');
  });

  it('escapes a hub address with a query in its atom:link', async () => {
    const hub = 'https://hub.example.vn/?topic=1&mode=publish';
    const channel = await channelOf(renderFeed('rss', makeView({ websubHub: hub, page: 2, lastPage: 3 })));
    expect(linksByRel(channel['atom:link']).hub).toBe(hub);
  });
});
