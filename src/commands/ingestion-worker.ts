/**
 * `npm start`'s ingestion thread. It owns the store, the merge cache and the full catalog, so
 * merging, rendering and store writes never hold up the thread that answers HTTP requests.
 */
import { stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import type { StoreData, Story } from '../model/types.ts';
import { createMergeCache } from '../pipeline/merge/merge-cache.ts';
import { createIngestionCrawler, runIngestion } from '../pipeline/run-ingestion.ts';
import { buildFeedCatalog, type FeedCatalog, type PublishedFeed } from '../publish/feed-catalog.ts';
import { createSearchIndex } from '../publish/search-index.ts';
import { createStoryIndex, type StoryIndex } from '../publish/story-lookup.ts';
import { healthFromStore } from '../server/serve-state.ts';
import { openStore } from '../store/open-store.ts';
import { serializeError, type IngestionWorkerData, type ThreadMessage, type ThreadRequest, type ThreadSnapshot } from './ingestion-protocol.ts';

const port = parentPort!;
const { config, logLevel, instance } = workerData as IngestionWorkerData;
const post = (message: ThreadMessage) => port.postMessage(message);
const logger = pino({ level: logLevel, base: { service: 'bantin' } }, { write: (line: string) => post({ type: 'log', line }) });
const store = openStore(config.store, { instance });
// Shingles and index of the stories near the last cycle, so each cycle merges at the cost of what is new.
const mergeCache = createMergeCache();
// Per-host manners and robots.txt hold for the whole process, not one cycle.
const crawler = createIngestionCrawler(config);

let data: StoreData;
let catalog: FeedCatalog;
/** The stories of `data` by id, for story pages and search; dropped after every ingestion and reload. */
let stories: StoryIndex | undefined;
// Search's syllable index follows the store's change log from one state to the next instead of re-reading every story.
const searchIndex = createSearchIndex();
/** What the serving thread holds, by name: a feed object sent once is not sent again. */
const sent = new Map<string, PublishedFeed>();
// Ingestions and reloads one after another; page requests are answered between them.
let queue: Promise<unknown> = Promise.resolve();
/** Ingestions and reloads queued and not yet begun: search's index is warmed only while there are none. */
let waiting = 0;
/** Stories indexed per turn of the event loop while warming: tens of milliseconds, so story pages are answered between slices. */
const WARM_SLICE = 100;

/**
 * The catalog of the store as it is. buildFeedCatalog records validators in the data it is
 * given; this works on a copy of them, so a catalog that was never published by an ingestion
 * (the empty store at first start) cannot push the next Last-Modified a second ahead.
 */
function catalogOf(stored: StoreData, previous?: FeedCatalog): Promise<FeedCatalog> {
  // A reload keeps the unchanged story objects (PostgreSQL reads only what changed): their feeds keep their bytes.
  const reuse = previous && { previous, touched: new Set<Story>() };
  return buildFeedCatalog({ ...stored, feeds: structuredClone(stored.feeds) }, config, new Date(), reuse);
}

async function snapshot(): Promise<ThreadSnapshot> {
  const feeds = [...catalog.feeds.values(), catalog.opml];
  const changed = feeds.filter((feed) => sent.get(feed.name) !== feed);
  sent.clear();
  for (const feed of feeds) sent.set(feed.name, feed);
  const storeMtimeMs = await stat(config.store).then((stats) => stats.mtimeMs, () => 0);
  return { catalog: { summaries: [...catalog.summaries], names: [...catalog.feeds.keys()], changed }, health: healthFromStore(data), storeMtimeMs };
}

async function ingest(mode: 'all' | 'due', since: string | undefined): Promise<ThreadSnapshot> {
  const scheduled = since === undefined ? {} : { since: new Date(since) };
  const result = await runIngestion({ config, store, logger, mode, mergeCache, crawler, previousCatalog: catalog, saveWhenOnlyHealthChanged: false, ...scheduled });
  // The same object as before when the store kept it in memory, changed in place: compared by identity, it would look unchanged.
  data = result.data;
  stories = undefined;
  catalog = result.catalog;
  return snapshot();
}

async function reload(): Promise<ThreadSnapshot | undefined> {
  const fresh = await store.load();
  // Our own last write (the store hands back the same data), or a reader that lost a race with it.
  if (fresh === data || (fresh.lastRun?.finishedAt ?? '') < (data.lastRun?.finishedAt ?? '')) return undefined;
  data = fresh;
  stories = undefined;
  catalog = await catalogOf(fresh, catalog);
  return snapshot();
}

function storyIndex(): StoryIndex {
  return (stories ??= createStoryIndex(data, config, searchIndex));
}

/** Questions answered at once from what the thread holds, between ingestion steps. */
function answerAtOnce(request: Extract<ThreadRequest, { type: 'page' | 'story' | 'search' | 'changes' }>): ThreadMessage {
  if (request.type === 'page') return { type: 'page', id: request.id, feed: catalog.page(request.categoryId, request.format, request.page) };
  if (request.type === 'story') return { type: 'story', id: request.id, lookup: storyIndex().story(request.slug) };
  if (request.type === 'changes') return { type: 'changes', id: request.id, answer: storyIndex().changes(request.since) };
  return { type: 'search', id: request.id, result: storyIndex().search(request.query, request.page) };
}

function answer(request: ThreadRequest): void {
  if (request.type === 'page' || request.type === 'story' || request.type === 'search' || request.type === 'changes') {
    // Answered as an error, never thrown: an exception here would end the thread and with it every later cycle.
    try {
      post(answerAtOnce(request));
    } catch (error) {
      post({ type: 'failed', id: request.id, error: serializeError(error) });
    }
    return;
  }
  const work = request.type === 'ingest' ? () => ingest(request.mode, request.since) : request.type === 'reload' ? reload : async () => undefined;
  waiting++;
  queue = queue
    .then(() => {
      waiting--;
      return work();
    })
    .then(
      (result) => post({ type: 'done', id: request.id, snapshot: result }),
      (error: unknown) => post({ type: 'failed', id: request.id, error: serializeError(error) }),
    )
    .then(warmSearch);
}

/**
 * Brings search's index up to the store a slice at a time while no ingestion or reload waits, so the first
 * search after a start (every story read and folded: seconds at 20,000 stories) finds it built. A job that
 * arrives stops it after the current slice; the job's own end starts it again.
 */
async function warmSearch(): Promise<void> {
  const started = performance.now();
  let slices = 0;
  try {
    while (waiting === 0 && !searchIndex.syncSlice(data, WARM_SLICE)) {
      slices++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (slices > 0 && waiting === 0) logger.info({ stories: data.stories.length, ms: Math.round(performance.now() - started), slices: slices + 1 }, 'search index built');
  } catch (error) {
    // Search builds what it needs itself when asked; a failed warm-up costs only that.
    logger.warn({ err: error }, 'search index warm-up failed');
  }
}

async function start(): Promise<ThreadSnapshot> {
  data = await store.load();
  catalog = await catalogOf(data);
  return snapshot();
}

port.on('message', answer);
queue = start()
  .then(
    (ready) => {
      post({ type: 'ready', snapshot: ready });
      return warmSearch();
    },
    (error: unknown) => post({ type: 'start-failed', error: serializeError(error) }),
  );
