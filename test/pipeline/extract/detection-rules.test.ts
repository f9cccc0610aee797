// The detection rules added for the blind page set (docs/architecture.md "Reading portals without feeds"),
// each on a small page written for it, so a rule is held even where the blind set would not notice.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/pipeline/extract/extract-article.ts';
import { findArticleLinks } from '../../../src/pipeline/extract/find-article-links.ts';
import { htmlToText } from '../../../src/pipeline/normalize/sanitize-content.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const URL_ = 'https://phuongtanhoa.example.gov.vn/tin-tuc/bai-viet-1.html';
const PARAGRAPHS = [
  'Sáng 3/12, UBND phường Tân Hòa tổ chức hội nghị tổng kết công tác chuyển đổi số, với sự tham dự của đại diện các tổ dân phố, đoàn thể và người dân.',
  'Trong năm, phường đã hướng dẫn hơn 2.000 người dân cài đặt ứng dụng định danh điện tử, thanh toán không dùng tiền mặt và nộp hồ sơ trực tuyến.',
  'Phát biểu kết luận, Chủ tịch UBND phường đề nghị các tổ công nghệ số cộng đồng tiếp tục bám sát địa bàn, hỗ trợ người cao tuổi, hộ kinh doanh.',
];
const body = (extra = ''): string => `${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n')}${extra}`;
const text = (html: string): string => htmlToText(html).replace(/\s+/g, ' ').trim();

describe('reading an article page', () => {
  it('finds the text inside a form that wraps the whole page (ASP.NET, SharePoint)', () => {
    const page = `<html><body><form id="aspnetForm" method="post"><div class="menu"><a href="/">Trang chủ</a></div><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><div class="noi-dung">${body()}</div></form></body></html>`;
    expect(text(extractArticle(page, URL_, undefined, ZONE).contentHtml)).toContain(PARAGRAPHS[0]);
  });

  it('takes the headline the page shows over an og:title that does not hold it, and og:title when it does', () => {
    const page = (og: string) => `<html><head><meta property="og:title" content="${og}"></head><body><div class="tin"><h2 class="tieu-de">Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h2><div class="content">${body()}</div></div></body></html>`;
    expect(extractArticle(page('Cổng thông tin điện tử phường Tân Hòa'), URL_, undefined, ZONE)).toMatchObject({ title: 'Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026', rules: { title: 'title-named element' } });
    expect(extractArticle(page('Cao Bằng: Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026'), URL_, undefined, ZONE)).toMatchObject({ title: 'Cao Bằng: Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026', rules: { title: 'og:title' } });
  });

  it('takes the date printed just above the headline over one further down, and never time.updated', () => {
    const above = `<html><body><div class="ngay">Thứ Năm, 03/12/2026 - 10:15</div><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><div class="sapo">Hội nghị ghi nhận nhiều mô hình hay.</div><div class="a"><div class="b"><div class="c"><span>Tin trước: 28/11/2026</span></div></div></div><div class="content">${body()}</div></body></html>`;
    expect(extractArticle(above, URL_, undefined, ZONE).date).toBe('thứ năm, 03/12/2026 - 10:15');
    const times = `<html><body><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><time class="updated" datetime="2026-12-04T08:00:00+07:00">04/12</time><time class="published" datetime="2026-12-03T10:15:00+07:00">03/12</time><div class="content">${body()}</div></body></html>`;
    expect(extractArticle(times, URL_, undefined, ZONE).date).toBe('2026-12-03T10:15:00+07:00');
  });

  it('removes a "Xem thêm: <link>" pointer alone and keeps the text after it', () => {
    const page = `<html><body><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><div class="content">${PARAGRAPHS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}<p><strong>Xem thêm: <a href="/tin-tuc/khac.html">Ra mắt tổ công nghệ số cộng đồng</a></strong></p><p>${PARAGRAPHS[2]}</p></div></body></html>`;
    const content = text(extractArticle(page, URL_, undefined, ZONE).contentHtml);
    expect(content).toContain(PARAGRAPHS[2]);
    expect(content).not.toContain('Xem thêm');
  });

  it('reads "Name - unit" and a unit line under a name as bylines, keeping the name', () => {
    const page = (byline: string) => `<html><body><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><div class="content">${body(byline)}</div></body></html>`;
    const dashed = extractArticle(page('<p align="right">Hoàng Thu Trang - Văn phòng HĐND và UBND phường</p>'), URL_, undefined, ZONE);
    expect(dashed.author).toBe('Hoàng Thu Trang');
    expect(text(dashed.contentHtml)).not.toContain('Văn phòng');
    const twoLines = extractArticle(page('<p align="right"><b><span>Hoàng Thu Trang</span></b></p><p align="right"><i><span>Sở Khoa học và Công nghệ</span></i></p>'), URL_, undefined, ZONE);
    expect(twoLines.author).toBe('Hoàng Thu Trang');
    expect(text(twoLines.contentHtml)).not.toMatch(/Hoàng Thu Trang|Sở Khoa học/);
    expect(extractArticle(page('<div align="right"><b>Ban Văn hóa - Xã hội phường</b></div>'), URL_, undefined, ZONE).author).toBe('Ban Văn hóa - Xã hội phường');
  });
});

describe('reading a list page', () => {
  const item = (n: number) => `<li class="item"><a href="/tin-tuc/bai-${n}.html"><img src="/a.jpg" alt=""></a><h4><a href="/tin-tuc/bai-${n}.html">Tin số ${n} về hoạt động của phường Tân Hòa</a></h4><a rel="category tag" href="/chuyen-muc/thoi-su/">Thời sự địa phương hôm nay</a></li>`;
  const page = `<html><body><div class="col-main"><div class="featured"><a href="/tin-tuc/bai-1.html"><img src="/big.jpg" alt="Tin nổi bật đầu trang về phường Tân Hòa"></a><h2><a href="/tin-tuc/bai-1.html">Tin nổi bật đầu trang về hoạt động của phường Tân Hòa</a></h2></div><ul class="list">${[2, 3, 4, 5].map(item).join('')}</ul></div><div class="col-right"><h3>Video</h3><ul class="list">${[8, 9].map((n) => `<li class="item"><h4><a href="/video/clip-${n}.html">Clip số ${n} về hoạt động của phường Tân Hòa</a></h4></li>`).join('')}</ul></div></body></html>`;

  it('takes the featured item printed before the list, and no category link repeated in every item', () => {
    const urls = findArticleLinks(page, 'https://phuongtanhoa.example.gov.vn/tin-tuc', {}, ZONE).entries.map((entry) => new URL(entry.url).pathname);
    expect(urls).toEqual(['/tin-tuc/bai-1.html', '/tin-tuc/bai-2.html', '/tin-tuc/bai-3.html', '/tin-tuc/bai-4.html', '/tin-tuc/bai-5.html']);
  });
});

describe('a pointer line whose words and link sit in separate elements', () => {
  it('is removed alone, and a related-news heading after the text still cuts what follows', () => {
    const page = `<html><body><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><div class="content"><p>${PARAGRAPHS[0]}</p><p><strong>Xem thêm:</strong> <a href="/tin-tuc/khac.html">Ra mắt tổ công nghệ số cộng đồng</a></p><p>${PARAGRAPHS[1]}</p><h3>Tin liên quan</h3><ul><li><a href="/tin-tuc/b.html">Hội nghị cử tri cuối năm tại phường Tân Hòa</a></li></ul></div></body></html>`;
    const content = text(extractArticle(page, URL_, undefined, ZONE).contentHtml);
    expect(content).toContain(PARAGRAPHS[1]);
    expect(content).not.toMatch(/Xem thêm|Tin liên quan|Hội nghị cử tri/);
  });
});

describe('a related-news heading that is itself a link to its category', () => {
  it('still cuts the related list and everything after it', () => {
    const page = `<html><body><h1>Phường Thục Phán ra mắt mô hình camera an ninh ở tổ dân phố</h1><div class="content">${PARAGRAPHS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}<h3><a href="/chuyen-muc/an-ninh">Tin cùng chuyên mục</a></h3><ul><li><a href="/tin-tuc/c.html">Công an phường tuần tra đêm dịp cuối năm</a></li><li><a href="/tin-tuc/d.html">Tập huấn phòng cháy cho hộ kinh doanh</a></li></ul><p>Bản quyền thuộc Cổng thông tin phường.</p></div></body></html>`;
    const content = text(extractArticle(page, URL_, undefined, ZONE).contentHtml);
    expect(content).toContain(PARAGRAPHS[1]);
    expect(content).not.toMatch(/Tin cùng chuyên mục|tuần tra đêm|Tập huấn phòng cháy|Bản quyền/);
  });
});

describe('bylines the second blind set showed', () => {
  const page = (byline: string, head = '') => `<html><head>${head}</head><body><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><div class="content">${body(byline)}</div></body></html>`;

  it('reads initials as a name, and a unit on the next visual line (after <br>) as the unit, keeping the name', () => {
    const initials = extractArticle(page('<p style="text-align:right"><strong>K.V.L</strong></p>'), URL_, undefined, ZONE);
    expect(initials.author).toBe('K.V.L');
    expect(text(initials.contentHtml).endsWith(PARAGRAPHS[2]!)).toBe(true);
    const broken = extractArticle(page('<p><strong>K.V.L</strong><br>Trung tâm Văn hóa phường</p>'), URL_, undefined, ZONE);
    expect(broken.author).toBe('K.V.L');
    expect(text(broken.contentHtml)).not.toMatch(/K\.V\.L|Trung tâm Văn hóa/);
  });

  it('keeps a line broken by <br> as text when its second line is not a unit', () => {
    const poem = extractArticle(page('<p>Hoàng Long<br>Năm nay phường sẽ mở thêm lớp học cho người cao tuổi.</p>'), URL_, undefined, ZONE);
    expect(poem.author).toBeUndefined();
    expect(text(poem.contentHtml)).toContain('mở thêm lớp học');
  });

  it('passes over a CMS account name ("admin", "Super User") in meta or JSON-LD for the closing byline', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"admin"}}</script><meta name="author" content="Super User">';
    expect(extractArticle(page('<p align="right"><b>Theo K.V.L</b></p>', jsonLd), URL_, undefined, ZONE)).toMatchObject({ author: 'K.V.L', rules: { author: 'closing byline' } });
    expect(extractArticle(page('<p align="right"><b>Theo K.V.L</b></p>', '<meta name="author" content="Thu Hà">'), URL_, undefined, ZONE)).toMatchObject({ author: 'Thu Hà', rules: { author: 'meta author' } });
  });
});

describe('headlines the second blind set showed', () => {
  const HEADLINE = 'Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026';

  it('passes over an h1 holding the site name in the page header', () => {
    const page = `<html><body><div class="header"><a class="logo" href="/"><img src="/logo.png" alt=""></a><h1 class="ten-cong">CỔNG THÔNG TIN ĐIỆN TỬ PHƯỜNG TÂN HÒA</h1></div><div class="chi-tiet"><h3 class="tieu-de">${HEADLINE}</h3><div class="content">${body()}</div></div></body></html>`;
    expect(extractArticle(page, URL_, undefined, ZONE)).toMatchObject({ title: HEADLINE, rules: { title: 'title-named element' } });
    const alone = `<html><body><div class="header"><h1>${HEADLINE}</h1></div><div class="content">${body()}</div></body></html>`;
    expect(extractArticle(alone, URL_, undefined, ZONE)).toMatchObject({ title: HEADLINE, rules: { title: 'first h1' } });
  });

  it('takes the headline, not an og:title that joins the site name to it with a dash or bar', () => {
    const page = (og: string) => `<html><head><meta property="og:title" content="${og}"></head><body><h1>${HEADLINE}</h1><div class="content">${body()}</div></body></html>`;
    expect(extractArticle(page(`UBND phường Tân Hòa - ${HEADLINE}`), URL_, undefined, ZONE)).toMatchObject({ title: HEADLINE, rules: { title: 'first h1' } });
    expect(extractArticle(page(`${HEADLINE} | Cổng thông tin phường`), URL_, undefined, ZONE)).toMatchObject({ title: HEADLINE, rules: { title: 'first h1' } });
  });

  it("reads Joomla 1.5's td.contentheading as the headline", () => {
    const page = `<html><head><title>Cổng thông tin phường - ${HEADLINE}</title></head><body><table class="contentpaneopen"><tr><td class="contentheading">${HEADLINE}</td></tr></table><table class="contentpaneopen"><tr><td>${body()}</td></tr></table></body></html>`;
    expect(extractArticle(page, URL_, undefined, ZONE)).toMatchObject({ title: HEADLINE, rules: { title: 'title-named element' } });
  });
});

describe('dates of other articles the second blind set showed', () => {
  const HEADLINE = '<h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1>';

  it('takes no date from another article\'s item or link, even when the page prints none of its own', () => {
    const page = `<html><body>${HEADLINE}<div class="meta"><span class="ngay"></span></div><div class="content">${body()}</div><ul><li><a href="/tin-tuc/b.html">Hội nghị cử tri cuối năm tại phường Tân Hòa</a> <span>(01/12/2026 10:00)</span></li></ul><ul><li><a href="/van-ban/kh-12">Kế hoạch số 12/KH-UBND ngày 28/11/2026</a></li></ul></body></html>`;
    expect(extractArticle(page, URL_, undefined, ZONE)).toMatchObject({ rules: { date: 'time first seen' } });
  });

  it('still reads a permalink printed as the date, and a date beside a category link', () => {
    const permalink = `<html><body>${HEADLINE}<span class="date"><a href="${URL_}" rel="bookmark"><span>Thứ Năm, 03/12/2026 - 10:15</span></a></span><div class="content">${body()}</div></body></html>`;
    expect(extractArticle(permalink, URL_, undefined, ZONE).date).toBe('thứ năm, 03/12/2026 - 10:15');
    const category = `<html><body>${HEADLINE}<div class="info"><span>Ngày đăng: 03/12/2026 10:15</span> <a href="/van-hoa">Văn hóa - Xã hội</a></div><div class="content">${body()}</div></body></html>`;
    expect(extractArticle(category, URL_, undefined, ZONE).date).toBe('03/12/2026 10:15');
  });
});

describe('a table-layout page whose body is text runs in one <font>', () => {
  it('finds the body, its paragraphs split by <br><br>, beside menu and link cells', () => {
    const cell = (links: string) => `<td width="180"><table>${links}</table></td>`;
    const menu = cell(['Giới thiệu chung về phường', 'Tin hoạt động của phường', 'Văn bản chỉ đạo điều hành'].map((t, i) => `<tr><td><a href="m.asp?id=${i}">${t}</a></td></tr>`).join(''));
    const page = `<html><body><table><tr>${menu}<td><table><tr><td><font class="title"><b>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</b></font></td></tr><tr><td><font face="Arial" size="2">${PARAGRAPHS.join('<br><br>')}<br><br></font></td></tr></table></td></tr></table></body></html>`;
    const article = extractArticle(page, URL_, undefined, ZONE);
    expect(article.rules.content).toBe('detected main text td');
    expect(text(article.contentHtml)).toContain(PARAGRAPHS[2]);
    expect(text(article.contentHtml)).not.toContain('Văn bản chỉ đạo');
  });
});

describe('a body pasted from Word as a one-column layout table', () => {
  const row = (cell: string) => `<tr><td>${cell}</td></tr>`;
  const para = (text: string) => `<p class="MsoNormal"><span lang="VI">${text}</span><o:p></o:p></p>`;

  it('takes every row of text, image and caption around the best cell, and stops at a row without paragraphs', () => {
    const table = `<table class="MsoNormalTable">${row(para(PARAGRAPHS[0]!) + para(PARAGRAPHS[1]!))}${row('<p class="MsoNormal" align="center"><img src="/anh/hoi-nghi.jpg"></p>')}${row('<p class="MsoNormal" align="center"><i><span>Quang cảnh hội nghị tổng kết tại phường Tân Hòa</span></i><i><span>.</span></i></p>')}${row(para(PARAGRAPHS[2]!) + '<p class="MsoNormal" align="right"><b>Nguồn: K.V.L</b></p>')}<tr><td class="ngay-sua">Cập nhật lúc 10:15 ngày 04/12/2026 bởi quản trị hệ thống</td></tr></table>`;
    const page = `<html><body><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><div class="noi-dung">${table}</div><div class="lien-quan"><h3>Tin liên quan</h3></div></body></html>`;
    const article = extractArticle(page, URL_, undefined, ZONE);
    const content = text(article.contentHtml);
    expect(content.startsWith(PARAGRAPHS[0]!)).toBe(true);
    expect(content).toContain('Quang cảnh hội nghị tổng kết tại phường Tân Hòa.');
    expect(content.endsWith(PARAGRAPHS[2]!)).toBe(true);
    expect(article.author).toBe('K.V.L');
  });

  it('leaves a table with two cells in a row (data or the page columns) to its best cell', () => {
    const page = `<html><body><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><table><tr><td>${body()}</td><td>${para('Cột bên phải của trang, ghi những thông báo khác của phường Tân Hòa, nhiều chữ, dấu phẩy, và dài hơn.')}</td></tr><tr><td colspan="2">${para('Bản quyền thuộc Ủy ban nhân dân phường Tân Hòa, ghi rõ nguồn khi phát hành lại thông tin.')}</td></tr></table></body></html>`;
    expect(text(extractArticle(page, URL_, undefined, ZONE).contentHtml)).not.toMatch(/Cột bên phải|Bản quyền/);
  });
});

describe('a labelled byline printed outside the content', () => {
  const HEADLINE = '<h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1>';

  it('is read between the headline and the content, or just after the content', () => {
    const head = `<html><body>${HEADLINE}<div class="thong-tin">Tác giả: K.V.L</div><div class="content">${body()}</div></body></html>`;
    expect(extractArticle(head, URL_, undefined, ZONE)).toMatchObject({ author: 'K.V.L', rules: { author: 'labelled byline beside the content' } });
    const after = `<html><body>${HEADLINE}<div class="content">${body()}</div><div class="tac-gia"><b>Tin, ảnh: K.V.L</b></div><div class="chia-se"><a href="#">Chia sẻ</a></div></body></html>`;
    const article = extractArticle(after, URL_, undefined, ZONE);
    expect(article).toMatchObject({ author: 'K.V.L', rules: { author: 'labelled byline beside the content' } });
    // The content is the article's paragraphs alone: neither the byline below it nor the share row after that.
    expect(text(article.contentHtml)).toBe(PARAGRAPHS.join(' '));
  });

  it('is not taken from an unlabelled name there, nor from far below the content', () => {
    const bare = `<html><body>${HEADLINE}<div class="thong-tin">Hoàng Long</div><div class="content">${body()}</div></body></html>`;
    expect(extractArticle(bare, URL_, undefined, ZONE).author).toBeUndefined();
    const far = `<html><body>${HEADLINE}<div class="content">${body()}</div>${'<div><span>Liên kết</span></div>'.repeat(5)}<div>Tác giả: K.V.L</div></body></html>`;
    expect(extractArticle(far, URL_, undefined, ZONE).author).toBeUndefined();
  });
});

describe('ad slots inside the content', () => {
  it('drops AMP ad elements with their placeholder, and a line reading only "Quảng cáo"', () => {
    const page = `<html><body><h1>Phường Tân Hòa tổng kết công tác chuyển đổi số năm 2026</h1><div class="content"><p>${PARAGRAPHS[0]}</p><amp-ad width="300" height="250" type="adsense"><div placeholder>Đang tải nội dung tài trợ</div></amp-ad><p>${PARAGRAPHS[1]}</p><div class="khung-giua"><span>Quảng cáo</span></div><p>${PARAGRAPHS[2]}</p></div></body></html>`;
    const content = text(extractArticle(page, URL_, undefined, ZONE).contentHtml);
    expect(content).toContain(PARAGRAPHS[2]);
    expect(content).not.toMatch(/Đang tải|Quảng cáo/);
  });
});

describe('a list whose items are card links (image, title and date in one <a>)', () => {
  const card = (n: number, extra = '') => `<a href="/tin-tuc/bai-${n}"${extra}><img src="/t${n}.jpg" alt=""><span class="title">Tin số ${n} về hoạt động của phường Tân Hòa</span><span class="date">0${n}/12/2026</span></a>`;
  it('takes the featured card printed before the list, its title in a title-named part rather than a heading', () => {
    const page = `<html><body><div class="cate-news"><div class="news-first">${card(1)}<p class="sapo">Tóm tắt tin đầu trang.</p></div><ul class="list-news">${[2, 3, 4].map((n) => `<li>${card(n)}</li>`).join('')}</ul></div><div class="block"><div class="block-title">Văn bản mới</div><ul><li><a href="/van-ban/qd-45">Quyết định số 45/QĐ-UBND về lịch tiếp dân</a></li></ul></div></body></html>`;
    const urls = findArticleLinks(page, 'https://phuongtanhoa.example.gov.vn/tin-tuc', {}, ZONE).entries.map((entry) => new URL(entry.url).pathname);
    expect(urls).toEqual(['/tin-tuc/bai-1', '/tin-tuc/bai-2', '/tin-tuc/bai-3', '/tin-tuc/bai-4']);
  });
});

describe('a table-layout list page', () => {
  it('leaves out a box whose title fills a row of its own and whose items are the rows after it', () => {
    const side = `<td width="180"><table><tr><td class="boxtitle"><b>TIN NỔI BẬT</b></td></tr><tr><td><a href="chitiet.asp?id=70&amp;cat=3">Trao bằng khen cho các tập thể tiêu biểu</a></td></tr><tr><td><a href="chitiet.asp?id=71&amp;cat=3">Hội nghị cán bộ công chức đầu năm của phường</a></td></tr></table></td>`;
    const item = (n: number) => `<tr><td><a href="chitiet.asp?id=${n}&amp;cat=1"><b>Tin số ${n} về hoạt động của phường Tân Hòa</b></a></td></tr>`;
    const page = `<html><body><table><tr>${side}<td><table><tr><td><b>TIN HOẠT ĐỘNG</b></td></tr>${[1, 2, 3].map(item).join('')}</table></td></tr></table></body></html>`;
    const urls = findArticleLinks(page, 'https://phuongtanhoa.example.gov.vn/tintuc.asp?cat=1', {}, ZONE).entries.map((entry) => new URL(entry.url).search);
    expect(urls).toEqual(['?id=1&cat=1', '?id=2&cat=1', '?id=3&cat=1']);
  });
});
