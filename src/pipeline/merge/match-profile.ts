/** What the matcher keeps of a copy: its shingles, the figures its body states, and what names its event. */
import { copyKeys, copyText } from '../normalize/copy-text.ts';
import { comparisonKey, joinKeys, toNfc } from '../normalize/vietnamese-text.ts';
import type { Copy } from '../../model/types.ts';
import { readEventAnchors } from './event-anchors.ts';
import { figureKey, readFigureForms, type FigureForms } from './figure-forms.ts';
import { keptTextLines, stripTitleBoilerplate } from './strip-boilerplate.ts';
import { LineWords } from './text-tokens.ts';
import { shingleWords } from './text-shingles.ts';

export interface MatchProfile {
  /** Hashed 3-syllable shingles of title and body, boilerplate left out. */
  shingles: Set<number>;
  /** Numbers the body states (amounts, counts, ages), dates left out; see copyFigures. */
  figures: Set<string>;
  /**
   * The body's figures in their other forms (words, units, "4 giờ chiều", rounded, ages and birth years;
   * figure-forms.ts), read the first time a comparison needs them: most never do.
   */
  forms: () => FigureForms;
  /** Named places and people and codes of title and body, in comparison form; see readEventAnchors. */
  anchors: Set<string>;
  /** Capitalised runs of title and lead, where the other copy's anchors are also looked for (EventAnchors.names). */
  names: Set<string>;
  /** The anchors read as places (EventAnchors.places). */
  places: Set<string>;
  /** Days of a month the title and body mention ("5/1"). */
  days: Set<string>;
  /** The day the copy opens on: its lead's first, else its title's (EventAnchors.openingDay). */
  openingDay: string | undefined;
  /** Days the title and lead name the night of ("đêm 1/8"; EventAnchors.nights). */
  nights: Set<string>;
  /** Hours of the day the title and lead mention (16 for "16h" and "4 giờ chiều"). */
  hours: Set<number>;
  /** Hours of the parts of the day the title and lead name in words ("rạng sáng 27/2": 0–5). */
  dayParts: Set<number>;
}

/** The profile of one copy. */
export function profileCopy(copy: Pick<Copy, 'title' | 'contentHtml'>): MatchProfile {
  const kept = keptTextLines(copyText(copy));
  const key = joinKeys([titleKey(copy), ...keptLineKeys(copy, kept)]);
  const body = kept.map(({ line }) => slashDates(line));
  const { anchors, names, places, days, openingDay, nights, hours, dayParts } = readEventAnchors([slashDates(stripTitleBoilerplate(copy.title)), ...leadLines(body)]);
  return {
    shingles: shingleWords(key === '' ? [] : key.split(' ')),
    figures: copyFigures(body.join('\n')),
    forms: lazyForms(copy),
    anchors,
    names,
    places,
    days,
    openingDay,
    nights,
    hours,
    dayParts,
  };
}

/**
 * The lines anchors are read from: the first ones, up to about ANCHOR_TEXT_CHARS. A copy names its
 * event's places, people and vehicles in its first paragraphs; reading the rest would cost every copy
 * (a long copy runs to several thousand characters) and add mostly officials and background.
 */
function leadLines(body: readonly string[]): string[] {
  const lead: string[] = [];
  let length = 0;
  for (const line of body) {
    if (length >= ANCHOR_TEXT_CHARS) break;
    lead.push(line);
    length += line.length;
  }
  return lead;
}

const ANCHOR_TEXT_CHARS = 1000;

/**
 * The figure forms of a copy's title and body, read once on first use from its text (not from lines kept
 * in memory). The title counts here though its digits are no figure: it only vouches ("Bốn mươi lăm hộ
 * nghèo…" for the other copy's 45).
 */
function lazyForms(copy: Pick<Copy, 'title' | 'contentHtml'>): () => FigureForms {
  let forms: FigureForms | undefined;
  return () => (forms ??= readFigureForms([stripTitleBoilerplate(copy.title), ...keptTextLines(copyText(copy)).map(({ line }) => line)].map((line) => new LineWords(slashDates(line)))));
}

/**
 * Days written with dashes or dots ("ngày 12-11-2026", "08.02.2026", "ngày 12-11") as the slash form the
 * readers know ("12/11/2026"): a court's or an e-portal's date style must name the same day as the paper's
 * "12/11", not leave a stray "11" among the figures and no day at all. Without a year, only after "ngày", and not
 * after "từ ngày" (a range, "từ ngày 10-12"): "12-11" alone may be a score or a range. Same length, so nothing else moves.
 */
export function slashDates(line: string): string {
  if (!DASHED_OR_DOTTED.test(line)) return line;
  return line.replace(DATE_WITH_YEAR, (whole, day: string, _separator: string, month: string, year: string) => (isDay(day, month) ? `${day}/${month}/${year}` : whole)).replace(
    DAY_AFTER_NGAY,
    (whole, word: string, space: string, day: string, month: string) => (isDay(day, month) ? `${word}${space}${day}/${month}` : whole),
  );
}

const DASHED_OR_DOTTED = /\d[-.]\d/;
const DATE_WITH_YEAR = /(?<![\d.,/-])(\d{1,2})([-.])(\d{1,2})\2((?:19|20)\d\d)(?![\d.,/-]?\d)/g;
const DAY_AFTER_NGAY = /(?<![\p{L}])(?<!(?:^|[^\p{L}])[Tt]ừ\s+)(ngày|Ngày)(\s+)(\d{1,2})-(\d{1,2})(?![\d.,/-]?\d)/gu;

function isDay(day: string, month: string): boolean {
  return Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12;
}

// Most titles and lines come through boilerplate stripping untouched: their keys, which categorising
// needs too, are the copy's own; only the few changed ones are keyed here.
function titleKey(copy: Pick<Copy, 'title' | 'contentHtml'>): string {
  const title = stripTitleBoilerplate(copy.title);
  return title === copy.title ? copyKeys(copy).title : comparisonKey(title);
}

function keptLineKeys(copy: Pick<Copy, 'title' | 'contentHtml'>, kept: ReturnType<typeof keptTextLines>): string[] {
  const lines = copyText(copy).split('\n');
  const keys = copyKeys(copy).lines;
  return kept.map(({ line, index }) => (line === lines[index] ? keys[index]! : comparisonKey(line)));
}

const NUMBER = /\d+(?:[.,/]\d+)*/g;
const YEAR = /^(?:19|20)\d\d$/;
/** How far before a number "SN " or "sinh năm " is looked for. */
const BORN_LOOKBEHIND = 10;
/**
 * A time in digits ("16h", "19h30", "2h15'", "16g30", "10 giờ 15 phút", "40 phút sau"): an hour of the
 * day is compared as one (MatchProfile.hours), not as a count — a paper writes "chiều 5/6" or "rạng sáng"
 * for it, or "40 phút sau" for 2h15 → 2h55.
 */
const HOUR_AFTER = /^(?:h(?:\d|$|[^\p{L}])|g\d|\s+giờ(?:$|[^\p{L}]))/u;
const MINUTES_AFTER = /^'|^\s+phút(?:$|[^\p{L}])/u;
const CLOCK_BEFORE = /\d[hg]$|\d\s+giờ\s+$/u;
/** "sau 16 giờ", "trong 3 giờ": hours counted, a figure like any other. */
const DURATION_BEFORE = /(?:^|[^\p{L}])(?:sau|trong|mất|suốt)\s+$/u;
/**
 * Numbers that name rather than count: a day ("từ ngày 24 đến 26/2", "mùng 8"), a month ("tháng 3"), a
 * school year ("lớp 7"), an article of a law ("Điều 251", "khoản 2"), a unit or a house ("Đội CSGT số 6",
 * "nhà số 18", "tổ 3"). They are left out like dates, which a re-written lead adds or drops freely.
 */
const NAMING_WORD_BEFORE = /(?:^|[^\p{L}])(?:ngày|mùng|mồng|tháng|lớp|điều|khoản|điểm|số|tổ)\s+$/u;
const LOOK_CHARS = 12;
/** How far a number's word is looked at for letters or a "+" (a word longer than this is no code). */
const CODE_LOOK_CHARS = 24;
const CODE_MARK = /[\p{L}+]/u;

/**
 * The figures of a text: "2.400" and "2400" are one figure, "3,2" (a decimal) another, "03" is "3".
 * Tokens with a slash (24/11, 10/2026) are dates and left out, and so are years ("năm 2022", "Bính Ngọ
 * 2026"), but not a birth year ("SN 1990"), which tells one person from another: a re-written lead
 * often adds the day or year it reports on, while a template sibling differs in its counts and amounts.
 * Times of day, numbers that name (see NAMING_WORD_BEFORE) and numbers inside a code (see isInCode) are left out too. Titles are left out,
 * since they round ("hơn 5 tỷ" for 5,2 tỷ).
 */
export function copyFigures(text: string): Set<string> {
  const figures = new Set<string>();
  const nfc = slashDates(toNfc(text));
  for (const match of nfc.matchAll(NUMBER)) {
    const token = match[0];
    if (token.includes('/')) continue;
    if (YEAR.test(token) && !isBirthYear(nfc, match.index)) continue;
    if (namesOrTells(nfc, match.index, match.index + token.length)) continue;
    figures.add(figureKey(token));
  }
  return figures;
}

function isBirthYear(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - BORN_LOOKBEHIND), index).toLowerCase();
  return before.endsWith('sn ') || before.endsWith('sinh năm ');
}

/**
 * Whether the number at [start, end) is part of a code: a plate ("37C-418.62"), a km post ("46+300"), a
 * road or a code ("QL1", "1A", "HL93"), a unit's exponent ("m2"). Plates and km posts are anchors; as
 * figures they would count one vehicle twice. The clock forms ("2h15") are told apart before.
 */
function isInCode(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < CODE_LOOK_CHARS && !isSpace(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < CODE_LOOK_CHARS && !isSpace(text.charCodeAt(to))) to++;
  // A unit after the number ("12g", "5kg") leaves it a figure; letters before it, a capital after it
  // ("37C", "1A") or a "+" anywhere in the word make it a code.
  return CODE_MARK.test(text.slice(from, start)) || text.slice(end, to).includes('+') || CAPITAL.test(text.charAt(end));
}

const CAPITAL = /\p{Lu}/u;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/**
 * `số` and `điều` also count: "tổng số 137 hộ", "số 45 hộ", "điều 3 xe chữa cháy" (dispatched). A number after
 * them names only when no counted word follows it ("Đội CSGT số 6", "nhà số 18 đường…") and, for `điều`, when it
 * is an article of a law, written with its capital ("Điều 251").
 */
function names(text: string, start: number, end: number, before: string): boolean {
  const words = /(?:(\p{L}+)\s+)?(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - NAMED_LOOK_CHARS), start));
  const previous = words?.[1] ?? '';
  const word = words?.[2] ?? before;
  if (word === 'điều') return false;
  if (word.toLowerCase() !== 'số') return true;
  if (previous.toLowerCase() === 'tổng') return false;
  // "Đội CSGT số 6", "nhà số 18", "Trạm số 2": a numbered unit or house; "tổng số 137 hộ", ", số 45 hộ": a count.
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(end, end + LOOK_CHARS))?.[1];
  return /^\p{Lu}/u.test(previous) || NUMBERED_THINGS.has(previous) || (next !== undefined && ADDRESS_WORDS.has(next));
}

const NAMED_LOOK_CHARS = 32;
/** What "số N" after it numbers, not counts: "nhà số 18", "phòng số 3", "chốt số 2". */
const NUMBERED_THINGS = new Set(['nhà', 'phòng', 'căn', 'lô', 'tàu', 'chốt', 'trạm', 'đội', 'tổ', 'kho', 'cổng', 'bến', 'cầu', 'đường', 'tuyến', 'quầy', 'ki-ốt', 'ki', 'ốt', 'sạp', 'xưởng', 'khu', 'tòa', 'lầu', 'tầng']);
/** Words after "số N" that make it an address: "số 5 ngõ 12", "số 18 đường Lê Lợi". */
const ADDRESS_WORDS = new Set(['đường', 'phố', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'tổ', 'khu', 'thôn', 'ấp', 'xóm', 'bản', 'phường', 'xã']);

/** Whether the number at [start, end) is a time or a number that names (see HOUR_AFTER, NAMING_WORD_BEFORE). */
function namesOrTells(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - LOOK_CHARS), start).toLowerCase();
  if ((NAMING_WORD_BEFORE.test(before) && names(text, start, end, before)) || CLOCK_BEFORE.test(before) || isInCode(text, start, end)) return true;
  const after = text.slice(end, end + 6).toLowerCase();
  const value = Number(text.slice(start, end));
  if (DURATION_BEFORE.test(before)) return false;
  return (HOUR_AFTER.test(after) && value <= 24) || (MINUTES_AFTER.test(after) && value < 60);
}
