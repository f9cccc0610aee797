// Extraction on portal layouts written for these tests (test/fixtures/html): list-page links and article fields, each
// with the rule that found it, and the content cleaned as SPEC "Portals without feeds" says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/pipeline/extract/extract-article.ts';
import { findArticleLinks } from '../../../src/pipeline/extract/find-article-links.ts';
import { htmlToText } from '../../../src/pipeline/normalize/sanitize-content.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url), 'utf8');
const PORTAL = 'https://hoaan.caobang.example.gov.vn';

describe('findArticleLinks on a commune portal list', () => {
  const found = findArticleLinks(fixture('list-cong-xa.html'), `${PORTAL}/tin-tuc`, {}, ZONE);

  it('takes the repeated block of article links in page order, each once, tracking parameters dropped', () => {
    expect(found.entries.map((entry) => entry.url)).toEqual([
      `${PORTAL}/tin-tuc/dien-tap-phong-chay-chua-chay-tai-cho-hoa-an-123.html`,
      `${PORTAL}/tin-tuc/cong-an-xa-bat-doi-tuong-trom-cap-xe-may-122.html`,
      `${PORTAL}/tin-tuc/trao-nha-dai-doan-ket-cho-ho-ngheo-121.html`,
      `${PORTAL}/tin-tuc/hoi-nghi-cu-tri-truoc-ky-hop-120.html`,
      `${PORTAL}/tin-tuc/tiem-vac-xin-cho-dan-gia-suc-119.html`,
    ]);
    expect(found.rule).toBe('detected: repeated links in div.col-main > div.list-news > div.item.news-item > h3');
  });

  it('keeps each link\'s title and the date printed beside it', () => {
    expect(found.entries[1]).toEqual({
      url: `${PORTAL}/tin-tuc/cong-an-xa-bat-doi-tuong-trom-cap-xe-may-122.html`,
      title: 'Công an xã Hòa An bắt giữ đối tượng trộm cắp xe máy',
      date: '03/12/2026 | 16:45',
    });
  });

  it('never takes menus, breadcrumbs, pagination, "Tin xem nhiều" / "Tin nổi bật" boxes or the footer', () => {
    const urls = found.entries.map((entry) => entry.url).join(' ');
    for (const word of ['gioi-thieu', 'van-ban', 'page=', 'le-hoi', 'cau-treo', 'dai-hoi', 'lien-he']) expect(urls).not.toContain(word);
  });

  it('uses the links selector and linkPattern when given', () => {
    const chosen = findArticleLinks(fixture('list-cong-xa.html'), `${PORTAL}/tin-tuc`, { links: '.box li a', linkPattern: '-9[0-8]\\.html$' }, ZONE);
    expect(chosen.rule).toBe('links selector ".box li a"');
    expect(chosen.entries.map((entry) => entry.url.split('/').pop())).toEqual([
      'le-hoi-long-tong-xa-hoa-an-nam-2026-98.html', 'ra-quan-tong-ket-nam-hoc-moi-97.html', 'khanh-thanh-cau-treo-xom-ban-gioc-96.html', 'dai-hoi-dang-bo-xa-nhiem-ky-moi-90.html',
    ]);
  });

  it('finds nothing on a page without a list of articles', () => {
    const empty = findArticleLinks('<html><body><ul class="menu"><li><a href="/a">Trang chủ</a></li></ul><p>Trang đang bảo trì.</p></body></html>', `${PORTAL}/tin-tuc`, {}, ZONE);
    expect(empty.entries).toEqual([]);
  });
});

describe('extractArticle on a commune portal article', () => {
  const url = `${PORTAL}/tin-tuc/dien-tap-phong-chay-chua-chay-tai-cho-hoa-an-123.html`;
  const article = extractArticle(fixture('article-cong-xa.html'), url, undefined, ZONE);
  const text = htmlToText(article.contentHtml);

  it('finds title, date beside the title, closing byline and main text, saying how', () => {
    expect(article).toMatchObject({ title: 'Xã Hòa An diễn tập phòng cháy chữa cháy tại chợ trung tâm', date: 'thứ sáu, 04/12/2026 - 08:30', author: 'Minh Anh', canonicalUrl: url });
    expect(article.rules).toEqual({ title: 'first h1', date: 'Vietnamese date near the title', author: 'closing byline', content: 'detected main text div.detail-content' });
  });

  it('keeps the paragraphs in the portal\'s wording, and the image with its caption as a figure', () => {
    expect(text.split('\n')[0]).toBe('Sáng 4/12, Ủy ban nhân dân xã Hòa An phối hợp với Công an xã tổ chức diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại chợ trung tâm xã.');
    expect(text.split('\n').at(-1)).toBe('Qua 45 phút, đám cháy được dập tắt, hai người mắc kẹt được đưa ra ngoài an toàn. Buổi diễn tập có 120 người tham gia, gồm dân phòng, tiểu thương và người dân.');
    expect(article.contentHtml).toMatch(/<figure><img src="\/uploads\/2026\/12\/dien-tap.jpg" alt="Diễn tập"><figcaption>Lực lượng dân phòng xã triển khai vòi chữa cháy tại chợ.<\/figcaption><\/figure>/);
  });

  it('removes the byline, "Các tin tức khác" and all after it, the comment form', () => {
    for (const gone of ['Minh Anh', 'Các tin tức khác', 'trộm cắp', 'Ý kiến bạn đọc', 'Lượt xem', 'Chia sẻ']) expect(text).not.toContain(gone);
  });
});

describe('extractArticle on a WordPress-style newspaper article', () => {
  const article = extractArticle(fixture('article-bao-wordpress.html'), 'https://baocaobang.example.vn/phap-luat/triet-pha-duong-day-ma-tuy.html', undefined, ZONE);
  const text = htmlToText(article.contentHtml);

  it('prefers og:title, article:published_time and the JSON-LD author', () => {
    expect(article).toMatchObject({ title: 'Cao Bằng: Triệt phá đường dây mua bán trái phép chất ma túy qua biên giới', date: '2026-12-03T07:15:00+07:00', author: 'Hoàng Long' });
    expect(article.rules).toEqual({ title: 'og:title', date: 'meta article:published_time', author: 'JSON-LD author', content: 'detected main text div.entry-content' });
  });

  it('puts the lead printed apart first, keeps the figure, drops the "Nguồn:" line, share bar and "Tin liên quan"', () => {
    expect(text.split('\n')[0]).toBe('Công an tỉnh Cao Bằng vừa triệt phá thành công đường dây mua bán trái phép chất ma túy, thu giữ 2 bánh heroin.');
    expect(article.contentHtml).toContain('<figcaption>Tang vật thu giữ trong vụ án.</figcaption>');
    expect(text.split('\n').at(-1)).toBe('Hiện Cơ quan Cảnh sát điều tra Công an tỉnh đã khởi tố vụ án, khởi tố bị can và bắt tạm giam các đối tượng để điều tra theo quy định.');
    for (const gone of ['Nguồn', 'Chia sẻ', 'Facebook', 'Tin liên quan', 'heroin qua biên giới']) expect(text).not.toContain(gone);
  });

  it('takes the selectors an operator gives over detection', () => {
    const chosen = extractArticle(fixture('article-bao-wordpress.html'), 'https://baocaobang.example.vn/a.html', { title: 'h1.entry-title', date: '.posted-on', content: '.entry-content', remove: ['figure'] }, ZONE);
    expect(chosen).toMatchObject({ title: 'Triệt phá đường dây mua bán trái phép chất ma túy qua biên giới', date: '03/12/2026 07:15' });
    expect(chosen.rules).toMatchObject({ title: 'title selector "h1.entry-title"', date: 'date selector ".posted-on"', content: 'content selector ".entry-content"' });
    expect(chosen.contentHtml).not.toContain('figure');
  });
});
