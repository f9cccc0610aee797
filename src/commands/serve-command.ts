/** `npm start`: serve the stored feeds at once, ingest at start-up, then on the schedule. */
import { watchFile, unwatchFile, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Logger } from '../logger.ts';
import type { Config, StoreData } from '../model/types.ts';
import { createMergeCache } from '../pipeline/merge/merge-cache.ts';
import { runIngestion } from '../pipeline/run-ingestion.ts';
import { buildFeedCatalog } from '../publish/feed-catalog.ts';
import { startScheduler, type RunTrigger } from '../scheduler/start-scheduler.ts';
import { createApp } from '../server/create-app.ts';
import { healthFromStore, type ServeState } from '../server/serve-state.ts';
import type { Store } from '../store/store.ts';

const STORE_POLL_MS = 2000;

export interface RunningService {
  server: Server;
  /** Resolves when the start-up ingestion has finished. */
  firstIngestion: Promise<void>;
  stop(): Promise<void>;
}

export async function startService(config: Config, store: Store, logger: Logger): Promise<RunningService> {
  let state = await stateFrom(config, await store.load());
  const app = createApp({ getState: () => state, logger });
  const server = await listen(app, config.port);
  logger.info({ stage: 'serve', port: addressPort(server), base_url: config.baseUrl }, 'serving');

  let ownWriteMtimeMs = 0;
  // Shingles and index of the stories near the last cycle, so each cycle merges at the cost of what is new.
  const mergeCache = createMergeCache();
  const ingest = async (trigger: RunTrigger) => {
    const mode = trigger === 'startup' ? 'all' : 'due';
    const result = await runIngestion({ config, store, logger, mode, mergeCache, previousCatalog: state.catalog, saveWhenOnlyHealthChanged: false });
    state = { config, catalog: result.catalog, health: healthFromStore(result.data) };
    ownWriteMtimeMs = await stat(config.store).then((stats) => stats.mtimeMs, () => 0);
  };
  const scheduler = startScheduler(config.schedule, config.timezone, ingest, logger);
  // Start-up ingestion fetches every source, backing off or not (SPEC "Ingestion manners").
  const firstIngestion = scheduler.runNow('startup');

  // `npm run ingest` beside the server writes the store; pick its result up without waiting for the schedule.
  const onStoreChange = (current: Stats, previous: Stats) => {
    // Our own save needs no reload: the state already holds what it wrote.
    if (current.mtimeMs === previous.mtimeMs || current.mtimeMs === ownWriteMtimeMs) return;
    store
      .load()
      .then(async (data) => {
        // A reload that started before our own ingestion finished must not put older data back.
        if ((data.lastRun?.finishedAt ?? '') < (state.health.lastRun?.finishedAt ?? '')) return;
        const next = await stateFrom(config, data);
        if ((data.lastRun?.finishedAt ?? '') >= (state.health.lastRun?.finishedAt ?? '')) state = next;
      })
      .catch((error: unknown) => logger.warn({ stage: 'serve', err: error }, 'could not reload the store'));
  };
  watchFile(config.store, { interval: STORE_POLL_MS }, onStoreChange);

  return {
    server,
    firstIngestion,
    async stop() {
      unwatchFile(config.store, onStoreChange);
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The state to serve from the store as it is. buildFeedCatalog records validators in the data
 * it is given; this view works on a copy of them, so a catalog that was never published by an
 * ingestion (the empty store at first start) cannot push the next Last-Modified a second ahead.
 */
async function stateFrom(config: Config, data: StoreData): Promise<ServeState> {
  const view = { ...data, feeds: structuredClone(data.feeds) };
  return { config, catalog: await buildFeedCatalog(view, config, new Date()), health: healthFromStore(data) };
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
