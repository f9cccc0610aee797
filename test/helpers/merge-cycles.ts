/** Merge cycles as a province's feeds bring copies: a context with numbered story ids, and one cycle per copy. */
import type { Copy, SourceConfig, Story } from '../../src/model/types.ts';
import { mergeCopies, type MergeContext } from '../../src/pipeline/merge/merge-copies.ts';

let nextId = 0;

/** A merge context at `now` whose new stories get ids counted up from 1 (unique over the test file). */
export function mergeContext(sources: ReadonlyMap<string, SourceConfig>, now: string): MergeContext {
  return { now: new Date(now), sources, tombstones: {}, newStoryId: () => `urn:uuid:00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}` };
}

/** Merges each copy in a cycle of its own, an hour after it was published. */
export function mergeOneByOne(copies: readonly Copy[], sources: ReadonlyMap<string, SourceConfig>): Story[] {
  const stories: Story[] = [];
  for (const copy of copies) mergeCopies(stories, [copy], mergeContext(sources, new Date(Date.parse(copy.datePublished) + 3_600_000).toISOString()));
  return stories;
}
