/**
 * The verbatim rule (SPEC.md "Stories", rule 3): a new copy is the same story as an indexed one when
 * enough of the shorter side's distinctive text is contained in the other, the contained side states
 * no figures of its own, and the required share grows with the time between them. Also the pieces the
 * rewrite rule (rewrite-match.ts) shares with it: shingle weights and the figure check.
 */
import { numberedNameDiffers, valueOfFigure, type FigureForms } from './figure-forms.ts';
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
  /** Publication times (epoch ms) of the copy and of the story's side, to read an age against a birth year; figures are compared without when absent. */
  times?: { copy: number; story: number };
}

export interface FigureCheck {
  /** How many figures the contained side states. */
  compared: number;
  /** Those the other side states in no form (digits, words, an age for a birth year). */
  missing: readonly string[];
  agree: boolean;
}

export interface MatchVerdict {
  /** Weighted share of the contained side's shingles found in the other side. */
  containment: number;
  required: number;
  /** Weight of the shingles both sides hold. */
  shared: number;
  /** Which side is the contained one: the new copy, or the story's side. */
  contained: 'copy' | 'story';
  figures: FigureCheck;
  figuresAgree: boolean;
  same: boolean;
}

/** Weighs the shared text of a copy and a candidate story and decides whether they are one story. */
export function judgeMatch(input: MatchInput): MatchVerdict {
  const { copy, story, storiesWith } = input;
  let storyTotal = 0;
  for (const shingle of story.shingles) storyTotal += shingleWeight(Math.max(0, storiesWith(shingle) - 1));
  return judgeCounted({ ...input, copyCounts: Array.from(copy.shingles, storiesWith), storyTotal });
}

export interface CountedMatchInput extends Omit<MatchInput, 'storiesWith'> {
  /** storiesWith of each of the copy's shingles, in the order of `copy.shingles`. */
  copyCounts: ArrayLike<number>;
  /** The story's shingles weighed: Σ shingleWeight(storiesWith − 1), in the order of `story.shingles`. */
  storyTotal: number;
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
export function weighCopySide(copy: MatchProfile, story: Pick<MatchProfile, 'shingles'>, copyCounts: ArrayLike<number>): { shared: number; copyTotal: number } {
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

/**
 * The rule itself, once both sides are weighed. The figures are compared only when the share and the
 * weight already hold (most candidates fail on those), unless `full` asks for every number.
 */
export function decideMatch(
  input: Pick<CountedMatchInput, 'copy' | 'story' | 'gapMs' | 'times'>,
  shared: number,
  copyTotal: number,
  storyTotal: number,
  full = true,
): MatchVerdict {
  const { copy, story } = input;
  const copyInStory = copyTotal > 0 ? shared / copyTotal : 0;
  const storyInCopy = storyTotal > 0 ? shared / storyTotal : 0;
  // The shorter side (a brief, a teaser) is the one contained; its figures must be in the longer.
  const contained = copyInStory >= storyInCopy ? 'copy' : 'story';
  const containment = Math.max(copyInStory, storyInCopy);
  const required = requiredContainment(input.gapMs);
  const textHolds = containment >= required && shared >= MIN_SHARED_WEIGHT;
  const times = input.times;
  const figures: FigureCheck =
    !textHolds && !full
      ? NOT_COMPARED
      : contained === 'copy'
        ? withNumberedNames(compareFigures(copy, story, times && (() => ({ contained: yearOf(times.copy), other: yearOf(times.story) }))), copy, story)
        : withNumberedNames(compareFigures(story, copy, times && (() => ({ contained: yearOf(times.story), other: yearOf(times.copy) }))), story, copy);
  return { containment, required, shared, contained, figures, figuresAgree: figures.agree, same: textHolds && figures.agree };
}

/** The figure check of a decision the wording already settled: no figure was compared. */
export const NOT_COMPARED: FigureCheck = Object.freeze({ compared: 0, missing: Object.freeze([]), agree: false });

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

/** One side's figures, and (when known) their other forms. */
export interface FigureSide {
  figures: ReadonlySet<string>;
  forms?: () => FigureForms;
}

const NO_FORMS: FigureForms = { spelled: new Set(), alternatives: new Map(), approximate: [], ages: new Set(), birthYears: new Set(), counts: new Map(), counted: new Set(), spelledCounts: new Map(), numbered: new Map() };

/**
 * The contained side's figures against the other side's (`years` gives the copies' years when an age
 * is read against a birth year): at most one of them, and at most a quarter (`maxNovelShare`),
 * missing from the other in every form it may take there (its digits, its words, "4 giờ chiều" for 16,
 * an age for the birth year it implies in the copies' years, and back).
 */
export function compareFigures(
  contained: FigureSide,
  other: FigureSide,
  years?: () => { contained: number; other: number },
  maxNovelShare = MAX_NOVEL_FIGURE_SHARE,
): FigureCheck {
  const missing: string[] = [];
  const additions: string[] = [];
  let compared = 0;
  // The other forms are read only once a figure is not found as digits: most comparisons never get there.
  let forms: { contained: FigureForms; other: FigureForms } | undefined;
  for (const figure of contained.figures) {
    if (other.figures.has(figure)) {
      compared++;
      continue;
    }
    forms ??= { contained: contained.forms?.() ?? NO_FORMS, other: other.forms?.() ?? NO_FORMS };
    if (years !== undefined && isPersonalFigure(figure, forms.contained) && !statesPersonalFigures(forms.other)) continue;
    if (vouchedFor(figure, forms.contained, other.figures, forms.other, years?.())) compared++;
    else if (years !== undefined && countsWhatOtherDoesNot(figure, forms.contained, forms.other)) additions.push(figure);
    else {
      compared++;
      missing.push(figure);
    }
  }
  // One addition is a detail the rewrite has and the brief left out; more, or beside a figure missing, another event.
  if (additions.length > MAX_ADDED_FIGURES || missing.length > 0 || (additions.length > 0 && spelledCountDiffers(forms!.contained, other.figures, forms!.other))) {
    compared += additions.length;
    missing.push(...additions);
  }
  // A brief with no figure in digits still counts in words ("cứu hai người"): those counts must not be given
  // otherwise by the other ("05 người được cứu") — the straw boat that capsized on the river the evening
  // the sand boat sank there is another event.
  if (compared === 0 && missing.length === 0 && years !== undefined) {
    forms ??= { contained: contained.forms?.() ?? NO_FORMS, other: other.forms?.() ?? NO_FORMS };
    if (spelledCountDiffers(forms.contained, other.figures, forms.other, true)) {
      compared++;
      missing.push(...spelledCountsOf(forms.contained));
    }
  }
  const agree = missing.length <= MAX_NOVEL_FIGURES && missing.length <= compared * maxNovelShare;
  return { compared, missing, agree };
}

/**
 * The figure check, with a thing both sides name by number and number otherwise ("vụ việc số 12" against
 * "số 13", see numberedNameDiffers) as a figure missing that no share forgives: a template's items differ
 * in that number and their day, and a re-post a day on may differ in its day alone. Read only once the
 * figures agree: most comparisons never get there.
 */
export function withNumberedNames(figures: FigureCheck, contained: FigureSide, other: FigureSide): FigureCheck {
  if (!figures.agree || contained.forms === undefined || other.forms === undefined) return figures;
  const differs = numberedNameDiffers(contained.forms(), other.forms());
  return differs === undefined ? figures : { compared: figures.compared + 1, missing: [...figures.missing, differs], agree: false };
}

/**
 * An age or a birth year says who a person is, and is weighed only against the other copy's ages and
 * birth years: a copy that gives nobody's age cannot contradict one (a brief leaves them out).
 */
function isPersonalFigure(figure: string, forms: FigureForms): boolean {
  const value = Number(figure);
  return forms.ages.has(value) || forms.birthYears.has(value);
}

const MAX_ADDED_FIGURES = 1;

/**
 * A count the contained side spells out ("bốn người") that the other gives in digits as something else
 * ("05 người"): spelled figures are never compared as figures, so this is what says the two disagree.
 */
function spelledCountDiffers(contained: FigureForms, otherFigures: ReadonlySet<string>, other: FigureForms, withOtherWords = false): boolean {
  // The other's figures by the word they count, gathered once: one pass, however many words the brief counts.
  const byWord = new Map<string, number[]>();
  for (const figure of otherFigures) {
    const word = other.counts.get(figure);
    if (word === undefined) continue;
    const values = byWord.get(word);
    if (values === undefined) byWord.set(word, [valueOfFigure(figure)]);
    else values.push(valueOfFigure(figure));
  }
  for (const [word, values] of contained.spelledCounts) {
    const given = [...(byWord.get(word) ?? [])];
    // `withOtherWords`: the other's counts in words too ("sáu người"), when digits are all the brief lacks.
    if (withOtherWords) given.push(...(other.spelledCounts.get(word) ?? []));
    if (given.length > 0 && !given.some((value) => values.has(value))) return true;
  }
  return false;
}

/** The counts a side spells out, as figures ("hai người" → "2"), for the record of what was missing. */
function spelledCountsOf(forms: FigureForms): string[] {
  return [...forms.spelledCounts.values()].flatMap((values) => [...values].map(String));
}

/**
 * A rewrite's figure counting what the other copy counts nowhere ("10 xe máy" burnt, where the brief
 * counts no vehicles) adds to it and cannot contradict it; a template sibling counts the same things
 * ("3 xe chữa cháy" against "5 xe chữa cháy").
 */
function countsWhatOtherDoesNot(figure: string, contained: FigureForms, other: FigureForms): boolean {
  const counts = contained.counts.get(figure);
  return counts !== undefined && counts !== '' && !other.counted.has(counts);
}

function statesPersonalFigures(forms: FigureForms): boolean {
  return forms.ages.size > 0 || forms.birthYears.size > 0;
}

/** At most one figure of the contained side, and at most a quarter of them, missing from the other. */
export function figuresContained(contained: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  return compareFigures({ figures: contained }, { figures: other }).agree;
}

function vouchedFor(
  figure: string,
  contained: FigureForms,
  otherFigures: ReadonlySet<string>,
  other: FigureForms,
  years: { contained: number; other: number } | undefined,
): boolean {
  if (otherFigures.has(figure) || other.spelled.has(figure)) return true;
  const readings = contained.alternatives.get(figure) ?? [];
  for (const reading of readings) if (otherFigures.has(reading) || other.spelled.has(reading)) return true;
  if (isNear(figure, readings, contained, otherFigures, other) || isTruncated(figure, otherFigures)) return true;
  if (years === undefined || !/^\d{1,4}$/.test(figure)) return false;
  const value = Number(figure);
  // Someone "36 tuổi" in 2026 was born in 1990 or 1989: an age and a birth year vouch for each other.
  if (contained.ages.has(value)) {
    for (const born of other.birthYears) if (isAgeOf(value, years.contained, born)) return true;
  }
  if (contained.birthYears.has(value)) {
    for (const age of other.ages) if (isAgeOf(age, years.other, value)) return true;
  }
  return false;
}

/**
 * A rounded value on either side ("gần 19" against 18,6; 1,2 tỷ against "hơn 1 tỷ") vouches for a
 * figure within the range its word gives it.
 */
function isNear(figure: string, readings: readonly string[], contained: FigureForms, otherFigures: ReadonlySet<string>, other: FigureForms): boolean {
  const values = [figure, ...readings].map(valueOfFigure).filter(Number.isFinite);
  const within = (value: number, range: { low: number; high: number }) => value >= range.low && value <= range.high;
  for (const range of other.approximate) for (const value of values) if (within(value, range)) return true;
  // The contained side's own rounded figure ("hơn 1 tỷ") against the other's exact ones.
  const own = contained.approximate.filter((range) => values.includes(range.value));
  if (own.length === 0) return false;
  for (const candidate of [...otherFigures, ...other.spelled]) {
    const value = valueOfFigure(candidate);
    for (const range of own) if (within(value, range)) return true;
  }
  return false;
}

/** Below this, a unit dropped in rounding is a tenth or more of the value: "2" is not "2,5". */
const MIN_TRUNCATED_VALUE = 10;

/** "312 m" for "312,5 m" and back: one figure given whole where the other gives its decimals. */
function isTruncated(figure: string, otherFigures: ReadonlySet<string>): boolean {
  const value = valueOfFigure(figure);
  if (!(value >= MIN_TRUNCATED_VALUE)) return false;
  for (const candidate of otherFigures) {
    const other = valueOfFigure(candidate);
    if (Number.isInteger(value) === Number.isInteger(other)) continue;
    const [whole, decimal] = Number.isInteger(value) ? [value, other] : [other, value];
    if (Math.trunc(decimal) === whole || Math.round(decimal) === whole) return true;
  }
  return false;
}

/** The calendar year of an instant; a day off at New Year is within the one-year slack of isAgeOf. */
function yearOf(time: number): number {
  return new Date(time).getUTCFullYear();
}

function isAgeOf(age: number, year: number, born: number): boolean {
  const difference = year - age - born;
  return difference === 0 || difference === 1;
}
