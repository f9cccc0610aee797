/** One source through fetch → decode → parse → normalise; a failure is returned as data, never thrown. */
import { describeError, FetchError } from '../errors.ts';
import type { Copy, DroppedElement, PageState, SourceConfig, SourceState } from '../model/types.ts';
import { collectHtmlSource } from './collect-html-source.ts';
import type { FieldRules } from './extract/extract-article.ts';
import { decodeBody } from './fetch/decode-body.ts';
import { createCrawler, type Crawler, type PageFetchOptions } from './fetch/fetch-page.ts';
import { fetchSource } from './fetch/fetch-source.ts';
import { absolutizeUrl } from './normalize/canonical-url.ts';
import { numericDateOrder } from './normalize/date-order.ts';
import { normalizeItem } from './normalize/normalize-item.ts';
import { takeNewestItems } from './normalize/take-newest-items.ts';
import { parseFeed } from './parse/parse-feed.ts';
import { readFullText } from './read-full-text.ts';

export interface CollectOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  now: Date;
  /** maxItemsPerFetch: the newest this many items are taken, the rest left out with a warning. */
  maxItems: number;
  /** The process's per-host limiter and robots.txt cache; a one-off caller (a test) gets its own with no delay. */
  crawler?: Crawler;
}

/** What the HTML and full-text readers need from the collect options. */
export interface CollectContext {
  crawler: Crawler;
  fetch: PageFetchOptions;
  now: Date;
  maxItems: number;
}

/** HTML and fullText sources: what their article pages gave. `fieldRules`: which rule found each field, by copy or page url (preview). */
export interface ArticleOutcome {
  pages?: Record<string, PageState>;
  articleErrors?: number;
  robotsRefused?: number;
  fieldRules?: ReadonlyMap<string, FieldRules>;
  /** Which selector or detection rule found the list page's article links. */
  linkRule?: string;
}

/**
 * `movedTo`: the url the source's permanent redirects lead to, for the operator to update the config.
 * `retryAfterMs`: the pause a 429 / 503 answer asked for. `dropped`: what the parser left out of the feed, to be logged.
 */
export type SourceOutcome =
  | { ok: true; notModified: true; movedTo?: string }
  | ({
      ok: true;
      notModified: false;
      copies: Copy[];
      /** Items the feed listed, and how many of them were left out over maxItemsPerFetch (then `warning` says so; absent: none). */
      items: number;
      itemsDropped?: number;
      warning?: string;
      etag?: string;
      lastModified?: string;
      movedTo?: string;
      /** Feed elements left out for nesting too deep, for the log. */
      dropped?: DroppedElement[];
    } & ArticleOutcome)
  | { ok: false; error: string; code: string; retryAfterMs?: number };

/** Fetches a source with the validators of its last success and normalises what it lists. */
export async function collectSource(source: SourceConfig, state: SourceState | undefined, options: CollectOptions): Promise<SourceOutcome> {
  const fetch: PageFetchOptions = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, userAgent: options.userAgent };
  const context: CollectContext = { crawler: options.crawler ?? createCrawler({ hostDelayMs: 0, robotsFetch: fetch }), fetch, now: options.now, maxItems: options.maxItems };
  try {
    if (source.html !== undefined && !source.fullText) return await collectHtmlSource(source, state, context);
    return await collectFeed(source, state, context);
  } catch (error) {
    const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'UNKNOWN';
    const retryAfterMs = error instanceof FetchError ? error.retryAfterMs : undefined;
    return { ok: false, error: describeError(error), code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
}

async function collectFeed(source: SourceConfig, state: SourceState | undefined, context: CollectContext): Promise<SourceOutcome> {
  // A full-text page left to retry needs the feed's items even when the feed did not change.
  const retrying = source.fullText === true && Object.values(state?.pages ?? {}).some((page) => page.retry);
  const fetched = await context.crawler.limiter.run(source.url ?? '', () =>
    fetchSource(source, { ...context.fetch, etag: retrying ? undefined : state?.etag, lastModified: retrying ? undefined : state?.lastModified }),
  );
  const moved = fetched.movedTo === undefined ? {} : { movedTo: fetched.movedTo };
  if (fetched.kind === 'not-modified') return { ok: true, notModified: true, ...moved };
  const { text } = decodeBody(fetched.body, fetched.contentType);
  const feed = await parseFeed(text);
  const feedLink = feedBaseUrl(feed.link, fetched.finalUrl ?? source.url);
  // Decided over every item the feed listed, before the cap, so the cap cannot change how dates read.
  const dateOrder = numericDateOrder(feed.items.map((item) => item.date));
  const taken = takeNewestItems(feed.items, context.maxItems, source.timezone, context.now, dateOrder);
  const fullText = source.fullText ? await readFullText(taken.items, feedLink, source, state, context) : undefined;
  const copies = (fullText?.items ?? taken.items)
    .map((item) => normalizeItem(item, { source, feedLink, now: context.now, dateOrder }))
    .filter((copy): copy is Copy => copy !== undefined);
  const capped = taken.dropped > 0 ? { itemsDropped: taken.dropped, warning: tooManyItems(feed.items.length, context.maxItems) } : {};
  const articles: ArticleOutcome =
    fullText === undefined ? {} : { pages: fullText.pages, articleErrors: fullText.articleErrors, robotsRefused: fullText.robotsRefused, fieldRules: fullText.fieldRules };
  const dropped = feed.dropped === undefined ? {} : { dropped: feed.dropped };
  return { ok: true, notModified: false, copies, items: feed.items.length, ...capped, etag: fetched.etag, lastModified: fetched.lastModified, ...moved, ...articles, ...dropped };
}

function tooManyItems(listed: number, max: number): string {
  return `the feed listed ${listed} items; only the newest ${max} were taken (maxItemsPerFetch)`;
}

/**
 * The base for the items' relative links: the feed's own link, itself resolved against the address
 * the feed was fetched from (portals write `<link>/</link>`), else that address.
 */
export function feedBaseUrl(feedLink: string | undefined, fetchedFrom: string | undefined): string | undefined {
  return absolutizeUrl(feedLink, fetchedFrom) ?? fetchedFrom ?? feedLink;
}
