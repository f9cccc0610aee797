/** One ingestion worker thread, seen from the serving thread: requests as promises, logs passed on, its end reported once. */
import { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import type { Logger } from '../logger.ts';
import { reviveError, reviveFeed, reviveSnapshot, type IngestionWorkerData, type ThreadMessage, type ThreadRequest, type ThreadSnapshot } from './ingestion-protocol.ts';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };
export type Request = ThreadRequest extends infer R ? (R extends ThreadRequest ? Omit<R, 'id'> : never) : never;

export interface WorkerConnection {
  /** The store as this worker loaded it; rejects with the store's error (corrupt, unreadable, too new). */
  readonly started: Promise<ThreadSnapshot>;
  request<T>(message: Request): Promise<T>;
  /**
   * Waits for the steps queued before it, then ends the worker; `onEnd` is not called for this.
   * After `abandonAfterMs` it ends the worker anyway and resolves `'abandoned'`: the step under way is cut.
   */
  stop(abandonAfterMs?: number): Promise<'drained' | 'abandoned'>;
}

export interface WorkerSpec {
  /** The boot module (registers the TypeScript loader) and the worker's real entry. */
  boot: URL;
  workerData: IngestionWorkerData & { entry: string };
  logger: Logger;
  /** Called once when the worker ends by itself (crash, uncaught error, heap exhausted), with why in plain words. */
  onEnd(reason: string): void;
}

export function connectWorker({ boot, workerData, logger, onEnd }: WorkerSpec): WorkerConnection {
  const worker = new Worker(boot, { workerData });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let ended = false;
  let stopping = false;
  // The 'error' event comes before 'exit' and says why (an uncaught error, ERR_WORKER_OUT_OF_MEMORY).
  let lastError: Error | undefined;
  let resolveStart!: (snapshot: ThreadSnapshot) => void;
  let rejectStart!: (error: Error) => void;
  const started = new Promise<ThreadSnapshot>((resolve, reject) => {
    resolveStart = resolve;
    rejectStart = reject;
  });
  // A restarted worker's start is awaited by nobody when it fails; onEnd reports it instead.
  started.catch(() => undefined);

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
        lastError = reviveError(message.error);
        rejectStart(lastError);
        return void worker.terminate();
      case 'done':
        return settle(message.id, { value: message.snapshot && reviveSnapshot(message.snapshot) });
      case 'failed':
        return settle(message.id, { error: reviveError(message.error) });
      case 'page':
        return settle(message.id, { value: message.feed && reviveFeed(message.feed) });
      case 'story':
        return settle(message.id, { value: message.lookup });
      case 'search':
        return settle(message.id, { value: message.result });
      case 'changes':
        return settle(message.id, { value: message.answer });
    }
  });
  worker.on('error', (error) => {
    lastError = error;
    logger.error({ stage: 'ingest', err: error }, 'ingestion thread failed');
  });
  worker.on('exit', (code) => {
    // A message to an ended worker is never answered: refuse every later request at once instead.
    ended = true;
    const reason = lastError ? plainReason(lastError) : `it exited with code ${code}`;
    failAll(new Error(`the ingestion thread ended: ${reason}`));
    if (!stopping) onEnd(reason);
  });

  return {
    started,
    request<T>(message: Request): Promise<T> {
      if (ended || stopping) return Promise.reject(new Error('the ingestion thread is stopped'));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: never) => void, reject });
        worker.postMessage({ ...message, id } as ThreadRequest);
      });
    },
    async stop(abandonAfterMs = Infinity) {
      if (ended || stopping) return 'drained';
      const drained = this.request<unknown>({ type: 'drain' }).then(
        () => 'drained' as const,
        () => 'drained' as const,
      );
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'abandoned'>((resolve) => {
        if (Number.isFinite(abandonAfterMs)) timer = setTimeout(() => resolve('abandoned'), abandonAfterMs);
      });
      const outcome = await Promise.race([drained, deadline]);
      clearTimeout(timer);
      await worker.terminate();
      return outcome;
    },
  };
}

/** The first line of an error, without the stack: what an operator reads in /healthz. */
function plainReason(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message.split('\n')[0]!;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** The worker's pino lines, logged again here so they reach whatever the serving thread logs to. */
function passOnLog(logger: Logger, line: string): void {
  const { level, time: _time, pid: _pid, hostname: _hostname, service: _service, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
  const label = pino.levels.labels[level as number] as pino.Level | undefined;
  if (label) logger[label]({ ...fields, thread: 'ingestion' }, msg as string);
}
