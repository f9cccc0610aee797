/** The home page, in Vietnamese: each category with its newest headlines and subscribe links, source health, last run. */
import { CONTENT_TYPES, FEED_FORMATS, type CategorySummary, type Headline } from '../publish/feed-catalog.ts';
import { feedUrl, storyUrl } from '../publish/feed-links.ts';
import { VERSION } from '../version.ts';
import { buildHealthReport, ingestionProblems, type HealthReport, type SourceHealth } from './health-report.ts';
import { html, safe, type SafeHtml } from './html.ts';
import { HOME_SCRIPT, HOME_STYLE } from './home-assets.ts';
import { searchForm } from './render-search.ts';
import type { ServeState } from './serve-state.ts';

const FORMAT_LABELS = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' } as const;

export function renderHome(state: ServeState): string {
  const { config, catalog } = state;
  const formatTime = timeFormatter(config.timezone);
  const report = buildHealthReport(state);
  const page = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bantin — Bản tin các cổng thông tin tỉnh</title>
<link rel="icon" href="data:,">
${catalog.summaries.map((category) => renderAutodiscovery(category, config.baseUrl))}
<style>${safe(HOME_STYLE)}</style>
</head>
<body>
<header><h1>bantin</h1><p>Tin tức từ các cổng thông tin của tỉnh, gộp mỗi sự việc thành một tin, kèm danh sách nguồn đã đăng.</p></header>
<main>
${searchForm(config.baseUrl)}
<section aria-labelledby="chuyen-muc"><h2 id="chuyen-muc">Chuyên mục</h2>
${catalog.summaries.map((category) => renderCategory(category, config.baseUrl, formatTime))}
<p><a href="${config.baseUrl}/feeds.opml">Tải danh sách mọi chuyên mục (OPML)</a></p>
</section>
<section aria-labelledby="nguon-tin"><h2 id="nguon-tin">Nguồn tin</h2>
${renderSources(report.sources, formatTime)}
</section>
<p class="run">Lần thu thập gần nhất: ${report.lastRun ? formatTime(report.lastRun) : 'chưa có'} · Trạng thái: ${overallStatusText(report)}</p>
</main>
<footer><p>bantin ${VERSION} · <a href="${config.baseUrl}/healthz">/healthz</a></p></footer>
<script>${safe(HOME_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}

/** One `<link rel="alternate">` per category and format, so readers and browsers find every feed from the page. */
function renderAutodiscovery(category: CategorySummary, baseUrl: string): SafeHtml {
  return html`${FEED_FORMATS.map(
    // The media type without its charset parameter, as autodiscovery links conventionally give it.
    (format) => html`<link rel="alternate" type="${CONTENT_TYPES[format].split(';')[0]}" title="${category.title} (${FORMAT_LABELS[format]})" href="${feedUrl(baseUrl, category.id, format)}">\n`,
  )}`;
}

function renderCategory(category: CategorySummary, baseUrl: string, formatTime: (iso: string) => string): SafeHtml {
  const { headlines } = category;
  return html`<article class="category" id="cm-${category.id}">
<h3>${category.title} <span class="count">${category.storyCount} tin</span></h3>
${category.description ? html`<p class="desc">${category.description}</p>` : ''}
<ul class="subscribe">${FEED_FORMATS.map((format) => {
    const url = feedUrl(baseUrl, category.id, format);
    return html`<li><a href="${url}">${FORMAT_LABELS[format]}</a> <button type="button" class="copy" data-url="${url}" aria-label="Sao chép địa chỉ ${FORMAT_LABELS[format]}">Sao chép</button></li>`;
  })}</ul>
${headlines.length === 0 ? html`<p class="empty">Chưa có tin.</p>` : html`<ol class="headlines">${headlines.map((headline) => renderHeadline(headline, baseUrl, formatTime))}</ol>`}
</article>
`;
}

function renderHeadline(headline: Headline, baseUrl: string, formatTime: (iso: string) => string): SafeHtml {
  return html`<li><a href="${headline.url}">${headline.title}</a><br><small><time datetime="${headline.datePublished}">${formatTime(headline.datePublished)}</time> · ${headline.sourceNames.join(', ')} · <a class="story" href="${storyUrl(baseUrl, headline.storyId)}">Các bản đăng</a></small></li>`;
}

function renderSources(sources: readonly SourceHealth[], formatTime: (iso: string) => string): SafeHtml {
  return html`<table class="sources">
<thead><tr><th>Nguồn</th><th>Tình trạng</th><th>Lần lấy gần nhất</th><th>Số tin</th></tr></thead>
<tbody>${sources.map(
    (source) => html`<tr><td>${source.name}</td><td class="${source.status}">${statusText(source)}</td><td>${source.lastFetchAt ? formatTime(source.lastFetchAt) : '—'}</td><td>${source.items}</td></tr>`,
  )}</tbody>
</table>`;
}

/** Ingestion trouble outranks a failing source: then no source is being read at all. */
function overallStatusText(report: HealthReport): string {
  if (report.status === 'ok') return 'bình thường';
  const ingestion = report.ingestion;
  if (ingestion && ingestionProblems(ingestion).length > 0) {
    return ingestion.thread === 'running' ? 'việc thu thập đang gặp lỗi, xem /healthz' : 'luồng thu thập đã dừng và đang được khởi động lại';
  }
  return 'có nguồn lỗi';
}

function statusText(source: SourceHealth): string {
  if (!source.enabled) return 'tạm tắt';
  const moved = source.movedTo ? ` · đã chuyển hẳn sang ${source.movedTo}, hãy sửa cấu hình` : '';
  const articles = [
    source.articleErrors > 0 ? ` · ${source.articleErrors} trang bài viết lỗi, sẽ lấy lại lần sau` : '',
    source.robotsRefused > 0 ? ` · robots.txt không cho lấy ${source.robotsRefused} trang bài viết` : '',
    source.itemsDropped > 0 ? ` · bỏ qua ${source.itemsDropped} tin cũ vượt giới hạn mỗi lần lấy (maxItemsPerFetch)` : '',
    source.undatedItems > 0 ? ` · ${source.undatedItems} tin không đọc được ngày, lấy giờ thu thập` : '',
  ].join('');
  if (source.status === 'ok') return (source.lastFetchAt ? 'bình thường' : 'chưa lấy') + articles + moved;
  return `lỗi: ${source.lastError ?? 'không rõ'} (${source.consecutiveFailures} lần liên tiếp)${moved}`;
}

/** `06:12 28/11/2026` in the configured zone: a four-digit year, since `dateStyle: 'short'` gives `28/11/26`. */
export function timeFormatter(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('vi-VN', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (iso) => format.format(new Date(iso));
}
