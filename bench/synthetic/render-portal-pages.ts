/**
 * The HTML of a synthetic provincial portal without a feed: its list page (menu, the repeated block of
 * article links with dates, a "Tin xem nhiều" box, pagination, footer) and its article pages (breadcrumb,
 * date above the title, sapo, body with a captioned photo, closing byline, share bar, "Tin liên quan").
 */
import { slugOf } from './make-province.ts';

export interface PortalArticle {
  slug: string;
  title: string;
  /** Lead first. */
  paragraphs: string[];
  /** Epoch ms. */
  time: number;
  byline: string;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const VN_OFFSET_MS = 7 * 3600 * 1000;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const two = (value: number): string => String(value).padStart(2, '0');

/** `Thứ Ba, 12/03/2026 - 16:45` in Vietnam's time. */
export function portalDate(time: number, withWeekday = true): string {
  const local = new Date(time + VN_OFFSET_MS);
  const date = `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} - ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  return withWeekday ? `${WEEKDAYS[local.getUTCDay()]}, ${date}` : date;
}

export function articleSlug(title: string, serial: number): string {
  return `${slugOf(title).slice(0, 60)}-${serial}`;
}

function chrome(name: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${escape(name)}</title></head>
<body>
<div class="header"><div class="logo"><a href="/">${escape(name)}</a></div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></div>
<div class="container">${body}</div>
<div class="footer"><p>Cơ quan chủ quản: ${escape(name)}. Địa chỉ: số 1 đường Trung tâm. Điện thoại: 0206.3852.xxx</p></div>
</body></html>`;
}

function sidebar(popular: readonly PortalArticle[]): string {
  const items = popular.map((article) => `<li><a href="/tin-tuc/${article.slug}.html">${escape(article.title)}</a></li>`).join('');
  return `<div class="col-right"><div class="box"><h3 class="box-title">Tin xem nhiều</h3><ul>${items}</ul></div>
<div class="box"><h3 class="box-title">Liên kết website</h3><ul><li><a href="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</a></li></ul></div></div>`;
}

/** Newest first, as the portal lists them. */
export function renderListPage(name: string, articles: readonly PortalArticle[]): string {
  const items = articles
    .map(
      (article) => `<div class="item"><a class="thumb" href="/tin-tuc/${article.slug}.html"><img src="/uploads/${article.slug}-thumb.jpg" alt=""></a>
<h3 class="item-title"><a href="/tin-tuc/${article.slug}.html">${escape(article.title)}</a></h3>
<span class="date">${portalDate(article.time, false)}</span><p class="sapo">${escape(article.paragraphs[0]!.slice(0, 160))}…</p></div>`,
    )
    .join('\n');
  const body = `<div class="col-main"><div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức</a></div>
<h2 class="cat-title">Tin tức - Sự kiện</h2><div class="list-news">
${items}
</div><div class="pagination"><span>1</span> <a href="/tin-tuc?page=2">2</a> <a href="/tin-tuc?page=3">3</a> <a href="/tin-tuc?page=2">Sau »</a></div></div>
${sidebar(articles.slice(3, 8))}`;
  return chrome(name, body);
}

export function renderArticlePage(name: string, article: PortalArticle, related: readonly PortalArticle[]): string {
  const [lead, ...rest] = article.paragraphs;
  const middle = Math.min(2, rest.length);
  const body = [
    ...rest.slice(0, middle).map((paragraph) => `<p>${escape(paragraph)}</p>`),
    `<table class="image"><tr><td><img src="/uploads/${article.slug}.jpg" alt=""></td></tr><tr><td class="image-caption">Quang cảnh ${escape(article.title.toLowerCase())}. Ảnh: ${escape(article.byline)}</td></tr></table>`,
    ...rest.slice(middle).map((paragraph) => `<p>${escape(paragraph)}</p>`),
    `<p style="text-align:right"><strong>${escape(article.byline)}</strong></p>`,
  ].join('\n');
  const relatedItems = related.map((other) => `<li><a href="/tin-tuc/${other.slug}.html">${escape(other.title)}</a> <span>(${portalDate(other.time, false).slice(0, 10)})</span></li>`).join('');
  const main = `<div class="col-main"><div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức</a></div>
<div class="news-detail"><div class="date-detail">${portalDate(article.time)}</div>
<h1 class="title-detail">${escape(article.title)}</h1>
<div class="sapo"><strong>${escape(lead!)}</strong></div>
<div class="detail-content">
${body}
</div>
<div class="share-bar">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> | <a href="javascript:window.print()">In bài</a> | Lượt xem: 1.024</div>
<div class="related"><h3>Tin liên quan</h3><ul>${relatedItems}</ul></div></div></div>
${sidebar(related)}`;
  return chrome(name, main);
}
