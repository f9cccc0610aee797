/** Reads the date strings feeds actually carry (RFC 822, ISO 8601, Vietnamese portal forms) into instants. */

import { parseZoneMinutes } from './date-zones.ts';
import { toNfc } from './vietnamese-text.ts';
import { MAX_DATE_CHARS, parseVietnameseDate } from './vietnamese-date.ts';
import { applyMeridiem, expandYear, fieldsToDate, type DateFields } from './zoned-time.ts';

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

// 2024-11-19, 2024-11-19T19:40, 2024-11-19 19:40:00.123+07:00, 2024/11/19 19:40Z.
const ISO_DATE = new RegExp(
  '^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})' +
    '(?:(?:t|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?' +
    '\\s*(z|(?:gmt|utc)?\\s*[+-]\\d{1,2}(?::?\\d{2})?)?(?:\\s*\\([^)]*\\))?$',
);

// Tue, 19 Nov 2024 12:40:00 GMT; 19 Nov 24 12:40 +0700; Nov 19, 2024 7:40 PM;
// and JavaScript's Date#toString: Tue Nov 19 2024 19:40:00 GMT+0700 (Indochina Time).
const RFC_DATE = new RegExp(
  '^(?:[a-z]+\\.?,?\\s+)?' +
    '(?:(\\d{1,2})\\s+([a-z]+)\\.?|([a-z]+)\\.?\\s+(\\d{1,2}),?)\\s+(\\d{2,4})' +
    '(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.(\\d+))?(?:\\s*(am|pm))?)?' +
    '(?:\\s*((?:gmt|utc|ut)?\\s*[+-]\\d{1,2}(?::?\\d{2})?|[a-z]{1,5}))?(?:\\s*\\([^)]*\\))?$',
);

function monthFromName(name: string): number | undefined {
  if (name.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((full) => full.startsWith(name));
  return index === -1 ? undefined : index + 1;
}

/** Fraction digits ("5", "123456") as whole milliseconds. */
function fractionToMs(digits: string | undefined): number {
  return digits ? Math.round(Number(`0.${digits}`) * 1000) % 1000 : 0;
}

function parseIso(s: string): DateFields | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const [, year, , month, day, hour, minute, second, fraction, zone] = m;
  const offsetMinutes = zone === undefined ? undefined : parseZoneMinutes(zone);
  if (zone !== undefined && offsetMinutes === undefined) return undefined;
  return {
    year: Number(year), month: Number(month), day: Number(day),
    hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0),
    millisecond: fractionToMs(fraction), offsetMinutes,
  };
}

function parseRfc(s: string): DateFields | undefined {
  const m = RFC_DATE.exec(s);
  if (!m) return undefined;
  const [, dayFirst, monthAfterDay, monthFirst, dayAfterMonth, year, hour, minute, second, fraction, meridiem, zone] = m;
  const month = monthFromName(monthAfterDay ?? monthFirst ?? '');
  const offsetMinutes = zone === undefined ? undefined : parseZoneMinutes(zone, true);
  if (month === undefined || (zone !== undefined && offsetMinutes === undefined)) return undefined;
  return {
    year: expandYear(year ?? ''), month, day: Number(dayFirst ?? dayAfterMonth),
    hour: applyMeridiem(Number(hour ?? 0), meridiem), minute: Number(minute ?? 0),
    second: Number(second ?? 0), millisecond: fractionToMs(fraction), offsetMinutes,
  };
}

/** How a fetch's numeric dates (`9/11/2026`) are read: day-first unless the feed can only mean month-first (see date-order.ts). */
export type NumericDateOrder = 'day-first' | 'month-first';

/**
 * The instant a feed's date string names, or undefined when it names none. A date without a
 * zone is read in `timeZone` (IANA). Numeric dates are day-first unless `order` says otherwise. Never throws.
 */
export function parseFeedDate(input: string | undefined, timeZone: string, order: NumericDateOrder = 'day-first'): Date | undefined {
  if (input === undefined) return undefined;
  const s = toNfc(input).replace(/\s+/g, ' ').trim().toLowerCase();
  if (s === '' || s.length > MAX_DATE_CHARS) return undefined;
  const fields = parseIso(s) ?? parseRfc(s) ?? parseVietnameseDate(s, order === 'month-first');
  return fields && fieldsToDate(fields, timeZone);
}
