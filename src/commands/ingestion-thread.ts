/**
 * The serving thread's handle on the ingestion thread (ingestion-worker.ts), and its supervisor: a
 * thread that ends by itself (an uncaught error, its heap exhausted) is started again after a backoff,
 * with the store lock it held released, so one bad cycle never stops ingestion for good.
 */
import { IngestionUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Config } from '../model/types.ts';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import type { FeedFormat } from '../publish/feed-view.ts';
import type { ChangesAnswer } from '../publish/change-feed.ts';
import type { SearchPage, StoryLookup } from '../publish/story-lookup.ts';
import { releaseWhatAnEndedWriterHeld } from '../store/open-store.ts';
import { processInstanceId } from '../store/process-instance.ts';
import type { ThreadSnapshot } from './ingestion-protocol.ts';
import { connectWorker, type Request, type WorkerConnection } from './worker-connection.ts';
import { workerModule } from './worker-module.ts';

const { boot: WORKER_BOOT, entry: WORKER_ENTRY } = workerModule(new URL('./ingestion-worker.ts', import.meta.url));

/** The first restart waits this long; each further crash without a good cycle between doubles it. */
export const RESTART_DELAY_MS = 1_000;
export const RESTART_DELAY_MAX_MS = 5 * 60_000;

export interface ThreadStatus {
  state: 'running' | 'restarting' | 'stopped';
  /** Times the thread was started again after ending by itself. */
  restarts: number;
  /** The last time it ended by itself, and why, in plain words. */
  lastEnd: { at: string; reason: string } | null;
  /** When the next start is due, while restarting. */
  nextStartAt: string | null;
}

export interface IngestionThread {
  /** The store as loaded at start; rejects with the store's error (corrupt, unreadable, too new). */
  readonly started: Promise<ThreadSnapshot>;
  /** `since`: the schedule's tick that made this cycle due (sources another process took after it are skipped). */
  ingest(mode: 'all' | 'due', since?: Date): Promise<ThreadSnapshot>;
  /** Reads a store another process wrote; undefined when it holds nothing newer than what is served. */
  reload(): Promise<ThreadSnapshot | undefined>;
  page(categoryId: string, format: FeedFormat, page: number): Promise<PublishedFeed | undefined>;
  story(slug: string): Promise<StoryLookup>;
  search(query: string, page: number): Promise<SearchPage>;
  changes(since: number | undefined): Promise<ChangesAnswer>;
  status(): ThreadStatus;
  /**
   * Waits for a step under way, then ends the thread; no restart follows. After `abandonAfterMs` the
   * step is cut short instead: the store keeps its last complete write, and the lock is released.
   */
  stop(abandonAfterMs?: number): Promise<void>;
}

export interface IngestionThreadOptions {
  /** The worker's module; tests pass one that runs the real worker and ends it mid-cycle. */
  entry?: string;
  restartDelayMs?: number;
  /** The store as a restarted thread loaded it, for the serving thread to publish. */
  onRestart?: (snapshot: ThreadSnapshot) => void;
}

export function startIngestionThread(config: Config, logger: Logger, options: IngestionThreadOptions = {}): IngestionThread {
  const baseDelayMs = options.restartDelayMs ?? RESTART_DELAY_MS;
  const status: ThreadStatus = { state: 'running', restarts: 0, lastEnd: null, nextStartAt: null };
  // Crashes since the last cycle that succeeded: the backoff grows with them.
  let crashesInARow = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  // A thread that never loaded the store at start is not restarted: startService reports why and gives up.
  let startedOnce = false;

  const connect = (): WorkerConnection =>
    connectWorker({
      boot: WORKER_BOOT,
      workerData: { entry: options.entry ?? WORKER_ENTRY, config, logLevel: logger.level, instance: processInstanceId() },
      logger,
      onEnd: (reason) => void scheduleRestart(reason),
    });

  const scheduleRestart = async (reason: string) => {
    if (!startedOnce) status.state = 'stopped';
    if (status.state === 'stopped') return;
    crashesInARow++;
    const delayMs = Math.min(baseDelayMs * 2 ** (crashesInARow - 1), RESTART_DELAY_MAX_MS);
    const now = Date.now();
    Object.assign(status, { state: 'restarting', lastEnd: { at: new Date(now).toISOString(), reason }, nextStartAt: new Date(now + delayMs).toISOString() });
    // The thread is gone, so nothing in this process writes the store: what it held is nobody's.
    const released = await releaseWhatAnEndedWriterHeld(config.store).catch(() => false);
    logger.error({ stage: 'ingest', reason, restart_in_ms: delayMs, lock_released: released }, 'ingestion thread ended; starting it again');
    restartTimer = setTimeout(restart, delayMs);
  };

  const restart = () => {
    if (status.state === 'stopped') return;
    connection = connect();
    status.restarts++;
    connection.started.then(
      (snapshot) => {
        Object.assign(status, { state: 'running', nextStartAt: null });
        logger.info({ stage: 'ingest', restarts: status.restarts }, 'ingestion thread started again');
        options.onRestart?.(snapshot);
      },
      // A failed start ends the worker, whose end schedules the next attempt.
      (error: unknown) => logger.error({ stage: 'ingest', err: error }, 'restarted ingestion thread could not load the store'),
    );
  };

  let connection = connect();
  connection.started.then(() => (startedOnce = true), () => undefined);
  const request = <T>(message: Request): Promise<T> => {
    if (status.state === 'restarting') {
      return Promise.reject(new IngestionUnavailableError(`the ingestion thread is starting again after it ended (${status.lastEnd?.reason})`));
    }
    return connection.request<T>(message);
  };

  return {
    started: connection.started,
    async ingest(mode, since) {
      const snapshot = await request<ThreadSnapshot>({ type: 'ingest', mode, ...(since === undefined ? {} : { since: since.toISOString() }) });
      crashesInARow = 0;
      return snapshot;
    },
    reload: () => request<ThreadSnapshot | undefined>({ type: 'reload' }),
    page: (categoryId, format, page) => request<PublishedFeed | undefined>({ type: 'page', categoryId, format, page }),
    story: (slug) => request<StoryLookup>({ type: 'story', slug }),
    search: (query, page) => request<SearchPage>({ type: 'search', query, page }),
    changes: (since) => request<ChangesAnswer>({ type: 'changes', since }),
    status: () => ({ ...status }),
    async stop(abandonAfterMs) {
      status.state = 'stopped';
      clearTimeout(restartTimer);
      if ((await connection.stop(abandonAfterMs)) === 'abandoned') {
        const released = await releaseWhatAnEndedWriterHeld(config.store).catch(() => false);
        logger.warn({ stage: 'ingest', abandon_after_ms: abandonAfterMs, lock_released: released }, 'ingestion step cut short to stop in time');
      }
    },
  };
}
