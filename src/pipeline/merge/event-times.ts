/**
 * When an event happened, as copies tell it: clock hours ("2h15", read in event-anchors.ts) and parts of
 * the day in words ("rạng sáng 27/2", "tối 21/8", "gần nửa đêm"), read here as the hours each may
 * stand for; and how two copies' times compare — one fits the other, or none does (two fires in one
 * commune on one day, at 2h and at 22h).
 */
import type { LineWords } from './text-tokens.ts';

/** Hours from `from` to `to`, across midnight when `to` is smaller. */
function hourSpan(from: number, to: number): readonly number[] {
  const span: number[] = [];
  for (let hour = from; hour !== (to + 1) % 24; hour = (hour + 1) % 24) span.push(hour);
  return span;
}

// Parts of the day a paper gives instead of the police brief's hour, as the hours each may stand for.
// The phrases are read wherever they stand; a lone part word only before a day ("chiều 5/6", "sáng nay"),
// since "chiều dài", "tối đa", "sáng kiến" are no time. "Sáng cùng ngày" is said of a day already named: a
// second moment (the fire put out, another crash that morning), never when the event itself happened — read
// as a time, it let an afternoon crash's copy fit the morning crash's brief (merge set 6).
const DAY_PART_PHRASES: ReadonlyMap<string, readonly number[]> = new Map([
  ['rạng sáng', hourSpan(0, 5)],
  ['sáng sớm', hourSpan(4, 7)],
  ['nửa đêm', hourSpan(22, 1)],
  ['đêm khuya', hourSpan(22, 3)],
  ['chiều tối', hourSpan(16, 20)],
]);
const DAY_PART_WORDS: ReadonlyMap<string, readonly number[]> = new Map([
  ['sáng', hourSpan(5, 11)],
  ['trưa', hourSpan(11, 13)],
  ['chiều', hourSpan(12, 18)],
  ['tối', hourSpan(18, 22)],
  ['đêm', hourSpan(19, 4)],
  ['khuya', hourSpan(22, 3)],
]);
const DAY_WORDS = new Set(['ngày', 'nay', 'qua', 'hôm', 'cùng', 'mùng', 'mồng']);
const DAY_TOKEN = /^\d{1,2}\/\d{1,2}/;

// Most lines name no part of the day: one scan of the line rules them out before any word is cut out.
const MAY_NAME_DAY_PART = /sáng|trưa|chiều|tối|đêm|khuya/i;

/** The hours of the parts of the day a line names (see DAY_PART_PHRASES). */
export function readDayParts(text: string, line: LineWords, dayParts: Set<number>): void {
  if (!MAY_NAME_DAY_PART.test(text)) return;
  for (let index = 0; index < line.length; index++) {
    const word = line.lower(index);
    const lone = DAY_PART_WORDS.get(word);
    if (lone === undefined && word !== 'rạng' && word !== 'nửa') continue;
    const phrase = DAY_PART_PHRASES.get(`${word} ${line.lower(index + 1)}`);
    if (phrase) {
      // "rạng sáng cùng ngày", "chiều tối cùng ngày": another moment of a day already named, as for a lone word.
      if (!saysSameDay(line, index + 2)) for (const hour of phrase) dayParts.add(hour);
      index++;
    } else if (lone && saysSameDay(line, index + 1)) {
      index += 2;
    } else if (lone && (DAY_WORDS.has(line.lower(index + 1)) || DAY_TOKEN.test(line.word(index + 1)))) {
      for (const hour of lone) dayParts.add(hour);
    }
  }
}

/** Whether the words at `index` are "cùng ngày" (the same day as one already named). */
function saysSameDay(line: LineWords, index: number): boolean {
  return line.lower(index) === 'cùng' && line.lower(index + 1) === 'ngày';
}

/**
 * The part of the day both name in words ("sáng 8/4" and "Sáng ngày 8/4"), as its hours ("5–11h"): at one
 * shared place on one day, weaker than a clock hour but still what tells the morning's incident from the night's.
 */
export function sharedDayPart(copy: Times, other: Times): string | undefined {
  let first: number | undefined;
  let last: number | undefined;
  for (const hour of copy.dayParts) {
    if (!other.dayParts.has(hour)) continue;
    first = first === undefined ? hour : Math.min(first, hour);
    last = last === undefined ? hour : Math.max(last, hour);
  }
  return first === undefined ? undefined : `${first}–${last}h`;
}

/** What the time readers keep of a copy: its clock hours and the hours of the parts of the day it names. */
export interface Times {
  hours: ReadonlySet<number>;
  dayParts: ReadonlySet<number>;
}

/**
 * An hour both copies give: the same clock hour, or one's clock hour within a part of the day the other
 * names ("2h15" and "rạng sáng"). Two parts of the day alone are no shared hour: "sáng 5/6" is too common.
 */
export function sharedHour(copy: Times, other: Times): number | undefined {
  for (const hour of copy.hours) if (other.hours.has(hour) || other.dayParts.has(hour)) return hour;
  for (const hour of other.hours) if (copy.dayParts.has(hour)) return hour;
  return undefined;
}

/**
 * Whether both copies give clock hours and no time of one fits the other's: the house fire at 2h and the
 * shop fire "khoảng 22 giờ" in the same commune on one day are two events. A part of the day alone never
 * disagrees: a copy about the morning's relief work ("sáng 2/8") tells of a landslide at 3h.
 */
export function hoursDisagree(copy: Times, other: Times): boolean {
  if (copy.hours.size === 0 || other.hours.size === 0 || sharedHour(copy, other) !== undefined) return false;
  for (const hour of copy.dayParts) if (other.dayParts.has(hour)) return false;
  return true;
}
