/**
 * Another process saved since this one read or wrote revision R: reads only the rows written after R
 * (stories, their copies, removals, the keyed records and their removals) and patches what this process
 * holds into new data, every unchanged story the very same object, so the catalog keeps those feeds' bytes.
 */
import type { PoolClient } from 'pg';
import type { StoreData, Story } from '../../model/types.ts';
import { addStateFields, RECORD_TABLES, readRecord, readStoryRows, type RecordKey, type StateRow, type TableSnapshot } from './read-store-tables.ts';
import type { RecordTable } from './store-rows.ts';

export interface ChangedTables {
  /** Unchecked, as a whole read's: the caller checks `changed` and hands `data` out. */
  data: Record<string, unknown>;
  /** The stories read anew (added or rewritten after R). */
  changed: Story[];
  snapshot: TableSnapshot;
}

/**
 * What the database holds now, built from `held` and the rows written after its revision; undefined when
 * only a whole read can tell (the store was rewritten whole, or by another data version, since; or removals after
 * `held`'s revision were pruned), or it is gone.
 * `held.snapshot` is updated in place: the caller drops it whatever this returns or throws.
 */
export async function readChangedTables(client: PoolClient, held: { data: StoreData; snapshot: TableSnapshot }): Promise<ChangedTables | undefined> {
  const since = held.snapshot.revision;
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const state = (await client.query<StateRow>('SELECT * FROM store_state')).rows[0];
    if (state === undefined || Number(state.rewritten_revision) > since || Number(state.removals_kept_after) > since) return undefined;
    if (state.data_version !== held.snapshot.dataVersion) return undefined;
    const { snapshot } = held;
    const read = await readStoryRows(client, since);
    const changed = read.stories;
    const removals = await client.query<{ id: string }>('SELECT id FROM story_removals WHERE revision > $1', [since]);
    const stories = patchStories(held.data.stories, read, new Set(removals.rows.map((row) => row.id)), snapshot);
    const data: Record<string, unknown> = { schemaVersion: state.data_version, stories };
    const recordRemovals = await readRecordRemovals(client, since);
    for (const [name, table] of Object.entries(RECORD_TABLES) as [RecordKey, RecordTable<unknown>][]) {
      const json = snapshot.records.get(table.table) ?? new Map<string, string>();
      const record = await patchRecord(client, table, (held.data[name] ?? {}) as Record<string, unknown>, json, recordRemovals.get(table.table) ?? [], since);
      snapshot.records.set(table.table, json);
      if (name !== 'aliases' || json.size > 0) data[name] = record;
    }
    addStateFields(data, state);
    snapshot.revision = Number(state.revision);
    return { data, changed, snapshot };
  } finally {
    await client.query('COMMIT');
  }
}

/**
 * The stories in position order, as a whole read lists them: `held`'s without the removed ones, each changed
 * one in its place or after them all when new. Positions of `snapshot` follow.
 */
function patchStories(held: readonly Story[], read: { stories: Story[]; positions: number[] }, removed: ReadonlySet<string>, snapshot: TableSnapshot): Story[] {
  const changed = read.stories;
  const replacements = new Map<string, Story>();
  changed.forEach((story, index) => {
    const position = read.positions[index]!;
    replacements.set(story.id, story);
    snapshot.positions.set(story.id, position);
    snapshot.lastPosition = Math.max(snapshot.lastPosition, position);
  });
  for (const id of removed) if (!replacements.has(id)) snapshot.positions.delete(id);
  const stories: Story[] = [];
  const placed = new Set<string>();
  for (const story of held) {
    const replacement = replacements.get(story.id);
    if (replacement !== undefined) {
      stories.push(replacement);
      placed.add(story.id);
    } else if (!removed.has(story.id) && snapshot.positions.has(story.id)) stories.push(story);
  }
  for (const story of changed) if (!placed.has(story.id)) stories.push(story);
  // This process's own saves keep its array order, which a whole read need not share: then sort as it would.
  const positionOf = (story: Story) => snapshot.positions.get(story.id)!;
  for (let index = 1; index < stories.length; index++) {
    if (positionOf(stories[index - 1]!) > positionOf(stories[index]!)) return stories.sort((a, b) => positionOf(a) - positionOf(b));
  }
  return stories;
}

async function readRecordRemovals(client: PoolClient, since: number): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table_name: string; key: string }>('SELECT table_name, key FROM record_removals WHERE revision > $1', [since]);
  const byTable = new Map<string, string[]>();
  for (const row of rows) {
    let keys = byTable.get(row.table_name);
    if (keys === undefined) byTable.set(row.table_name, (keys = []));
    keys.push(row.key);
  }
  return byTable;
}

/** A new record: `held`'s entries without the removed keys, then the rows written since (a key removed and written again is present). */
async function patchRecord<T>(
  client: PoolClient,
  table: RecordTable<T>,
  held: Record<string, T>,
  json: Map<string, string>,
  removed: readonly string[],
  since: number,
): Promise<Record<string, T>> {
  const record: Record<string, T> = {};
  const gone = new Set(removed);
  for (const key of Object.keys(held)) if (!gone.has(key)) define(record, key, held[key]!);
  for (const key of gone) json.delete(key);
  const written = await readRecord(client, table, since);
  for (const [key, entry] of Object.entries(written.record)) define(record, key, entry);
  for (const [key, text] of written.json) json.set(key, text);
  return record;
}

/** As an own property even for a key such as `__proto__` (a source id is the operator's to choose). */
function define<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
