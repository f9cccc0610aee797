/**
 * Writes StoreData into the tables in the caller's transaction: every row (a first save, or one whose snapshot
 * is stale), or only the stories that changed since the snapshot and the records that differ from it (a cycle).
 */
import type { PoolClient } from 'pg';
import type { StoreData, Story } from '../../model/types.ts';
import type { StoreChanges } from '../store-changes.ts';
import { StoryLines } from '../story-lines.ts';
import { RECORD_TABLES, type RecordKey, type TableSnapshot } from './read-store-tables.ts';
import { copyToRow, storyToRow, type RecordTable } from './store-rows.ts';

/** Rows per INSERT: a few megabytes of parameters at most, with long articles. */
const ROWS_PER_STATEMENT = 500;
/**
 * Saves whose removals stay for readers holding an older revision. Every process polls the revision every 2 s,
 * so a live reader is a few saves behind; one 1,000 saves behind (days of cycles) reads whole, as a restart does.
 */
export const REMOVALS_KEPT_REVISIONS = 1000;

const KNOWN_TOP_LEVEL = new Set(['schemaVersion', 'stories', 'sources', 'tombstones', 'feeds', 'aliases', 'prunedAt', 'categoryRules', 'lastRun']);

/** What a save wrote, for a caller that counts (bench, logs). */
export interface WriteCount {
  stories: number;
  copies: number;
  removed: number;
  records: number;
}

/**
 * Writes `data` at the next revision and returns the new snapshot. With `changes` and the snapshot of what is
 * stored, only the stories `changes` names or that differ from it (storiesToWrite) and the records that differ are written.
 */
export async function writeStoreTables(
  client: PoolClient,
  data: StoreData,
  stored: TableSnapshot | undefined,
  changes: StoreChanges | undefined,
  removalsKeptRevisions = REMOVALS_KEPT_REVISIONS,
): Promise<{ snapshot: TableSnapshot; count: WriteCount }> {
  // Without `changes` every story counts as changed, their order included: a whole save.
  const incremental = stored !== undefined && changes !== undefined;
  const { revision, removalsKeptAfter } = await writeState(client, data, !incremental, removalsKeptRevisions);
  await pruneRemovals(client, removalsKeptAfter);
  const count: WriteCount = { stories: 0, copies: 0, removed: 0, records: 0 };
  const positions = incremental ? stored.positions : new Map<string, number>();
  let lastPosition = incremental ? stored.lastPosition : 0;
  const kept = incremental ? stored.kept : new StoryLines<true>();
  let written: readonly Story[];
  if (incremental) {
    const { changed, removed } = storiesToWrite(data, stored, changes);
    written = changed;
    count.removed = await removeStories(client, removed, revision);
    for (const id of removed) positions.delete(id);
    await client.query('DELETE FROM copies WHERE story_id = ANY($1)', [changed.map((story) => story.id)]);
    for (const story of changed) if (!positions.has(story.id)) positions.set(story.id, ++lastPosition);
    Object.assign(count, await insertStories(client, changed, positions, revision, true));
  } else {
    const ids = data.stories.map((story) => story.id);
    const gone = await client.query('INSERT INTO story_removals (id, revision) SELECT id, $2 FROM stories WHERE NOT (id = ANY($1)) ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision', [ids, revision]);
    count.removed = gone.rowCount ?? 0;
    await client.query('DELETE FROM stories');
    await client.query('DELETE FROM story_removals WHERE id = ANY($1)', [ids]);
    data.stories.forEach((story) => positions.set(story.id, ++lastPosition));
    written = data.stories;
    Object.assign(count, await insertStories(client, data.stories, positions, revision, false));
  }
  // Kept once the rows are sent (the transaction may still fail; the caller then drops this snapshot whole).
  for (const story of written) kept.keep(story, true);
  const records = new Map<string, Map<string, string>>();
  for (const [name, table] of Object.entries(RECORD_TABLES) as [RecordKey, RecordTable<unknown>][]) {
    const result = await writeRecord(client, table, (data[name] ?? {}) as Record<string, unknown>, incremental ? stored.records.get(table.table) : undefined, revision);
    records.set(table.table, result.json);
    count.records += result.written;
  }
  return { snapshot: { revision, dataVersion: data.schemaVersion, kept, positions, lastPosition, records }, count };
}

/**
 * The stories a save since `stored` must write and remove: those `changes` names, and any other whose object,
 * copies or fields are not the ones last read or written (an edit its writer did not report), or that is gone.
 */
function storiesToWrite(data: StoreData, stored: TableSnapshot, changes: StoreChanges): { changed: Story[]; removed: string[] } {
  const present = new Set<string>();
  const changed: Story[] = [];
  for (const story of data.stories) {
    present.add(story.id);
    if (changes.stories.has(story.id) || stored.kept.lineOf(story) === undefined) changed.push(story);
  }
  const removed = new Set<string>();
  for (const id of changes.removed) if (!present.has(id)) removed.add(id);
  for (const id of changes.stories) if (!present.has(id)) removed.add(id);
  for (const id of stored.positions.keys()) if (!present.has(id)) removed.add(id);
  return { changed, removed: [...removed] };
}

/**
 * Bumps the store's revision; a whole save also records it as the revision every row was written again at. Moves the
 * removals' horizon to `kept` revisions behind the new one.
 */
async function writeState(client: PoolClient, data: StoreData, whole: boolean, kept: number): Promise<{ revision: number; removalsKeptAfter: number }> {
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(data)) if (!KNOWN_TOP_LEVEL.has(key)) extra[key] = (data as unknown as Record<string, unknown>)[key];
  const { rows } = await client.query<{ revision: string; removals_kept_after: string }>(
    `INSERT INTO store_state (data_version, revision, rewritten_revision, pruned_at, category_rules, last_run, extra) VALUES ($1, 1, 1, $2, $3, $4, $5)
     ON CONFLICT (singleton) DO UPDATE SET data_version = EXCLUDED.data_version, revision = store_state.revision + 1,
       rewritten_revision = CASE WHEN $6 THEN store_state.revision + 1 ELSE store_state.rewritten_revision END,
       removals_kept_after = GREATEST(store_state.removals_kept_after, store_state.revision + 1 - $7),
       pruned_at = EXCLUDED.pruned_at, category_rules = EXCLUDED.category_rules, last_run = EXCLUDED.last_run, extra = EXCLUDED.extra
     RETURNING revision, removals_kept_after`,
    [data.schemaVersion, data.prunedAt ?? null, data.categoryRules ?? null, data.lastRun === undefined ? null : JSON.stringify(data.lastRun), JSON.stringify(extra), whole, kept],
  );
  return { revision: Number(rows[0]!.revision), removalsKeptAfter: Number(rows[0]!.removals_kept_after) };
}

/** Drops the removals at or below the horizon: a reader that held a revision below it reads whole (read-store-changes.ts). */
async function pruneRemovals(client: PoolClient, horizon: number): Promise<void> {
  if (horizon <= 0) return;
  await client.query('DELETE FROM story_removals WHERE revision <= $1', [horizon]);
  await client.query('DELETE FROM record_removals WHERE revision <= $1', [horizon]);
}

/** Deletes the stories (their copies follow) and records their removal, for other processes reading changes since a revision. */
async function removeStories(client: PoolClient, ids: readonly string[], revision: number): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await client.query('DELETE FROM stories WHERE id = ANY($1)', [ids]);
  await client.query(
    'INSERT INTO story_removals (id, revision) SELECT id, $2 FROM unnest($1::text[]) AS id ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision',
    [ids, revision],
  );
  return rowCount ?? 0;
}

async function insertStories(
  client: PoolClient,
  stories: readonly Story[],
  positions: ReadonlyMap<string, number>,
  revision: number,
  upsert: boolean,
): Promise<{ stories: number; copies: number }> {
  let copies = 0;
  for (let start = 0; start < stories.length; start += ROWS_PER_STATEMENT) {
    const chunk = stories.slice(start, start + ROWS_PER_STATEMENT);
    const rows = chunk.map((story) => storyToRow(story, positions.get(story.id)!));
    await client.query(
      `INSERT INTO stories (id, position, date_published, date_modified, categories, revision, extra)
       SELECT id, position, date_published, date_modified, ARRAY(SELECT jsonb_array_elements_text(categories)), $6, extra
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[], $7::jsonb[])
         AS u (id, position, date_published, date_modified, categories, extra)
       ${upsert ? `ON CONFLICT (id) DO UPDATE SET date_published = EXCLUDED.date_published, date_modified = EXCLUDED.date_modified,
         categories = EXCLUDED.categories, revision = EXCLUDED.revision, extra = EXCLUDED.extra` : ''}`,
      [
        rows.map((row) => row.id), rows.map((row) => row.position), rows.map((row) => row.date_published), rows.map((row) => row.date_modified),
        rows.map((row) => JSON.stringify(row.categories)), revision, rows.map((row) => JSON.stringify(row.extra)),
      ],
    );
    if (upsert) await client.query('DELETE FROM story_removals WHERE id = ANY($1)', [rows.map((row) => row.id)]);
    copies += await insertCopies(client, chunk);
  }
  return { stories: stories.length, copies };
}

async function insertCopies(client: PoolClient, stories: readonly Story[]): Promise<number> {
  const rows = stories.flatMap((story) => story.copies.map((copy, position) => copyToRow(story.id, copy, position)));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await client.query(
      `INSERT INTO copies (story_id, position, source_id, key, url, title, content_html, date_published, first_seen_at, extra)
       SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[])`,
      [
        chunk.map((row) => row.story_id), chunk.map((row) => row.position), chunk.map((row) => row.source_id), chunk.map((row) => row.key),
        chunk.map((row) => row.url), chunk.map((row) => row.title), chunk.map((row) => row.content_html), chunk.map((row) => row.date_published),
        chunk.map((row) => row.first_seen_at), chunk.map((row) => JSON.stringify(row.extra)),
      ],
    );
  }
  return rows.length;
}

/** Upserts the entries whose row differs from the stored one and deletes those gone; all of them without a stored snapshot. */
async function writeRecord(
  client: PoolClient,
  table: RecordTable<unknown>,
  record: Record<string, unknown>,
  stored: ReadonlyMap<string, string> | undefined,
  revision: number,
): Promise<{ json: Map<string, string>; written: number }> {
  const json = new Map<string, string>();
  const changed: unknown[][] = [];
  for (const key of Object.keys(record)) {
    const row = table.toRow(key, record[key]);
    const text = JSON.stringify(row);
    json.set(key, text);
    if (stored?.get(key) !== text) changed.push(row);
  }
  if (stored === undefined) await client.query(`DELETE FROM ${table.table}`);
  else {
    const gone = [...stored.keys()].filter((key) => !json.has(key));
    if (gone.length > 0) {
      await client.query(`DELETE FROM ${table.table} WHERE ${table.keyColumn} = ANY($1)`, [gone]);
      // For other processes reading what changed since a revision; a key written again later is read as present.
      await client.query(
        `INSERT INTO record_removals (table_name, key, revision) SELECT $1, key, $3 FROM unnest($2::text[]) AS key
         ON CONFLICT (table_name, key) DO UPDATE SET revision = EXCLUDED.revision`,
        [table.table, gone, revision],
      );
    }
  }
  const names = table.columns.map((column) => column.name);
  const updates = names.filter((name) => name !== table.keyColumn).map((name) => `${name} = EXCLUDED.${name}`).join(', ');
  for (let start = 0; start < changed.length; start += ROWS_PER_STATEMENT) {
    const chunk = changed.slice(start, start + ROWS_PER_STATEMENT);
    await client.query(
      `INSERT INTO ${table.table} (${names.join(', ')}, revision)
       SELECT *, $${names.length + 1}::bigint FROM unnest(${table.columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')})
       ON CONFLICT (${table.keyColumn}) DO UPDATE SET ${updates}, revision = EXCLUDED.revision`,
      [...table.columns.map((_column, index) => chunk.map((row) => row[index])), revision],
    );
  }
  return { json, written: changed.length };
}
