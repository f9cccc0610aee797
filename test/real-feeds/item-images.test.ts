// Replays a provincial newspaper's feed whose photos sit in a lead <img> of the description or in per-item <image> / <thumb> elements: every copy with one must publish it.
import { describe, expect, it } from 'vitest';
import { firstContentImage } from '../../src/pipeline/normalize/content-image.ts';
import { parseFeed } from '../../src/pipeline/parse/parse-feed.ts';
import { ingestFixtureFeeds } from '../helpers/ingest-fixture-feed.ts';
import { checkAtom } from '../publish/feed-rules/atom-rules.ts';
import { createJsonFeedValidator } from '../publish/feed-rules/json-feed-schema.ts';
import { checkRss } from '../publish/feed-rules/rss-rules.ts';
import { parseXml } from '../publish/xml-checks.ts';

const NOW = new Date('2026-11-24T09:00:00.000Z');
const SITE = 'https://baoquangninh.example.vn';
const EXPECTED_IMAGES: Record<string, { url: string; type: string } | undefined> = {
  'bqn-3301': { url: `${SITE}/dataimages/202611/thumbnail/truong-tieu-hoc-ha-long.jpg`, type: 'image/jpeg' },
  'bqn-3302': { url: 'https://cdn.baoquangninh.example.vn/images/2026/11/24/cau-bai-chay.png', type: 'image/png' },
  'bqn-3303': { url: `${SITE}/Uploads/Images/2026/11/24/thumb_kiem-tra-pccc.JPG`, type: 'image/jpeg' },
  'bqn-3304': { url: `${SITE}/dataimages/202611/original/carnaval-van-don.webp`, type: 'image/webp' },
  'bqn-3305': { url: `${SITE}/dataimages/202611/original/trao-qua-mong-cai.jpeg`, type: 'image/jpeg' },
  'bqn-3306': undefined,
};

describe('a feed whose images sit in descriptions and per-item elements', () => {
  it('gives each copy its image and publishes it as RSS enclosure, Atom rel="enclosure" and JSON Feed image, all valid', async () => {
    const result = await ingestFixtureFeeds({ 'bao-quang-ninh': 'rss2-item-images.xml' }, NOW);
    const images = Object.fromEntries(result.data.stories.map((story) => [story.copies[0]!.key.replace('guid:', ''), story.copies[0]!.imageUrl]));
    expect(images).toEqual(Object.fromEntries(Object.entries(EXPECTED_IMAGES).map(([guid, image]) => [guid, image?.url])));

    const rss = result.feed('all.rss');
    const items = (await parseXml(rss)).rss.channel[0].item as any[];
    const enclosures = Object.fromEntries(items.map((item) => [item.link[0].split('-').at(-1).replace('.html', ''), item.enclosure?.[0].$]));
    for (const [guid, image] of Object.entries(EXPECTED_IMAGES)) {
      // RSS 2.0 needs a length; 0 is the RSS Board's value for a size not known (the W3C validator flags only negatives).
      expect(enclosures[guid.replace('bqn-', '')]).toEqual(image === undefined ? undefined : { url: image.url, type: image.type, length: '0' });
    }
    expect(await checkRss(rss, { location: 'http://bantin.test/feeds/all.rss', now: NOW })).toEqual([]);

    const atom = result.feed('all.atom');
    const entries = (await parseXml(atom)).feed.entry as any[];
    const atomImages = entries.flatMap((entry) => entry.link.filter((link: any) => link.$.rel === 'enclosure').map((link: any) => link.$));
    expect(atomImages).toEqual(expect.arrayContaining(Object.values(EXPECTED_IMAGES).flatMap((image) => (image ? [{ rel: 'enclosure', href: image.url, type: image.type }] : []))));
    expect(atomImages).toHaveLength(5);
    expect(await checkAtom(atom, { location: 'http://bantin.test/feeds/all.atom', now: NOW })).toEqual([]);

    const json = JSON.parse(result.feed('all.json'));
    expect(json.items.map((item: any) => item.image).filter(Boolean).sort()).toEqual(
      Object.values(EXPECTED_IMAGES).flatMap((image) => (image ? [image.url] : [])).sort(),
    );
    expect(createJsonFeedValidator('bantin')(json)).toEqual([]);
  });
});

describe('per-item image elements', () => {
  const item = (element: string) =>
    `<rss version="2.0"><channel><title>Báo</title><item><title>Tin ảnh</title><link>https://bao.example.vn/tin-1.html</link>${element}</item></channel></rss>`;

  it.each([
    { shape: 'address as text', element: '<image>https://bao.example.vn/anh/1.jpg</image>', expected: 'https://bao.example.vn/anh/1.jpg' },
    { shape: 'address in CDATA', element: '<image><![CDATA[ /anh/2.png ]]></image>', expected: '/anh/2.png' },
    { shape: 'channel-image shape', element: '<image><url>https://bao.example.vn/anh/3.jpg</url><title>Ảnh</title></image>', expected: 'https://bao.example.vn/anh/3.jpg' },
    { shape: 'url attribute', element: '<thumb url="https://bao.example.vn/anh/4.jpg"/>', expected: 'https://bao.example.vn/anh/4.jpg' },
    { shape: 'src attribute', element: '<thumb src="/ImageHandler.ashx?id=5"/>', expected: '/ImageHandler.ashx?id=5' },
    { shape: 'enclosure before them', element: '<thumb>/anh/t.jpg</thumb><enclosure url="https://bao.example.vn/anh/e.jpg" type="image/jpeg" length="9"/>', expected: 'https://bao.example.vn/anh/e.jpg' },
    { shape: '<image> before <thumb>', element: '<thumb>/anh/t.jpg</thumb><image>/anh/i.jpg</image>', expected: '/anh/i.jpg' },
  ])('are read from an item: $shape', async ({ element, expected }) => {
    expect((await parseFeed(item(element))).items[0]!.imageUrl).toBe(expected);
  });

  it.each([
    { html: '<p>Chữ</p><img src="https://bao.example.vn/a.jpg" alt="Ảnh" />', expected: 'https://bao.example.vn/a.jpg' },
    { html: '<img alt="x src=&quot;https://x.example.vn/sai.jpg" src="https://bao.example.vn/dung.jpg" />', expected: 'https://bao.example.vn/dung.jpg' },
    { html: '<img alt="x src=" src="https://bao.example.vn/dung.jpg" />', expected: 'https://bao.example.vn/dung.jpg' },
    { html: '<img src="https://bao.example.vn/a.jpg?w=600&amp;h=400" />', expected: 'https://bao.example.vn/a.jpg?w=600&h=400' },
    { html: '<p>Không có ảnh</p>', expected: undefined },
  ])('first content image of $html is $expected', ({ html, expected }) => {
    expect(firstContentImage(html)).toBe(expected);
  });
});
