/** Pure rules about stories shared by several stages: the representative copy and feed order. */
import type { Copy, SourceConfig, Story } from './types.ts';

type PriorityLookup = ReadonlyMap<string, Pick<SourceConfig, 'priority'>>;

/**
 * The copy whose link, title and content feeds show: highest source priority (unknown
 * source = 0), then earliest copy date, then earliest first-seen time, then array order.
 * Undefined only for a story without copies, which the store never holds.
 */
export function representativeCopy(story: Pick<Story, 'copies'>, sources: PriorityLookup): Copy | undefined {
  let best: Copy | undefined;
  for (const copy of story.copies) {
    if (best === undefined || compareRepresentative(copy, best, sources) < 0) best = copy;
  }
  return best;
}

/** Copies oldest first (copy date, then first seen, then array order), as provenance lists them. */
export function copiesByDate(copies: readonly Copy[]): Copy[] {
  // Array.prototype.sort is stable, so equal dates keep array order.
  return [...copies].sort(compareDates);
}

function compareRepresentative(a: Copy, b: Copy, sources: PriorityLookup): number {
  const priorityA = sources.get(a.sourceId)?.priority ?? 0;
  const priorityB = sources.get(b.sourceId)?.priority ?? 0;
  return priorityB - priorityA || compareDates(a, b);
}

function compareDates(a: Copy, b: Copy): number {
  return compareTimes(a.datePublished, b.datePublished) || compareTimes(a.firstSeenAt, b.firstSeenAt);
}

// Compared as instants, not strings, so dates written with other offsets still order right;
// an unparsable date sorts last: a copy with a known date is the better claim to "earliest".
function compareTimes(a: string, b: string): number {
  const timeA = timeOrInfinity(a);
  const timeB = timeOrInfinity(b);
  return timeA === timeB ? 0 : timeA < timeB ? -1 : 1;
}

function timeOrInfinity(value: string): number {
  const time = Date.parse(value);
  return Number.isNaN(time) ? Infinity : time;
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

/**
 * Drops from a story read from the store what earlier versions kept on each copy beside its HTML: the
 * plain `text`, now derived from `contentHtml` when needed. Without this a store written before keeps
 * carrying it, since copies are saved back as loaded. Call once per story as the store is read.
 */
export function dropLegacyCopyFields(story: Story): void {
  for (let index = 0; index < story.copies.length; index++) {
    const copy = story.copies[index]!;
    if (!('text' in copy)) continue;
    // Rebuilt rather than `delete`d: V8 turns an object that lost a property into a slower dictionary.
    const { text: _legacy, ...current } = copy as Copy & { text?: unknown };
    story.copies[index] = current;
  }
}
