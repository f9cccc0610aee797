/** Reads the whole store out of its tables into StoreData, and what the writer needs to write only changes later. */
import type { PoolClient } from 'pg';
import type { Copy, Story } from '../../model/types.ts';
import { StoryLines } from '../story-lines.ts';
import { aliasTable, copyFromRow, feedTable, sourceTable, storyFromRow, tombstoneTable, type CopyRow, type RecordTable, type StoryRow } from './store-rows.ts';

/** What the database held at a revision, beside the data itself: where each story sits, each record's JSON. */
export interface TableSnapshot {
  revision: number;
  /** The data version store_state held: a change of it makes another process read everything again. */
  dataVersion: number;
  /**
   * The stories of the data as read or written at this revision (copies frozen): a story that is no longer the
   * same object, holding the same copies and fields, changed whether or not its writer said so.
   */
  kept: StoryLines<true>;
  positions: Map<string, number>;
  lastPosition: number;
  /** Table name → key → the entry's JSON as stored, to write only entries that differ. */
  records: Map<string, Map<string, string>>;
}

export const RECORD_TABLES = { sources: sourceTable, tombstones: tombstoneTable, feeds: feedTable, aliases: aliasTable } as const;
export type RecordKey = keyof typeof RECORD_TABLES;

export interface StateRow {
  data_version: number;
  revision: string;
  rewritten_revision: string;
  removals_kept_after: string;
  pruned_at: string | null;
  category_rules: string | null;
  last_run: unknown;
  extra: Record<string, unknown>;
}

/** The stored data (unchecked: the caller checks it as any store is checked), or undefined for a store never saved. */
export async function readStoreTables(client: PoolClient): Promise<{ data: Record<string, unknown>; snapshot: TableSnapshot } | undefined> {
  // One snapshot of every table: a writer committing meanwhile is seen whole or not at all.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const state = (await client.query<StateRow>('SELECT * FROM store_state')).rows[0];
    if (state === undefined) return undefined;
    const { stories, positions, lastPosition } = await readStories(client);
    const data: Record<string, unknown> = { schemaVersion: state.data_version, stories };
    const records = new Map<string, Map<string, string>>();
    for (const [name, table] of Object.entries(RECORD_TABLES) as [RecordKey, RecordTable<unknown>][]) {
      const { record, json } = await readRecord(client, table);
      records.set(table.table, json);
      if (name !== 'aliases' || json.size > 0) data[name] = record;
    }
    addStateFields(data, state);
    const snapshot = { revision: Number(state.revision), dataVersion: state.data_version, kept: new StoryLines<true>(), positions, lastPosition, records };
    return { data, snapshot };
  } finally {
    await client.query('COMMIT');
  }
}

async function readStories(client: PoolClient): Promise<{ stories: Story[]; positions: Map<string, number>; lastPosition: number }> {
  const read = await readStoryRows(client);
  const positions = new Map<string, number>();
  let lastPosition = 0;
  read.stories.forEach((story, index) => {
    const position = read.positions[index]!;
    positions.set(story.id, position);
    lastPosition = Math.max(lastPosition, position);
  });
  return { stories: read.stories, positions, lastPosition };
}

/** Every story, or those written after revision `since`, in position order, with their copies; and each one's position. */
export async function readStoryRows(client: PoolClient, since?: number): Promise<{ stories: Story[]; positions: number[] }> {
  const copies = new Map<string, Copy[]>();
  const copyRows =
    since === undefined
      ? await client.query<CopyRow>('SELECT * FROM copies ORDER BY story_id, position')
      : await client.query<CopyRow>('SELECT c.* FROM copies c JOIN stories s ON s.id = c.story_id WHERE s.revision > $1 ORDER BY c.story_id, c.position', [since]);
  for (const row of copyRows.rows) {
    let list = copies.get(row.story_id);
    if (list === undefined) copies.set(row.story_id, (list = []));
    list.push(copyFromRow(row));
  }
  const columns = 'SELECT id, position, date_published, date_modified, categories, extra FROM stories';
  const storyRows =
    since === undefined
      ? await client.query<StoryRow>(`${columns} ORDER BY position`)
      : await client.query<StoryRow>(`${columns} WHERE revision > $1 ORDER BY position`, [since]);
  return { stories: storyRows.rows.map((row) => storyFromRow(row, copies.get(row.id) ?? [])), positions: storyRows.rows.map((row) => Number(row.position)) };
}

/** The store-wide fields store_state holds beside the tables, set on `data` as a whole read or a patch gives them. */
export function addStateFields(data: Record<string, unknown>, state: StateRow): void {
  if (state.pruned_at !== null) data.prunedAt = state.pruned_at;
  if (state.category_rules !== null) data.categoryRules = state.category_rules;
  if (state.last_run !== null) data.lastRun = state.last_run;
  Object.assign(data, state.extra);
}

/** Every entry of the table, or those written after revision `since`. */
export async function readRecord<T>(client: PoolClient, table: RecordTable<T>, since?: number): Promise<{ record: Record<string, T>; json: Map<string, string> }> {
  const { rows } =
    since === undefined
      ? await client.query<Record<string, unknown>>(`SELECT * FROM ${table.table} ORDER BY ${table.keyColumn}`)
      : await client.query<Record<string, unknown>>(`SELECT * FROM ${table.table} WHERE revision > $1 ORDER BY ${table.keyColumn}`, [since]);
  const record: Record<string, T> = {};
  const json = new Map<string, string>();
  for (const row of rows) {
    const key = row[table.keyColumn] as string;
    const entry = table.fromRow(row);
    Object.defineProperty(record, key, { value: entry, writable: true, enumerable: true, configurable: true });
    json.set(key, JSON.stringify(table.toRow(key, entry)));
  }
  return { record, json };
}
