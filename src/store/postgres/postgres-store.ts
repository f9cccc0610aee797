/**
 * The PostgreSQL store: the Store contract over real tables (see migrations.ts), migrated at first use,
 * one writer at a time by an advisory lock, and no re-reading of a store nobody has written since.
 */
import pg from 'pg';
import { StoreError, describeError } from '../../errors.ts';
import type { StoreData, Story } from '../../model/types.ts';
import { checkStoreData, createEmptyStoreData } from '../empty-store.ts';
import type { StoreChanges } from '../store-changes.ts';
import { processInstanceId } from '../process-instance.ts';
import type { SourceLease, Store } from '../store.ts';
import { declareWriterSchema, migrate, olderWriterError, requireCurrentSchema } from './migrations.ts';
import { leaseSources } from './source-leases.ts';
import { readChangedTables, type ChangedTables } from './read-store-changes.ts';
import { readStoreTables, type TableSnapshot } from './read-store-tables.ts';
import { writeStoreTables, type WriteCount } from './write-store-tables.ts';
import { acquireWriterLock, isConnectionError, type HeldWriterLock } from './writer-lock.ts';

const LOCK_TIMEOUT_MS = 60_000;
const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresStoreOptions {
  lockTimeoutMs?: number;
  /** This process among others on the database (processInstanceId by default; a worker thread passes its process's). */
  instance?: string;
  /** Saves whose removals are kept for readers behind (REMOVALS_KEPT_REVISIONS by default; tests make it small). */
  removalsKeptRevisions?: number;
  /** A command that only reads: the schema must be current already, and is never migrated. */
  readOnly?: boolean;
}

/** What this process last read or wrote, and the revision the database had then. */
interface Held {
  data: StoreData;
  snapshot: TableSnapshot;
}

export interface PostgresStore extends Store {
  /** The store's revision in the database now (bumped by every save), or 0 for a store never saved. */
  revision(): Promise<number>;
  /** What the last save wrote. */
  lastWrite(): WriteCount | undefined;
  leaseSources(ids: readonly string[], since: Date, now: Date): Promise<SourceLease>;
}

export function createPostgresStore(url: string, options: PostgresStoreOptions = {}): PostgresStore {
  const location = withoutPassword(url);
  const lockTimeoutMs = options.lockTimeoutMs ?? LOCK_TIMEOUT_MS;
  const instance = options.instance ?? processInstanceId();
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A lease connection idles through a whole fetch phase: TCP keepalive lets a dropped one be noticed.
    keepAlive: true,
    // Shown in pg_stat_activity, and in the message of a writer that waited for this one too long.
    application_name: `bantin pid ${process.pid}`,
  });
  // An idle connection the server closed (a restart): the next query reports it; it must not end the process.
  pool.on('error', () => undefined);
  // Nor may one that ends while checked out (pg_terminate_backend mid-save): pg rejects its queries and also
  // emits `error` on the client, which the pool listens to only while the client is idle.
  pool.on('connect', (client) => client.on('error', () => undefined));
  let migrated: Promise<void> | undefined;
  let held: Held | undefined;
  let lock: HeldWriterLock | undefined;
  let written: WriteCount | undefined;

  const ready = (): Promise<void> => {
    migrated ??= (async () => {
      const client = await pool.connect();
      try {
        await (options.readOnly ? requireCurrentSchema(client, location) : migrate(client, location));
        client.release();
      } catch (error) {
        client.release(isConnectionError(error) ? (error as Error) : undefined);
        throw error;
      }
    })().catch((error: unknown) => {
      migrated = undefined; // tried again at the next call: the database may come back
      throw error;
    });
    return migrated;
  };

  /** Runs `work` on the writer's connection when this store holds the lock, else on a pooled one. */
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    if (lock !== undefined) return work(lock.client);
    const client = await pool.connect();
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      client.release(isConnectionError(error) ? (error as Error) : undefined);
      throw error;
    }
  };

  const currentRevision = (client: pg.PoolClient) =>
    client.query<{ revision: string }>('SELECT revision FROM store_state').then(({ rows }) => Number(rows[0]?.revision ?? 0));

  const save = async (data: StoreData, changes?: StoreChanges): Promise<void> => {
    const stored = held?.data === data ? held.snapshot : undefined;
    held = undefined;
    await ready().catch((error: unknown) => {
      throw failure('WRITE', 'cannot write', error);
    });
    try {
      const snapshot = await withClient(async (client) => {
        await client.query('BEGIN');
        try {
          await declareWriterSchema(client);
          // A snapshot is only good for the revision it was taken at: another writer may have saved since.
          const usable = stored !== undefined && (await currentRevision(client)) === stored.revision ? stored : undefined;
          const result = await writeStoreTables(client, data, usable, changes, options.removalsKeptRevisions);
          await client.query('COMMIT');
          written = result.count;
          return result.snapshot;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
      held = { data, snapshot };
    } catch (error) {
      throw olderWriterError(error, location) ?? failure('WRITE', 'cannot write', error);
    }
  };

  /** Holds `data` as what the database has at the snapshot's revision; the copies of `read` (its stories read now) are frozen from now. */
  const hold = (data: StoreData, snapshot: TableSnapshot, read: readonly Story[] = data.stories): StoreData => {
    for (const story of read) snapshot.kept.keep(story, true);
    held = { data, snapshot };
    return data;
  };

  const failure = (code: 'WRITE' | 'UNREADABLE', doing: string, error: unknown): StoreError =>
    error instanceof StoreError ? error : new StoreError(code, `store: ${doing} ${location} (${describeError(error)})`, { cause: error });

  return {
    location,
    async load() {
      await ready().catch((error: unknown) => {
        throw failure('UNREADABLE', 'cannot read', error);
      });
      try {
        return await withClient(async (client) => {
          // A one-row read instead of the whole store, when nobody has saved since.
          if (held !== undefined && (await currentRevision(client)) === held.snapshot.revision) return held.data;
          const before = held;
          // Whatever happens below, the snapshot `before` holds is patched or stale: never write against it.
          held = undefined;
          if (before !== undefined) {
            const patched = await readChangedTables(client, before);
            if (patched !== undefined) return hold(checkChanged(patched, location), patched.snapshot, patched.changed);
          }
          const read = await readStoreTables(client);
          if (read === undefined) return createEmptyStoreData();
          return hold(checkStoreData(read.data, location), read.snapshot);
        });
      } catch (error) {
        throw failure('UNREADABLE', 'cannot read', error);
      }
    },
    async save(data, changes) {
      if (lock !== undefined) return save(data, changes);
      // A save outside withWriteLock still never interleaves with another writer's.
      return this.withWriteLock(() => save(data, changes));
    },
    async withWriteLock(work) {
      await ready().catch((error: unknown) => {
        throw failure('WRITE', 'cannot lock', error);
      });
      const taken = await acquireWriterLock(pool, { timeoutMs: lockTimeoutMs, location }).catch((error: unknown) => {
        throw failure('WRITE', 'cannot lock', error);
      });
      lock = taken;
      try {
        return await work();
      } catch (error) {
        // `work` may have changed the data it loaded and not saved it: never hand that object out again.
        held = undefined;
        throw error;
      } finally {
        lock = undefined;
        await taken.release();
      }
    },
    async leaseSources(ids, since, now) {
      await ready().catch((error: unknown) => {
        throw failure('UNREADABLE', 'cannot lease sources on', error);
      });
      return leaseSources(pool, { ids, since, now, location, holder: instance });
    },
    async close() {
      await pool.end();
    },
    async revision() {
      await ready();
      return withClient(currentRevision);
    },
    lastWrite: () => written,
  };
}

/**
 * The check every loaded store passes, on what was read anew: the stories and records around them were
 * checked when first read, and checking 500,000 stories for 50 new ones would cost what the reload saves.
 */
function checkChanged(patched: ChangedTables, location: string): StoreData {
  const checked = checkStoreData({ ...patched.data, stories: patched.changed }, location);
  return { ...checked, stories: patched.data.stories as Story[] };
}

/** The URL as messages and logs show it: never its password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1@');
  }
}
