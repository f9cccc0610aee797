/**
 * Search's syllable index: each comparison-key syllable of the stories' titles and texts, with the
 * stories that hold it. It lives as long as the process and follows the store through its change
 * log (created / updated / merged / removed), so a cycle costs the keys of the stories it touched,
 * and a query costs the stories that hold its rarest syllable rather than every story.
 */
import type { StoreData, Story } from '../model/types.ts';
import { copyText } from '../pipeline/normalize/copy-text.ts';
import { comparisonKey } from '../pipeline/normalize/vietnamese-text.ts';

export interface SearchIndex {
  /** Brings the index to `data`: the changes logged since it last looked, or every story when the log cannot say. */
  sync(data: StoreData): void;
  /**
   * Does up to `budget` stories of what `sync(data)` would do and says whether the index is in step with
   * `data` now. The ingestion thread calls it while idle, a slice at a time, so that the first search after
   * a start builds nothing while story pages wait behind it. Valid while `data` stays as it is between slices.
   */
  syncSlice(data: StoreData, budget: number): boolean;
  /** Ids of the stories whose titles and texts hold `key` (a comparison key) as whole syllables; in no order. */
  matching(key: string): Set<string>;
}

/**
 * The key search has always matched on: every copy's title and text, space-padded, so that a phrase is
 * found by `includes(' phrase ')`. Kept exactly as it was, empty parts and all, so that indexed search
 * finds what the scan did.
 */
export function searchKey(story: Story): string {
  return ` ${story.copies.map((copy) => `${comparisonKey(copy.title)} ${comparisonKey(copyText(copy))}`).join(' ')} `;
}

/** Re-number the slots once this many are dead and they outnumber the live ones. */
const COMPACT_AFTER_DEAD = 1_000;

/**
 * Slots, keys and postings of one build of the index. Each indexing of a story takes the next slot;
 * postings are slot numbers in ascending order (plain arrays: sets of ids cost several times as much to
 * fill). A story indexed again or removed leaves a dead slot behind, skipped by queries and dropped from
 * the postings when they are re-numbered.
 */
interface Slots {
  ids: (string | undefined)[];
  keys: (string | undefined)[];
  postings: Map<string, number[]>;
  slotOf: Map<string, number>;
  dead: number;
}

const emptySlots = (): Slots => ({ ids: [], keys: [], postings: new Map(), slotOf: new Map(), dead: 0 });

function removeStory(slots: Slots, id: string): void {
  const slot = slots.slotOf.get(id);
  if (slot === undefined) return;
  slots.ids[slot] = slots.keys[slot] = undefined;
  slots.slotOf.delete(id);
  slots.dead++;
}

function addStory(slots: Slots, story: Story): void {
  removeStory(slots, story.id);
  const key = searchKey(story);
  const slot = slots.ids.length;
  slots.ids.push(story.id);
  slots.keys.push(key);
  slots.slotOf.set(story.id, slot);
  for (const syllable of key.split(' ')) {
    if (syllable === '') continue;
    const holders = slots.postings.get(syllable);
    // The newest slot is the last of every list: a syllable met again in this story is already there.
    if (holders === undefined) slots.postings.set(syllable, [slot]);
    else if (holders[holders.length - 1] !== slot) holders.push(slot);
  }
}

/** The same slots without the dead ones, re-numbered. */
function compacted(slots: Slots): Slots {
  const renumbered = new Int32Array(slots.ids.length).fill(-1);
  const out = emptySlots();
  slots.ids.forEach((id, slot) => {
    if (id === undefined) return;
    renumbered[slot] = out.ids.length;
    out.slotOf.set(id, out.ids.length);
    out.ids.push(id);
    out.keys.push(slots.keys[slot]!);
  });
  for (const [syllable, held] of slots.postings) {
    const live = [];
    for (const slot of held) if (renumbered[slot]! >= 0) live.push(renumbered[slot]!);
    if (live.length > 0) out.postings.set(syllable, live);
  }
  return out;
}

/** `compactAfterDead`: tests set it low to see the slots re-numbered. */
export function createSearchIndex(compactAfterDead = COMPACT_AFTER_DEAD): SearchIndex {
  /** What queries read: replaced whole when a rebuild completes, so a rebuild under way is never seen half done. */
  let live = emptySlots();
  /** The last change of the log the index reflects; undefined before the first sync and after a store with no log. */
  let cursor: number | undefined;
  /** The state the index was last brought fully up to, and how it looked then. */
  let inStep: { data: StoreData; stamp: string } | undefined;
  /** A rebuild done a slice at a time into slots of its own: the state it is for, how it looked, the next story. */
  let building: { data: StoreData; stamp: string; next: number; into: Slots } | undefined;
  const stampOf = (data: StoreData) => `${data.changes?.next ?? '-'} ${data.stories.length}`;

  const settle = (data: StoreData) => {
    cursor = data.changes === undefined ? undefined : data.changes.next - 1;
    inStep = { data, stamp: stampOf(data) };
  };

  const isInStep = (data: StoreData) => inStep !== undefined && inStep.data === data && inStep.stamp === stampOf(data);
  const resumable = (data: StoreData) => building !== undefined && building.data === data && building.stamp === stampOf(data);

  /** Adds up to `budget` more stories of the rebuild under way; true once it is complete and queries read it. */
  const continueRebuild = (budget: number): boolean => {
    const work = building!;
    const end = Math.min(work.data.stories.length, work.next + budget);
    for (; work.next < end; work.next++) addStory(work.into, work.data.stories[work.next]!);
    if (work.next < work.data.stories.length) return false;
    building = undefined;
    live = work.into;
    settle(work.data);
    return true;
  };

  const startRebuild = (data: StoreData) => {
    building = { data, stamp: stampOf(data), next: 0, into: emptySlots() };
  };

  const rebuild = (data: StoreData) => {
    if (!resumable(data)) startRebuild(data);
    continueRebuild(Infinity);
  };

  /** The ids the log names after `cursor`, or undefined when it cannot account for everything since (no log, forgotten changes, another store). */
  const touchedSince = (data: StoreData): Set<string> | undefined => {
    const log = data.changes;
    if (cursor === undefined || log === undefined) return undefined;
    const last = log.next - 1;
    const oldest = log.records[0]?.cursor ?? log.next;
    if (cursor > last || oldest > cursor + 1) return undefined;
    const touched = new Set<string>();
    for (let at = cursor + 1 - oldest; at < log.records.length; at++) {
      const record = log.records[at]!;
      touched.add(record.id);
      if (record.into !== undefined) touched.add(record.into);
    }
    return touched;
  };

  const sync = (data: StoreData) => {
    if (!isInStep(data)) syncTouched(data, touchedSince(data));
  };

  /** `sync` with the log's answer already read: the ids it names since the cursor, or undefined to read every story. */
  const syncTouched = (data: StoreData, touched: Set<string> | undefined) => {
    if (touched === undefined) {
      rebuild(data);
      return;
    }
    if (touched.size > 0) {
      // One pass over the stories finds the touched ones still held: a map of every story would cost more.
      const held = new Set<string>();
      for (const story of data.stories) {
        if (!touched.has(story.id)) continue;
        addStory(live, story);
        held.add(story.id);
      }
      for (const id of touched) if (!held.has(id)) removeStory(live, id);
    }
    // A count that disagrees means a change the log never told of: trust the stories, not the log.
    if (live.slotOf.size !== data.stories.length) {
      rebuild(data);
      return;
    }
    if (live.dead > compactAfterDead && live.dead > live.slotOf.size) live = compacted(live);
    settle(data);
  };

  return {
    sync,
    syncSlice(data, budget) {
      if (resumable(data)) return continueRebuild(budget);
      if (isInStep(data)) return true;
      // What the log can account for costs only the stories it names: done in one go.
      const touched = touchedSince(data);
      if (touched !== undefined) {
        syncTouched(data, touched);
        return true;
      }
      startRebuild(data);
      return continueRebuild(budget);
    },
    matching(key) {
      const found = new Set<string>();
      const words = key.split(' ').filter((syllable) => syllable !== '');
      const syllables = [...new Set(words)];
      const lists = syllables.map((syllable) => live.postings.get(syllable) ?? []).sort((a, b) => a.length - b.length);
      if (lists.length === 0) return found;
      const [rarest, ...others] = lists;
      // One word: its live postings are the answer. More (a doubled word such as "dần dần" too): the stories
      // holding every syllable, then the phrase itself in order.
      const padded = ` ${key} `;
      const phrase = words.length > 1;
      for (const slot of rarest!) {
        const id = live.ids[slot];
        if (id === undefined || !others.every((list) => holds(list, slot))) continue;
        if (!phrase || live.keys[slot]!.includes(padded)) found.add(id);
      }
      return found;
    },
  };
}

/** Whether the ascending `slots` hold `slot`, by halving. */
function holds(slots: readonly number[], slot: number): boolean {
  let low = 0;
  let high = slots.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = slots[middle]!;
    if (at === slot) return true;
    if (at < slot) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
