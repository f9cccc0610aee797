/**
 * Section 4's measuring process, one per store size so its peak RSS is its own: `generate` writes a
 * synthetic store file; `load-write` does what `npm start`'s ingestion thread does with it: load it,
 * change 1 % of the stories as a busy cycle would, save it; `load-full-write` loads it and writes every
 * story afresh, as the first save after an upgrade does.
 */
import { stat } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { STORE_SCHEMA_VERSION, type StoreData } from '../../src/model/types.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { createStoryCorpus, makeStoredStories } from '../synthetic/make-stories.ts';
import { childArgument, tellParent } from './child-process.ts';

export interface StoreChildArgument {
  /** `load-full-write`: load, then save through a store object that has kept no story lines, so every story is serialised. */
  mode: 'generate' | 'load-write' | 'load-full-write';
  file: string;
  stories: number;
}

export type StoreChildReport =
  | { ok: true; loadMs?: number; writeMs: number; stallMs: number; bytes: number; peakRssMB: number }
  | { ok: false; error: string; peakRssMB: number };

const NOW = Date.parse('2026-11-25T03:00:00.000Z');
const argument = childArgument<StoreChildArgument>();

/** Saves while a histogram of event-loop delays runs: its maximum is the longest stall the save caused. */
async function timedSave(store: ReturnType<typeof createLowdbStore>, data: StoreData): Promise<{ writeMs: number; stallMs: number }> {
  const delays = monitorEventLoopDelay({ resolution: 5 });
  delays.enable();
  // Let the histogram take its first samples before the save starts.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const start = performance.now();
  await store.save(data);
  const writeMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  delays.disable();
  return { writeMs, stallMs: delays.max / 1e6 };
}

/** Share of stored stories a cycle changes before its save: a new copy or an edited one each. */
export const CHANGED_SHARE = 0.01;

/** What a busy cycle does to the stored stories before saving: 1 % of them get an edited copy and a later date_modified. */
function touchAsACycleWould(data: StoreData, now: number): void {
  const every = Math.round(1 / CHANGED_SHARE);
  const modified = new Date(now).toISOString();
  for (let index = 0; index < data.stories.length; index += every) {
    const story = data.stories[index]!;
    story.copies[0] = { ...story.copies[0]!, title: `${story.copies[0]!.title} (cập nhật)` };
    story.dateModified = modified;
  }
}

function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

try {
  const store = createLowdbStore(argument.file);
  if (argument.mode === 'generate') {
    const stories = makeStoredStories(createStoryCorpus(argument.stories), argument.stories, NOW, 90);
    const data: StoreData = { schemaVersion: STORE_SCHEMA_VERSION, stories, sources: {}, tombstones: {}, feeds: {} };
    const saved = await timedSave(store, data);
    tellParent({ ok: true, ...saved, bytes: (await stat(argument.file)).size, peakRssMB: peakRssMB() } satisfies StoreChildReport);
  } else if (argument.mode === 'load-full-write') {
    const data = await store.load();
    const saved = await timedSave(createLowdbStore(argument.file), data);
    tellParent({ ok: true, ...saved, bytes: (await stat(argument.file)).size, peakRssMB: peakRssMB() } satisfies StoreChildReport);
  } else {
    const start = performance.now();
    const data = await store.load();
    const loadMs = performance.now() - start;
    touchAsACycleWould(data, NOW);
    const saved = await timedSave(store, data);
    tellParent({ ok: true, loadMs, ...saved, bytes: (await stat(argument.file)).size, peakRssMB: peakRssMB() } satisfies StoreChildReport);
  }
} catch (error) {
  tellParent({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), peakRssMB: peakRssMB() } satisfies StoreChildReport);
}
process.disconnect?.();
