/**
 * When one copy matches two stories by text, the two are one event only if they also say so of each other:
 * a copy started its own story because the copy linking it to the event's story had not come yet, and a
 * later copy matching both is the link. Two text matches alone never join stories (chaining judgements
 * lets templates snowball): the two stories must corroborate each other directly — two of their copies
 * name a place of this event (an anchor few stories name) and a day in common, neither tells of a day
 * after the other was published, their clock hours fit, and the figures of one are found in the other.
 * See docs/architecture.md "How copies become stories".
 */
import type { MatchProfile } from './match-profile.ts';
import { compareFigures, type FigureCheck } from './match-score.ts';
import { hoursDisagree, sharedDayPart, sharedHour } from './event-times.ts';
import { dayAfter, PARTIAL_ANCHOR_WEIGHT, REWRITE_WINDOW_MS, type AnchorWeighing, type LocalDay } from './rewrite-match.ts';

/** The copies of two stories are compared only this close in time: one news cycle, as the rewrite rule. */
export const BRIDGE_WINDOW_MS = REWRITE_WINDOW_MS;
/** A figure missing of three is a slip of a rewrite, as in the rewrite rule; of one or two, a contradiction. */
const BRIDGE_NOVEL_FIGURE_SHARE = 1 / 3;

export interface BridgeInput {
  a: MatchProfile;
  b: MatchProfile;
  /** The anchors of `a` and `b` weighed by how many stories of the window name them (rewrite-match.ts weighAnchors). */
  anchors: AnchorWeighing;
  gapMs: number;
  aDay: LocalDay;
  bDay: LocalDay;
}

/** What two stories' copies say of each other when they corroborate: the place, the day (and hour), the figures. */
export interface Corroboration {
  anchors: AnchorWeighing;
  /** The day both mention ("9/1"), with the hour or part of the day when both give one ("9/1 14h"). */
  sameTime: string;
  figures: FigureCheck;
}

/** Whether two copies of two stories a third copy matched name one event by themselves; what they share when they do. */
export function corroborate(input: BridgeInput): Corroboration | undefined {
  const { a, b, anchors, gapMs } = input;
  if (gapMs > BRIDGE_WINDOW_MS || anchors.weight < PARTIAL_ANCHOR_WEIGHT) return undefined;
  const day = sharedDay(a, b);
  if (day === undefined || hoursDisagree(a, b)) return undefined;
  if (dayAfter(a.days, input.aDay, input.bDay, b.days) !== undefined || dayAfter(b.days, input.bDay, input.aDay, a.days) !== undefined) return undefined;
  // The side stating fewer figures in digits is the brief, tried first; a rewrite may spell out what the brief gives in digits.
  const aInB = () => compareFigures(a, b, () => ({ contained: input.aDay.year, other: input.bDay.year }), BRIDGE_NOVEL_FIGURE_SHARE);
  const bInA = () => compareFigures(b, a, () => ({ contained: input.bDay.year, other: input.aDay.year }), BRIDGE_NOVEL_FIGURE_SHARE);
  const [first, second] = a.figures.size <= b.figures.size ? [aInB, bInA] : [bInA, aInB];
  let figures = first();
  if (!figures.agree) figures = second();
  if (!figures.agree) return undefined;
  const hour = sharedHour(a, b);
  const part = hour === undefined ? sharedDayPart(a, b) : undefined;
  return { anchors, sameTime: hour !== undefined ? `${day} ${hour}h` : part !== undefined ? `${day} ${part}` : day, figures };
}

function sharedDay(a: MatchProfile, b: MatchProfile): string | undefined {
  for (const mentioned of a.days) if (b.days.has(mentioned)) return mentioned;
  return undefined;
}
