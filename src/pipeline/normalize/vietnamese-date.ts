/** Reads the free-form dates Vietnamese portals print ("Thứ Ba, 19/11/2024 - 19:40 (GMT+7)", "19h40 ngày 19/11/2024"). */

import { parseZoneMinutes } from './date-zones.ts';
import { applyMeridiem, expandYear, type DateFields } from './zoned-time.ts';

/** Longer text is not a date (the longest real forms, weekday and zone included, are under 60 characters). */
export const MAX_DATE_CHARS = 200;

// Portals put the parts in any order, so each part is found on its own and removed; what
// is left must be filler (weekday, "ngày", separators). Input is NFC and lower case.

// "ngày 19 tháng 11 năm 2024" / "19 tháng 11, 2024" / "19 Tháng 11 2024" (Joomla's Vietnamese locale);
// find-date.ts looks for it in page text too.
export const LONG_DATE = /(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,|năm)\s*|\s+)(\d{4})(?!\d)/u;
// 19/11/2024, 9-1-2024, 19.11.24 — the same separator twice, day first.
export const NUMERIC_DATE = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/u;
// 19:40, 19:40:05, 19h40, 19h, 19 giờ 40 phút, 7:40 pm, 7:40 ch (chiều). Digits right after
// "+" or "-" belong to a zone ("GMT+7"), not a time.
const TIME = new RegExp(
  '(?<![\\p{L}\\d:+\\-])(\\d{1,2})' +
    '(?::(\\d{2})(?::(\\d{2}))?|\\s*(?:h|giờ)\\s*(?:(\\d{1,2})\\s*(?:phút|p|\')?)?)' +
    '(?:\\s*(am|pm|sa|ch))?(?![\\p{L}\\d])',
  'u',
);
// (GMT+7), GMT+07:00, (UTC+07:00), UTC, or a bare +07:00 / +0700 once the date is gone.
const ZONE = /\(?\s*(?:(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\s*\)?/u;

const FILLER_WORDS = new Set([
  'thứ', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'bẩy', 'chủ', 'nhật', 'cn',
  't2', 't3', 't4', 't5', 't6', 't7', '2', '3', '4', '5', '6', '7',
  'ngày', 'lúc', 'vào', 'cập', 'đăng', 'giờ',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
const SEPARATORS = /[\s,|\-–—:;()/.]+/u;

interface Found<T> { value: T; rest: string }

function take(s: string, pattern: RegExp): Found<RegExpExecArray> | undefined {
  const match = pattern.exec(s);
  if (!match) return undefined;
  return { value: match, rest: `${s.slice(0, match.index)} ${s.slice(match.index + match[0].length)}` };
}

function takeDate(s: string, monthFirst: boolean): Found<{ year: number; month: number; day: number }> | undefined {
  const long = take(s, LONG_DATE);
  if (long) {
    const [, day, month, year] = long.value;
    return { value: { year: Number(year), month: Number(month), day: Number(day) }, rest: long.rest };
  }
  const numeric = take(s, NUMERIC_DATE);
  if (!numeric) return undefined;
  const [, first, , second, year = ''] = numeric.value;
  const [day, month] = monthFirst ? [second, first] : [first, second];
  return { value: { year: expandYear(year), month: Number(month), day: Number(day) }, rest: numeric.rest };
}

function takeTime(s: string): Found<{ hour: number; minute: number; second: number }> {
  const found = take(s, TIME);
  if (!found) return { value: { hour: 0, minute: 0, second: 0 }, rest: s };
  const [, hourText, colonMinute, second, hMinute, meridiem] = found.value;
  // "sa" (sáng) is morning, "ch" (chiều) afternoon, as Vietnamese locales print AM/PM.
  const half = meridiem === 'pm' || meridiem === 'ch' ? 'pm' : meridiem ? 'am' : undefined;
  const hour = applyMeridiem(Number(hourText), half);
  const minute = Number(colonMinute ?? hMinute ?? 0);
  return { value: { hour, minute, second: Number(second ?? 0) }, rest: found.rest };
}

function takeZone(s: string): Found<number | undefined> | undefined {
  const found = take(s, ZONE);
  if (!found) return { value: undefined, rest: s };
  const minutes = parseZoneMinutes(found.value[0]);
  return minutes === undefined ? undefined : { value: minutes, rest: found.rest };
}

function isOnlyFiller(rest: string): boolean {
  return rest.split(SEPARATORS).every((word) => word === '' || FILLER_WORDS.has(word));
}

/** Calendar fields of a Vietnamese-style date (day first, or month first if asked), or undefined when the text is not one. */
export function parseVietnameseDate(s: string, monthFirst = false): DateFields | undefined {
  // The patterns above may backtrack over runs of spaces; a date is never long enough for that to matter.
  if (s.length > MAX_DATE_CHARS) return undefined;
  const date = takeDate(s, monthFirst);
  if (!date) return undefined;
  const time = takeTime(date.rest);
  const zone = takeZone(time.rest);
  if (!zone || !isOnlyFiller(zone.rest)) return undefined;
  return { ...date.value, ...time.value, millisecond: 0, offsetMinutes: zone.value };
}
