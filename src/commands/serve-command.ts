/**
 * `npm start`: serve the stored feeds at once, ingest at start-up, then on the schedule. Ingestion
 * runs on its own thread (ingestion-worker.ts); this thread answers requests from the catalog it
 * last received, so a cycle's merging, rendering and store write never delay a response.
 */
import { watchFile, unwatchFile, type Stats } from 'node:fs';
import type { Server } from 'node:http';
import type { Logger } from '../logger.ts';
import type { Config } from '../model/types.ts';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import { startScheduler, type RunTrigger } from '../scheduler/start-scheduler.ts';
import { createApp } from '../server/create-app.ts';
import type { ServeState, ServedCatalog } from '../server/serve-state.ts';
import type { CatalogUpdate, ThreadSnapshot } from './ingestion-protocol.ts';
import { startIngestionThread, type IngestionThread } from './ingestion-thread.ts';

const STORE_POLL_MS = 2000;

export interface RunningService {
  server: Server;
  /** Resolves when the start-up ingestion has finished. */
  firstIngestion: Promise<void>;
  /** Runs a scheduled cycle now (or joins the one under way); resolves when the served state has it. */
  ingestNow(): Promise<void>;
  stop(): Promise<void>;
}

/** Rejects, with the ingestion thread ended, when the store cannot be read (StoreError). */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const thread = startIngestionThread(config, logger);
  const first = await thread.started;
  let state: ServeState = { config, catalog: servedCatalog(first.catalog, undefined, thread), health: first.health };
  let ownWriteMtimeMs = first.storeMtimeMs;
  const apply = (snapshot: ThreadSnapshot) => {
    state = { config, catalog: servedCatalog(snapshot.catalog, state.catalog, thread), health: snapshot.health };
    ownWriteMtimeMs = snapshot.storeMtimeMs;
  };

  const app = createApp({ getState: () => state, logger });
  const server = await listen(app, config.port).catch(async (error: unknown) => {
    await thread.stop();
    throw error;
  });
  logger.info({ stage: 'serve', port: addressPort(server), base_url: config.baseUrl }, 'serving');

  const ingest = async (trigger: RunTrigger) => apply(await thread.ingest(trigger === 'startup' ? 'all' : 'due'));
  const scheduler = startScheduler(config.schedule, config.timezone, ingest, logger);
  // Start-up ingestion fetches every source, backing off or not (SPEC "Ingestion manners").
  const firstIngestion = scheduler.runNow('startup');

  // `npm run ingest` beside the server writes the store; pick its result up without waiting for the schedule.
  const onStoreChange = (current: Stats, previous: Stats) => {
    // Our own save needs no reload: the state already holds what it wrote.
    if (current.mtimeMs === previous.mtimeMs || current.mtimeMs === ownWriteMtimeMs) return;
    thread
      .reload()
      .then((snapshot) => snapshot && apply(snapshot))
      .catch((error: unknown) => logger.warn({ stage: 'serve', err: error }, 'could not reload the store'));
  };
  watchFile(config.store, { interval: STORE_POLL_MS }, onStoreChange);

  return {
    server,
    firstIngestion,
    ingestNow: () => scheduler.runNow('schedule'),
    async stop() {
      unwatchFile(config.store, onStoreChange);
      await scheduler.stop();
      await thread.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
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

function listen(app: ReturnType<typeof createApp>, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function addressPort(server: Server): number | undefined {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : undefined;
}
