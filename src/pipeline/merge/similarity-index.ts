/** Finds a stored story whose text nearly matches a new copy: an inverted index over shingles, confirmed by containment. */
import type { Copy, Story } from '../../model/types.ts';
import { shingleCopy } from './text-shingles.ts';

/** Copies further apart than this are never the same event. */
export const MERGE_WINDOW_MS = 3 * 24 * 3600 * 1000;
/** Share of the shorter copy's shingles that the longer one must contain. */
export const CONTAINMENT_THRESHOLD = 0.6;
/** Below this many shingles a copy is too short to compare safely. */
const MIN_SHINGLES = 8;

interface Entry {
  story: Story;
  sourceIds: Set<string>;
  shingles: Set<number>;
  time: number;
}

export class SimilarityIndex {
  private readonly entries = new Map<Story, Entry>();
  private readonly postings = new Map<number, Entry[]>();

  /** Indexes every copy of the story (each copy's shingles joined). */
  addStory(story: Story): void {
    const shingles = new Set<number>();
    for (const copy of story.copies) for (const shingle of shingleCopy(copy)) shingles.add(shingle);
    const entry: Entry = {
      story,
      sourceIds: new Set(story.copies.map((copy) => copy.sourceId)),
      shingles,
      time: Date.parse(story.datePublished),
    };
    this.entries.set(story, entry);
    for (const shingle of shingles) {
      const list = this.postings.get(shingle);
      if (list) list.push(entry);
      else this.postings.set(shingle, [entry]);
    }
  }

  /** The indexed story this copy most likely belongs to, from another source, or undefined. */
  findMatch(copy: Copy): Story | undefined {
    const shingles = shingleCopy(copy);
    if (shingles.size < MIN_SHINGLES) return undefined;
    const time = Date.parse(copy.datePublished);
    const overlaps = this.countOverlaps(shingles);
    let best: { entry: Entry; score: number } | undefined;
    for (const [entry, shared] of overlaps) {
      if (entry.sourceIds.has(copy.sourceId) || Math.abs(entry.time - time) > MERGE_WINDOW_MS) continue;
      const smaller = Math.min(shingles.size, entry.shingles.size);
      if (smaller < MIN_SHINGLES) continue;
      const score = shared / smaller;
      if (score >= CONTAINMENT_THRESHOLD && (!best || score > best.score)) best = { entry, score };
    }
    return best?.entry.story;
  }

  /** Re-indexes a story after a copy joined it, so later copies see the joined text. */
  refresh(story: Story): void {
    const entry = this.entries.get(story);
    if (entry) this.remove(entry);
    this.addStory(story);
  }

  private countOverlaps(shingles: Set<number>): Map<Entry, number> {
    const overlaps = new Map<Entry, number>();
    for (const shingle of shingles) {
      for (const entry of this.postings.get(shingle) ?? []) overlaps.set(entry, (overlaps.get(entry) ?? 0) + 1);
    }
    return overlaps;
  }

  private remove(entry: Entry): void {
    this.entries.delete(entry.story);
    for (const shingle of entry.shingles) {
      const list = this.postings.get(shingle);
      if (!list) continue;
      const filtered = list.filter((other) => other !== entry);
      if (filtered.length > 0) this.postings.set(shingle, filtered);
      else this.postings.delete(shingle);
    }
  }
}
