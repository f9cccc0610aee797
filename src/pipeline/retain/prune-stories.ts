/** Retention: drops old stories that no feed shows any more, remembering their keys so they never return. */
import { compareStoriesNewestFirst, copyStoreKey, urlStoreKey } from '../../model/story.ts';
import type { Story, Tombstone } from '../../model/types.ts';

export interface PruneOptions {
  now: Date;
  retentionDays: number;
  feedSize: number;
}

/** Returns the stories to keep; pruned ones leave tombstones. Mutates `tombstones`. */
export function pruneStories(stories: readonly Story[], tombstones: Record<string, Tombstone>, options: PruneOptions): { kept: Story[]; pruned: number } {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000).toISOString();
  const protectedIds = newestOfEveryFeed(stories, options.feedSize);
  const kept: Story[] = [];
  let pruned = 0;
  for (const story of stories) {
    if (story.datePublished >= cutoff || protectedIds.has(story.id)) {
      kept.push(story);
      continue;
    }
    pruned++;
    for (const copy of story.copies) {
      const seenAt = options.now.toISOString();
      tombstones[copyStoreKey(copy)] = { storyId: story.id, seenAt };
      tombstones[urlStoreKey(copy.url)] = { storyId: story.id, seenAt };
    }
  }
  forgetStaleTombstones(tombstones, cutoff);
  return { kept, pruned };
}

/** Ids among the newest `feedSize` of the all-stories feed or of any category feed. */
function newestOfEveryFeed(stories: readonly Story[], feedSize: number): Set<string> {
  const sorted = [...stories].sort(compareStoriesNewestFirst);
  const keep = new Set(sorted.slice(0, feedSize).map((story) => story.id));
  const perCategory = new Map<string, number>();
  for (const story of sorted) {
    for (const category of story.categories) {
      const count = perCategory.get(category) ?? 0;
      if (count < feedSize) keep.add(story.id);
      perCategory.set(category, count + 1);
    }
  }
  return keep;
}

/** A tombstone no source has listed for the whole retention period can go. */
function forgetStaleTombstones(tombstones: Record<string, Tombstone>, cutoff: string): void {
  for (const [key, tombstone] of Object.entries(tombstones)) {
    if (tombstone.seenAt < cutoff) delete tombstones[key];
  }
}
