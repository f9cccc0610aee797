/** The search page in Vietnamese: the box, the matching stories newest first, and links to the pages before and after. */
import { MAX_QUERY_LENGTH, MAX_QUERY_SYLLABLES, SEARCH_PAGE_SIZE, type SearchPage } from '../publish/story-lookup.ts';
import { html, type SafeHtml } from './html.ts';
import { renderPage, type PageContext } from './render-story.ts';

/** The search box, shared by the home page and the search page: a labelled field a screen reader announces as search. */
export function searchForm(baseUrl: string, query = ''): SafeHtml {
  return html`<form class="search" role="search" action="${baseUrl}/search" method="get">
<label for="q">Tìm tin</label>
<input id="q" name="q" type="search" value="${query}" maxlength="200" autocomplete="off">
<button type="submit">Tìm</button>
</form>`;
}

/** A search not run: too long a query (400), or too many searches under way (503). */
export interface SearchRefusal {
  query: string;
  reason: 'too-long' | 'busy';
}

export function renderSearchPage(result: SearchPage | undefined, context: PageContext, refusal?: SearchRefusal): string {
  const { baseUrl, formatTime } = context;
  const query = result?.query ?? refusal?.query ?? '';
  const body = html`<h1>Tìm tin</h1>
${searchForm(baseUrl, query)}
${refusal !== undefined ? renderRefusal(refusal) : result === undefined ? html`<p>Nhập từ cần tìm; dấu thanh đặt ở đâu cũng được (“ma tuý” cũng là “ma túy”), nhưng dấu vẫn có nghĩa (“ma túy” khác “mà tùy”).</p>` : renderResults(result, baseUrl, formatTime)}`;
  return renderPage(query === '' ? 'Tìm tin' : `Tìm “${query}”`, body, baseUrl);
}

function renderRefusal(refusal: SearchRefusal): SafeHtml {
  if (refusal.reason === 'too-long') return html`<p role="status">Từ cần tìm dài quá: tối đa ${MAX_QUERY_LENGTH} ký tự và ${MAX_QUERY_SYLLABLES} tiếng. Xin bớt từ rồi tìm lại.</p>`;
  return html`<p role="status">Đang có nhiều lượt tìm cùng lúc. Xin thử lại sau giây lát.</p>`;
}

function renderResults(result: SearchPage, baseUrl: string, formatTime: (iso: string) => string): SafeHtml {
  if (result.total === 0) return html`<p role="status">Không tìm thấy tin nào có “${result.query}”.</p>`;
  const first = (result.page - 1) * SEARCH_PAGE_SIZE + 1;
  return html`<p role="status">${result.total} tin có “${result.query}”${result.lastPage > 1 ? html`, trang ${result.page}/${result.lastPage}` : ''}.</p>
<ol class="headlines" start="${first}">${result.hits.map(
    (hit) => html`<li><a href="${baseUrl}/stories/${hit.slug}">${hit.title}</a><br><small><time datetime="${hit.datePublished}">${formatTime(hit.datePublished)}</time> · ${hit.sourceNames.join(', ')}</small></li>`,
  )}</ol>
${renderPager(result, baseUrl)}`;
}

function renderPager(result: SearchPage, baseUrl: string): SafeHtml | '' {
  if (result.lastPage === 1) return '';
  const href = (page: number) => `${baseUrl}/search?q=${encodeURIComponent(result.query)}${page > 1 ? `&page=${page}` : ''}`;
  return html`<nav class="pager" aria-label="Các trang kết quả">${result.page > 1 ? html`<a rel="prev" href="${href(result.page - 1)}">Trang trước</a>` : ''}${result.page < result.lastPage ? html`<a rel="next" href="${href(result.page + 1)}">Trang sau</a>` : ''}</nav>`;
}
