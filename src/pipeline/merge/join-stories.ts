/** When two stories turn out to be one: which id survives, and how the other is folded into it. */
import type { Story, StoryAlias } from '../../model/types.ts';

/**
 * Whether `a` keeps its id over `b`: a story already published beats one started in this batch
 * (a reader may hold its id), then the earlier datePublished, then the earlier first-seen copy,
 * then the smaller id so the choice never depends on order.
 */
export function isOlderStory(a: Story, b: Story, isPublished: (story: Story) => boolean): boolean {
  const publishedA = isPublished(a);
  if (publishedA !== isPublished(b)) return publishedA;
  return (
    compareTimes(earliest(a, 'datePublished'), earliest(b, 'datePublished')) ||
    compareTimes(earliest(a, 'firstSeenAt'), earliest(b, 'firstSeenAt')) ||
    (a.id < b.id ? -1 : 1)
  ) < 0;
}

/**
 * Moves the absorbed story's copies into the survivor and, when the absorbed id was published,
 * remembers it as an alias of the survivor (aliases that pointed at it follow).
 */
export function absorbStory(survivor: Story, absorbed: Story, aliases: Record<string, StoryAlias>, published: boolean, now: Date): void {
  survivor.copies.push(...absorbed.copies);
  if (!published) return;
  const mergedAt = now.toISOString();
  for (const alias of Object.values(aliases)) {
    if (alias.storyId === absorbed.id) alias.storyId = survivor.id;
  }
  aliases[absorbed.id] = { storyId: survivor.id, mergedAt };
}

// Copy fields are compared as instants: an unparsable date counts as latest.
function earliest(story: Story, field: 'datePublished' | 'firstSeenAt'): number {
  let min = Infinity;
  for (const copy of story.copies) {
    const time = Date.parse(copy[field]);
    if (!Number.isNaN(time) && time < min) min = time;
  }
  return min;
}

function compareTimes(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
