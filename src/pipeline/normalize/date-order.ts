/** Decides, once per fetch, whether a feed's numeric dates are day-first (the Vietnamese way) or month-first (ASP.NET's US default). */
import type { NumericDateOrder } from './parse-date.ts';
// parseFeedDate reads nothing longer; the numeric pattern is the one it reads dates with.
import { MAX_DATE_CHARS, NUMERIC_DATE } from './vietnamese-date.ts';

// ASP.NET's en-US default, `9/14/2026 6:44:00 PM`: slashes, a four-digit year, a 12-hour clock with
// seconds and an English AM/PM. vi-VN prints `14/09/2026 6:44:00 CH`, so an English AM/PM marks
// the date as month-first even when both of its fields are 12 or less.
const ASP_NET_DATE = /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [ap]m$/i;


type Reading = 'day-first only' | 'month-first only' | 'either';

/**
 * SPEC "Text, dates, links": numeric dates are day-first, except in a feed whose numeric dates can
 * only be read month-first; then all of that fetch's dates are. Month-first when at least one of
 * `dates` can only be read month-first (`9/14/2026`) or has the ASP.NET shape, and none can only be
 * read day-first (`19/11/2026`): a feed that says both is read the usual way.
 */
export function numericDateOrder(dates: Iterable<string | undefined>): NumericDateOrder {
  let monthFirst = false;
  for (const date of dates) {
    const reading = readingOf(date);
    if (reading === 'day-first only') return 'day-first';
    if (reading === 'month-first only') monthFirst = true;
  }
  return monthFirst ? 'month-first' : 'day-first';
}

/** Which orders a date string can be read in; RFC 822, ISO 8601 and unreadable strings can be read "either" way alike. */
function readingOf(date: string | undefined): Reading {
  if (date === undefined || date.length > MAX_DATE_CHARS) return 'either';
  const trimmed = date.trim();
  if (ASP_NET_DATE.test(trimmed)) return 'month-first only';
  // The numeric date the reader would take (vietnamese-date.ts); ISO and RFC dates hold none.
  const numeric = NUMERIC_DATE.exec(trimmed);
  if (numeric === null) return 'either';
  const [first, second] = [Number(numeric[1]), Number(numeric[3])];
  if (first > 12 && first <= 31 && second >= 1 && second <= 12) return 'day-first only';
  if (second > 12 && second <= 31 && first >= 1 && first <= 12) return 'month-first only';
  return 'either';
}
