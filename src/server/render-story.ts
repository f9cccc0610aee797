/** The story page and the pages for a story that moved, went or never was, in Vietnamese, rendered on the server. */
import type { CategoryRule } from '../model/types.ts';
import type { CopyJoin, StoryCategoryView, StoryCopyView, StoryView } from '../publish/story-lookup.ts';
import { html, safe, type SafeHtml } from './html.ts';
import { PAGE_STYLE } from './page-assets.ts';

const RULE_TEXT: Readonly<Record<CategoryRule, string>> = {
  categoryMap: 'chuyên mục của nguồn',
  urlMap: 'đường dẫn bắt đầu bằng',
  keyword: 'từ khóa',
};

const JOIN_TEXT: Readonly<Record<CopyJoin, string>> = {
  shown: 'bản đang hiển thị',
  guid: 'cùng mã định danh (guid) với bản đang hiển thị',
  link: 'cùng đường dẫn với bản đang hiển thị',
  text: 'nội dung khớp với bản đang hiển thị',
};

export interface PageContext {
  baseUrl: string;
  formatTime: (iso: string) => string;
}

export function renderStoryPage(story: StoryView, context: PageContext): string {
  const { formatTime, baseUrl } = context;
  const body = html`<article aria-labelledby="tieu-de">
<h1 id="tieu-de">${story.title || '(không có tiêu đề)'}</h1>
<p class="story-meta">Đăng lúc <time datetime="${story.datePublished}">${formatTime(story.datePublished)}</time> · ${story.copies.length} bản từ ${new Set(story.copies.map((copy) => copy.sourceId)).size} nguồn${story.url ? html` · <a href="${story.url}">Đọc bản gốc</a>` : ''}</p>
<div class="content">${story.paragraphs.length === 0 ? html`<p>Bản tin không có phần nội dung.</p>` : story.paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}</div>
</article>
<section aria-labelledby="cac-ban"><h2 id="cac-ban">Các bản đăng</h2>
${renderCopies(story.copies, formatTime)}
</section>
<section aria-labelledby="vi-sao-gop"><h2 id="vi-sao-gop">Vì sao các bản này là một tin</h2>
${renderJoins(story.copies)}
</section>
<section aria-labelledby="chuyen-muc"><h2 id="chuyen-muc">Chuyên mục</h2>
${story.categories.length === 0 ? html`<p>Tin chưa được xếp vào chuyên mục nào.</p>` : html`<ul>${story.categories.map(renderCategory)}</ul>`}
</section>
<p><a href="${baseUrl}/api/stories/${story.slug}">Dữ liệu của tin này (JSON)</a></p>`;
  return renderPage(story.title || 'Tin', body, baseUrl);
}

function renderCopies(copies: readonly StoryCopyView[], formatTime: (iso: string) => string): SafeHtml {
  return html`<p class="story-meta" id="cac-ban-mo-ta">Mỗi dòng là một cổng thông tin đã đăng tin này, cũ nhất trước.</p>
<table class="copies" aria-describedby="cac-ban-mo-ta">
<thead><tr><th scope="col">Nguồn</th><th scope="col">Tiêu đề</th><th scope="col">Ngày đăng</th></tr></thead>
<tbody>${copies.map(
    (copy) => html`<tr${copy.shown ? safe(' class="shown"') : ''}><td data-label="Nguồn">${copy.sourceName}${copy.shown ? html` <span class="badge">đang hiển thị</span>` : ''}</td><td data-label="Tiêu đề"><a href="${copy.url}">${copy.title || copy.url}</a></td><td data-label="Ngày đăng"><time datetime="${copy.datePublished}">${formatTime(copy.datePublished)}</time></td></tr>`,
  )}</tbody>
</table>`;
}

function renderJoins(copies: readonly StoryCopyView[]): SafeHtml {
  if (copies.length < 2) return html`<p>Tin chỉ có một bản, chưa gộp với bản nào.</p>`;
  return html`<ul>${copies.map((copy) => html`<li>${copy.sourceName}: ${JOIN_TEXT[copy.joinedBy]}.</li>`)}</ul>
<p class="story-meta">Khi nội dung khớp, bantin so phần chữ của hai bản; điểm số của lần so đó chưa được lưu lại nên không hiển thị ở đây.</p>`;
}

function renderCategory(category: StoryCategoryView): SafeHtml {
  if (category.rule === undefined) return html`<li><strong>${category.title}</strong>: chưa ghi lại quy tắc đã xếp tin vào đây.</li>`;
  const from = category.url ? html` (bản của <a href="${category.url}">${category.sourceName}</a>)` : '';
  return html`<li><strong>${category.title}</strong>: theo ${RULE_TEXT[category.rule]} «${category.detail}»${from}.</li>`;
}

export function renderMissingPage(status: 'gone' | 'unknown', baseUrl: string): string {
  const message = status === 'gone' ? 'Tin này đã bị xóa khỏi bantin vì quá cũ.' : 'Không có tin nào với mã này.';
  return renderPage(status === 'gone' ? 'Tin đã bị xóa' : 'Không tìm thấy tin', html`<h1>${status === 'gone' ? 'Tin đã bị xóa' : 'Không tìm thấy tin'}</h1><p>${message}</p>`, baseUrl);
}

/** The frame every story and search page shares: skip-free, landmarks, a way home. */
export function renderPage(title: string, body: SafeHtml, baseUrl: string): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — bantin</title>
<link rel="icon" href="data:,">
<style>${safe(PAGE_STYLE)}</style>
</head>
<body>
<header><nav class="crumbs" aria-label="Điều hướng"><a href="${baseUrl}/">bantin — trang chủ</a></nav></header>
<main>
${body}
</main>
</body>
</html>
`.value;
}
