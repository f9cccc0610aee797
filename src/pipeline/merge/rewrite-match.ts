/**
 * The rewrite rule: a copy whose wording shares little with another's is still the same story when,
 * within a day of it, it names the same places, people and codes (see event-anchors.ts), states no
 * figure the other lacks in any form, and reports nothing dated after the other was published. A
 * newspaper's rewrite of a police brief passes; a template sibling (another commune, person or plate)
 * and a follow-up (a prosecution the day after the surrender) do not.
 */
import type { MatchProfile } from './match-profile.ts';
import { compareFigures, shingleWeight, type FigureCheck } from './match-score.ts';

const HOUR_MS = 3600 * 1000;
/** Rewrites are matched only this close to each other: one news cycle, before follow-ups begin. */
export const REWRITE_WINDOW_MS = 24 * HOUR_MS;
/** Both copies name at least this many of the same places, people or codes… */
export const MIN_SHARED_ANCHORS = 2;
/** …and the side naming fewer finds at least this weighted share of them in the other. */
export const ANCHOR_CONTAINMENT = 0.75;

export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

export interface RewriteInput {
  copy: MatchProfile;
  other: MatchProfile;
  /** How many indexed stories other than the other copy's hold an anchor: anchors of many stories weigh little. */
  otherStoriesWith: (anchor: string) => number;
  gapMs: number;
  /** The days, in the sources' zones, each copy was published. */
  copyDay: LocalDay;
  otherDay: LocalDay;
}

export interface RewriteVerdict {
  sharedAnchors: string[];
  /** Weighted share of the contained side's anchors (the side naming fewer) found in the other. */
  anchorContainment: number;
  contained: 'copy' | 'other';
  /** The figures of the side stating fewer, against the other's. */
  figures: FigureCheck;
  /** A day one copy mentions that falls after the other was published ("23/10"), if any. */
  laterDay?: string;
  same: boolean;
}

/** Whether two copies within a day of each other name one event, however differently they are written. */
export function judgeRewrite(input: RewriteInput): RewriteVerdict {
  const { copy, other } = input;
  const sharedAnchors: string[] = [];
  let shared = 0;
  let copyTotal = 0;
  let otherTotal = 0;
  for (const anchor of copy.anchors) {
    const weight = shingleWeight(input.otherStoriesWith(anchor));
    copyTotal += weight;
    if (other.anchors.has(anchor)) {
      sharedAnchors.push(anchor);
      shared += weight;
    }
  }
  for (const anchor of other.anchors) otherTotal += shingleWeight(input.otherStoriesWith(anchor));
  const copyInOther = copyTotal > 0 ? shared / copyTotal : 0;
  const otherInCopy = otherTotal > 0 ? shared / otherTotal : 0;
  const contained = copyInOther >= otherInCopy ? 'copy' : 'other';
  const years = { copy: input.copyDay.year, other: input.otherDay.year };
  // The copy stating fewer figures is the brief: each of them must be in the fuller one, in some form.
  const figures =
    copy.figures.size <= other.figures.size
      ? compareFigures(copy, other, { contained: years.copy, other: years.other })
      : compareFigures(other, copy, { contained: years.other, other: years.copy });
  const laterDay = dayAfter(copy.days, input.copyDay, input.otherDay) ?? dayAfter(other.days, input.otherDay, input.copyDay);
  const anchorContainment = Math.max(copyInOther, otherInCopy);
  const same =
    input.gapMs <= REWRITE_WINDOW_MS &&
    sharedAnchors.length >= MIN_SHARED_ANCHORS &&
    anchorContainment >= ANCHOR_CONTAINMENT &&
    figures.agree &&
    laterDay === undefined;
  return { sharedAnchors, anchorContainment, contained, figures, ...(laterDay === undefined ? {} : { laterDay }), same };
}

/**
 * A day `days` mentions that falls after `otherDay` and no later than `ownDay`: something that happened
 * after the other copy was written, reported as news (a day after its own publication is a plan, not news).
 */
export function dayAfter(days: ReadonlySet<string>, ownDay: LocalDay, otherDay: LocalDay): string | undefined {
  if (compareDays(ownDay, otherDay) <= 0) return undefined;
  for (const mentioned of days) {
    const [day, month] = mentioned.split('/').map(Number) as [number, number];
    // The year the text leaves out: the one that puts the day nearest the copy's own date.
    const year = month > ownDay.month + 6 ? ownDay.year - 1 : month < ownDay.month - 6 ? ownDay.year + 1 : ownDay.year;
    const date = { year, month, day };
    if (compareDays(date, otherDay) > 0 && compareDays(date, ownDay) <= 0) return mentioned;
  }
  return undefined;
}

function compareDays(a: LocalDay, b: LocalDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
