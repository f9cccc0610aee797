// Replays a national daily's descriptions that end with a list of other stories' headlines: those headlines must neither file nor merge the story they trail.
import { describe, expect, it } from 'vitest';
import { copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { findRelatedBlock, withoutRelatedNavigation } from '../../src/pipeline/normalize/related-list.ts';
import { ingestFixtureFeeds } from '../helpers/ingest-fixture-feed.ts';
import { parseXml } from '../publish/xml-checks.ts';

const NOW = new Date('2026-11-24T06:00:00.000Z');
const PAGE = 'https://laodong.example.vn/xa-hoi/bai-viet-5200.ldo';
const link = (path: string, text: string) => `<a href="https://laodong.example.vn/${path}">${text}</a>`;
const BODY = '<p>Thân bài.</p>';
const LINKS = `<ul><li>${link('a-1.ldo', 'Tin một')}</li><li>${link('b-2.ldo', 'Tin hai')}</li></ul>`;

describe('a national daily whose descriptions end with other stories\' headlines', () => {
  it('files and merges each story by its own text, and publishes the list only when it is more than links', async () => {
    const result = await ingestFixtureFeeds({ 'lao-dong': 'rss2-related-articles-list.xml', 'cong-an-nghe-an': 'rss2-related-headline-teaser.xml' }, NOW);
    const byGuid = new Map(result.data.stories.flatMap((story) => story.copies.map((copy) => [copy.key.replace('guid:', ''), { story, copy }] as const)));

    // Five reports, five stories: the police portal's report is not the festival story that listed its headline.
    expect(result.data.stories).toHaveLength(5);
    expect(Object.fromEntries([...byGuid].map(([guid, { story }]) => [guid, story.categories]))).toEqual({
      'ld-5101': [],
      'ld-5102': [],
      'ld-5103': ['an-ninh-trat-tu'],
      'ld-5104': [],
      'ca-na-771': ['an-ninh-trat-tu'],
    });

    const festival = byGuid.get('ld-5101')!.copy;
    expect(festival.contentHtml).not.toMatch(/<ul|ma túy|lừa đảo|vé máy bay/);
    expect(festival.contentHtml).toMatch(/dệt thổ cẩm\.<\/p>$/);

    const school = byGuid.get('ld-5102')!.copy;
    expect(school.contentHtml).toContain('<p><strong>Tin liên quan:</strong></p><ul><li>');
    expect(copyText(school)).not.toMatch(/Tin liên quan|ma túy|Lừa đảo/);
    expect(copyText(school)).toMatch(/hơn 300 học sinh\.$/);

    expect(byGuid.get('ld-5103')!.copy.contentHtml).toContain('<li>Phạt từ 30 đến 40 triệu đồng');
    expect(byGuid.get('ld-5104')!.copy.contentHtml).toContain('https://vbpl.example.vn/van-ban/nghi-dinh-104-2025.html');

    const items = (await parseXml(result.feed('all.rss'))).rss.channel[0].item as any[];
    const schoolItem = items.find((item) => item.link[0].endsWith('-5102.ldo'));
    expect(schoolItem.description[0]).not.toContain('Bắt quả tang');
    expect(schoolItem['content:encoded'][0]).toContain('Bắt quả tang ba đối tượng vận chuyển ma túy trên Quốc lộ 4C');
  });
});

describe('the trailing related-articles block of sanitised content', () => {
  it.each([
    { shape: 'links to the same site, no heading', html: `${BODY}${LINKS}`, block: LINKS, navigation: true },
    { shape: '"Tin liên quan:" heading in a paragraph', html: `${BODY}<p><strong>Tin liên quan:</strong></p>${LINKS}`, block: `<p><strong>Tin liên quan:</strong></p>${LINKS}`, navigation: true },
    { shape: '">> XEM THÊM" heading, other sites', html: `${BODY}<h3>&gt;&gt; XEM THÊM</h3><ul><li><a href="https://baokhac.example.vn/x.html">Tin khác</a></li></ul>`, block: '<h3>&gt;&gt; XEM THÊM</h3><ul><li><a href="https://baokhac.example.vn/x.html">Tin khác</a></li></ul>', navigation: true },
    { shape: 'wrapped in a div with the body', html: `<div>${BODY}${LINKS}</div>`, block: LINKS, navigation: true },
    { shape: 'in its own trailing div', html: `${BODY}<div><p>Đọc thêm</p>${LINKS}</div>`, block: `<div><p>Đọc thêm</p>${LINKS}</div>`, navigation: true },
    { shape: 'blank paragraph and line break after it', html: `${BODY}${LINKS}<p> </p><br />`, block: LINKS, navigation: true },
    { shape: 'items of a link and its date, with heading', html: `${BODY}<p>Tin liên quan</p><ul><li>${link('a.ldo', 'Tin một')} (23/11)</li></ul>`, block: `<p>Tin liên quan</p><ul><li>${link('a.ldo', 'Tin một')} (23/11)</li></ul>`, navigation: false },
    { shape: 'plain headlines with heading', html: `${BODY}<p>Tin cùng chuyên mục</p><ul><li>Tin một</li><li>Tin hai</li></ul>`, block: '<p>Tin cùng chuyên mục</p><ul><li>Tin một</li><li>Tin hai</li></ul>', navigation: false },
    { shape: 'a link back to the page itself, with heading', html: `${BODY}<p>Xem thêm</p><ul><li><a href="${PAGE}#binh-luan">Bình luận</a></li></ul>`, block: `<p>Xem thêm</p><ul><li><a href="${PAGE}#binh-luan">Bình luận</a></li></ul>`, navigation: false },
  ])('is found: $shape', ({ html, block, navigation }) => {
    const found = findRelatedBlock(html, PAGE)!;
    expect(found).toBeDefined();
    expect({ block: html.slice(found.start, found.end), navigation: found.navigation }).toEqual({ block, navigation });
  });

  it.each([
    { shape: 'a single same-site link without heading', html: `${BODY}<ul><li>${link('a-1.ldo', 'Tin một')}</li></ul>` },
    { shape: 'links to another site without heading', html: `${BODY}<ul><li><a href="https://vbpl.example.vn/1.html">Luật</a></li><li><a href="https://vbpl.example.vn/2.html">Nghị định</a></li></ul>` },
    { shape: 'items with words beside the link, without heading', html: `${BODY}<ul><li>${link('a.ldo', 'Tin một')} và nhiều tin khác</li><li>${link('b.ldo', 'Tin hai')}</li></ul>` },
    { shape: 'a plain closing list', html: `${BODY}<ul><li>Phạt 6 triệu đồng.</li><li>Phạt 18 triệu đồng.</li></ul>` },
    { shape: 'a list followed by text', html: `${LINKS}<p>Minh Anh</p>` },
    { shape: 'a list followed by an image', html: `${LINKS}<img src="https://laodong.example.vn/a.jpg" />` },
    { shape: 'a list in the middle of a paragraph-long heading', html: `<p>Xem thêm các quy định mới về phòng cháy chữa cháy đối với nhà ở riêng lẻ kết hợp kinh doanh tại đây</p><ul><li>Điều 1</li></ul>` },
  ])('is not found: $shape', ({ html }) => {
    expect(findRelatedBlock(html, PAGE)).toBeUndefined();
  });

  it('removes stacked navigation blocks and the wrapper they leave empty, keeping the HTML balanced', () => {
    const html = `<div>${BODY}<p>Tin liên quan</p>${LINKS}<div><p>Tin cùng chuyên mục</p>${LINKS}</div></div>`;
    expect(withoutRelatedNavigation(html, PAGE)).toBe(`<div>${BODY}</div>`);
  });

  it('reads a 200,000-deep nesting without overflowing the stack', () => {
    const deep = `${'<div>'.repeat(200_000)}${BODY}${LINKS}${'</div>'.repeat(200_000)}`;
    expect(findRelatedBlock(deep, PAGE)).toMatchObject({ navigation: true });
  });
});
