/** The story page and the pages for a story that moved, went or never was, in Vietnamese, rendered on the server. */
import type { CategoryRule } from '../model/types.ts';
import type { TextMatchRecord } from '../model/types.ts';
import type { CopyJoin, CopyMatchView, MatchedCopyView, StoryCategoryView, StoryCopyView, StoryView } from '../publish/story-lookup.ts';
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

const MATCH_RULE_TEXT: Readonly<Record<TextMatchRecord['rule'], string>> = {
  verbatim: 'trùng lời văn',
  rewrite: 'viết lại cùng sự việc (cùng địa danh, người, mã số)',
};

const THROUGH_TEXT = { guid: 'mã định danh (guid)', link: 'đường dẫn' } as const;

// As a Vietnamese reader writes them, with a decimal comma: shares to the thousandth as stored (0,901),
// weights and hours to a tenth (236,8), which is all a reader weighs them by; the API has them whole.
const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });
const ROUGH = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

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
${renderJoins(story.copies, formatTime)}
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

function renderJoins(copies: readonly StoryCopyView[], formatTime: (iso: string) => string): SafeHtml {
  if (copies.length < 2) return html`<p>Tin chỉ có một bản, chưa gộp với bản nào.</p>`;
  return html`<p class="story-meta" id="vi-sao-gop-mo-ta">Với mỗi bản: vì sao bantin xếp nó vào tin này, và khi nội dung khớp thì các con số của lần so đó. Tỷ lệ trùng là phần chữ của bản ngắn hơn tìm thấy trong bản kia, từ 0 đến 1.</p>
<ul class="joins" aria-describedby="vi-sao-gop-mo-ta">${copies.map((copy) => renderJoin(copy, formatTime))}</ul>`;
}

function renderJoin(copy: StoryCopyView, formatTime: (iso: string) => string): SafeHtml {
  const { match } = copy;
  const name = html`<strong>${copy.sourceName}</strong>${copy.shown ? ' (bản đang hiển thị)' : ''}`;
  if (!match) {
    const tie = copy.shown ? '' : html` Theo những gì còn lưu: ${JOIN_TEXT[copy.joinedBy]}.`;
    return html`<li><p>${name}: chưa ghi lại cách bản này vào tin (bản được lưu trước khi bantin ghi lại việc gộp).${tie}</p></li>`;
  }
  const at = html` <span class="story-meta">(ghi lúc <time datetime="${match.at}">${formatTime(match.at)}</time>)</span>`;
  return html`<li><p>${name}: ${joinSentence(match)}.${at}</p>${match.numbers ? renderNumbers(match.numbers) : ''}</li>`;
}

function joinSentence(match: CopyMatchView): SafeHtml {
  const target = match.copy === 'story' || match.copy === undefined ? html`các bản đã có của tin` : html`bản của ${copyLink(match.copy)}`;
  switch (match.by) {
    case 'first':
      return html`bản đầu tiên, mở ra tin này`;
    case 'link':
      return html`cùng đường dẫn với ${target}`;
    case 'text':
      return html`nội dung khớp với ${target}, theo quy tắc ${MATCH_RULE_TEXT[match.numbers!.rule]}`;
    case 'joined':
      if (match.through === 'bridge') {
        const { copies, anchors, sameTime } = match.corroboration!;
        return html`bản này mở ra một tin riêng, sau được gộp vào đây: bản của ${copyLink(match.via!)} có nội dung khớp với cả hai tin (với ${target} theo quy tắc ${MATCH_RULE_TEXT[match.numbers!.rule]}), và bản của ${copyLink(copies[0])} cùng bản của ${copyLink(copies[1])} nêu cùng địa danh (${anchors.shared.join(', ')}) và cùng ngày (${sameTime}), không mâu thuẫn về giờ, ngày hay con số`;
      }
      return html`bản này mở ra một tin riêng, sau được gộp vào đây: bản của ${copyLink(match.via!)} (cùng ${THROUGH_TEXT[match.through as 'guid' | 'link']} với một bản đã có) có nội dung khớp với ${target}, theo quy tắc ${MATCH_RULE_TEXT[match.numbers!.rule]}`;
  }
}

function copyLink(copy: MatchedCopyView): SafeHtml {
  return html`<a href="${copy.url}">${copy.sourceName}</a>`;
}

/** The numbers the text match was decided on, as a list of terms a screen reader reads name by name. */
function renderNumbers(numbers: TextMatchRecord): SafeHtml {
  const { figures, anchors } = numbers;
  const required = (value: number) => (value > 0 ? `cần ít nhất ${NUMBER.format(value)}` : 'quy tắc này không đòi hỏi');
  const rows: [string, string][] = [
    ['Tỷ lệ trùng', `${NUMBER.format(numbers.containment)} (${required(numbers.required)})`],
    ['Trọng số phần chữ chung', ROUGH.format(numbers.sharedWeight)],
    ['Con số đã so', figures.compared === 0 ? 'không có con số nào để so' : `${figures.compared}; ${figures.missing.length === 0 ? 'bản kia có đủ' : `bản kia thiếu: ${figures.missing.join(', ')}`}`],
  ];
  if (figures.correction) rows.push(['Bản đính chính', 'lời văn gần như trùng, cùng nơi chốn và người, chỉ một con số được sửa']);
  if (figures.telling !== undefined) rows.push(['Con số riêng của sự việc', `${figures.telling} con số lẻ giống nhau cùng một ngày — thay cho tên riêng chung`]);
  if (numbers.rule === 'rewrite') {
    rows.push(
      ['Tên riêng chung', anchors.shared.length === 0 ? 'không có' : anchors.shared.join(', ')],
      ['Trọng số tên riêng chung', `${ROUGH.format(anchors.weight)} (cần ít nhất ${ROUGH.format(anchors.requiredWeight)})`],
      ['Tỷ lệ tên riêng tìm thấy', `${NUMBER.format(anchors.containment)} (${required(anchors.required)})`],
    );
    if (anchors.sameTime !== undefined) rows.push(['Cùng nơi, cùng thời điểm', sameTimeText(anchors.sameTime)]);
  }
  rows.push(['Hai bản đăng cách nhau', `${ROUGH.format(numbers.gapHours)} giờ`]);
  return html`<dl class="numbers">${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
}

/**
 * The hour rule's evidence ("20/12 10h", "19/1 5–11h", "16/12") in words: one shared place and this day,
 * with the hour or the part of the day both give, or with figures both state, stood for a second name.
 */
function sameTimeText(sameTime: string): string {
  const [day, hours] = sameTime.split(' ');
  const [from, to] = (hours ?? '').replace(/h$/, '').split('–');
  const when = hours === undefined ? `ngày ${day}, với nhiều con số giống nhau` : to === undefined ? `ngày ${day}, lúc ${from} giờ` : `ngày ${day}, trong khoảng ${from} đến ${to} giờ`;
  return `cả hai đặt sự việc vào ${when} — thay cho tên riêng chung thứ hai`;
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
