/**
 * Stories, copies and the keyed records as table rows and back. Known fields have columns; every other
 * field (optional ones, and ones a newer or parallel bantin adds) goes to `extra`, so nothing is lost.
 */
import type { Copy, PublishedFeedState, SourceState, Story, StoryAlias, Tombstone } from '../../model/types.ts';

export interface StoryRow {
  id: string;
  position: number;
  date_published: string;
  date_modified: string;
  categories: string[];
  extra: Record<string, unknown>;
}

export interface CopyRow {
  story_id: string;
  position: number;
  source_id: string;
  key: string;
  url: string;
  title: string;
  content_html: string;
  date_published: string;
  first_seen_at: string;
  extra: Record<string, unknown>;
}

export function storyToRow(story: Story, position: number): StoryRow {
  const { id, copies: _copies, categories, datePublished, dateModified, ...extra } = story;
  return { id, position, date_published: datePublished, date_modified: dateModified, categories, extra };
}

export function copyToRow(storyId: string, copy: Copy, position: number): CopyRow {
  const { sourceId, key, url, title, contentHtml, datePublished, firstSeenAt, ...extra } = copy;
  return {
    story_id: storyId, position, source_id: sourceId, key, url, title, content_html: contentHtml,
    date_published: datePublished, first_seen_at: firstSeenAt, extra,
  };
}

export function storyFromRow(row: StoryRow, copies: Copy[]): Story {
  return { id: row.id, copies, categories: row.categories, datePublished: row.date_published, dateModified: row.date_modified, ...row.extra };
}

export function copyFromRow(row: CopyRow): Copy {
  return {
    sourceId: row.source_id, key: row.key, url: row.url, title: row.title, contentHtml: row.content_html,
    datePublished: row.date_published, ...row.extra, firstSeenAt: row.first_seen_at,
  } as Copy;
}

/** One keyed table: how its rows hold an entry of StoreData's record of the same name. */
export interface RecordTable<T> {
  table: string;
  keyColumn: string;
  columns: readonly { name: string; type: string }[];
  toRow(key: string, entry: T): unknown[];
  fromRow(row: Record<string, unknown>): T;
}

export const tombstoneTable: RecordTable<Tombstone> = {
  table: 'tombstones',
  keyColumn: 'key',
  columns: [{ name: 'key', type: 'text' }, { name: 'story_id', type: 'text' }, { name: 'seen_at', type: 'text' }, { name: 'extra', type: 'jsonb' }],
  toRow: (key, { storyId, seenAt, ...extra }) => [key, storyId, seenAt, JSON.stringify(extra)],
  fromRow: (row) => ({ storyId: row.story_id as string, seenAt: row.seen_at as string, ...(row.extra as object) }),
};

export const aliasTable: RecordTable<StoryAlias> = {
  table: 'aliases',
  keyColumn: 'id',
  columns: [{ name: 'id', type: 'text' }, { name: 'story_id', type: 'text' }, { name: 'merged_at', type: 'text' }, { name: 'extra', type: 'jsonb' }],
  toRow: (key, { storyId, mergedAt, ...extra }) => [key, storyId, mergedAt, JSON.stringify(extra)],
  fromRow: (row) => ({ storyId: row.story_id as string, mergedAt: row.merged_at as string, ...(row.extra as object) }),
};

export const feedTable: RecordTable<PublishedFeedState> = {
  table: 'feeds',
  keyColumn: 'name',
  columns: [{ name: 'name', type: 'text' }, { name: 'etag', type: 'text' }, { name: 'last_modified', type: 'text' }, { name: 'extra', type: 'jsonb' }],
  toRow: (key, { etag, lastModified, ...extra }) => [key, etag, lastModified, JSON.stringify(extra)],
  fromRow: (row) => ({ etag: row.etag as string, lastModified: row.last_modified as string, ...(row.extra as object) }),
};

// Validators and backoff have columns (an operator's first questions); the rest of the health record is jsonb.
export const sourceTable: RecordTable<SourceState> = {
  table: 'sources',
  keyColumn: 'id',
  columns: [
    { name: 'id', type: 'text' }, { name: 'etag', type: 'text' }, { name: 'last_modified', type: 'text' },
    { name: 'next_attempt_at', type: 'text' }, { name: 'consecutive_failures', type: 'integer' }, { name: 'state', type: 'jsonb' },
  ],
  toRow: (key, { id: _id, etag, lastModified, nextAttemptAt, consecutiveFailures, ...state }) => [
    key, etag ?? null, lastModified ?? null, nextAttemptAt ?? null, consecutiveFailures ?? null, JSON.stringify(state),
  ],
  fromRow: (row) => {
    const state: Record<string, unknown> = { id: row.id, ...(row.state as object) };
    if (row.etag !== null) state.etag = row.etag;
    if (row.last_modified !== null) state.lastModified = row.last_modified;
    if (row.next_attempt_at !== null) state.nextAttemptAt = row.next_attempt_at;
    if (row.consecutive_failures !== null) state.consecutiveFailures = row.consecutive_failures;
    return state as unknown as SourceState;
  },
};
