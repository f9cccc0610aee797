/** The lowdb JSON-file store: one file, atomic writes, one writer at a time. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { StoreData } from '../model/types.ts';
import { AtomicJsonFile } from './atomic-json-file.ts';
import { checkStoreData, createEmptyStoreData } from './empty-store.ts';
import type { Store } from './store.ts';
import { acquireWriteLock } from './write-lock.ts';

const LOCK_TIMEOUT_MS = 60_000;

export interface LowdbStoreOptions {
  lockTimeoutMs?: number;
}

export function createLowdbStore(file: string, options: LowdbStoreOptions = {}): Store {
  // Not JSONFilePreset: it silently keeps data in memory when NODE_ENV=test.
  const db = new Low<StoreData>(new AtomicJsonFile<StoreData>(file), createEmptyStoreData());
  const lockTimeoutMs = options.lockTimeoutMs ?? LOCK_TIMEOUT_MS;
  return {
    location: file,
    async load() {
      await db.read();
      db.data = checkStoreData(db.data, file);
      return db.data;
    },
    async save(data) {
      await mkdir(path.dirname(file), { recursive: true });
      db.data = data;
      await db.write();
    },
    async withWriteLock(work) {
      await mkdir(path.dirname(file), { recursive: true });
      const release = await acquireWriteLock(`${file}.lock`, { timeoutMs: lockTimeoutMs, storeLocation: file });
      try {
        return await work();
      } finally {
        await release();
      }
    },
  };
}
