/** Every published feed, rendered once per ingestion: bytes, compressed bytes and validators, ready to serve. */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { compareStoriesNewestFirst } from '../model/story.ts';
import type { Config, PublishedFeedState, SourceConfig, Story, StoreData } from '../model/types.ts';
import type { FeedFormat, FeedView } from './feed-view.ts';
import { renderFeed } from './render-feed.ts';
import { renderOpml } from './render-opml.ts';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
export const ALL_CATEGORY = { id: 'all', title: 'Tất cả tin', description: 'Mọi tin bantin thu thập được từ các cổng thông tin.' } as const;

export const CONTENT_TYPES: Readonly<Record<FeedFormat | 'opml', string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  opml: 'text/x-opml; charset=utf-8',
};

export interface PublishedFeed {
  /** File name in outDir and path under /feeds (or `feeds.opml`). */
  name: string;
  contentType: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  lastModified: Date;
}

export interface CategoryListing {
  id: string;
  title: string;
  description?: string;
  /** Newest first, every story of the category. */
  stories: readonly Story[];
}

export interface FeedCatalog {
  readonly categories: readonly CategoryListing[];
  readonly opml: PublishedFeed;
  /** Page 1 of each feed by file name, e.g. `an-ninh-trat-tu.rss`. */
  readonly feeds: ReadonlyMap<string, PublishedFeed>;
  /** Any page of a feed; pages after the first are rendered on first request and kept. */
  page(categoryId: string, format: FeedFormat, page: number): PublishedFeed | undefined;
}

/**
 * Renders every feed from the store. Validators come from `data.feeds`, which this updates:
 * Last-Modified moves exactly when a feed's bytes change, and never backwards.
 */
export function buildFeedCatalog(data: StoreData, config: Config, now: Date): FeedCatalog {
  const sources = new Map<string, SourceConfig>(config.sources.map((source) => [source.id, source]));
  const categoryTitles = new Map(config.categories.map((category) => [category.id, category.title]));
  const categories = listCategories(data.stories, config);
  const updatedWhenEmpty = newestModified(data.stories);
  const viewOf = (listing: CategoryListing, page: number): FeedView => ({
    category: { id: listing.id, title: listing.title, description: listing.description },
    stories: listing.stories.slice((page - 1) * config.feedSize, page * config.feedSize),
    sources,
    categoryTitles,
    baseUrl: config.baseUrl,
    page,
    lastPage: Math.max(1, Math.ceil(listing.stories.length / config.feedSize)),
    websubHub: config.websubHub,
    updatedWhenEmpty,
  });

  const feeds = new Map<string, PublishedFeed>();
  for (const listing of categories) {
    for (const format of FEED_FORMATS) {
      const name = `${listing.id}.${format}`;
      feeds.set(name, publish(name, CONTENT_TYPES[format], renderFeed(format, viewOf(listing, 1)), data.feeds, now));
    }
  }
  const opmlText = renderOpml({ baseUrl: config.baseUrl, title: 'bantin — tin các cổng thông tin tỉnh', categories, dateModified: updatedWhenEmpty });
  const opml = publish('feeds.opml', CONTENT_TYPES.opml, opmlText, data.feeds, now);

  const pages = new Map<string, PublishedFeed>();
  return {
    categories,
    opml,
    feeds,
    page(categoryId, format, page) {
      if (page === 1) return feeds.get(`${categoryId}.${format}`);
      const listing = categories.find((candidate) => candidate.id === categoryId);
      if (!listing || page < 1 || (page - 1) * config.feedSize >= listing.stories.length) return undefined;
      const key = `${categoryId}.${format}?page=${page}`;
      let feed = pages.get(key);
      if (!feed) {
        const view = viewOf(listing, page);
        const lastModified = pageLastModified(feeds.get(`${categoryId}.${format}`)!, view, data.prunedAt);
        feed = packFeed(key, CONTENT_TYPES[format], renderFeed(format, view), () => lastModified);
        pages.set(key, feed);
      }
      return feed;
    },
  };
}

/**
 * Later pages have no stored validators; their bytes change only when page 1 changes (stories
 * shift down), when a story on the page changes (its date_modified moves) or when retention drops
 * old stories, so the latest of those three is a Last-Modified that never lags the bytes.
 */
function pageLastModified(first: PublishedFeed, view: FeedView, prunedAt: string | undefined): Date {
  let latest = first.lastModified.getTime();
  for (const story of view.stories) latest = Math.max(latest, Date.parse(story.dateModified) || 0);
  if (prunedAt) latest = Math.max(latest, Date.parse(prunedAt) || 0);
  return new Date(Math.floor(latest / 1000) * 1000);
}

function listCategories(stories: readonly Story[], config: Config): CategoryListing[] {
  const sorted = [...stories].sort(compareStoriesNewestFirst);
  const all: CategoryListing = { ...ALL_CATEGORY, stories: sorted };
  const perCategory = config.categories.map((category) => ({
    id: category.id,
    title: category.title,
    description: category.description,
    stories: sorted.filter((story) => story.categories.includes(category.id)),
  }));
  return [...perCategory, all];
}

/** Packs a page-1 feed with validators kept in `states`: Last-Modified moves only when the ETag does. */
function publish(name: string, contentType: string, text: string, states: Record<string, PublishedFeedState>, now: Date): PublishedFeed {
  const previous = states[name];
  const feed = packFeed(name, contentType, text, (etag) => (previous?.etag === etag ? new Date(previous.lastModified) : nextLastModified(previous, now)));
  states[name] = { etag: feed.etag, lastModified: feed.lastModified.toISOString() };
  return feed;
}

/** The bytes, their compressed forms and validators; `lastModifiedFor` sees the new ETag. */
function packFeed(name: string, contentType: string, text: string, lastModifiedFor: (etag: string) => Date): PublishedFeed {
  const body = Buffer.from(text, 'utf8');
  const etag = etagOf(body);
  return { name, contentType, body, etag, lastModified: lastModifiedFor(etag), gzip: gzipSync(body, { level: 9 }), br: brotli(body) };
}

/** HTTP dates have whole seconds: a change within the same second still moves Last-Modified forward. */
function nextLastModified(previous: PublishedFeedState | undefined, now: Date): Date {
  const seconds = Math.floor(now.getTime() / 1000) * 1000;
  const floor = previous ? Date.parse(previous.lastModified) + 1000 : 0;
  return new Date(Math.max(seconds, floor));
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function brotli(body: Buffer): Buffer {
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

function newestModified(stories: readonly Story[]): string | undefined {
  let newest: string | undefined;
  for (const story of stories) if (newest === undefined || story.dateModified > newest) newest = story.dateModified;
  return newest;
}
