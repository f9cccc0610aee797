/**
 * The rewrite rule: a copy whose wording shares little with another's is still the same story when,
 * within a day of it, it names the same places, people and codes (see event-anchors.ts), states no
 * figure the other lacks in any form, and reports nothing dated after the other was published. A
 * newspaper's rewrite of a police brief passes; a template sibling (another commune, person or plate)
 * and a follow-up (a prosecution the day after the surrender) do not. Where each names people or
 * places the other leaves out (the owner in one, the street in the other), one shared place is enough
 * when both put the event on the same day and either at the same hour (two incidents of one kind in
 * one commune on one day happen at different hours) or with several distinctive figures in common.
 */
import type { MatchProfile } from './match-profile.ts';
import { valueOfFigure } from './figure-forms.ts';
import { compareFigures, NOT_COMPARED, withNumberedNames, type FigureCheck, type FigureSide } from './match-score.ts';
import { hoursDisagree, sharedDayPart, sharedHour } from './event-times.ts';

const HOUR_MS = 3600 * 1000;
/** Rewrites are matched only this close to each other: one news cycle, before follow-ups begin. */
export const REWRITE_WINDOW_MS = 24 * HOUR_MS;
/**
 * The anchors both copies name must weigh this much (see anchorWeight): two anchors of this event
 * alone, not a river or a district town every story of the week names…
 */
export const MIN_SHARED_ANCHOR_WEIGHT = 1.5;
/** …or one, when at least this share of the wording is shared too (half the verbatim rule's)… */
export const PARTIAL_CONTAINMENT = 0.3;
export const PARTIAL_ANCHOR_WEIGHT = 0.75;
/** …and the side naming fewer finds at least this weighted share of them in the other. */
export const ANCHOR_CONTAINMENT = 0.75;
/**
 * Copies worded apart restate figures apart (a count in words, a rounded amount, a detail one leaves
 * out), so the one slip the verbatim rule allows needs three figures here, not four; with one or two
 * figures a missing one is a contradiction, not a slip.
 */
const REWRITE_NOVEL_FIGURE_SHARE = 1 / 3;

export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/** The anchors two copies share and how much they weigh. */
export interface AnchorWeighing {
  shared: string[];
  weight: number;
  /** Weighted share of the contained side's anchors (the side naming fewer) found in the other. */
  containment: number;
  contained: 'copy' | 'other';
}

export interface RewriteInput {
  copy: MatchProfile;
  other: MatchProfile;
  anchors: AnchorWeighing;
  /** The verbatim rule's containment between the two copies. */
  containment: number;
  gapMs: number;
  /** The days, in the sources' zones, each copy was published. */
  copyDay: LocalDay;
  otherDay: LocalDay;
  /** Compare the figures even when the anchors or days already rule the match out (to explain it). */
  full?: boolean;
}

export interface RewriteVerdict {
  anchors: AnchorWeighing;
  /** The weight of shared anchors the rule asked at this containment. */
  requiredAnchorWeight: number;
  /** The figures of the side stating fewer, against the other's. */
  figures: FigureCheck;
  /** A day one copy mentions that falls after the other was published ("23/10"), if any. */
  laterDay?: string;
  /** Both say when things happened, and no time of one fits the other's (see hoursDisagree). */
  otherHours?: true;
  /** Both name the days things happened on, and none of one's is among the other's (see daysDisagree). */
  otherDays?: true;
  /** The figures differ by one, which a near-verbatim copy naming the same places and people corrects (see isCorrection). */
  correction?: true;
  /** With no place both name: how many distinctive figures the two share beside a day (see MIN_TELLING_FIGURES). */
  figuresTell?: number;
  /**
   * The day (and hour) both copies put the event at ("20/12 10h", "16/12"), when they share one and a
   * place: what lets one shared place stand for the anchors, whatever else each names (see samePlaceAndDay).
   */
  sameTime?: string;
  same: boolean;
}

/** What weighAnchors reads of a copy: its anchors, and the capitalised runs an anchor of the other may stand in. */
export interface AnchorSide {
  anchors: ReadonlySet<string>;
  names?: ReadonlySet<string>;
}

/**
 * The anchors of two copies weighed: `otherStoriesWith` tells how many indexed stories other than the
 * other copy's name an anchor (see anchorWeight). An anchor is shared when the other names it too, as an
 * anchor or as a capitalised run without its place word ("xã biên giới Bắc Quan Nam").
 */
export function weighAnchors(copy: AnchorSide, other: AnchorSide, otherStoriesWith: (anchor: string) => number): AnchorWeighing {
  const copySide = weighSide(copy, other, otherStoriesWith);
  // Most candidates share nothing: the other side is weighed only when it names something of this one's.
  if (copySide.weight === 0 && !namesAny(other.anchors, copy)) return { shared: [], weight: 0, containment: 0, contained: 'copy' };
  const otherSide = weighSide(other, copy, otherStoriesWith);
  const shared = [...copySide.shared];
  for (const anchor of otherSide.shared) if (!copySide.shared.includes(anchor)) shared.push(anchor);
  const copyInOther = copySide.total > 0 ? copySide.weight / copySide.total : 0;
  const otherInCopy = otherSide.total > 0 ? otherSide.weight / otherSide.total : 0;
  const contained = copyInOther >= otherInCopy ? 'copy' : 'other';
  return {
    shared,
    weight: Math.max(copySide.weight, otherSide.weight),
    containment: Math.max(copyInOther, otherInCopy),
    contained,
  };
}

function namesAny(anchors: ReadonlySet<string>, side: AnchorSide): boolean {
  for (const anchor of anchors) if (side.names?.has(anchor)) return true;
  return false;
}

/** One side's anchors: those the other names, their weight, and the weight of all. */
function weighSide(side: AnchorSide, other: AnchorSide, otherStoriesWith: (anchor: string) => number): { shared: string[]; weight: number; total: number } {
  const shared: string[] = [];
  let weight = 0;
  let total = 0;
  for (const anchor of side.anchors) {
    const anchorShare = anchorWeight(otherStoriesWith(anchor));
    total += anchorShare;
    if (other.anchors.has(anchor) || other.names?.has(anchor)) {
      shared.push(anchor);
      weight += anchorShare;
    }
  }
  return { shared, weight, total };
}

/** Whether the rule can still hold once the anchors are weighed: the cheap part, tried before the rest. */
export function anchorsMayMatch(anchors: AnchorWeighing, gapMs: number): boolean {
  return gapMs <= REWRITE_WINDOW_MS && anchors.weight >= PARTIAL_ANCHOR_WEIGHT && anchors.containment >= ANCHOR_CONTAINMENT;
}

/**
 * Figures of 10 and more, or with decimals, that the brief states and the other holds, needed for one
 * shared place and day to stand for the anchors when no hour is shared: "1,4 %", "48,6 tỷ", "300 gian
 * hàng". Smaller ones are left out: "một", "hai", "năm" are in every text as words.
 */
export const MIN_CORROBORATING_FIGURES = 2;
const MIN_CORROBORATING_VALUE = 10;

/**
 * The day (and hour, when both give one) two copies sharing a place (an anchor of full weight: one few
 * stories of the window name) both put their event at: "20/12 10h", "16/12"; undefined when they share no day.
 */
export function samePlaceAndDay(copy: MatchProfile, other: MatchProfile, anchors: AnchorWeighing, gapMs: number): string | undefined {
  return shownTime(placeAndDay(copy, other, anchors, gapMs));
}

function shownTime(placed: { day: string; time?: string } | undefined): string | undefined {
  return placed && (placed.time === undefined ? placed.day : `${placed.day} ${placed.time}`);
}

/**
 * samePlaceAndDay's day, and the time both give that day when they give one (an hour, "10h", or a part of the day, "5–11h").
 * With the copies' publication days (judgeRewrite; the index proposes without them), a shared day counts only while
 * neither copy's lead opens on a later day it reports (see reportsLaterDay): one place is too little to join what came after.
 */
function placeAndDay(
  copy: MatchProfile,
  other: MatchProfile,
  anchors: AnchorWeighing,
  gapMs: number,
  published?: { copy: LocalDay; other: LocalDay },
): { day: string; time?: string } | undefined {
  if (gapMs > REWRITE_WINDOW_MS || anchors.weight < PARTIAL_ANCHOR_WEIGHT) return undefined;
  let day: string | undefined;
  let shared = false;
  for (const mentioned of copy.days) {
    if (!other.days.has(mentioned)) continue;
    shared = true;
    if (published === undefined || (!reportsLaterDay(copy.openingDay, mentioned, published.copy) && !reportsLaterDay(other.openingDay, mentioned, published.other))) day = mentioned;
  }
  // One night told as two days ("đêm 13/6", "rạng sáng 14/6") is one day here too (see sameNight).
  if (!shared) day = nightBefore(copy, other) ?? nightBefore(other, copy);
  if (day === undefined) return undefined;
  const hour = sharedHour(copy, other);
  const time = hour === undefined ? sharedDayPart(copy, other) : `${hour}h`;
  return time === undefined ? { day } : { day, time };
}

/**
 * With no place both name, this many figures with decimals or of 10 and more but not round (not 20, 300)
 * found in the other, and a day both mention, tell the event: an exam's averages (6,12; 6,85; 5,94) and counts, a budget's lines.
 * A template sibling (another province's results) differs in them.
 */
export const MIN_TELLING_FIGURES = 3;

/**
 * Whether figures alone may tell two copies' event (see MIN_TELLING_FIGURES): the cheap part, tried before
 * the figures are compared. The brief may state one figure the other lacks, so it needs one fewer.
 */
export function mayTellByFigures(copy: MatchProfile, other: MatchProfile, gapMs: number): boolean {
  if (gapMs > REWRITE_WINDOW_MS || Math.min(copy.figures.size, other.figures.size) < MIN_TELLING_FIGURES - 1) return false;
  // Most pairs of copies share no distinctive figure in digits at all: that rules them out at once.
  let sameDigits = 0;
  const [fewer, more] = copy.figures.size <= other.figures.size ? [copy.figures, other.figures] : [other.figures, copy.figures];
  for (const figure of fewer) if (more.has(figure) && isTelling(valueOfFigure(figure))) sameDigits++;
  return sameDigits >= MIN_TELLING_FIGURES - 1 && sharedDay(copy, other) !== undefined;
}

/** A figure no other event is likely to state too: with decimals, or of 10 and more and not round. */
function isTelling(value: number): boolean {
  return !Number.isInteger(value) || (value >= MIN_CORROBORATING_VALUE && value % 10 !== 0);
}

/**
 * Both copies name the days things happened on and share none: two events at one place (a rescue on the
 * bridge two days after an arrest on it). A rewrite keeps the day of the event, in whatever form.
 */
function daysDisagree(copy: MatchProfile, other: MatchProfile): boolean {
  return copy.days.size > 0 && other.days.size > 0 && sharedDay(copy, other) === undefined && !sameNight(copy, other) && !sameNight(other, copy);
}

/**
 * One names the night of a day ("mưa lớn suốt đêm 1/8") and the other the next day, the small hours the
 * night ran into ("sáng 2/8"): one night's landslide. Any other day apart, even the next, is another event.
 */
export function sameNight(night: Pick<MatchProfile, 'nights'>, other: Pick<MatchProfile, 'days'>): boolean {
  return nightBefore(night, other) !== undefined;
}

/** "đêm 13/6" when one copy names that night and the other the day after it. */
function nightBefore(night: Pick<MatchProfile, 'nights'>, other: Pick<MatchProfile, 'days'>): string | undefined {
  for (const named of night.nights) if (nextDays(named).some((day) => other.days.has(day))) return `đêm ${named}`;
  return undefined;
}

/**
 * The days that may follow "day/month": the text gives no year, so "28/2" is followed by "29/2" in a leap year
 * and by "1/3" in any other (a leap year's calendar, where "1/3" also follows "29/2").
 */
function nextDays(named: string): readonly string[] {
  const [day, month] = named.split('/').map(Number) as [number, number];
  const next = new Date(Date.UTC(2024, month - 1, day + 1));
  const following = `${next.getUTCDate()}/${next.getUTCMonth() + 1}`;
  return following === '29/2' ? [following, '1/3'] : [following];
}

/** A day both copies mention. */
function sharedDay(copy: MatchProfile, other: MatchProfile): string | undefined {
  for (const mentioned of copy.days) if (other.days.has(mentioned)) return mentioned;
  return undefined;
}

/** How many of the brief's figures the other holds that tell an event apart (see MIN_CORROBORATING_FIGURES). */
function corroboratingFigures(brief: FigureSide, figures: FigureCheck, telling = false): number {
  let count = 0;
  for (const figure of brief.figures) {
    const value = valueOfFigure(figure);
    if (figures.missing.includes(figure)) continue;
    // Figures alone (no place) count only what no other event is likely to state: no round numbers.
    if (!Number.isInteger(value) || (value >= MIN_CORROBORATING_VALUE && !(telling && value % 10 === 0))) count++;
  }
  return count;
}

/** Whether two copies within a day of each other name one event, however differently they are written. */
export function judgeRewrite(input: RewriteInput): RewriteVerdict {
  const { copy, other, anchors } = input;
  const requiredAnchorWeight = requiredAnchors(input.containment);
  const laterDay = dayAfter(copy.days, input.copyDay, input.otherDay, other.days) ?? dayAfter(other.days, input.otherDay, input.copyDay, copy.days);
  const otherHours = hoursDisagree(copy, other);
  const otherDays = daysDisagree(copy, other);
  const anchorsHold = anchorsMayMatch(anchors, input.gapMs) && anchors.weight >= requiredAnchorWeight;
  const placeDay = anchorsHold ? undefined : placeAndDay(copy, other, anchors, input.gapMs, { copy: input.copyDay, other: input.otherDay });
  const sameTime = shownTime(placeDay);
  const verdict = {
    anchors,
    requiredAnchorWeight,
    ...(laterDay === undefined ? {} : { laterDay }),
    ...(sameTime === undefined ? {} : { sameTime }),
    ...(otherHours ? { otherHours: true as const } : {}),
    ...(otherDays ? { otherDays: true as const } : {}),
  };
  if (!input.full && ((!anchorsHold && sameTime === undefined && !mayTellByFigures(copy, other, input.gapMs)) || laterDay !== undefined || otherHours || otherDays)) return { ...verdict, figures: NOT_COMPARED, same: false };
  // One copy is the brief: each of its figures must be in the other, in some form. The one stating fewer
  // figures in digits is tried first; a rewrite spells out what the brief gives in digits ("ba người"
  // for "3 người"), so the other is tried too, and the one whose figures the other holds is the brief.
  const copyInOther = () => compareFigures(copy, other, () => ({ contained: input.copyDay.year, other: input.otherDay.year }), REWRITE_NOVEL_FIGURE_SHARE);
  const otherInCopy = () => compareFigures(other, copy, () => ({ contained: input.otherDay.year, other: input.copyDay.year }), REWRITE_NOVEL_FIGURE_SHARE);
  const [first, second] = copy.figures.size <= other.figures.size ? [copyInOther, otherInCopy] : [otherInCopy, copyInOther];
  const firstBrief: FigureSide = first === copyInOther ? copy : other;
  const secondBrief: FigureSide = firstBrief === copy ? other : copy;
  const firstFigures = first();
  let secondFigures: FigureCheck | undefined;
  const reverse = () => (secondFigures ??= second());
  let figures: FigureCheck = firstFigures;
  let corroborating = () => corroboratingFigures(firstBrief, figures);
  // One place and a day stand for the anchors with the hour both give, or with several figures in
  // common, counted from whichever side's figures the other holds.
  const dayOnly = placeDay !== undefined && placeDay.time === undefined;
  if (!figures.agree || (dayOnly && corroborating() < MIN_CORROBORATING_FIGURES)) {
    const reversed = reverse();
    if (reversed.agree && (!figures.agree || corroboratingFigures(secondBrief, reversed) > corroborating())) {
      figures = reversed;
      corroborating = () => corroboratingFigures(secondBrief, reversed);
    }
  }
  const byPlace = anchorsHold || (sameTime !== undefined && (!dayOnly || corroborating() >= MIN_CORROBORATING_FIGURES));
  // Without a place both name, many distinctive figures and a day in common tell the event (a data release
  // restated), when one copy's figures are all found in the other (see wholeIn).
  let figuresTell: number | undefined;
  if (!byPlace && input.gapMs <= REWRITE_WINDOW_MS && sharedDay(copy, other) !== undefined) {
    const whole = wholeIn(firstBrief, firstFigures) ? firstFigures : wholeIn(secondBrief, reverse()) ? reverse() : undefined;
    const telling = whole === undefined ? 0 : corroboratingFigures(whole === firstFigures ? firstBrief : secondBrief, whole, true);
    if (telling >= MIN_TELLING_FIGURES) {
      figures = whole!;
      figuresTell = telling;
    }
  }
  const placed = byPlace || figuresTell !== undefined;
  const corrected = !figures.agree && isCorrection(input, figures);
  // A thing both name by number, numbered otherwise ("vụ việc số 12", "số 13"): looked at last, when all else holds.
  if (placed && laterDay === undefined && !otherHours && !otherDays && figures.agree) figures = withNumberedNames(figures, copy, other);
  return { ...verdict, figures, ...(corrected ? { correction: true as const } : {}), ...(figuresTell === undefined ? {} : { figuresTell }), same: placed && laterDay === undefined && !otherHours && !otherDays && (figures.agree || corrected) };
}

/**
 * Every figure of the brief found in the other, none missing and none forgiven as a detail it adds: what
 * figures alone may tell an event by. A data release restated states the release's figures and no others
 * (one copy's are all the other's); two meetings of one day quoting one half-year report (an HĐND session,
 * a Party conference) each add figures of their own (the resolutions passed, the members admitted).
 */
function wholeIn(brief: FigureSide, figures: FigureCheck): boolean {
  return figures.agree && figures.missing.length === 0 && figures.compared === brief.figures.size;
}

/**
 * A correction: the same wording (the verbatim rule's share), within hours, naming the same three places
 * and people or more, one figure changed ("37" → "41" patients, "SN 1991" → "SN 1995"). A template
 * sibling keeps the wording but names another commune or person; a follow-up comes a day or more later.
 */
function isCorrection(input: RewriteInput, figures: FigureCheck): boolean {
  return (
    input.containment >= CORRECTION_CONTAINMENT &&
    input.gapMs <= CORRECTION_WINDOW_MS &&
    input.anchors.weight >= CORRECTION_ANCHOR_WEIGHT &&
    input.anchors.containment >= 1 &&
    figures.missing.length <= 1
  );
}

const CORRECTION_CONTAINMENT = 0.6;
const CORRECTION_WINDOW_MS = 12 * HOUR_MS;
const CORRECTION_ANCHOR_WEIGHT = 3;


/**
 * An anchor named by n other stories of the window weighs 1 / n, and fully while at most one other names
 * it: the copies of one event often sit in two stories until a copy shows they are one, and must not
 * make each other's anchors look common. A river or a town every story names weighs next to nothing.
 */
export function anchorWeight(otherStories: number): number {
  return 1 / Math.max(1, otherStories);
}

/** The weight of shared anchors asked: about two, or one when the copies share a good part of their wording as well. */
export function requiredAnchors(containment: number): number {
  return containment >= PARTIAL_CONTAINMENT ? PARTIAL_ANCHOR_WEIGHT : MIN_SHARED_ANCHOR_WEIGHT;
}

/**
 * A day `days` mentions that falls after `otherDay` and no later than `ownDay`: something that happened
 * after the other copy was written, reported as news (a day after its own publication is a plan, not news)
 * — unless the other copy names that day too (`announced`): it told of the event ahead.
 */
export function dayAfter(days: ReadonlySet<string>, ownDay: LocalDay, otherDay: LocalDay, announced: ReadonlySet<string> = NO_DAYS): string | undefined {
  if (compareDays(ownDay, otherDay) <= 0) return undefined;
  for (const mentioned of days) {
    // The earlier copy named that day itself: it announced what this one reports (a festival's opening).
    if (announced.has(mentioned)) continue;
    const date = namedDay(mentioned, ownDay);
    if (fallsBetween(date, otherDay, ownDay)) return mentioned;
  }
  return undefined;
}

const NO_DAYS: ReadonlySet<string> = new Set();

/**
 * Whether `opening` (the day a copy's lead opens on; see EventAnchors.openingDay) is after `day` and no later than `ownDay` (the
 * copy's own publication): the copy reports what came after the event — the commune's visit to the family the day
 * after the drowning, which names the drowning's day too (merge set 6, matched through the commune's re-post of the
 * drowning that morning, so dayAfter against the re-post's day saw nothing). A later day still to come is a plan;
 * a later day further down ("đến 01h20 ngày 03/4, đám cháy được khống chế") is the event running on.
 */
function reportsLaterDay(opening: string | undefined, day: string, ownDay: LocalDay): boolean {
  if (opening === undefined) return false;
  return fallsBetween(namedDay(opening, ownDay), namedDay(day, ownDay), ownDay);
}

/** Whether `date` comes after `after` and no later than `upTo`. */
function fallsBetween(date: LocalDay, after: LocalDay, upTo: LocalDay): boolean {
  return compareDays(date, after) > 0 && compareDays(date, upTo) <= 0;
}

/** A "day/month" the text names, in the year it leaves out: the one that puts it nearest `ownDay`. */
function namedDay(mentioned: string, ownDay: LocalDay): LocalDay {
  const [day, month] = mentioned.split('/').map(Number) as [number, number];
  const year = month > ownDay.month + 6 ? ownDay.year - 1 : month < ownDay.month - 6 ? ownDay.year + 1 : ownDay.year;
  return { year, month, day };
}

function compareDays(a: LocalDay, b: LocalDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
