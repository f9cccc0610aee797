/**
 * What merging keeps from one batch to the next in a long-running process: each copy's match profile
 * and the similarity index of the stories near the last batch, so a cycle shingles and indexes only
 * what is new instead of every story in its time window.
 */
import { copyStoreKey } from '../../model/story.ts';
import type { Copy, Story } from '../../model/types.ts';
import { profileCopy, type MatchProfile } from './match-profile.ts';
import { SimilarityIndex } from './similarity-index.ts';

interface CachedProfile {
  // A profile depends on nothing but these two (the text derives from the HTML); they are compared on
  // every hit, so a copy that another writer changed in the store is profiled again rather than matched on stale text.
  title: string;
  contentHtml: string;
  profile: MatchProfile;
  usedInBatch: number;
}

export class MergeCache {
  /** By `<sourceId> <copy key>`, not by object: each cycle reloads the store as new objects. */
  private readonly profiles = new Map<string, CachedProfile>();
  private batch = 0;
  private comparedText = false;
  private readonly index = new SimilarityIndex({
    profileOf: (copy) => this.profileOf(copy),
    keepProfile: (copy) => this.keepProfile(copy),
  });

  /** Starts a batch whose time window holds `window` (stored stories, in store order). */
  startBatch(window: readonly Story[]): SimilarityIndex {
    this.batch++;
    this.comparedText = false;
    this.index.startBatch(window);
    return this.index;
  }

  /**
   * Forgets the profiles the batch did not use (stories that left the time window, pruned or replaced
   * copies), so memory follows the window rather than the store. A batch that compared no text keeps all.
   */
  endBatch(): void {
    if (!this.comparedText) return;
    for (const [key, cached] of this.profiles) if (cached.usedInBatch !== this.batch) this.profiles.delete(key);
  }

  /** Copies whose profile is kept, for tests and the benchmark. */
  get size(): number {
    return this.profiles.size;
  }

  /** The profile of a copy, computed once per distinct title and content. */
  private profileOf(copy: Copy): MatchProfile {
    const key = copyStoreKey(copy);
    let cached = this.profiles.get(key);
    if (cached === undefined || cached.title !== copy.title || cached.contentHtml !== copy.contentHtml) {
      cached = { title: copy.title, contentHtml: copy.contentHtml, profile: profileCopy(copy), usedInBatch: this.batch };
      this.profiles.set(key, cached);
    }
    cached.usedInBatch = this.batch;
    this.comparedText = true;
    return cached.profile;
  }

  private keepProfile(copy: Copy): void {
    const cached = this.profiles.get(copyStoreKey(copy));
    if (cached !== undefined) cached.usedInBatch = this.batch;
  }
}

/** One cache per process, handed to every mergeCopies call of that process (runIngestion's `mergeCache`). */
export function createMergeCache(): MergeCache {
  return new MergeCache();
}
