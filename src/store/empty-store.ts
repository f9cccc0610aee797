/** The shape of a store nobody has written yet, and the check every loaded store passes. */
import { StoreError } from '../errors.ts';
import { dropLegacyCopyFields } from '../model/story.ts';
import { STORE_SCHEMA_VERSION, type Story, type StoreData } from '../model/types.ts';
import { findBadEntry, type EntryLine } from './check-entries.ts';

export function createEmptyStoreData(): StoreData {
  return { schemaVersion: STORE_SCHEMA_VERSION, stories: [], sources: {}, tombstones: {}, feeds: {} };
}

/** What the backend knows of the file a store was read from, for a refusal to point at the entry and the way back. */
export interface StoreSourceHints {
  entryLine?: EntryLine;
  /** How to restore the last good store, e.g. from its `.bak`. */
  advice?: string;
}

/**
 * Refuses data this version cannot read — not a store, a newer schema, or an entry of the wrong
 * shape (check-entries.ts) — and fills containers an older version did not write.
 */
export function checkStoreData(value: unknown, location: string, hints: StoreSourceHints = {}): StoreData {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new StoreError('CORRUPT', `store: ${location} does not hold a bantin store (not a JSON object)`);
  }
  const data = value as Partial<StoreData>;
  if (typeof data.schemaVersion !== 'number' || !Array.isArray(data.stories)) {
    throw new StoreError('CORRUPT', `store: ${location} does not hold a bantin store (no schemaVersion or stories)`);
  }
  for (const key of ['sources', 'tombstones', 'feeds', 'aliases'] as const) {
    const container: unknown = data[key];
    if (container !== undefined && (container === null || typeof container !== 'object' || Array.isArray(container))) {
      throw new StoreError('CORRUPT', `store: ${location} does not hold a bantin store (${key} is not an object)`);
    }
  }
  if (data.schemaVersion > STORE_SCHEMA_VERSION) {
    throw new StoreError(
      'SCHEMA',
      `store: ${location} has schema version ${data.schemaVersion}, newer than this bantin knows (${STORE_SCHEMA_VERSION}); upgrade bantin`,
    );
  }
  const bad = findBadEntry(data as Record<string, unknown>, hints.entryLine);
  if (bad !== undefined) {
    throw new StoreError('CORRUPT', `store: ${location} holds a bad entry (${bad})${hints.advice ? `; ${hints.advice}` : ''}`);
  }
  dropLegacyFields(data.stories);
  return { ...createEmptyStoreData(), ...data, schemaVersion: STORE_SCHEMA_VERSION } as StoreData;
}

/** Copies of stores written before their plain text was derived from contentHtml carry a `text`; it is not written back. */
function dropLegacyFields(stories: readonly unknown[]): void {
  for (const story of stories) {
    const copies = (story as Partial<Story> | null)?.copies;
    if (Array.isArray(copies) && copies.some((copy) => typeof copy === 'object' && copy !== null && 'text' in copy)) {
      dropLegacyCopyFields(story as Story);
    }
  }
}
