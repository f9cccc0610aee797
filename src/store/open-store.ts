/** Opens the store a config's `store` names: a `postgres://` or `postgresql://` URL, else a lowdb JSON file. */
import { createLowdbStore } from './lowdb-store.ts';
import { createPostgresStore } from './postgres/postgres-store.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  /** How long `withWriteLock` waits for another writer (60 s by default, SPEC "Ingestion manners"). */
  lockTimeoutMs?: number;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

export function openStore(location: string, options: OpenStoreOptions = {}): Store {
  return isPostgresUrl(location) ? createPostgresStore(location, options) : createLowdbStore(location, options);
}
