/**
 * The real ingestion worker, ended by an uncaught error the moment it holds the store lock — once
 * for each `<store>.crash-once` file a test creates — as a heap exhausted mid-cycle would end it.
 */
import { existsSync, unlinkSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { IngestionWorkerData } from '../../src/commands/ingestion-protocol.ts';

const { config } = workerData as IngestionWorkerData;
const marker = `${config.store}.crash-once`;
const lock = `${config.store}.lock`;

setInterval(() => {
  if (!existsSync(marker) || !existsSync(lock)) return;
  unlinkSync(marker);
  throw new Error('crash injected by the test while the ingestion thread held the store lock');
}, 1).unref();

await import('../../src/commands/ingestion-worker.ts');
