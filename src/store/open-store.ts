/** Opens the store a config's `store` names: a `postgres://` or `postgresql://` URL, else a lowdb JSON file. */
import { createLowdbStore, releaseWhatAnEndedWriterHeld as releaseFileLock } from './lowdb-store.ts';
import { createPostgresStore } from './postgres/postgres-store.ts';
import { isPostgresUrl } from './store-location.ts';
import type { Store } from './store.ts';

export { isPostgresUrl };

export interface OpenStoreOptions {
  /** How long `withWriteLock` waits for another writer (60 s by default, SPEC "Ingestion manners"). */
  lockTimeoutMs?: number;
  /** This process among others on a PostgreSQL database (processInstanceId by default): a worker thread passes its process's. */
  instance?: string;
  /** A command that only reads: a PostgreSQL database is not migrated (a file store is never written by load). */
  readOnly?: boolean;
}

export function openStore(location: string, options: OpenStoreOptions = {}): Store {
  return isPostgresUrl(location) ? createPostgresStore(location, options) : createLowdbStore(location, options);
}

/**
 * Frees what a writer thread of this process left when it ended mid-write, when no writer of this
 * process runs; returns whether a lock was released. A PostgreSQL lock needs nothing: it belonged to
 * the ended thread's connection, which the server dropped with it.
 */
export async function releaseWhatAnEndedWriterHeld(location: string): Promise<boolean> {
  return isPostgresUrl(location) ? false : releaseFileLock(location);
}
