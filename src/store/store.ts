/** The store contract every backend honours (lowdb JSON file today, PostgreSQL later). */
import type { StoreData } from '../model/types.ts';
import type { StoreChanges } from './store-changes.ts';

export interface Store {
  /** Where the data lives, for messages (a file path or a connection name). */
  readonly location: string;
  /**
   * Current data; a fresh empty store when none exists. Throws StoreError when unreadable, corrupt or too new.
   * While nobody else has saved, this is the very object last loaded or saved, not a copy: change it only
   * inside `withWriteLock`, then `save` it (a `work` that throws makes the next load read the store again).
   * Stories may be changed in place, but a copy is changed by replacing it: stored copies may be frozen.
   */
  load(): Promise<StoreData>;
  /**
   * Replaces the stored data atomically: a crash leaves either the old or the new data. `data` is
   * written out over several turns of the event loop: leave it unchanged until this settles.
   * `changes` names the stories changed since `data` was loaded, when the caller knows them: a backend
   * may then write only those (PostgreSQL does); without it, every story counts as changed.
   */
  save(data: StoreData, changes?: StoreChanges): Promise<void>;
  /**
   * Runs `work` as the only writer across processes; waits for another writer up to the
   * store's lock timeout, then throws StoreError LOCKED.
   */
  withWriteLock<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Several processes on one store: takes this cycle's leases on the sources `ids` names and returns at once;
   * a source another process holds, or took at or after `since` (this cycle's scheduled time), is skipped.
   * Absent where one process owns the store (the file store, whose pid lock keeps a second one out).
   */
  leaseSources?(ids: readonly string[], since: Date, now: Date): Promise<SourceLease>;
  /** Lets go of what the store holds open (a file store holds nothing between calls; a database, its connections). */
  close(): Promise<void>;
}

/** This cycle's sources, each fetched by one process; held until `release`, or until the process ends. */
export interface SourceLease {
  readonly claimed: ReadonlySet<string>;
  /** Leased by another process, or already fetched by one this cycle. */
  readonly skipped: readonly string[];
  /** Throws StoreError when the leases were lost (their connection ended): the cycle must not be written. */
  check(): Promise<void>;
  /**
   * Records the claimed sources as fetched this cycle, once its outcome is saved: a process due at the same
   * tick then skips them. Never called for a cycle that failed, whose sources another process may take.
   */
  recordFetched(): Promise<void>;
  release(): Promise<void>;
}
