// A rolling upgrade on PostgreSQL: one instance migrates the database while others, started for the schema
// before, still run. Their saves are refused (naming both versions and what to do) rather than written in the
// old shape, which a newer process's reload would miss; and the migration waits for a save under way.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { SCHEMA_VERSION } from '../../src/store/postgres/migrations.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { WRITER_LOCK_KEY } from '../../src/store/postgres/writer-lock.ts';
import { advisoryLocks } from '../helpers/pg-instances.ts';
import { createTestDatabase, onDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { rejectionOf } from '../helpers/rejection.ts';
import { sampleStoreData } from './contract/sample-store.ts';

/**
 * A save as a bantin of migration 3 sends it (its write-store-tables.ts): the state row's revision bumped,
 * and a source's health upserted without the revision column it does not know of. No schema is declared.
 */
async function saveAsOlderBantin(client: pg.Client, failures: number): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`INSERT INTO store_state (data_version, revision, pruned_at, category_rules, last_run, extra) VALUES (1, 1, NULL, NULL, NULL, '{}')
      ON CONFLICT (singleton) DO UPDATE SET data_version = EXCLUDED.data_version, revision = store_state.revision + 1`);
    await client.query("UPDATE sources SET consecutive_failures = $1 WHERE id = 'cong-an'", [failures]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The database as migration 3 left it: what a bantin of that schema started on. */
async function backToSchema3(url: string): Promise<void> {
  await onDatabase(url, async (client) => {
    await client.query('DROP FUNCTION IF EXISTS bantin_refuse_older_writer() CASCADE'); // and its triggers
    await client.query('ALTER TABLE store_state DROP COLUMN IF EXISTS removals_kept_after');
    await client.query('DELETE FROM bantin_schema WHERE version > 3');
  });
}

async function withStores<T>(url: string, count: number, work: (stores: PostgresStore[]) => Promise<T>): Promise<T> {
  const stores = Array.from({ length: count }, () => createPostgresStore(url));
  try {
    return await work(stores);
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
}

if (!(await skipWithoutPostgres('rolling upgrade on PostgreSQL'))) {
  describe('rolling upgrade on PostgreSQL', () => {
    it('refuses the save of a bantin started before the migration, so a newer process reloads what a fresh one reads', async () => {
      const url = await createTestDatabase();
      await withStores(url, 2, async ([newer, fresh]) => {
        await newer!.save(sampleStoreData());
        const held = await newer!.load();
        const error = await onDatabase(url, (client) => saveAsOlderBantin(client, 7).then(() => undefined, (caught: unknown) => caught as Error & { code?: string }));
        expect(error?.message).toBe(
          `restart this instance with the newer bantin: another bantin migrated the database to schema ${SCHEMA_VERSION}, and this one writes schema 3 or older`,
        );
        // The older instance's write, had it gone through, would be missed here: its row keeps the revision it had.
        const reloaded = await newer!.load();
        expect(reloaded).toBe(held);
        expect(reloaded).toEqual(await fresh!.load());
        expect(reloaded.sources['cong-an']!.consecutiveFailures).not.toBe(7);
      });
    });

    it('refuses its own save once another bantin migrated the database past the schema it writes, naming both', async () => {
      const url = await createTestDatabase();
      await withStores(url, 1, async ([store]) => {
        const data = sampleStoreData();
        await store!.save(data);
        await onDatabase(url, (client) => client.query('INSERT INTO bantin_schema (version) VALUES ($1)', [SCHEMA_VERSION + 1]));
        const error = await rejectionOf(store!.save(data), StoreError);
        expect(error.code).toBe('SCHEMA');
        expect(error.message).toBe(
          `store: cannot write ${url}: restart this instance with the newer bantin: another bantin migrated the database to schema ${SCHEMA_VERSION + 1}, and this one writes schema ${SCHEMA_VERSION}`,
        );
      });
    });

    it('refuses the take of a source by a bantin started before the migration, which would keep the others off it', async () => {
      const url = await createTestDatabase();
      await withStores(url, 1, ([store]) => store!.load());
      // As a bantin of migration 3 records a source it claims, before it fetches.
      const error = await onDatabase(url, (client) =>
        client.query(`INSERT INTO source_fetches (source_id, taken_at, taken_by) VALUES ('cong-an', now(), 'bantin-cu pid 1')`).then(() => undefined, (caught: unknown) => caught as Error),
      );
      expect(error?.message).toContain(`another bantin migrated the database to schema ${SCHEMA_VERSION}, and this one writes schema 3 or older`);
    });

    it('gives the same refusal to a writer whose search_path omits bantin’s schema, as pg_restore’s does', async () => {
      const url = await createTestDatabase();
      await withStores(url, 1, ([store]) => store!.save(sampleStoreData()));
      const error = await onDatabase(url, async (client) => {
        await client.query("SELECT set_config('search_path', '', false)");
        return client.query('UPDATE public.store_state SET revision = revision + 1').then(() => undefined, (caught: unknown) => caught as Error);
      });
      expect(error?.message).toContain('restart this instance with the newer bantin');
    });

    it('leases nothing once another bantin migrated the database past the schema it writes', async () => {
      const url = await createTestDatabase();
      await withStores(url, 1, async ([store]) => {
        await store!.load();
        await onDatabase(url, (client) => client.query('INSERT INTO bantin_schema (version) VALUES ($1)', [SCHEMA_VERSION + 1]));
        const now = new Date();
        const error = await rejectionOf(store!.leaseSources(['cong-an', 'tinh-uy'], now, now), StoreError);
        expect(error.code).toBe('SCHEMA');
        expect(error.message).toBe(
          `store: cannot lease sources on ${url}: restart this instance with the newer bantin: another bantin migrated the database to schema ${SCHEMA_VERSION + 1}, and this one writes schema ${SCHEMA_VERSION}`,
        );
        expect(await advisoryLocks(url)).toEqual([]);
      });
    });

    it('migrates only once a save under way by an older bantin has ended, and refuses that bantin from then on', async () => {
      const url = await createTestDatabase();
      await withStores(url, 1, ([store]) => store!.save(sampleStoreData()));
      await backToSchema3(url);
      await onDatabase(url, async (older) => {
        // The older bantin holds the writer lock, as it does from its reload to its save.
        await older.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK_KEY.toString()]);
        await withStores(url, 1, async ([newer]) => {
          let loaded = false;
          const loading = newer!.load().then((data) => {
            loaded = true;
            return data;
          });
          await new Promise((resolve) => setTimeout(resolve, 1500));
          expect(loaded).toBe(false);
          await saveAsOlderBantin(older, 5);
          await older.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK_KEY.toString()]);
          expect((await loading).sources['cong-an']!.consecutiveFailures).toBe(5);
          const error = await saveAsOlderBantin(older, 6).then(() => undefined, (caught: unknown) => caught as Error);
          expect(error?.message).toContain(`migrated the database to schema ${SCHEMA_VERSION}`);
        });
      });
    });
  });
}
