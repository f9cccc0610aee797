/**
 * `npm start`: serve the stored feeds at once, ingest at start-up, then on the schedule. Ingestion
 * runs on its own thread (ingestion-worker.ts); this thread answers requests from the catalog it
 * last received, so a cycle's merging, rendering and store write never delay a response.
 */
import { watchFile, unwatchFile, type Stats } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Config } from '../model/types.ts';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import { startScheduler, type RunTrigger } from '../scheduler/start-scheduler.ts';
import { isPostgresUrl } from '../store/open-store.ts';
import { createRequestListener } from '../server/create-request-listener.ts';
import { createServiceMetrics } from '../server/metrics.ts';
import type { IngestionHealth, ServeState, ServedCatalog } from '../server/serve-state.ts';
import type { CatalogUpdate, ThreadSnapshot } from './ingestion-protocol.ts';
import { startIngestionThread, type IngestionThread, type IngestionThreadOptions, type ThreadStatus } from './ingestion-thread.ts';

const STORE_POLL_MS = 2000;
// A stop must end within 10 s (a process manager's usual grace): a cycle still running after this is cut short.
const CYCLE_ABANDON_AFTER_MS = 5000;
const SERVER_CLOSE_GRACE_MS = 2000;

export interface RunningService {
  server: Server;
  /** Resolves when the start-up ingestion has finished. */
  firstIngestion: Promise<void>;
  /** Runs a scheduled cycle now (or joins the one under way); resolves when the served state has it. */
  ingestNow(): Promise<void>;
  /** What /healthz says of ingestion itself. */
  ingestion(): IngestionHealth;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Passed to the ingestion thread's supervisor (tests: a worker entry that crashes, a short restart delay). */
  thread?: Omit<IngestionThreadOptions, 'onRestart'>;
  /** The address to listen on (the bench: 127.0.0.1); by default every interface, as `npm start` does. */
  host?: string;
}

/** Rejects, with the ingestion thread ended, when the store cannot be read (StoreError). */
export async function startService(config: Config, logger: Logger, options: ServiceOptions = {}): Promise<RunningService> {
  // Set once the scheduler runs; until then a restarted thread's store is only published.
  let restarted = (snapshot: ThreadSnapshot) => apply(snapshot);
  const thread = startIngestionThread(config, logger, { ...options.thread, onRestart: (snapshot) => restarted(snapshot) });
  const first = await thread.started;
  // The run already in the store was counted by the process that made it.
  const metrics = createServiceMetrics({ countedRun: first.health.lastRun });
  const cycles = createCycleRecord(first.health.lastRun?.finishedAt ?? null);
  const ingestion = () => ingestionHealth(thread.status(), cycles);
  let state!: ServeState;
  // The stories stay on the ingestion thread: carrying them in every snapshot would clone the whole store each cycle.
  const stories = { story: (slug: string) => thread.story(slug), search: (query: string, page: number) => thread.search(query, page), changes: (since: number | undefined) => thread.changes(since) };
  let ownWriteMtimeMs = first.storeMtimeMs;
  const apply = (snapshot: ThreadSnapshot) => {
    state = { config, catalog: servedCatalog(snapshot.catalog, state?.catalog, thread), health: snapshot.health, ingestion, stories };
    ownWriteMtimeMs = snapshot.storeMtimeMs;
    metrics.recordRun(snapshot.health.lastRun);
    if (snapshot.health.storyCount !== undefined) metrics.setStoriesStored(snapshot.health.storyCount);
  };
  apply(first);

  // Feed requests are answered before express's router; the rest goes through the express app.
  const listener = createRequestListener({ getState: () => state, logger, metrics });
  const server = await listen(listener, config.port, options.host).catch(async (error: unknown) => {
    await thread.stop();
    throw error;
  });
  logger.info({ stage: 'serve', port: addressPort(server), base_url: config.baseUrl }, 'serving');

  const ingest = async (trigger: RunTrigger, scheduledAt?: Date) => {
    cycles.started();
    const started = performance.now();
    try {
      apply(await thread.ingest(trigger === 'startup' ? 'all' : 'due', scheduledAt));
      cycles.succeeded();
      metrics.recordCycle((performance.now() - started) / 1000, true);
    } catch (error) {
      cycles.failed(error);
      metrics.recordCycle((performance.now() - started) / 1000, false);
      throw error;
    }
  };
  const scheduler = startScheduler(config.schedule, config.timezone, ingest, logger, { onTick: cycles.scheduledRunDue });
  // Start-up ingestion fetches every source, backing off or not (SPEC "Ingestion manners").
  const firstIngestion = scheduler.runNow('startup');
  // After a restart, publish what the store holds and ingest again: the crash may have cut a cycle short.
  restarted = (snapshot) => {
    metrics.recordThreadRestart();
    apply(snapshot);
    void scheduler.runNow('schedule');
  };

  // `npm run ingest` (or another bantin on the same database) writes the store; pick its result up
  // without waiting for the schedule.
  let reloadFailed = false;
  const reload = () => {
    if (thread.status().state !== 'running') return;
    thread.reload().then(
      (snapshot) => {
        reloadFailed = false;
        if (snapshot) apply(snapshot);
      },
      (error: unknown) => {
        // Once per outage, not every poll: the database may be down for minutes.
        if (!reloadFailed) logger.warn({ stage: 'serve', err: error }, 'could not reload the store');
        reloadFailed = true;
      },
    );
  };
  const onStoreChange = (current: Stats, previous: Stats) => {
    // Our own save needs no reload: the state already holds what it wrote.
    if (current.mtimeMs === previous.mtimeMs || current.mtimeMs === ownWriteMtimeMs) return;
    reload();
  };
  // PostgreSQL: the ingestion thread compares one row's revision with the one it holds; only a change reads more.
  const poll = isPostgresUrl(config.store) ? setInterval(reload, STORE_POLL_MS) : undefined;
  if (poll === undefined) watchFile(config.store, { interval: STORE_POLL_MS }, onStoreChange);

  return {
    server,
    firstIngestion,
    ingestNow: () => scheduler.runNow('schedule'),
    ingestion,
    async stop() {
      if (poll === undefined) unwatchFile(config.store, onStoreChange);
      else clearInterval(poll);
      // Stop taking connections at once; responses under way finish, idle keep-alive sockets close.
      const closed = closeServer(server, SERVER_CLOSE_GRACE_MS);
      // No new run from here on; the run under way ends with the thread (a cycle cut short fails).
      const runEnded = scheduler.stop();
      await thread.stop(CYCLE_ABANDON_AFTER_MS);
      await runEnded;
      await closed;
    },
  };
}

/** The serving thread's record of cycles, for /healthz: when one ran, how it ended, how long since a good one. */
interface CycleRecord {
  readonly view: Pick<IngestionHealth, 'cycleRunningSince' | 'lastCycle' | 'lastSuccessAt' | 'scheduledRunsSinceSuccess'>;
  started(): void;
  succeeded(): void;
  failed(error: unknown): void;
  scheduledRunDue(): void;
}

function createCycleRecord(lastSuccessAt: string | null): CycleRecord {
  const view: CycleRecord['view'] = { cycleRunningSince: null, lastCycle: null, lastSuccessAt, scheduledRunsSinceSuccess: 0 };
  const end = (error: string | null) => {
    const finishedAt = new Date().toISOString();
    Object.assign(view, { cycleRunningSince: null, lastCycle: { finishedAt, error } });
    if (error === null) Object.assign(view, { lastSuccessAt: finishedAt, scheduledRunsSinceSuccess: 0 });
  };
  return {
    view,
    started: () => void (view.cycleRunningSince = new Date().toISOString()),
    succeeded: () => end(null),
    failed: (error) => end(describeError(error)),
    scheduledRunDue: () => void view.scheduledRunsSinceSuccess++,
  };
}

function ingestionHealth(thread: ThreadStatus, cycles: CycleRecord): IngestionHealth {
  return { thread: thread.state, restarts: thread.restarts, lastThreadEnd: thread.lastEnd, nextStartAt: thread.nextStartAt, ...cycles.view };
}

/**
 * The catalog this thread serves: page-1 feeds and the OPML list kept from the previous one unless
 * the update brings them anew (so their prepared headers stay too); later pages are asked of the
 * ingestion thread, which holds the stories, and kept until the next update.
 */
function servedCatalog(update: CatalogUpdate, previous: ServedCatalog | undefined, thread: IngestionThread): ServedCatalog {
  const byName = new Map<string, PublishedFeed>(previous ? [...previous.feeds, [previous.opml.name, previous.opml]] : []);
  for (const feed of update.changed) byName.set(feed.name, feed);
  const feeds = new Map(update.names.map((name) => [name, byName.get(name)!]));
  const pages = new Map<string, Promise<PublishedFeed | undefined>>();
  return {
    summaries: update.summaries,
    feeds,
    opml: byName.get('feeds.opml')!,
    page(categoryId, format, page) {
      if (page === 1) return feeds.get(`${categoryId}.${format}`);
      const key = `${categoryId}.${format}?page=${page}`;
      let feed = pages.get(key);
      if (feed === undefined) {
        feed = thread.page(categoryId, format, page);
        pages.set(key, feed);
        // Only pages that exist are kept: a crawler counting pages up must not grow this map.
        feed.then((found) => found ?? pages.delete(key), () => pages.delete(key));
      }
      return feed;
    },
  };
}

function listen(listener: RequestListener, port: number, host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(listener);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Closes the server; responses still under way after `graceMs` lose their connections. */
function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function addressPort(server: Server): number | undefined {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : undefined;
}
