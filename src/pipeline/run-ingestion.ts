/** One ingestion cycle, read as its stages: collect each source → merge → categorise → retain → store → publish. */
import { recordChanges } from './record-changes.ts';
import type { Logger } from '../logger.ts';
import type { Config, Copy, RunSummary, SourceConfig, SourceRunSummary, StoreData, Story } from '../model/types.ts';
import { announceToHub } from '../publish/announce-websub.ts';
import { buildFeedCatalog, type FeedCatalog } from '../publish/feed-catalog.ts';
import { writeStaticFeeds } from '../publish/write-static-feeds.ts';
import type { StoreChanges } from '../store/store-changes.ts';
import type { SourceLease, Store } from '../store/store.ts';
import { cpuMsSince } from '../cpu-time.ts';
import { userAgent } from '../version.ts';
import { categoryRulesFingerprint, createCategorizer, fileStory } from './categorize/categorize-story.ts';
import { collectSource, type SourceOutcome } from './collect-source.ts';
import { createCrawler, type Crawler } from './fetch/fetch-page.ts';
import { identifyCopies, knownCopiesOf } from './identify/identify-copies.ts';
import type { MergeCache } from './merge/merge-cache.ts';
import { mergeCopies } from './merge/merge-copies.ts';
import { isDue, recordSourceHealth } from './record-source-health.ts';
import { pruneStories } from './retain/prune-stories.ts';

/** Sources fetched at once: enough to hide slow portals, few enough to be polite on 2 cores. */
const FETCH_CONCURRENCY = 6;

export interface IngestionOptions {
  config: Config;
  store: Store;
  logger: Logger;
  /** `all` fetches every enabled source (CLI, start-up); `due` skips sources still backing off (schedule). */
  mode: 'all' | 'due';
  now?: () => Date;
  /** Kept by a long-running process (createMergeCache), so each cycle shingles and indexes only new text. */
  mergeCache?: MergeCache;
  /** The catalog being served: feeds no story of this cycle changed keep its bytes instead of being rendered again. */
  previousCatalog?: FeedCatalog;
  /**
   * `false` in a long-running process: a cycle that changed nothing but fetch times and the run
   * summary keeps them in memory (for /healthz) and leaves the store file alone; they go out with
   * the next write. The CLI writes always, as SPEC's `npm run ingest` says.
   */
  saveWhenOnlyHealthChanged?: boolean;
  /** The process's per-host limiter and robots.txt cache (createIngestionCrawler), kept across cycles; one per cycle otherwise. */
  crawler?: Crawler;
  /**
   * When this cycle was due (the schedule's tick): with several processes on one database, a source
   * another process took since then was fetched this cycle and is skipped. The cycle's start by default.
   */
  since?: Date;
}

export interface IngestionResult {
  summary: RunSummary;
  data: StoreData;
  catalog: FeedCatalog;
  /** Sources left to another process on the same database this cycle (leased by it, or already fetched). */
  skipped: readonly string[];
  /** CPU time (user + system, the whole process) spent filing stories in categories this cycle: the bench's share of the cycle. */
  categorizeCpuMs: number;
}

export async function runIngestion(options: IngestionOptions): Promise<IngestionResult> {
  const { config, store, logger } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const before = await store.load();
  const due = config.sources.filter((source) => source.enabled && (options.mode === 'all' || isDue(before.sources[source.id], startedAt)));
  const lease = await leaseSources(store, due, options.since ?? startedAt, startedAt);
  try {
    const chosen = due.filter((source) => lease.claimed.has(source.id));
    if (lease.skipped.length > 0) logger.info({ stage: 'ingest', skipped: lease.skipped }, 'sources left to another bantin on this database this cycle');
    const result = await ingestChosen(options, chosen, before, lease, startedAt, now);
    return { ...result, skipped: lease.skipped };
  } finally {
    await lease.release();
  }
}

/** The store's leases, or every due source where one process owns the store. */
function leaseSources(store: Store, due: readonly SourceConfig[], since: Date, now: Date): Promise<SourceLease> {
  const ids = due.map((source) => source.id);
  if (store.leaseSources !== undefined) return store.leaseSources(ids, since, now);
  return Promise.resolve({ claimed: new Set(ids), skipped: [], check: async () => undefined, recordFetched: async () => undefined, release: async () => undefined });
}

async function ingestChosen(
  options: IngestionOptions,
  chosen: readonly SourceConfig[],
  before: StoreData,
  lease: SourceLease,
  startedAt: Date,
  now: () => Date,
): Promise<Omit<IngestionResult, 'skipped'>> {
  const { config, store, logger } = options;
  const crawler = options.crawler ?? createIngestionCrawler(config);
  // robots.txt another process read today is not asked for again.
  crawler.robots.load(before.robots ?? {});
  const outcomes = await collectAll(chosen, before, config, startedAt, crawler);
  logDroppedElements(logger, chosen, outcomes);

  const result = await store.withWriteLock(async () => {
    // A cycle whose leases went with their connection may overlap another process's: it writes nothing.
    await lease.check();
    // Reload under the lock: another writer may have saved while we were fetching.
    const data = await store.load();
    // Only a process that may skip the save needs to know whether anything durable changed.
    const keepsHealthInMemory = options.saveWhenOnlyHealthChanged === false;
    const durableBefore = keepsHealthInMemory ? durableFingerprint(data) : undefined;
    const { summary, touched, refiled, changes, categorizeCpuMs } = applyOutcomes(data, chosen, outcomes, config, startedAt, options.mergeCache);
    await keepRobots(data, crawler);
    summary.finishedAt = now().toISOString();
    data.lastRun = summary;
    const etagsBefore = new Map(Object.entries(data.feeds).map(([name, state]) => [name, state.etag]));
    const reuse = options.previousCatalog && { previous: options.previousCatalog, touched };
    const catalog = await buildFeedCatalog(data, config, now(), reuse);
    const storiesChanged = touched.size > 0 || summary.storiesPruned > 0 || refiled;
    if (storiesChanged || !keepsHealthInMemory || durableFingerprint(data) !== durableBefore) await store.save(data, changes);
    await recordFetched(lease, logger);
    await writeStaticFeeds(catalog, config.outDir);
    const changed = [...catalog.feeds.values()].filter((feed) => etagsBefore.get(feed.name) !== feed.etag).map((feed) => feed.name);
    return { summary, data, catalog, changed, categorizeCpuMs };
  });
  logSummary(logger, result.summary);
  // After the lock is released: a slow hub must not hold up another writer.
  if (config.websubHub && result.changed.length > 0) await announceChanges(config, result.changed, logger);
  return { summary: result.summary, data: result.data, catalog: result.catalog, categorizeCpuMs: result.categorizeCpuMs };
}

/**
 * The cycle's outcome is saved: its sources count as fetched this cycle. Failing that (the lease connection
 * ended after the save), another process may fetch them again this cycle, which costs a request, not data.
 */
async function recordFetched(lease: SourceLease, logger: Logger): Promise<void> {
  await lease.recordFetched().catch((error: unknown) => {
    logger.warn({ stage: 'ingest', err: error }, 'could not record this cycle\'s sources as fetched; another bantin may fetch them again this cycle');
  });
}

async function announceChanges(config: Config, changed: readonly string[], logger: Logger): Promise<void> {
  const topics = changed.map((name) => `${config.baseUrl}/feeds/${name}`);
  for (const ping of await announceToHub(config.websubHub!, topics, userAgent(config.baseUrl))) {
    if (ping.ok) logger.info({ stage: 'websub', topic: ping.topic }, 'hub notified');
    else logger.warn({ stage: 'websub', topic: ping.topic, error: ping.error }, 'hub ping failed');
  }
}

/** Each source's outcome, and how long it took (for /metrics). */
type TimedOutcome = SourceOutcome & { durationMs: number };

/** The limiter and robots.txt cache of one process, with the config's delay and fetch limits. */
export function createIngestionCrawler(config: Config, now?: () => number): Crawler {
  const robotsFetch = { timeoutMs: config.fetchTimeoutSeconds * 1000, maxBytes: config.maxFeedBytes, userAgent: userAgent(config.baseUrl) };
  return createCrawler({ hostDelayMs: (config.hostDelaySeconds ?? 1) * 1000, robotsFetch, ...(now === undefined ? {} : { now }) });
}

/** The store keeps every robots.txt read within the day, by this process or (reloaded) another; older ones go. */
async function keepRobots(data: StoreData, crawler: Crawler): Promise<void> {
  crawler.robots.load(data.robots ?? {});
  const robots = await crawler.robots.stored();
  if (Object.keys(robots).length > 0) data.robots = robots;
  else delete data.robots;
}

/**
 * Feeds six at a time; sources that read article pages each start at once beside them, since their
 * crawl is paced by its hosts' manners, not by our sockets, and must not hold a feed's turn.
 */
async function collectAll(sources: readonly SourceConfig[], data: StoreData, config: Config, now: Date, crawler: Crawler): Promise<TimedOutcome[]> {
  const options = {
    timeoutMs: config.fetchTimeoutSeconds * 1000,
    maxBytes: config.maxFeedBytes,
    maxItems: config.maxItemsPerFetch,
    userAgent: userAgent(config.baseUrl),
    now,
    crawler,
  };
  const outcomes: TimedOutcome[] = new Array(sources.length);
  const collect = async (index: number) => {
    const started = performance.now();
    const outcome = await collectSource(sources[index]!, data.sources[sources[index]!.id], options);
    outcomes[index] = Object.assign(outcome, { durationMs: Math.round(performance.now() - started) });
  };
  const crawls = sources.flatMap((source, index) => (source.html !== undefined || source.fullText ? [collect(index)] : []));
  const feeds = sources.flatMap((source, index) => (source.html !== undefined || source.fullText ? [] : [index]));
  let next = 0;
  const worker = async () => {
    while (next < feeds.length) await collect(feeds[next++]!);
  };
  await Promise.all([...crawls, ...Array.from({ length: Math.min(FETCH_CONCURRENCY, feeds.length) }, worker)]);
  return outcomes;
}

function applyOutcomes(
  data: StoreData,
  sources: readonly SourceConfig[],
  outcomes: readonly TimedOutcome[],
  config: Config,
  now: Date,
  cache: MergeCache | undefined,
): { summary: RunSummary; touched: ReadonlySet<Story>; refiled: boolean; changes: StoreChanges; categorizeCpuMs: number } {
  const aliases = data.aliases ?? {};
  const context = { now, sources: new Map(config.sources.map((source) => [source.id, source])), tombstones: data.tombstones, aliases, cache };
  const known = knownCopiesOf(data.stories, data.tombstones);
  const copies: Copy[] = [];
  sources.forEach((source, index) => {
    const outcome = outcomes[index]!;
    const state = recordSourceHealth(data.sources[source.id], source.id, outcome, now);
    data.sources[source.id] = state;
    if (!outcome.ok || outcome.notModified) return;
    // Guids or canonical links as the copies' identity, chosen per source (blank, repeated, unstable guids).
    const identified = identifyCopies(outcome.copies, state.identity, known);
    state.identity = identified.identity;
    copies.push(...identified.copies);
  });
  // One merge for the whole cycle, so copies of a new story from several portals make one new story.
  const merged = mergeCopies(data.stories, copies, context);
  if (Object.keys(aliases).length > 0) data.aliases = aliases;
  const touched = new Set<Story>([...merged.added, ...merged.updated]);
  const perSource = sources.map((source, index) => summarizeSource(source.id, outcomes[index]!, merged.bySource.get(source.id)));

  // Changed keywords, excludes, categoryMaps or urlMaps re-file every stored story, not only the ones this cycle touched.
  const rules = categoryRulesFingerprint(config.categories, config.sources);
  const refiled = data.categoryRules !== rules;
  // A story only re-filed (into other categories) changed for partners too: reported as updated.
  const categorizeStarted = process.cpuUsage();
  const categorize = createCategorizer(config.categories, config.sources);
  const recategorised: Story[] = [];
  for (const story of refiled ? data.stories : touched) if (fileStory(story, categorize) && !touched.has(story)) recategorised.push(story);
  const categorizeCpuMs = cpuMsSince(categorizeStarted);
  data.categoryRules = rules;
  const { kept, pruned } = pruneStories(data.stories, data.tombstones, { now, retentionDays: config.retentionDays, feedSize: config.feedSize });
  // Merged-away stories left data.stories in the merge, so a pruned id is never an absorbed one.
  const prunedIds: string[] = [];
  if (pruned > 0) {
    data.prunedAt = now.toISOString();
    const keptIds = new Set(kept.map((story) => story.id));
    for (const story of data.stories) if (!keptIds.has(story.id)) prunedIds.push(story.id);
  }
  // A story dropped this cycle is reported as merged or removed, never also as created or updated.
  const removed = new Set([...merged.absorbed.map((absorbed) => absorbed.id), ...prunedIds]);
  // The summary counts what /api/changes reports: a story pruned or merged away this cycle was not created, updated or re-filed.
  const idsStillHeld = (stories: readonly Story[]) => stories.filter((story) => !removed.has(story.id)).map((story) => story.id);
  const createdIds = idsStillHeld(merged.added);
  const updatedIds = idsStillHeld(merged.updated);
  const refiledIds = idsStillHeld(recategorised);
  data.changes = recordChanges(
    data.changes,
    { created: createdIds, updated: [...updatedIds, ...refiledIds], merged: merged.absorbed, removed: prunedIds },
    now.toISOString(),
  );
  data.stories = kept;
  // Said, not inferred: the stories this cycle wrote (all of them when re-filed) and those it dropped.
  const changes: StoreChanges = { stories: new Set([...(refiled ? kept : touched)].map((story) => story.id)), removed };
  const summary: RunSummary = {
    startedAt: now.toISOString(),
    finishedAt: now.toISOString(),
    sources: perSource,
    storiesAdded: createdIds.length,
    storiesUpdated: updatedIds.length,
    storiesRefiled: refiledIds.length,
    storiesPruned: pruned,
  };
  return { summary, touched, refiled, changes, categorizeCpuMs };
}

/**
 * Everything stored besides the stories that must survive a restart: validators, backoff, identity,
 * published feed validators, aliases. Fetch times and tombstones' seenAt only refresh what is there.
 */
function durableFingerprint(data: StoreData): string {
  const sources = Object.values(data.sources).map(({ lastFetchAt: _fetch, lastSuccessAt: _success, ...durable }) => durable);
  const robots = Object.entries(data.robots ?? {}).map(([origin, entry]) => [origin, entry.readAt]);
  return JSON.stringify([sources, data.feeds, Object.keys(data.aliases ?? {}).length, Object.keys(data.tombstones).length, data.prunedAt, data.categoryRules, robots]);
}

function summarizeSource(id: string, outcome: TimedOutcome, counts = { added: 0, updated: 0 }): SourceRunSummary {
  const { durationMs } = outcome;
  if (!outcome.ok) return { id, status: 'error', items: 0, added: 0, updated: 0, error: outcome.error, durationMs };
  if (outcome.notModified) return { id, status: 'not-modified', items: 0, added: 0, updated: 0, durationMs };
  const summary: SourceRunSummary = { id, status: 'ok', items: outcome.copies.length, added: counts.added, updated: counts.updated, durationMs };
  const undated = outcome.copies.filter((copy) => copy.undated).length;
  if (undated > 0) summary.undatedItems = undated;
  if (outcome.itemsDropped) summary.itemsDropped = outcome.itemsDropped;
  if (outcome.warning !== undefined) summary.warning = outcome.warning;
  if (outcome.articleErrors) summary.articleErrors = outcome.articleErrors;
  return summary;
}

/** What a parser left out of a feed (an item nested beyond reason), each with why; the feed's other items went on. */
function logDroppedElements(logger: Logger, sources: readonly SourceConfig[], outcomes: readonly SourceOutcome[]): void {
  sources.forEach((source, index) => {
    const outcome = outcomes[index]!;
    if (!outcome.ok || outcome.notModified) return;
    for (const { element, position, id, reason } of outcome.dropped ?? []) {
      logger.warn({ stage: 'parse', source_id: source.id, element, position, id, reason }, 'feed element left out');
    }
  });
}

function logSummary(logger: Logger, summary: RunSummary): void {
  for (const source of summary.sources) {
    const fields = { stage: 'ingest', source_id: source.id, status: source.status, items: source.items, added: source.added, updated: source.updated };
    if (source.error) logger.warn({ ...fields, error: source.error }, 'source failed');
    else logger.info(fields, 'source ingested');
    if (source.warning) logger.warn({ stage: 'collect', source_id: source.id, items_dropped: source.itemsDropped, warning: source.warning }, 'items left out');
    // SPEC "Text, dates, links": an item whose date cannot be read is logged; one line per source, not per item.
    if (source.undatedItems) {
      logger.info({ stage: 'normalize', source_id: source.id, undated_items: source.undatedItems }, 'items without a readable date keep the time they were first seen');
    }
  }
  logger.info({ stage: 'ingest', stories_added: summary.storiesAdded, stories_updated: summary.storiesUpdated, stories_refiled: summary.storiesRefiled ?? 0, stories_pruned: summary.storiesPruned }, 'ingestion finished');
}
