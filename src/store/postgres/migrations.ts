/**
 * The PostgreSQL schema as numbered migrations, applied in order at start, each once, under a lock
 * so two processes starting together migrate once; a database migrated by a newer bantin is refused.
 */
import type { ClientBase, PoolClient } from 'pg';
import { StoreError } from '../../errors.ts';
import { WRITER_LOCK_KEY } from './writer-lock.ts';

/** Taken for the length of a migration transaction; unrelated to the writer lock. */
const MIGRATION_LOCK_KEY = 0x62616e74_6d696772n; // "bantmigr"
/** The transaction setting in which a save declares the schema version its code writes (migration 4). */
const WRITER_SCHEMA_SETTING = 'bantin.writer_schema';
/** The SQLSTATE of a save refused for declaring an older schema than the database's ("BT": bantin's own class). */
export const OLDER_WRITER_SQLSTATE = 'BT001';

interface Migration {
  version: number;
  statements: readonly string[];
}

/**
 * Dates stay text (ISO 8601 as bantin wrote them), so a copy between backends is byte-for-byte
 * lossless; ISO UTC strings sort as their instants, which is all the indexes need. Fields few queries
 * ask for live in `extra` (jsonb), so a field another bantin adds to copies or stories needs no migration.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE store_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        data_version integer NOT NULL,
        revision bigint NOT NULL,
        pruned_at text,
        category_rules text,
        last_run jsonb,
        extra jsonb NOT NULL DEFAULT '{}'
      )`,
      `CREATE TABLE stories (
        id text PRIMARY KEY,
        position bigint NOT NULL,
        date_published text NOT NULL,
        date_modified text NOT NULL,
        categories text[] NOT NULL,
        revision bigint NOT NULL,
        extra jsonb NOT NULL DEFAULT '{}'
      )`,
      // Feeds list stories newest first, per category; other processes read what changed since a revision.
      'CREATE INDEX stories_position ON stories (position)',
      'CREATE INDEX stories_newest ON stories (date_published DESC, id)',
      'CREATE INDEX stories_categories ON stories USING gin (categories)',
      'CREATE INDEX stories_revision ON stories (revision)',
      `CREATE TABLE copies (
        story_id text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position integer NOT NULL,
        source_id text NOT NULL,
        key text NOT NULL,
        url text NOT NULL,
        title text NOT NULL,
        content_html text NOT NULL,
        date_published text NOT NULL,
        first_seen_at text NOT NULL,
        extra jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (story_id, position)
      )`,
      // The merge looks a copy up by its source and key, and by its canonical link.
      'CREATE INDEX copies_identity ON copies (source_id, key)',
      'CREATE INDEX copies_url ON copies (url)',
      `CREATE TABLE story_removals (id text PRIMARY KEY, revision bigint NOT NULL)`,
      'CREATE INDEX story_removals_revision ON story_removals (revision)',
      `CREATE TABLE tombstones (key text PRIMARY KEY, story_id text NOT NULL, seen_at text NOT NULL, extra jsonb NOT NULL DEFAULT '{}')`,
      `CREATE TABLE aliases (id text PRIMARY KEY, story_id text NOT NULL, merged_at text NOT NULL, extra jsonb NOT NULL DEFAULT '{}')`,
      'CREATE INDEX aliases_story ON aliases (story_id)',
      `CREATE TABLE sources (
        id text PRIMARY KEY,
        etag text,
        last_modified text,
        next_attempt_at text,
        consecutive_failures integer,
        state jsonb NOT NULL DEFAULT '{}'
      )`,
      `CREATE TABLE feeds (name text PRIMARY KEY, etag text NOT NULL, last_modified text NOT NULL, extra jsonb NOT NULL DEFAULT '{}')`,
    ],
  },
  {
    version: 2,
    statements: [
      // Who last took each source to fetch, and when (source-leases.ts): a process skips a source another took
      // since its own cycle's scheduled time. The lease itself is an advisory lock, not a row.
      `CREATE TABLE source_fetches (source_id text PRIMARY KEY, taken_at timestamptz NOT NULL, taken_by text NOT NULL)`,
    ],
  },
  {
    version: 3,
    statements: [
      // Another process holding revision R reads only what changed since (read-store-changes.ts): the keyed
      // records carry the revision that last wrote them, and their deleted keys are recorded as stories' are.
      // A whole save (every row deleted and written again) records its revision, and such a reader reads everything.
      'ALTER TABLE store_state ADD COLUMN rewritten_revision bigint NOT NULL DEFAULT 0',
      ...['tombstones', 'aliases', 'sources', 'feeds'].flatMap((table) => [
        `ALTER TABLE ${table} ADD COLUMN revision bigint NOT NULL DEFAULT 0`,
        `CREATE INDEX ${table}_revision ON ${table} (revision)`,
      ]),
      `CREATE TABLE record_removals (table_name text NOT NULL, key text NOT NULL, revision bigint NOT NULL, PRIMARY KEY (table_name, key))`,
      'CREATE INDEX record_removals_revision ON record_removals (revision)',
    ],
  },
  {
    version: 4,
    statements: [
      // A bantin started before a migration writes the schema it started with (migration 3's revision columns and
      // record_removals would be missed by it, and its rows missed by the others' reloads). Every save declares the
      // schema version it writes (declareWriterSchema, in its transaction); the save that bumps the revision without
      // declaring the database's version, a bantin of migration 3 or older included, is refused here. So is its take
      // of a source, which it recorded at claim: it could not save the cycle, and the others would skip the source.
      // Its search_path is the migration's: a writer whose own omits bantin's schema (pg_restore sets it empty) still finds bantin_schema.
      `CREATE FUNCTION bantin_refuse_older_writer() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      DECLARE
        declared text := nullif(current_setting('${WRITER_SCHEMA_SETTING}', true), '');
        migrated integer := (SELECT max(version) FROM bantin_schema);
      BEGIN
        IF declared IS NULL OR declared <> migrated::text THEN
          RAISE EXCEPTION USING ERRCODE = '${OLDER_WRITER_SQLSTATE}',
            MESSAGE = format('restart this instance with the newer bantin: another bantin migrated the database to schema %s, and this one writes schema %s', migrated, coalesce(declared, '3 or older'));
        END IF;
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER store_state_writer_schema BEFORE INSERT OR UPDATE OF revision ON store_state
        FOR EACH ROW EXECUTE FUNCTION bantin_refuse_older_writer()`,
      `CREATE TRIGGER source_fetches_writer_schema BEFORE INSERT OR UPDATE ON source_fetches
        FOR EACH ROW EXECUTE FUNCTION bantin_refuse_older_writer()`,
    ],
  },
  {
    version: 5,
    statements: [
      // story_removals and record_removals are pruned by every save (write-store-tables.ts) past a horizon: the
      // removals at or below it are gone, so a reader holding an older revision reads everything instead.
      'ALTER TABLE store_state ADD COLUMN removals_kept_after bigint NOT NULL DEFAULT 0',
    ],
  },
];

/** The schema version the database is at: 0 for one no bantin has migrated yet. */
async function readSchemaVersion(client: ClientBase): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT CASE WHEN to_regclass('bantin_schema') IS NULL THEN 0 ELSE (SELECT max(version) FROM bantin_schema) END AS version`,
  );
  return rows[0]?.version ?? 0;
}

/** The newest schema version this bantin knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings the database to SCHEMA_VERSION in one transaction; throws StoreError SCHEMA when it is newer.
 * A migration waits for the writer lock: a save under way, by a bantin of the schema before, ends first, and
 * any later one is refused (migration 4), so no row is ever written in the shape of a schema already replaced.
 */
export async function migrate(client: PoolClient, location: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    await client.query('CREATE TABLE IF NOT EXISTS bantin_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const current = await readSchemaVersion(client);
    if (current > SCHEMA_VERSION) {
      throw new StoreError(
        'SCHEMA',
        `store: ${location} has database schema version ${current}, newer than this bantin knows (${SCHEMA_VERSION}); upgrade bantin`,
      );
    }
    if (current < SCHEMA_VERSION) await client.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK_KEY.toString()]);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query('INSERT INTO bantin_schema (version) VALUES ($1)', [migration.version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * For a command that only reads (categories:why): throws StoreError SCHEMA unless the database is at exactly the
 * schema this bantin knows, and never migrates it — a diagnostic run from a newer checkout must not migrate a
 * database under running instances, whose saves the migration would then refuse.
 */
export async function requireCurrentSchema(client: ClientBase, location: string): Promise<void> {
  const current = await readSchemaVersion(client);
  if (current === SCHEMA_VERSION) return;
  const advice =
    current > SCHEMA_VERSION
      ? 'upgrade bantin'
      : 'this command only reads and does not migrate it: run it with the bantin the running instances use, or upgrade them first';
  throw new StoreError('SCHEMA', `store: ${location} has database schema version ${current}, this bantin knows ${SCHEMA_VERSION}; ${advice}`);
}

/**
 * Declares the schema version this bantin writes (checked by migration 4's trigger): for the caller's transaction,
 * or for a whole session that writes the tables itself (the national bench's loader, tests).
 */
export async function declareWriterSchema(client: ClientBase, scope: 'transaction' | 'session' = 'transaction'): Promise<void> {
  await client.query('SELECT set_config($1, $2, $3)', [WRITER_SCHEMA_SETTING, String(SCHEMA_VERSION), scope === 'transaction']);
}

/**
 * Throws StoreError SCHEMA when another bantin migrated the database past the schema this one writes since it
 * started: a cycle that could not be saved must not take sources from the processes that can.
 */
export async function checkSchemaUnchanged(client: PoolClient, doing: string, location: string): Promise<void> {
  const migrated = await readSchemaVersion(client);
  if (migrated !== SCHEMA_VERSION) {
    throw new StoreError(
      'SCHEMA',
      `store: ${doing} ${location}: restart this instance with the newer bantin: another bantin migrated the database to schema ${migrated}, and this one writes schema ${SCHEMA_VERSION}`,
    );
  }
}

/** The refusal of a save by a bantin started before another migrated the database, as a StoreError SCHEMA. */
export function olderWriterError(error: unknown, location: string): StoreError | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== OLDER_WRITER_SQLSTATE) return undefined;
  return new StoreError('SCHEMA', `store: cannot write ${location}: ${String(message)}`, { cause: error });
}
