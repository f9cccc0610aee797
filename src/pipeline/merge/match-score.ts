/**
 * The confirmation rule (SPEC.md "Stories", rule 3): a new copy is the same story as an indexed one
 * when enough of the shorter side's distinctive text is contained in the other, the contained side
 * states no figures of its own, and the required share grows with the time between them.
 */
import type { MatchProfile } from './match-profile.ts';

const HOUR_MS = 3600 * 1000;
/** Copies further apart than this are never the same event. */
export const MERGE_WINDOW_MS = 72 * HOUR_MS;
/** Share of the contained side's weighted shingles the other side must hold, within a day. */
export const BASE_CONTAINMENT = 0.6;
/** The share required at the edge of the window; it rises linearly after the first day. */
export const LATE_CONTAINMENT = 0.9;
const SAME_DAY_MS = 24 * HOUR_MS;
/** A shortened or re-led copy repeats the figures it keeps; allow one slip (rounding, a typo). */
export const MAX_NOVEL_FIGURES = 1;
const MAX_NOVEL_FIGURE_SHARE = 0.25;
/** However high the share, the shared text must weigh at least this much (four distinctive shingles). */
export const MIN_SHARED_WEIGHT = 4;

export interface MatchInput {
  copy: MatchProfile;
  story: MatchProfile;
  /** How many indexed stories hold a shingle, the candidate story included when it holds it. */
  storiesWith: (shingle: number) => number;
  /** Time between the copy and the story's nearest copy. */
  gapMs: number;
}

export interface MatchVerdict {
  /** Weighted share of the contained side's shingles found in the other side. */
  containment: number;
  required: number;
  figuresAgree: boolean;
  same: boolean;
}

/** Weighs the shared text of a copy and a candidate story and decides whether they are one story. */
export function judgeMatch(input: MatchInput): MatchVerdict {
  const { copy, story, storiesWith } = input;
  let storyTotal = 0;
  for (const shingle of story.shingles) storyTotal += shingleWeight(Math.max(0, storiesWith(shingle) - 1));
  return judgeCounted({ copy, story, copyCounts: Array.from(copy.shingles, storiesWith), storyTotal, gapMs: input.gapMs });
}

export interface CountedMatchInput {
  copy: MatchProfile;
  story: MatchProfile;
  /** storiesWith of each of the copy's shingles, in the order of `copy.shingles`. */
  copyCounts: ArrayLike<number>;
  /** The story's shingles weighed: Σ shingleWeight(storiesWith − 1), in the order of `story.shingles`. */
  storyTotal: number;
  gapMs: number;
}

/**
 * judgeMatch with the document frequencies looked up by the caller, which the similarity index
 * does once per copy rather than once per candidate; the arithmetic, and its order, is the same.
 */
export function judgeCounted(input: CountedMatchInput): MatchVerdict {
  const { shared, copyTotal } = weighCopySide(input.copy, input.story, input.copyCounts);
  return decideMatch(input, shared, copyTotal, input.storyTotal);
}

/**
 * The copy's side of judgeCounted: the weight of its shingles the story holds, and of all of them.
 * A `shared` below MIN_SHARED_WEIGHT is already a "not the same story", whatever the story's side.
 */
export function weighCopySide(copy: MatchProfile, story: MatchProfile, copyCounts: ArrayLike<number>): { shared: number; copyTotal: number } {
  let shared = 0;
  let copyTotal = 0;
  let index = 0;
  for (const shingle of copy.shingles) {
    const inStory = story.shingles.has(shingle);
    const weight = shingleWeight(copyCounts[index++]! - (inStory ? 1 : 0));
    copyTotal += weight;
    if (inStory) shared += weight;
  }
  return { shared, copyTotal };
}

/** The rule itself, once both sides are weighed. */
export function decideMatch(input: Pick<CountedMatchInput, 'copy' | 'story' | 'gapMs'>, shared: number, copyTotal: number, storyTotal: number): MatchVerdict {
  const { copy, story } = input;
  const copyInStory = copyTotal > 0 ? shared / copyTotal : 0;
  const storyInCopy = storyTotal > 0 ? shared / storyTotal : 0;
  // The shorter side (a brief, a teaser) is the one contained; its figures must be in the longer.
  const [contained, other] = copyInStory >= storyInCopy ? [copy, story] : [story, copy];
  const containment = Math.max(copyInStory, storyInCopy);
  const required = requiredContainment(input.gapMs);
  const figuresAgree = figuresContained(contained.figures, other.figures);
  const same = containment >= required && figuresAgree && shared >= MIN_SHARED_WEIGHT;
  return { containment, required, figuresAgree, same };
}

/**
 * Text that other stories in the window also carry (templates, boilerplate, stock phrases) counts
 * less: a shingle held by n other stories weighs 1 / (1 + n).
 */
export function shingleWeight(otherStories: number): number {
  return 1 / (1 + otherStories);
}

/** 0.6 within a day, then rising linearly to 0.9 at the window's edge: a late copy must be a near-verbatim repost. */
export function requiredContainment(gapMs: number): number {
  const late = Math.min(1, Math.max(0, gapMs - SAME_DAY_MS) / (MERGE_WINDOW_MS - SAME_DAY_MS));
  return BASE_CONTAINMENT + (LATE_CONTAINMENT - BASE_CONTAINMENT) * late;
}

/** At most one figure of the contained side, and at most a quarter of them, missing from the other. */
export function figuresContained(contained: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  let novel = 0;
  for (const figure of contained) if (!other.has(figure)) novel++;
  return novel <= MAX_NOVEL_FIGURES && novel <= contained.size * MAX_NOVEL_FIGURE_SHARE;
}
