/**
 * `npm run store:copy -- --from <store> --to <store>`: the whole store, copied between backends (lowdb
 * file ↔ PostgreSQL) under both writer locks, read back from the target and compared before it says done.
 */
import { isDeepStrictEqual } from 'node:util';
import { StoreError } from '../errors.ts';
import type { StoreData } from '../model/types.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

export interface StoreCopyOptions {
  from: string;
  to: string;
  replace: boolean;
}

export async function runStoreCopyCommand(options: StoreCopyOptions, print: (line: string) => void): Promise<StoreData> {
  const source = openStore(options.from);
  const target = openStore(options.to);
  try {
    // The source's lock too: a running bantin must not change it halfway through the copy.
    return await source.withWriteLock(() => target.withWriteLock(() => copy(source, target, options, print)));
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

async function copy(source: Store, target: Store, options: StoreCopyOptions, print: (line: string) => void): Promise<StoreData> {
  const started = performance.now();
  print(`reading ${source.location} …`);
  const data = await source.load();
  const copies = data.stories.reduce((sum, story) => sum + story.copies.length, 0);
  print(`read ${data.stories.length} stories (${copies} copies) in ${secondsSince(started)} s`);
  const existing = await target.load();
  if (!options.replace && (existing.stories.length > 0 || Object.keys(existing.sources).length > 0)) {
    throw new StoreError(
      'NOT_EMPTY',
      `store:copy: ${target.location} already holds a store (${existing.stories.length} stories); copy into an empty one, or pass --replace to overwrite it`,
    );
  }
  const writing = performance.now();
  print(`writing ${target.location} …`);
  await target.save(data);
  print(`wrote ${data.stories.length} stories in ${secondsSince(writing)} s; checking …`);
  const reader = openStore(options.to);
  const back = await reader.load().finally(() => reader.close());
  if (!sameStore(back, data)) throw new StoreError('WRITE', `store:copy: ${target.location} does not read back as what was copied; the source is unchanged`);
  print(`copied ${source.location} to ${target.location}: ${data.stories.length} stories, ${copies} copies, same ids (${secondsSince(started)} s)`);
  return data;
}

/** Equal as JSON (what either backend keeps), story by story: a national store is too big for one string. */
function sameStore(a: StoreData, b: StoreData): boolean {
  const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  const rest = (data: StoreData) => {
    const { stories: _stories, aliases, ...others } = data;
    // An empty aliases record and none are the same store.
    return asJson({ ...others, ...(aliases && Object.keys(aliases).length > 0 ? { aliases } : {}) });
  };
  if (a.stories.length !== b.stories.length || !isDeepStrictEqual(rest(a), rest(b))) return false;
  return a.stories.every((story, index) => isDeepStrictEqual(asJson(story), asJson(b.stories[index])));
}

function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}
