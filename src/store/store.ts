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
  /** Lets go of what the store holds open (a file store holds nothing between calls; a database, its connections). */
  close(): Promise<void>;
}
