/** Every published feed, rendered once per ingestion: bytes, compressed bytes and validators, ready to serve. */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import { compareStoriesNewestFirst, representativeCopy } from '../model/story.ts';
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

/** The newest stories of a category as the home page lists them: shown title and link, date, portals. */
export interface Headline {
  /** The story's IRI, for its page's address. */
  storyId: string;
  title: string;
  url: string;
  datePublished: string;
  sourceNames: string[];
}

/** What the home page shows of a category: small, so it can cross from the ingestion thread each cycle. */
export interface CategorySummary {
  id: string;
  title: string;
  description?: string;
  storyCount: number;
  /** The newest few, newest first. */
  headlines: Headline[];
}

const HEADLINES_PER_CATEGORY = 5;

export interface FeedCatalog {
  readonly categories: readonly CategoryListing[];
  readonly summaries: readonly CategorySummary[];
  readonly opml: PublishedFeed;
  /** Page 1 of each feed by file name, e.g. `an-ninh-trat-tu.rss`. */
  readonly feeds: ReadonlyMap<string, PublishedFeed>;
  /** Any page of a feed; pages after the first are rendered on first request and kept. */
  page(categoryId: string, format: FeedFormat, page: number): PublishedFeed | undefined;
}

/** What a new catalog may take over from the one it replaces. */
export interface CatalogReuse {
  previous: FeedCatalog;
  /** Stories this cycle added or changed in place; every other story object is as the previous catalog saw it. */
  touched: ReadonlySet<Story>;
}

/**
 * Renders every feed from the store. Validators come from `data.feeds`, which this updates:
 * Last-Modified moves exactly when a feed's bytes change, and never backwards. With `reuse`, a
 * feed whose page shows the same story objects, none touched, keeps its bytes and compressed
 * forms: a cycle that changed nothing renders and compresses nothing.
 */
export async function buildFeedCatalog(data: StoreData, config: Config, now: Date, reuse?: CatalogReuse): Promise<FeedCatalog> {
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
      const view = viewOf(listing, 1);
      const inputs = inputsOf(view);
      const feed = keptFeed(reuse?.previous.feeds.get(name), inputs, reuse, data.feeds) ?? (await publish(name, CONTENT_TYPES[format], renderFeed(format, view), data.feeds, now));
      renderedFrom.set(feed, inputs);
      feeds.set(name, feed);
    }
  }
  const opmlInputs: FeedInputs = { stories: [], categories: [], lastPage: 1, updatedWhenEmpty };
  const opml =
    keptFeed(reuse?.previous.opml, opmlInputs, reuse, data.feeds) ??
    (await publish('feeds.opml', CONTENT_TYPES.opml, renderOpml({ baseUrl: config.baseUrl, title: 'bantin — tin các cổng thông tin tỉnh', categories, dateModified: updatedWhenEmpty }), data.feeds, now));
  renderedFrom.set(opml, opmlInputs);

  const pages = new Map<string, PublishedFeed>();
  return {
    categories,
    summaries: categories.map((listing) => summarize(listing, sources)),
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
        feed = packFeedSync(key, CONTENT_TYPES[format], renderFeed(format, view), lastModified);
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

function summarize(listing: CategoryListing, sources: ReadonlyMap<string, SourceConfig>): CategorySummary {
  const headline = (story: Story): Headline => {
    const shown = representativeCopy(story, sources)!;
    const sourceNames = [...new Set(story.copies.map((copy) => sources.get(copy.sourceId)?.name ?? copy.sourceId))];
    return { storyId: story.id, title: shown.title, url: shown.url, datePublished: story.datePublished, sourceNames };
  };
  const { id, title, description } = listing;
  return { id, title, description, storyCount: listing.stories.length, headlines: listing.stories.slice(0, HEADLINES_PER_CATEGORY).map(headline) };
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

/** What a page-1 feed (or the OPML list) was rendered from; the renderers read nothing else that can change within a process. */
interface FeedInputs {
  stories: readonly Story[];
  /** Each story's categories as rendered: re-filing changes them in place without touching the story. */
  categories: readonly string[];
  lastPage: number;
  updatedWhenEmpty: string | undefined;
}

const renderedFrom = new WeakMap<PublishedFeed, FeedInputs>();

function inputsOf(view: FeedView): FeedInputs {
  return {
    stories: view.stories,
    categories: view.stories.map((story) => story.categories.join(' ')),
    lastPage: view.lastPage,
    // Only a feed without stories shows it (feedUpdated); others would re-render whenever any story changes.
    updatedWhenEmpty: view.stories.length === 0 ? view.updatedWhenEmpty : undefined,
  };
}

/**
 * The previous catalog's feed, taken over unchanged when it shows the same inputs and the store holds its
 * validators (or none for it): after a reload of another process's save, the store's are the ones every process
 * serves, so a feed this one rendered with others is rendered again. Its validators, served already, are kept in
 * `states`. Undefined when the feed must be rendered.
 */
function keptFeed(feed: PublishedFeed | undefined, inputs: FeedInputs, reuse: CatalogReuse | undefined, states: Record<string, PublishedFeedState>): PublishedFeed | undefined {
  if (feed === undefined || reuse === undefined || !rendersSame(feed, inputs, reuse.touched)) return undefined;
  const state = { etag: feed.etag, lastModified: feed.lastModified.toISOString() };
  const stored = states[feed.name];
  if (stored !== undefined && (stored.etag !== state.etag || stored.lastModified !== state.lastModified)) return undefined;
  states[feed.name] = state;
  return feed;
}

/** Whether `feed` was rendered from these inputs: the same story objects in order, none touched, filed the same. */
function rendersSame(feed: PublishedFeed, inputs: FeedInputs, touched: ReadonlySet<Story>): boolean {
  const before = renderedFrom.get(feed);
  if (!before || before.lastPage !== inputs.lastPage || before.updatedWhenEmpty !== inputs.updatedWhenEmpty) return false;
  if (before.stories.length !== inputs.stories.length) return false;
  return inputs.stories.every((story, index) => story === before.stories[index] && !touched.has(story) && inputs.categories[index] === before.categories[index]);
}

/** Packs a page-1 feed with validators kept in `states`: Last-Modified moves only when the ETag does. */
async function publish(name: string, contentType: string, text: string, states: Record<string, PublishedFeedState>, now: Date): Promise<PublishedFeed> {
  const body = Buffer.from(text, 'utf8');
  const etag = etagOf(body);
  const previous = states[name];
  const lastModified = previous?.etag === etag ? new Date(previous.lastModified) : nextLastModified(previous, now);
  states[name] = { etag, lastModified: lastModified.toISOString() };
  // On the thread pool: compressing every feed at once would hold the event loop for the whole catalog.
  const [gzipped, br] = await Promise.all([gzipAsync(body, GZIP_OPTIONS), brotliAsync(body, brotliOptions(body))]);
  return { name, contentType, body, etag, lastModified, gzip: gzipped, br };
}

/** A later page, rendered on its first request: one feed, small enough to pack where it is asked for. */
function packFeedSync(name: string, contentType: string, text: string, lastModified: Date): PublishedFeed {
  const body = Buffer.from(text, 'utf8');
  return { name, contentType, body, etag: etagOf(body), lastModified, gzip: gzipSync(body, GZIP_OPTIONS), br: brotliCompressSync(body, brotliOptions(body)) };
}

/** HTTP dates have whole seconds: a change within the same second still moves Last-Modified forward. */
function nextLastModified(previous: PublishedFeedState | undefined, now: Date): Date {
  const seconds = Math.floor(now.getTime() / 1000) * 1000;
  const floor = previous ? Date.parse(previous.lastModified) + 1000 : 0;
  return new Date(Math.max(seconds, floor));
}

/** A strong ETag over a body: the first 162 bits of its SHA-256. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

const gzipAsync = promisify<Buffer, ZlibOptions, Buffer>(gzip);
const brotliAsync = promisify<Buffer, BrotliOptions, Buffer>(brotliCompress);
const GZIP_OPTIONS: ZlibOptions = { level: 9 };

function brotliOptions(body: Buffer): BrotliOptions {
  return { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } };
}

function newestModified(stories: readonly Story[]): string | undefined {
  let newest: string | undefined;
  for (const story of stories) if (newest === undefined || story.dateModified > newest) newest = story.dateModified;
  return newest;
}
