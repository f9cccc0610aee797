/** The serving thread's handle on the ingestion thread (ingestion-worker.ts): requests as promises, logs passed on. */
import { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import type { Logger } from '../logger.ts';
import type { Config } from '../model/types.ts';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import type { FeedFormat } from '../publish/feed-view.ts';
import {
  reviveError,
  reviveFeed,
  type IngestionWorkerData,
  type ThreadMessage,
  type ThreadRequest,
  type ThreadSnapshot,
} from './ingestion-protocol.ts';
import { workerModule } from './worker-module.ts';

const { boot: WORKER_BOOT, entry: WORKER_ENTRY } = workerModule(new URL('./ingestion-worker.ts', import.meta.url));

export interface IngestionThread {
  /** The store as loaded at start; rejects with the store's error (corrupt, unreadable, too new). */
  readonly started: Promise<ThreadSnapshot>;
  ingest(mode: 'all' | 'due'): Promise<ThreadSnapshot>;
  /** Reads a store another process wrote; undefined when it holds nothing newer than what is served. */
  reload(): Promise<ThreadSnapshot | undefined>;
  page(categoryId: string, format: FeedFormat, page: number): Promise<PublishedFeed | undefined>;
  /** Waits for a step under way, then ends the thread. */
  stop(): Promise<void>;
}

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };
type Request = ThreadRequest extends infer R ? (R extends ThreadRequest ? Omit<R, 'id'> : never) : never;

export function startIngestionThread(config: Config, logger: Logger): IngestionThread {
  const workerData: IngestionWorkerData & { entry: string } = { entry: WORKER_ENTRY, config, logLevel: logger.level };
  const worker = new Worker(WORKER_BOOT, { workerData });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped = false;
  let resolveStart!: (snapshot: ThreadSnapshot) => void;
  let rejectStart!: (error: Error) => void;
  const started = new Promise<ThreadSnapshot>((resolve, reject) => {
    resolveStart = resolve;
    rejectStart = reject;
  });

  const failAll = (error: Error) => {
    rejectStart(error);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const settle = (id: number, outcome: { value?: unknown; error?: Error }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (outcome.error) waiting?.reject(outcome.error);
    else waiting?.resolve(outcome.value as never);
  };

  worker.on('message', (message: ThreadMessage) => {
    switch (message.type) {
      case 'log':
        return passOnLog(logger, message.line);
      case 'ready':
        return resolveStart(reviveSnapshot(message.snapshot));
      case 'start-failed':
        rejectStart(reviveError(message.error));
        return void worker.terminate();
      case 'done':
        return settle(message.id, { value: message.snapshot && reviveSnapshot(message.snapshot) });
      case 'failed':
        return settle(message.id, { error: reviveError(message.error) });
      case 'page':
        return settle(message.id, { value: message.feed && reviveFeed(message.feed) });
    }
  });
  worker.on('error', (error) => {
    logger.error({ stage: 'ingest', err: error }, 'ingestion thread failed');
    failAll(error);
  });
  worker.on('exit', (code) => {
    // A message to an ended worker is never answered: refuse every later request at once instead.
    stopped = true;
    failAll(new Error(`the ingestion thread ended (exit code ${code})`));
  });

  const request = <T>(message: Request): Promise<T> => {
    if (stopped) return Promise.reject(new Error('the ingestion thread is stopped'));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: never) => void, reject });
      worker.postMessage({ ...message, id } as ThreadRequest);
    });
  };

  return {
    started,
    ingest: (mode) => request<ThreadSnapshot>({ type: 'ingest', mode }),
    reload: () => request<ThreadSnapshot | undefined>({ type: 'reload' }),
    page: (categoryId, format, page) => request<PublishedFeed | undefined>({ type: 'page', categoryId, format, page }),
    async stop() {
      if (stopped) return;
      const drained = request<unknown>({ type: 'drain' }).catch(() => undefined);
      stopped = true;
      await drained;
      await worker.terminate();
    },
  };
}

function reviveSnapshot(snapshot: ThreadSnapshot): ThreadSnapshot {
  return { ...snapshot, catalog: { ...snapshot.catalog, changed: snapshot.catalog.changed.map(reviveFeed) } };
}

/** The worker's pino lines, logged again here so they reach whatever the serving thread logs to. */
function passOnLog(logger: Logger, line: string): void {
  const { level, time: _time, pid: _pid, hostname: _hostname, service: _service, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
  const label = pino.levels.labels[level as number] as pino.Level | undefined;
  if (label) logger[label]({ ...fields, thread: 'ingestion' }, msg as string);
}
