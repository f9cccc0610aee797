/** The addresses of published feeds and their RFC 5005 paging links. */
import type { FeedFormat, FeedView } from './feed-view.ts';

export interface FeedLink {
  rel: 'self' | 'first' | 'previous' | 'next' | 'last' | 'hub';
  href: string;
}

/** Home page of the service, for `<link>` / `home_page_url`. */
export function homeUrl(baseUrl: string): string {
  return `${trimBase(baseUrl)}/`;
}

/** A feed page's URL; page 1 has no query so the address subscribers add stays canonical. */
export function feedUrl(baseUrl: string, categoryId: string, format: FeedFormat, page = 1): string {
  const url = `${trimBase(baseUrl)}/feeds/${encodeURIComponent(categoryId)}.${format}`;
  return page > 1 ? `${url}?page=${page}` : url;
}

/**
 * Self, paging and hub links in a fixed order. Paging links appear only when there is
 * more than one page: a single-page feed has nothing to page through.
 */
export function feedLinks(view: FeedView, format: FeedFormat): FeedLink[] {
  const url = (page: number): string => feedUrl(view.baseUrl, view.category.id, format, page);
  const links: FeedLink[] = [{ rel: 'self', href: url(view.page) }];
  if (view.lastPage > 1) {
    links.push({ rel: 'first', href: url(1) });
    if (view.page > 1) links.push({ rel: 'previous', href: url(view.page - 1) });
    if (view.page < view.lastPage) links.push({ rel: 'next', href: url(view.page + 1) });
    links.push({ rel: 'last', href: url(view.lastPage) });
  }
  if (view.websubHub !== undefined) links.push({ rel: 'hub', href: view.websubHub });
  return links;
}

/** The URL of one link relation, if present. */
export function linkHref(links: readonly FeedLink[], rel: FeedLink['rel']): string | undefined {
  return links.find((link) => link.rel === rel)?.href;
}

// Config validation should already forbid a trailing slash; tolerate one rather than emit `//feeds`.
function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** The id of a story in its page's address: its IRI without `urn:uuid:`. */
export function storySlug(storyId: string): string {
  return storyId.startsWith(STORY_ID_PREFIX) ? storyId.slice(STORY_ID_PREFIX.length) : storyId;
}

/** The story page (SPEC "Story pages and the partner API"), linked from every feed entry and the home page. */
export function storyUrl(baseUrl: string, storyId: string): string {
  return `${trimBase(baseUrl)}/stories/${encodeURIComponent(storySlug(storyId))}`;
}

export const STORY_ID_PREFIX = 'urn:uuid:';
