/**
 * What tells one event from its template siblings when a portal rewrote every sentence: the places
 * and people it names ("xã Hòa Quân", "Phan Đình K."), the codes it gives (number plates, km posts,
 * road numbers) and the days it mentions. A newspaper's rewrite of a police brief keeps these while
 * sharing almost none of its wording; a brief about another commune, person or vehicle does not.
 */
import { comparisonKey } from '../normalize/vietnamese-text.ts';
import { readDayParts } from './event-times.ts';
import { FORMER_PROVINCES, isUpperCode, PERSON_TITLES as PERSON_TITLES_LIST, PROVINCES_SINCE_2025 } from '../normalize/vietnamese-names.ts';
import { hasDigit, isDigitCode, isInitial, LineWords } from './text-tokens.ts';

export interface EventAnchors {
  /** Named places and people, and codes, in comparison form: "hoà quân", "phan đình k", "37c-418.62", "ql 7a". */
  anchors: Set<string>;
  /**
   * Every capitalised run of two to five words, whatever comes before it ("Bắc Quan Nam" in "xã biên giới
   * Bắc Quan Nam", "Mỹ Xương Đông" in "xoài Mỹ Xương Đông"): where the other copy's anchor is looked for,
   * never an anchor itself (offices and titles are capitalised too).
   */
  names: Set<string>;
  /** The anchors read as places, after a place word ("xã Hòa Quân": "hoà quân"): what another copy's capitalised run may stand for when proposing. */
  places: Set<string>;
  /** Days of a month the text mentions, as "day/month" without zeros ("5/1"). */
  days: Set<string>;
  /**
   * The day the copy opens on: the first its lead (the lines after the title) names, else the title's first. A
   * title may recall the event's day ("… đuối nước chiều 14/7") over a lead that opens on the visit after it.
   */
  openingDay: string | undefined;
  /** Days the text names the night of ("đêm 1/8", "khuya 1/8"): the night runs into the next day's small hours. */
  nights: Set<string>;
  /** Hours of the day the text says something happened at, 0–23 ("10h15", "22h", "4 giờ chiều" is 16). */
  hours: Set<number>;
  /** Every hour of the parts of the day the text names in words ("rạng sáng 27/2": 0–5, "gần nửa đêm": 22–1). */
  dayParts: Set<number>;
}

// The word before a place's name says it is one: "xã Hòa Quân", "thôn Bến Đá", "CAX Gio An Bắc" (Công an
// xã), "KCN Quang Châu Tây", "Công ty TNHH Khải Thịnh".
const PLACE_WORDS = new Set([
  'xã', 'phường', 'thôn', 'ấp', 'bản', 'xóm', 'làng', 'buôn', 'sóc', 'khối', 'hồ', 'sông', 'suối', 'kênh', 'rạch', 'đèo', 'cầu',
  'đường', 'phố', 'bãi', 'đảo', 'núi', 'đỉnh', 'chợ', 'tỉnh', 'huyện', 'quận', 'tp', 'cax', 'cap', 'kcn', 'ccn', 'đình', 'chùa',
  'đền', 'cảng', 'bến', 'vịnh', 'thác', 'hẻm', 'ngõ', 'kiệt', 'tnhh', 'mtv',
]);
const PLACE_PHRASES = new Set([
  'thị trấn', 'đại lộ', 'khu phố', 'tổ dân phố', 'bãi tắm', 'tiểu khu', 'thành phố', 'khu công nghiệp', 'cụm công nghiệp', 'khu dân cư',
  'nhà văn hoá', 'nhà văn hóa', 'phòng hộ', 'vườn quốc gia', 'khu bảo tồn', 'cửa khẩu', 'công an xã', 'công an phường', 'đặc khu',
]);
// Provinces and centrally-run cities, before and after the 2025 merger: every copy from a province may
// name it, so it tells no event from another.
const PROVINCES = new Set([...PROVINCES_SINCE_2025, ...FORMER_PROVINCES, 'Việt Nam'].map(comparisonKey));
// Places numbered rather than named: "khu phố 4", "tiểu khu 512", "tổ dân phố 7".
const NUMBERED_PLACES = new Set(['khu phố', 'tổ dân phố', 'tiểu khu', 'xóm', 'thôn', 'tổ', 'khối', 'ấp', 'khu vực', 'bản']);
// Words before a person's name that are not part of it.
const PERSON_TITLES = new Set(PERSON_TITLES_LIST);
// Words after which a run of capitalised syllables is a person's name ("đối tượng Sùng A Páo").
const PERSON_WORDS = new Set([
  ...PERSON_TITLES, 'đối tượng', 'bị cáo', 'bị can', 'nghi phạm', 'nạn nhân', 'bệnh nhân', 'tài xế', 'lái xe', 'thuyền trưởng',
  'trưởng bản', 'trưởng thôn', 'chủ tịch', 'đồng chí', 'người', 'con', 'vợ', 'chồng', 'thiếu tá', 'trung tá', 'đại uý', 'đại úy',
  'thượng uý', 'thượng úy',
]);
// Vietnamese family names, those of the Kinh and of the larger ethnic groups: a run of three or more
// capitalised syllables starting with one is a person's name ("Đoàn Thanh niên" is not, being two).
const FAMILY_NAMES = new Set([
  'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đào',
  'đinh', 'lâm', 'mai', 'trương', 'hà', 'lương', 'tạ', 'cao', 'đoàn', 'thái', 'lò', 'hứa', 'mạc', 'nông', 'triệu', 'tô', 'lưu',
  'châu', 'quách', 'kiều', 'khổng', 'tăng', 'lục', 'thạch', 'vi', 'chu', 'tống', 'trịnh', 'phùng', 'đàm', 'khúc', 'doãn', 'lã',
  'lạc', 'giáp', 'cù', 'diệp', 'hàn', 'khương', 'mẫn', 'nghiêm', 'phí', 'tôn', 'vương', 'âu', 'ông', 'lường', 'quàng', 'cầm',
  'sầm', 'giàng', 'sùng', 'vàng', 'thào', 'mùa', 'lầu', 'hờ', 'ly', 'hầu', 'tẩn', 'chảo', 'bàn', 'lô', 'ksor', 'siu', 'rơ',
  'rmah', 'nay', 'y',
]);
/** A name is at most this many syllables; a longer capitalised run is a title or an institution. */
const MAX_NAME_SYLLABLES = 5;
/** A run starting with a family name, with neither an initial nor a word such as "anh" before it, is a name from this many syllables. */
const MIN_FAMILY_NAME_SYLLABLES = 3;

/** The anchors and days of a title and the kept lines of a text. */
export function readEventAnchors(lines: readonly string[]): EventAnchors {
  const anchors = new Set<string>();
  const names = new Set<string>();
  const places = new Set<string>();
  const days = new Set<string>();
  const nights = new Set<string>();
  const hours = new Set<number>();
  const dayParts = new Set<number>();
  let titleDay: string | undefined;
  let leadDay: string | undefined;
  for (const [lineIndex, text] of lines.entries()) {
    const line = new LineWords(text);
    readNames(line, anchors, names, places);
    readInitialsNames(line, anchors);
    readDayParts(text, line, dayParts);
    // Most lines of a long copy state no figure: they are passed over without looking at their words.
    if (!DIGIT.test(text)) continue;
    const firstDay = readCodesAndDays(line, anchors, { days, nights, hours });
    if (lineIndex === 0) titleDay = firstDay;
    else leadDay ??= firstDay;
  }
  return { anchors, names, places, days, openingDay: leadDay ?? titleDay, nights, hours, dayParts };
}

const DIGIT = /\d/;

/** Runs of capitalised words, kept when a place word comes before them or they read as a person's name. */
function readNames(line: LineWords, anchors: Set<string>, names: Set<string>, places: Set<string>): void {
  let start = -1;
  for (let index = 0; index <= line.length; index++) {
    const capital = index < line.length && isNameWord(line, index);
    if (start >= 0 && (!capital || line.opens(index))) {
      addName(line, start, index, anchors, names, places);
      start = -1;
    }
    if (!capital) continue;
    if (start < 0) start = index;
    // A comma, bracket or full stop after a word ends the name; an initial ends it too.
    if (line.closes(index) || isInitial(line.word(index))) {
      addName(line, start, index + 1, anchors, names, places);
      start = -1;
    }
  }
}

/**
 * A person written in initials after a word for a person ("ông Tr.V.H.", "chị T.T.H.", "bị can Đ.Q.T."): how the
 * police and the papers both name victims and suspects, so it tells one case from another as a full name does.
 * Two initials at least: "bà L." alone is every second brief's.
 */
function readInitialsNames(line: LineWords, anchors: Set<string>): void {
  for (let index = 1; index < line.length; index++) {
    // Most words start with a small letter: they are passed over before the word is cut out.
    if (!isUpperCode(line.firstCode(index))) continue;
    const word = line.word(index);
    if (!DOTTED_INITIALS.test(word) || phraseBefore(line, index, PERSON_WORDS, PERSON_WORDS) === undefined) continue;
    anchors.add(comparisonKey(word.endsWith('.') ? word.slice(0, -1) : word));
  }
}

const DOTTED_INITIALS = /^(?:\p{Lu}\p{Ll}?\.){1,3}\p{Lu}\p{Ll}?\.?$/u;

function isNameWord(line: LineWords, index: number): boolean {
  // Most words start with a small letter: they are ruled out before the word is cut out of its punctuation.
  if (!isUpperCode(line.firstCode(index))) return false;
  const word = line.word(index);
  if (hasDigit(word)) return false;
  // CSGT, UBND, BKS: abbreviations of offices, not names (a few stand for place words, read as such).
  return word.length === 1 || word !== word.toUpperCase() || isInitial(word);
}

function addName(line: LineWords, start: number, end: number, anchors: Set<string>, names: Set<string>, places: Set<string>): void {
  let first = start;
  let placeWord = phraseBefore(line, start, PLACE_WORDS, PLACE_PHRASES);
  // "Xã Quảng Tân: …": the place word opens the run itself (not "Hồ", more often a family name).
  const opening = line.lower(first);
  if (placeWord === undefined && end - first > 1 && PLACE_WORDS.has(opening) && !FAMILY_NAMES.has(opening)) {
    placeWord = opening;
    first++;
  }
  if (placeWord === undefined && PERSON_TITLES.has(opening)) first++;
  const length = end - first;
  if (length === 0 || length > MAX_NAME_SYLLABLES) return;
  let key: string | undefined;
  if (length >= 2) names.add((key = nameKey(line, first, end)));
  if (placeWord === undefined) {
    const person =
      length >= 2 &&
      (isInitial(line.word(end - 1)) ||
        phraseBefore(line, start, PERSON_WORDS, PERSON_WORDS) !== undefined ||
        (length >= MIN_FAMILY_NAME_SYLLABLES && FAMILY_NAMES.has(line.lower(first))));
    if (!person) return;
  }
  key ??= nameKey(line, first, end);
  if (key === '' || PROVINCES.has(key)) return;
  // "sông Côn": a one-word name is only a name with its place word.
  anchors.add(placeWord !== undefined && length === 1 ? `${comparisonKey(placeWord)} ${key}` : key);
  // A run opening with a family name may be an office or a person after a place word ("xóm Đoàn Thanh niên"): no place.
  if (placeWord !== undefined && length > 1 && !FAMILY_NAMES.has(line.lower(first))) places.add(key);
}

/** Words first…end − 1 as a name in comparison form, an initial's full stop left off. */
function nameKey(line: LineWords, first: number, end: number): string {
  const words: string[] = [];
  for (let index = first; index < end; index++) words.push(line.word(index));
  const name = words.join(' ');
  return comparisonKey(name.endsWith('.') ? name.slice(0, -1) : name);
}

/**
 * The word or phrase of `single` / `phrases` (lower case) just before word `index`; none when the word
 * before closes a phrase ("… trung tâm tỉnh. Khi …": a place word that ends a sentence names nothing after it).
 */
function phraseBefore(line: LineWords, index: number, single: ReadonlySet<string>, phrases: ReadonlySet<string>): string | undefined {
  if (index === 0 || line.closes(index - 1)) return undefined;
  let phrase = '';
  for (let length = 1; length <= 3 && index - length >= 0; length++) {
    if (length > 1 && line.closes(index - length)) break;
    const word = line.lower(index - length);
    if (word === '') break;
    phrase = length === 1 ? word : `${word} ${phrase}`;
    if (length === 1 ? single.has(phrase) : phrases.has(phrase)) return phrase;
  }
  return undefined;
}

const PLATE = /^\d{2}[A-Z]{1,2}\d{0,2}-(?:\d{3}\.\d{2}|\d{4,5})$/;
const KM_POST = /^(?:km)?\d{1,4}\+\d{1,4}$/i;
const ROAD_JOINED = /^(QL|ĐT|DT|TL)\.?(\d{1,3}[A-Z]?)$/i;
const ROAD_NUMBER = /^\d{1,3}[A-Z]?$/;
const DAY = /^(\d{1,2})\/(\d{1,2})(?:\/(?:\d{4}|\d{2}))?$/;
const PLACE_NUMBER = /^\d{1,4}$/;
// "vn88win", "QN-6853", "H5N1": a name written with digits (a website, a vessel, a strain).
const LETTERED_CODE = /^[a-z][a-z0-9-]{3,23}$/i;
/** Longer words are no code, plate or day. */
const MAX_CODE_LENGTH = 24;

/** When a text says things happened: the days and the hours of the day it mentions. */
interface EventTimes {
  days: Set<string>;
  nights: Set<string>;
  hours: Set<number>;
}

/** Number plates, km posts, road numbers ("QL7A", "Quốc lộ 7A", "đường tỉnh 354"), numbered places, days ("5/1", "05/01/2026") and hours ("10h15", "4 giờ chiều"). */
function readCodesAndDays(line: LineWords, anchors: Set<string>, times: EventTimes): string | undefined {
  let firstDay: string | undefined;
  for (let index = 0; index < line.length; index++) {
    // Only words with a digit matter, told apart before any is cut out of its punctuation.
    if (!line.hasDigit(index)) continue;
    if (isDigitCode(line.firstCode(index))) {
      const named = readNumberWord(line, index, anchors, times);
      firstDay ??= named;
    } else readLetteredCode(line, index, anchors);
  }
  return firstDay;
}

/** Reads one word with digits; returns the day it names, if it is one. */
function readNumberWord(line: LineWords, index: number, anchors: Set<string>, { days, nights, hours }: EventTimes): string | undefined {
  const word = line.word(index);
  if (word.length > MAX_CODE_LENGTH) return;
  const hour = hourOf(line, index, word);
  if (hour !== undefined) {
    hours.add(hour);
    // "gần 2 giờ sáng" is shortly before 2: the police's "1h45" of the same fire.
    if (index > 0 && line.lower(index - 1) === 'gần') hours.add((hour + 23) % 24);
  }
  if (PLATE.test(word)) anchors.add(word.toLowerCase());
  else if (KM_POST.test(word)) anchors.add(`km ${word}`);
  else if (PLACE_NUMBER.test(word)) {
    // "tổ dân phố số 6" is "tổ dân phố 6": a paper and a ward portal write the place either way.
    const numbered = index > 1 && line.lower(index - 1) === 'số' && !line.closes(index - 1) ? index - 1 : index;
    const place = phraseBefore(line, numbered, NUMBERED_PLACES, NUMBERED_PLACES);
    if (place !== undefined) anchors.add(`${place} ${Number(word)}`);
  }
  const day = DAY.exec(word);
  let named: string | undefined;
  if (day && isDayOfMonth(Number(day[1]), Number(day[2]))) {
    named = `${Number(day[1])}/${Number(day[2])}`;
    days.add(named);
    if (NIGHT_WORDS.has(line.lower(index - 1)) || (line.lower(index - 1) === 'ngày' && NIGHT_WORDS.has(line.lower(index - 2)))) nights.add(named);
  }
  if (ROAD_NUMBER.test(word) && index >= 2) {
    const before = `${line.lower(index - 2)} ${line.lower(index - 1)}`;
    if (before === 'quốc lộ') anchors.add(roadKey('ql', word));
    else if (before === 'đường tỉnh' || before === 'tỉnh lộ') anchors.add(roadKey('đt', word));
  }
  return named;
}

function readLetteredCode(line: LineWords, index: number, anchors: Set<string>): void {
  const word = line.word(index);
  if (word.length > MAX_CODE_LENGTH) return;
  const joined = ROAD_JOINED.exec(word);
  if (joined) anchors.add(roadKey(joined[1]!, joined[2]!));
  else if (/^km\d/i.test(word) && KM_POST.test(word)) anchors.add(`km ${word.slice(2)}`);
  else if (LETTERED_CODE.test(word)) anchors.add(word.toLowerCase());
}

/** "đêm 1/8", "khuya ngày 1/8": the night of that day, which the small hours of the next belong to. */
const NIGHT_WORDS = new Set(['đêm', 'khuya']);

const CLOCK = /^(\d{1,2})h(?:\d{1,2}(?:p|')?)?$/i;
const HOUR_WORDS = new Set(['giờ', 'g']);
const AFTERNOON = new Set(['chiều', 'tối', 'đêm']);

/**
 * The hour of the day a word gives: "10h15", "22h", "10 giờ 15 phút", "4 giờ chiều" (16). The part of the
 * day may follow a few words on ("4 giờ 30 phút chiều"); "đêm" after an hour up to 11 is the evening's.
 */
function hourOf(line: LineWords, index: number, word: string): number | undefined {
  const clock = CLOCK.exec(word);
  let hour: number;
  if (clock) hour = Number(clock[1]);
  else if (/^\d{1,2}$/.test(word) && HOUR_WORDS.has(line.lower(index + 1))) hour = Number(word);
  else return undefined;
  if (hour > 23) return undefined;
  if (hour >= 1 && hour <= 11) {
    for (let ahead = index + 1; ahead <= index + 5; ahead++) {
      const next = line.lower(ahead);
      if (AFTERNOON.has(next)) return next === 'đêm' && hour <= 4 ? hour : hour + 12;
      if (next === 'sáng' || next === 'ngày' || line.closes(ahead)) break;
    }
  }
  return hour;
}

function roadKey(kind: string, number: string): string {
  const type = kind.toLowerCase() === 'ql' ? 'ql' : 'đt';
  return `${type} ${number.toLowerCase()}`;
}

function isDayOfMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}
