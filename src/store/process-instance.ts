/**
 * This process among the others sharing one database: an id chosen once per process start, because hostname and
 * pid repeat across containers (pid 1 in each, the hostname possibly shared). Chosen in the main thread; a worker
 * thread imports this module afresh, so it is handed the main thread's id (IngestionWorkerData) instead.
 */
import { randomUUID } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';

const MAIN_THREAD_INSTANCE = isMainThread ? randomUUID() : undefined;

/** The id of this process start; throws in a worker thread, whose own would differ from its process's. */
export function processInstanceId(): string {
  if (MAIN_THREAD_INSTANCE === undefined) throw new Error('processInstanceId: a worker thread has no id of its own; pass it its process\'s (IngestionWorkerData.instance)');
  return MAIN_THREAD_INSTANCE;
}
