/**
 * The evidence a merge rule could weigh between two copies, as one vector of numbers: each measured by the
 * project's own functions (match-profile, match-score, rewrite-match, event-times, figure-forms, the
 * categoriser), never re-implemented. `recall-ceiling.ts` compares these vectors; see its header for what
 * is in the vector and what is not.
 */
import type { Copy } from '../../src/model/types.ts';
import { createCategorizer, prepareRules, wordEvidence } from '../../src/pipeline/categorize/categorize-story.ts';
import type { CategoryConfig, Story } from '../../src/model/types.ts';
import { localDay } from '../../src/pipeline/normalize/zoned-time.ts';
import { comparisonKey } from '../../src/pipeline/normalize/vietnamese-text.ts';
import { hoursDisagree, sharedDayPart, sharedHour } from '../../src/pipeline/merge/event-times.ts';
import { numberedNameDiffers, valueOfFigure } from '../../src/pipeline/merge/figure-forms.ts';
import { profileCopy, type MatchProfile } from '../../src/pipeline/merge/match-profile.ts';
import { compareFigures, judgeMatch, shingleWeight } from '../../src/pipeline/merge/match-score.ts';
import { copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { dayAfter, weighAnchors, type LocalDay } from '../../src/pipeline/merge/rewrite-match.ts';
import { keptTextLines, stripTitleBoilerplate } from '../../src/pipeline/merge/strip-boilerplate.ts';
import { shingleWords } from '../../src/pipeline/merge/text-shingles.ts';

/**
 * "for": more is more alike; "against": less is more alike; "equal": a rule may treat the two values any way;
 * "ignored": left out of the comparison (`--ablation` drops one dimension at a time).
 */
export type Direction = 'for' | 'against' | 'equal' | 'ignored';

export interface Dimension {
  name: string;
  direction: Direction;
}

/** The dimensions, in the order of every vector. */
export const DIMENSIONS: readonly Dimension[] = [
  { name: 'containment', direction: 'for' },
  { name: 'sharedWeight', direction: 'for' },
  { name: 'wordContainment', direction: 'for' },
  { name: 'titleContainment', direction: 'for' },
  { name: 'anchorWeight', direction: 'for' },
  { name: 'anchorContainment', direction: 'for' },
  { name: 'anchorsShared', direction: 'for' },
  { name: 'figuresInCommon', direction: 'for' },
  { name: 'distinctiveFigures', direction: 'for' },
  { name: 'sharedDays', direction: 'for' },
  { name: 'timeAgreement', direction: 'for' },
  { name: 'samePublishDay', direction: 'for' },
  { name: 'sharedCategories', direction: 'for' },
  { name: 'sharedKeywords', direction: 'for' },
  { name: 'gapHours', direction: 'against' },
  { name: 'figuresMissing', direction: 'against' },
  { name: 'numberedNameDiffers', direction: 'against' },
  { name: 'anchorsConflict', direction: 'against' },
  { name: 'laterDay', direction: 'against' },
  { name: 'hoursDisagree', direction: 'against' },
  { name: 'clockHoursDisagree', direction: 'against' },
  { name: 'daysDisagree', direction: 'against' },
  { name: 'sameSource', direction: 'equal' },
];

export type EvidenceVector = number[];

/** One copy as the vector reads it: `story` names the story it would be in if every merge went right. */
export interface PairingCopy {
  key: string;
  story: string;
  copy: Copy;
  timeZone: string;
}

interface Read {
  key: string;
  story: string;
  copy: Copy;
  profile: MatchProfile;
  titleShingles: Set<number>;
  words: Set<string>;
  time: number;
  day: LocalDay;
  kind: Kind;
}

/** What a copy says of its kind of event: the categories it files under alone, and the category keywords it holds. */
export interface Kind {
  categories: ReadonlySet<string>;
  keywords: ReadonlySet<string>;
}

export type KindReader = (copy: Copy) => Kind;

/**
 * The copies of one set, read once, with how many of its stories hold each shingle and name each anchor:
 * the rules weigh text and anchors by how common they are among the stored stories, and the stories here
 * are the ideal ones (each event's copies one story, each negative copy its own), what the store would
 * hold if every earlier merge had gone right.
 */
export class EvidenceContext {
  private readonly copies = new Map<string, Read>();
  private readonly shingleStories = new Map<number, number>();
  private readonly anchorStories = new Map<string, number>();
  private readonly storyShingles = new Map<string, Set<number>>();
  private readonly storyAnchors = new Map<string, Set<string>>();
  private readonly wordStories = new Map<string, number>();
  private readonly storyWords = new Map<string, Set<string>>();

  constructor(copies: readonly PairingCopy[], kindOf: KindReader) {
    for (const { key, story, copy, timeZone } of copies) {
      const time = Date.parse(copy.datePublished);
      const read = { key, story, copy, profile: profileCopy(copy), titleShingles: titleShingles(copy), words: wordPairs(copy), time, day: localDay(time, timeZone), kind: kindOf(copy) };
      this.copies.set(key, read);
      addAll(this.storyShingles, story, read.profile.shingles);
      addAll(this.storyAnchors, story, read.profile.anchors);
      addAll(this.storyWords, story, read.words);
    }
    for (const shingles of this.storyShingles.values()) for (const shingle of shingles) this.shingleStories.set(shingle, (this.shingleStories.get(shingle) ?? 0) + 1);
    for (const anchors of this.storyAnchors.values()) for (const anchor of anchors) this.anchorStories.set(anchor, (this.anchorStories.get(anchor) ?? 0) + 1);
    for (const words of this.storyWords.values()) for (const word of words) this.wordStories.set(word, (this.wordStories.get(word) ?? 0) + 1);
  }

  /** The evidence between two copies of the set, by key; the same whichever is given first. */
  vector(keyA: string, keyB: string): EvidenceVector {
    const [x, y] = [this.copies.get(keyA), this.copies.get(keyB)];
    if (x === undefined || y === undefined) throw new Error(`recall-ceiling: no copy ${x === undefined ? keyA : keyB}`);
    // Stories other than the two copies' own that hold a shingle or name an anchor (rewrite-match.ts anchorWeight, match-score.ts shingleWeight).
    const others = <T>(counts: Map<T, number>, held: Map<string, Set<T>>, item: T) =>
      Math.max(0, (counts.get(item) ?? 0) - (held.get(x.story)!.has(item) ? 1 : 0) - (y.story !== x.story && held.get(y.story)!.has(item) ? 1 : 0));
    const text = judgeMatch({
      copy: x.profile,
      story: y.profile,
      storiesWith: (shingle) => others(this.shingleStories, this.storyShingles, shingle) + (y.profile.shingles.has(shingle) ? 1 : 0),
      gapMs: Math.abs(x.time - y.time),
      times: { copy: x.time, story: y.time },
    });
    const anchors = weighAnchors(x.profile, y.profile, (anchor) => others(this.anchorStories, this.storyAnchors, anchor));
    const xInY = compareFigures(x.profile, y.profile, () => ({ contained: x.day.year, other: y.day.year }));
    const yInX = compareFigures(y.profile, x.profile, () => ({ contained: y.day.year, other: x.day.year }));
    const days = [...x.profile.days].filter((day) => y.profile.days.has(day)).length;
    const later = dayAfter(x.profile.days, x.day, y.day, y.profile.days) ?? dayAfter(y.profile.days, y.day, x.day, x.profile.days);
    const numbered = numberedNameDiffers(x.profile.forms(), y.profile.forms()) ?? numberedNameDiffers(y.profile.forms(), x.profile.forms());
    const vector: Record<string, number> = {
      containment: text.containment,
      sharedWeight: text.shared,
      wordContainment: weightedContainment(x.words, y.words, (word) => others(this.wordStories, this.storyWords, word)),
      titleContainment: containmentOf(x.titleShingles, y.titleShingles),
      anchorWeight: anchors.weight,
      anchorContainment: anchors.containment,
      anchorsShared: anchors.shared.length,
      figuresInCommon: Math.max(xInY.compared - xInY.missing.length, yInX.compared - yInX.missing.length),
      distinctiveFigures: [...x.profile.figures].filter((figure) => y.profile.figures.has(figure) && isDistinctive(figure)).length,
      sharedDays: days,
      timeAgreement: sharedHour(x.profile, y.profile) !== undefined ? 2 : sharedDayPart(x.profile, y.profile) !== undefined ? 1 : 0,
      samePublishDay: sameDay(x.day, y.day) ? 1 : 0,
      sharedCategories: [...x.kind.categories].filter((id) => y.kind.categories.has(id)).length,
      sharedKeywords: [...x.kind.keywords].filter((word) => y.kind.keywords.has(word)).length,
      gapHours: Math.abs(x.time - y.time) / 3_600_000,
      figuresMissing: Math.min(xInY.missing.length, yInX.missing.length),
      numberedNameDiffers: numbered === undefined ? 0 : 1,
      // Both name places, people or codes and none in common: another commune, person or vehicle.
      anchorsConflict: x.profile.anchors.size > 0 && y.profile.anchors.size > 0 && anchors.shared.length === 0 ? 1 : 0,
      laterDay: later === undefined ? 0 : 1,
      hoursDisagree: hoursDisagree(x.profile, y.profile) ? 1 : 0,
      // Clock hours alone: "21 giờ 30" against "gần 6 giờ chiều", which a shared part of the day ("tối") forgives above.
      clockHoursDisagree: hoursDisagree({ hours: x.profile.hours, dayParts: NO_HOURS }, { hours: y.profile.hours, dayParts: NO_HOURS }) ? 1 : 0,
      daysDisagree: x.profile.days.size > 0 && y.profile.days.size > 0 && days === 0 ? 1 : 0,
      sameSource: x.copy.sourceId === y.copy.sourceId ? 1 : 0,
    };
    return DIMENSIONS.map(({ name }) => vector[name]!);
  }
}

/**
 * The kind of event as the shipped config's categoriser reads it, each copy filed alone: its categories, and
 * every category keyword it holds (title or text) — the nearest the project has to "the same kind of incident".
 */
export function kindReaderOf(categories: readonly CategoryConfig[]): KindReader {
  const categorize = createCategorizer(categories, []);
  const rules = prepareRules(categories, []);
  return (copy) => {
    const keywords = new Set<string>();
    for (const evidence of wordEvidence(copy, rules).values()) {
      for (const word of [...evidence.title, ...(evidence.setting ?? []), ...(evidence.frames ?? []), ...evidence.text]) keywords.add(word);
    }
    return { categories: new Set(categorize({ copies: [copy] } as unknown as Story).map((hit) => hit.id)), keywords };
  };
}

const NO_HOURS: ReadonlySet<number> = new Set();

function addAll<T>(map: Map<string, Set<T>>, key: string, items: Iterable<T>): void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  for (const item of items) set.add(item);
}

function titleShingles(copy: Copy): Set<number> {
  const key = comparisonKey(stripTitleBoilerplate(copy.title));
  return shingleWords(key === '' ? [] : key.split(' '));
}

/**
 * Two-syllable pairs of title and kept lines, in comparison form: most Vietnamese words are two syllables
 * ("mỹ phẩm", "sạt lở", "chìm ghe"), which a paper keeps while re-wording every three-syllable shingle.
 */
function wordPairs(copy: Copy): Set<string> {
  const pairs = new Set<string>();
  for (const line of [stripTitleBoilerplate(copy.title), ...keptTextLines(copyText(copy)).map(({ line }) => line)]) {
    const words = comparisonKey(line).split(' ').filter((word) => word !== '');
    for (let index = 0; index + 1 < words.length; index++) pairs.add(`${words[index]} ${words[index + 1]}`);
  }
  return pairs;
}

/** The larger share of either side's items, weighed as shingles are (shingleWeight of the other stories holding each), found in the other. */
function weightedContainment(a: ReadonlySet<string>, b: ReadonlySet<string>, others: (item: string) => number): number {
  const share = (from: ReadonlySet<string>, into: ReadonlySet<string>) => {
    let total = 0;
    let shared = 0;
    for (const item of from) {
      const weight = shingleWeight(others(item));
      total += weight;
      if (into.has(item)) shared += weight;
    }
    return total > 0 ? shared / total : 0;
  };
  return Math.max(share(a, b), share(b, a));
}

/** The share of the smaller side's title shingles found in the other (unweighted). */
function containmentOf(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / small.size;
}

/** A figure few other events state too: decimals, or 10 and more (the rewrite rule's corroborating figures). */
function isDistinctive(figure: string): boolean {
  const value = valueOfFigure(figure);
  return !Number.isInteger(value) || value >= 10;
}

function sameDay(a: LocalDay, b: LocalDay): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Every dimension named with its value, for a listing. */
export function describeVector(vector: EvidenceVector): string {
  return DIMENSIONS.map(({ name }, index) => `${name} ${round(vector[index]!)}`).join(', ');
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
