/**
 * Section 3's measuring process, one per store size, so each figure is taken in a clean heap holding
 * only its own store: 1,000 new copies merged the way `npm start` merges them, with one MergeCache for
 * the process, warmed by an earlier cycle over the same stored stories.
 */
import { performance } from 'node:perf_hooks';
import { knownCopiesOf } from '../../src/pipeline/identify/identify-copies.ts';
import { createMergeCache, type MergeCache } from '../../src/pipeline/merge/merge-cache.ts';
import { mergeCopies } from '../../src/pipeline/merge/merge-copies.ts';
import { pruneStories } from '../../src/pipeline/retain/prune-stories.ts';
import type { Story } from '../../src/model/types.ts';
import { collectGarbage, median, round } from '../measure.ts';
import { cloneStories, createStoryCorpus, makeMergeBatch, makeStoredStories, type MergeBatchShape } from '../synthetic/make-stories.ts';
import { childArgument, tellParent } from './child-process.ts';

/** A fixed clock: stored stories are spread over the 90 days before it, new copies over its last 12 hours. */
const NOW = Date.parse('2026-11-25T03:00:00.000Z');
const RETENTION_DAYS = 90;
const HOUR_MS = 3600 * 1000;

export interface MergeChildArgument {
  stories: number;
  shape: MergeBatchShape;
  runs: number;
}

export interface MergeScalingRow {
  stories: number;
  /** Stored stories dated within 72 h of the batch's copies: what the similarity index holds. */
  storiesInWindow: number;
  /** Median over the runs of mergeCopies with a warm cache. */
  mergeMs: number;
  /** The first merge of a process (empty cache): every story in the window is shingled and indexed. */
  firstCycleMs: number;
  storiesAdded: number;
  storiesJoined: number;
  /** Outside mergeCopies but over the whole store every cycle: knownCopiesOf + pruneStories. */
  otherWholeStoreMs: number;
}

const { stories: storeSize, shape, runs } = childArgument<MergeChildArgument>();
const copies = shape.fresh + shape.repostsOfFresh + shape.repostsOfStored;
const corpus = createStoryCorpus(storeSize);
const stored = makeStoredStories(corpus, storeSize, NOW, RETENTION_DAYS);
const context = (cache: MergeCache) => ({ now: new Date(NOW), sources: new Map(), tombstones: {}, aliases: {}, cache });
const cache = createMergeCache();

// The cycle before: the cache learns the window's stories, as the previous scheduled run would have.
const warmUp = makeMergeBatch(corpus, stored, NOW, shape);
let stories = cloneStories(stored);
collectGarbage();
let start = performance.now();
mergeCopies(stories, warmUp, context(cache));
const firstCycleMs = performance.now() - start;

const times: number[] = [];
let last = { added: 0, joined: 0 };
let windowFrom = Infinity;
for (let run = 0; run < runs; run++) {
  const batch = makeMergeBatch(corpus, stored, NOW, shape);
  // What a cycle's reload of the store gives: the same stories as new objects.
  stories = cloneStories(stored);
  collectGarbage();
  start = performance.now();
  const result = mergeCopies(stories, batch, context(cache));
  times.push(performance.now() - start);
  last = { added: result.added.length, joined: copies - result.added.length };
  for (const copy of batch) windowFrom = Math.min(windowFrom, Date.parse(copy.datePublished) - 72 * HOUR_MS);
}

tellParent({
  stories: storeSize,
  storiesInWindow: stored.filter((story) => Date.parse(story.datePublished) >= windowFrom).length,
  mergeMs: round(median(times)),
  firstCycleMs: round(firstCycleMs),
  storiesAdded: last.added,
  storiesJoined: last.joined,
  otherWholeStoreMs: round(wholeStoreWork(stories)),
} satisfies MergeScalingRow);
process.disconnect?.();

/** The other steps of a cycle that walk every stored story: identity lookups and retention. */
function wholeStoreWork(all: Story[]): number {
  const spent: number[] = [];
  for (let run = 0; run < 3; run++) {
    collectGarbage();
    const begin = performance.now();
    knownCopiesOf(all, {}).hasKey('bench');
    pruneStories(all, {}, { now: new Date(NOW), retentionDays: RETENTION_DAYS, feedSize: 50 });
    spent.push(performance.now() - begin);
  }
  return median(spent);
}
