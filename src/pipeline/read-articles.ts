/** Reads the article pages a list page (or a summary-only feed) names: only new or changed entries, failures kept for next cycle. */
import { describeError } from '../errors.ts';
import type { HtmlRules, PageState, SourceConfig } from '../model/types.ts';
import { extractArticle, type ExtractedArticle } from './extract/extract-article.ts';
import type { Crawler, PageFetchOptions } from './fetch/fetch-page.ts';

/** One article to read: its page, and how its list entry (or feed item) reads now. */
export interface ArticleTarget {
  pageUrl: string;
  /** Title and date as the list shows them: the page is read again only when this changes. */
  entry: string;
  /** A date printed beside the link, the fallback for a page that prints none. */
  listDate?: string;
}

export type ArticleRead =
  | { kind: 'unchanged' }
  | { kind: 'not-modified' }
  | { kind: 'refused' }
  | { kind: 'deferred' }
  | { kind: 'failed'; error: string }
  | { kind: 'read'; article: ExtractedArticle; url: string; etag?: string; lastModified?: string };

export interface ArticlesRead {
  reads: ArticleRead[];
  /** The next state of every target's page. */
  pages: Record<string, PageState>;
  articleErrors: number;
  robotsRefused: number;
}

export interface ReadArticlesOptions {
  crawler: Crawler;
  fetch: PageFetchOptions;
  /** Pages whose host's turn comes later are left for the next cycle, so one slow portal does not hold the cycle. */
  deadlineMs: number;
}

/** Reads targets in parallel (the crawler keeps each host to its manners); never throws. */
export async function readArticles(
  targets: readonly ArticleTarget[],
  source: SourceConfig,
  previous: Readonly<Record<string, PageState>>,
  options: ReadArticlesOptions,
): Promise<ArticlesRead> {
  const reads = await Promise.all(targets.map((target) => readOne(target, source, previous[target.pageUrl], options)));
  const pages: Record<string, PageState> = {};
  targets.forEach((target, index) => {
    const next = nextPageState(previous[target.pageUrl], target, reads[index]!);
    if (next !== undefined) pages[target.pageUrl] = next;
  });
  return {
    reads,
    pages,
    articleErrors: reads.filter((read) => read.kind === 'failed').length,
    robotsRefused: reads.filter((read) => read.kind === 'refused').length,
  };
}

async function readOne(target: ArticleTarget, source: SourceConfig, previous: PageState | undefined, options: ReadArticlesOptions): Promise<ArticleRead> {
  if (previous !== undefined && previous.retry === undefined && previous.entry === target.entry) return { kind: 'unchanged' };
  try {
    const validators = previous === undefined ? undefined : { etag: previous.etag, lastModified: previous.lastModified };
    const page = await options.crawler.fetchPage(target.pageUrl, validators, { ...options.fetch, deadlineMs: options.deadlineMs });
    if (page.kind !== 'page') return { kind: page.kind };
    const rules: Partial<HtmlRules> | undefined = source.html;
    const article = extractArticle(page.text, page.url, rules, source.timezone, { date: target.listDate });
    return { kind: 'read', article, url: page.url, etag: page.etag, lastModified: page.lastModified };
  } catch (error) {
    return { kind: 'failed', error: describeError(error) };
  }
}

/** A read page remembers its entry and validators; a failed or late one keeps what it had and is tried again; a refused one is forgotten. */
function nextPageState(previous: PageState | undefined, target: ArticleTarget, read: ArticleRead): PageState | undefined {
  switch (read.kind) {
    case 'unchanged':
      return previous;
    case 'not-modified':
      return { ...withoutRetry(previous), entry: target.entry };
    case 'read':
      return { entry: target.entry, ...(read.etag === undefined ? {} : { etag: read.etag }), ...(read.lastModified === undefined ? {} : { lastModified: read.lastModified }) };
    case 'failed':
    case 'deferred':
      return { ...previous, entry: previous?.entry ?? target.entry, retry: true };
    case 'refused':
      return undefined;
  }
}

function withoutRetry(state: PageState | undefined): Omit<PageState, 'entry'> {
  const { retry: _retry, entry: _entry, ...rest } = state ?? { entry: '' };
  return rest;
}
