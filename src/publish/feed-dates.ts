/** Date formatting for feeds that never throws and never reads the clock, so equal input gives equal bytes. */
import type { Story } from '../model/types.ts';

/** Stands in for a missing date (an empty feed's updated time); fixed so renders stay deterministic. */
export const EPOCH_ISO = '1970-01-01T00:00:00Z';

/** Milliseconds of an ISO/RFC date, or undefined when it does not parse or leaves years 0000–9999. */
export function parseTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 0 && year <= 9999 ? time : undefined;
}

/**
 * RFC 3339 UTC form of the first candidate that parses, else the epoch. `feed` throws on
 * an invalid date and takes the whole feed down; one bad stored date must not.
 */
export function toRfc3339(...candidates: (string | undefined)[]): string {
  for (const candidate of candidates) {
    const time = parseTime(candidate);
    if (time !== undefined) return new Date(time).toISOString().replace('.000Z', 'Z');
  }
  return EPOCH_ISO;
}

/** RFC 822 (RFC 1123 profile, `GMT`) form of an RFC 3339 date from `toRfc3339`. */
export function toRfc822(rfc3339: string): string {
  return new Date(rfc3339).toUTCString();
}

/** A story's published and modified times, each falling back to the other when unusable. */
export function storyDates(story: Story): { published: string; modified: string } {
  const firstCopy = story.copies[0]?.datePublished;
  return {
    published: toRfc3339(story.datePublished, story.dateModified, firstCopy),
    modified: toRfc3339(story.dateModified, story.datePublished, firstCopy),
  };
}

/** The feed's own updated time: its newest story modification (SPEC "Stories"), never the clock. */
export function feedUpdated(stories: readonly Story[], whenEmpty?: string): string {
  let newest: string | undefined;
  let newestTime = -Infinity;
  for (const story of stories) {
    const modified = storyDates(story).modified;
    const time = Date.parse(modified);
    if (time > newestTime) [newest, newestTime] = [modified, time];
  }
  return newest ?? toRfc3339(whenEmpty);
}
