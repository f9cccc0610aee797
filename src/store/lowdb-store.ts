/** The lowdb JSON-file store: one file, atomic writes, one writer at a time, and no re-reading of a file it already holds. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { StoreData } from '../model/types.ts';
import { AtomicJsonFile, removeTempsOf } from './atomic-json-file.ts';
import { checkStoreData, createEmptyStoreData } from './empty-store.ts';
import { currentIdentity, isSameFile, type FileIdentity } from './file-identity.ts';
import type { Store } from './store.ts';
import { acquireWriteLock, releaseLockOfEndedThread } from './write-lock.ts';

const LOCK_TIMEOUT_MS = 60_000;

export interface LowdbStoreOptions {
  lockTimeoutMs?: number;
}

/** The data this process last read or wrote, and the file that held it then. */
interface Held {
  data: StoreData;
  file: FileIdentity;
}

export function createLowdbStore(file: string, options: LowdbStoreOptions = {}): Store {
  const adapter = new AtomicJsonFile<StoreData>(file);
  // Not JSONFilePreset: it silently keeps data in memory when NODE_ENV=test.
  const db = new Low<StoreData>(adapter, createEmptyStoreData());
  const lockTimeoutMs = options.lockTimeoutMs ?? LOCK_TIMEOUT_MS;
  let held: Held | undefined;

  /** Remembers `data` as the content of the file the adapter last read it from or wrote it to. */
  const hold = (data: StoreData, raw: StoreData): void => {
    const identity = adapter.identityOf(raw);
    held = identity === undefined ? undefined : { data, file: identity };
  };

  return {
    location: file,
    async load() {
      // A stat instead of reading and parsing the whole file, when nobody has replaced it since.
      if (held !== undefined) {
        const now = await currentIdentity(file);
        if (now !== undefined && held !== undefined && isSameFile(now, held.file)) return held.data;
      }
      // Fresh before each read: lowdb keeps the previous data when the file is missing.
      db.data = createEmptyStoreData();
      await db.read();
      const raw = db.data;
      const data = checkStoreData(raw, file, { entryLine: adapter.entryLineOf(raw), advice: adapter.restoreAdvice() });
      hold(data, raw);
      db.data = data;
      return data;
    },
    async save(data) {
      await mkdir(path.dirname(file), { recursive: true });
      // No need of `changes`: every story is compared with its kept line (copies by identity, frozen all the
      // way down; other fields by value), so an edit nobody reported is written too.
      db.data = data;
      try {
        await db.write();
      } catch (error) {
        held = undefined;
        throw error;
      }
      hold(data, data);
    },
    async withWriteLock(work) {
      await mkdir(path.dirname(file), { recursive: true });
      const release = await acquireWriteLock(lockFileOf(file), { timeoutMs: lockTimeoutMs, storeLocation: file });
      try {
        return await work();
      } catch (error) {
        // `work` may have changed the data it loaded and not saved it: never hand that object out again.
        held = undefined;
        throw error;
      } finally {
        await release();
      }
    },
    async close() {},
  };
}

function lockFileOf(file: string): string {
  return `${file}.lock`;
}

/**
 * Frees what a writer thread of this process left when it ended mid-write (a crash of `npm start`'s
 * ingestion thread): the lock naming this process, and its temp files. Only for when no writer of
 * this process runs; returns whether a lock was released.
 */
export async function releaseWhatAnEndedWriterHeld(file: string): Promise<boolean> {
  const released = await releaseLockOfEndedThread(lockFileOf(file));
  await removeTempsOf(file, (pid) => pid === process.pid);
  return released;
}
