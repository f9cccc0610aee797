/** Pure rules about stories shared by several stages: the representative copy and feed order. */
import type { Copy, SourceConfig, Story } from './types.ts';

/** The copy whose link, title and content feeds show: highest priority, then earliest date, then first seen. */
export function representativeCopy(story: Story, sources: ReadonlyMap<string, Pick<SourceConfig, 'priority'>>): Copy {
  let best = story.copies[0];
  if (best === undefined) throw new Error(`story ${story.id} has no copies`);
  for (const copy of story.copies.slice(1)) {
    if (compareForRepresentative(copy, best, sources) < 0) best = copy;
  }
  return best;
}

function compareForRepresentative(a: Copy, b: Copy, sources: ReadonlyMap<string, Pick<SourceConfig, 'priority'>>): number {
  const priority = (sources.get(b.sourceId)?.priority ?? 0) - (sources.get(a.sourceId)?.priority ?? 0);
  if (priority !== 0) return priority;
  if (a.datePublished !== b.datePublished) return a.datePublished < b.datePublished ? -1 : 1;
  if (a.firstSeenAt !== b.firstSeenAt) return a.firstSeenAt < b.firstSeenAt ? -1 : 1;
  return 0;
}

/** Newest first by publication date; the id breaks ties so the order never wobbles. */
export function compareStoriesNewestFirst(a: Story, b: Story): number {
  if (a.datePublished !== b.datePublished) return a.datePublished < b.datePublished ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The key a copy is remembered by across the store: `<sourceId> <copy key>`. */
export function copyStoreKey(copy: Pick<Copy, 'sourceId' | 'key'>): string {
  return `${copy.sourceId} ${copy.key}`;
}

/** The key a canonical link is remembered by in tombstones. */
export function urlStoreKey(url: string): string {
  return `url ${url}`;
}
