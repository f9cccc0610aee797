/** Turns calendar fields read from a feed into an instant, using a numeric offset or an IANA zone. */

export interface DateFields {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC when the text named a zone; undefined means "the source's zone". */
  offsetMinutes?: number;
}

const MINUTE_MS = 60_000;

// Formatters are costly to build and a run parses thousands of dates in a handful of zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC, in ms, at the given instant (positive east of Greenwich). */
function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallClockAsUtc = Date.UTC(
    parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1,
    parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0,
  );
  return wallClockAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The UTC instant at which the zone's clocks showed these fields. */
function zonedToUtcMs(wallClockAsUtc: number, timeZone: string): number {
  // Two passes: the offset at the first guess may differ from the offset at the answer
  // when a DST change lies between them. In a skipped hour the result moves forward.
  const firstOffset = zoneOffsetMs(timeZone, wallClockAsUtc);
  const guess = wallClockAsUtc - firstOffset;
  const secondOffset = zoneOffsetMs(timeZone, guess);
  return secondOffset === firstOffset ? guess : wallClockAsUtc - secondOffset;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fieldsAreValid(f: DateFields): boolean {
  return (
    f.year >= 1000 && f.year <= 9999 &&
    f.month >= 1 && f.month <= 12 &&
    f.day >= 1 && f.day <= daysInMonth(f.year, f.month) &&
    f.hour >= 0 && f.hour <= 23 &&
    f.minute >= 0 && f.minute <= 59 &&
    f.second >= 0 && f.second <= 60 &&
    (f.offsetMinutes === undefined || Math.abs(f.offsetMinutes) <= 14 * 60)
  );
}

/** The instant the fields describe, or undefined when they are out of range or the zone is unknown. */
export function fieldsToDate(f: DateFields, timeZone: string): Date | undefined {
  if (!fieldsAreValid(f)) return undefined;
  // A leap second (:60) is stored as :59 rather than rolling into the next minute.
  const second = Math.min(f.second, 59);
  const wallClockAsUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, second, f.millisecond);
  let ms: number;
  if (f.offsetMinutes !== undefined) {
    ms = wallClockAsUtc - f.offsetMinutes * MINUTE_MS;
  } else {
    try {
      ms = zonedToUtcMs(wallClockAsUtc, timeZone);
    } catch {
      return undefined; // Intl rejects an unknown zone name with a RangeError
    }
  }
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date : undefined;
}

/** RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx; three digits add 1900. */
export function expandYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

/** 12-hour clock to 24-hour; NaN for an hour that cannot carry am/pm. */
export function applyMeridiem(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return Number.NaN;
  return (hour % 12) + (meridiem === 'pm' ? 12 : 0);
}

/** The calendar day the zone's clocks showed at an instant (UTC when the zone is unknown). */
export function localDay(instantMs: number, timeZone: string): { year: number; month: number; day: number } {
  let offset = 0;
  try {
    offset = zoneOffsetMs(timeZone, instantMs);
  } catch {
    offset = 0; // Intl rejects an unknown zone name with a RangeError
  }
  const wallClock = new Date(instantMs + offset);
  return { year: wallClock.getUTCFullYear(), month: wallClock.getUTCMonth() + 1, day: wallClock.getUTCDate() };
}
