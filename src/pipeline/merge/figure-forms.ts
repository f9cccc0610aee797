/**
 * Figures a text gives in another form than the digits another portal used: in words ("hai vợ chồng"
 * for 2, "hai mươi năm tù" for 20, "ba nghìn rưỡi" for 3.500), as "6,5 nghìn tỷ" for 6.500 tỷ, in
 * another unit ("2,4 tấn" for 2.400 kg, "45 m³" for 45.000 lít), as "4 giờ chiều" for 16h, rounded
 * ("gần 19 m³" for 18,6 m³), and a person's age for a birth year and back. They only ever vouch for a
 * figure: a figure in words is never one the other copy lacks.
 */
import { isUpperCode } from '../normalize/vietnamese-names.ts';
import { isDigitCode, type LineWords } from './text-tokens.ts';

export interface FigureForms {
  /** The values the text spells out or writes another way, as copyFigures writes them ("20", "3500", "16", "2,4"). */
  spelled: Set<string>;
  /** Its own digit figures' other readings: "4" of "4 giờ chiều" is 16, "2,4" of "2,4 tấn" is 2400 (kg). */
  alternatives: Map<string, string[]>;
  /** Values the text gives as rounded ("hơn 1 tỷ", "gần 19 m³", "khoảng ba trăm"), as the range each stands for. */
  approximate: RoundedValue[];
  /** Ages stated as "36 tuổi". */
  ages: Set<number>;
  /** Birth years stated as "SN 1990" or "sinh năm 1990". */
  birthYears: Set<number>;
  /** What each digit figure counts: the word after it ("10 xe máy": xe), a unit as its quantity (see countedWord). */
  counts: Map<string, string>;
  /** Every word the text counts, in digits or in words ("bảy người": người). */
  counted: Set<string>;
  /** The values the text spells out for each word it counts in words ("bảy người": người → 7). */
  spelledCounts: Map<string, Set<number>>;
  /** What the text names by number, by the word before "số" ("vụ việc số 12/2026": việc → 12; "Tờ trình số 45/TTr-UBND": trình → 45). */
  numbered: Map<string, Set<string>>;
}

const DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['mốt', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['tư', 4], ['năm', 5], ['lăm', 5], ['nhăm', 5],
  ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);
const THOUSAND_WORDS = new Set(['nghìn', 'ngàn']);
/** A run of number words longer than this is not one number. */
const MAX_NUMBER_WORDS = 8;
const MAX_AGE = 120;
/** A rounded value as the text gives it, and the values it may stand for, low to high. */
export interface RoundedValue {
  value: number;
  low: number;
  high: number;
}

// Words that make the number after them a rounded one, and how far the value may lie from it: "hơn 1 tỷ"
// (more than) for 1,2 tỷ, "gần 19 m³" (nearly) for 18,6 m³, "khoảng 300" (about) for 310.
const ROUNDING_WORDS: ReadonlyMap<string, readonly [below: number, above: number]> = new Map([
  ['hơn', [0, 0.5]], ['trên', [0, 0.5]],
  ['gần', [0.2, 0]], ['ngót', [0.2, 0]], ['dưới', [0.2, 0]],
  ['khoảng', [0.1, 0.1]], ['chừng', [0.1, 0.1]], ['ước', [0.1, 0.1]], ['tầm', [0.1, 0.1]], ['cỡ', [0.1, 0.1]], ['xỉ', [0.1, 0.1]],
]);

// Units of one quantity, each as a multiple of the first: a figure in one stands for the same amount in the others.
const UNIT_FAMILIES: readonly (readonly (readonly [string, number])[])[] = [
  [['kg', 1], ['tấn', 1000], ['tạ', 100], ['yến', 10], ['gam', 0.001], ['g', 0.001]],
  [['lít', 1], ['m³', 1000], ['m3', 1000], ['khối', 1000]],
  [['m²', 1], ['m2', 1], ['ha', 10_000], ['héc-ta', 10_000], ['hecta', 10_000], ['hécta', 10_000]],
  [['triệu', 1], ['tỷ', 1000], ['tỉ', 1000]],
];
const UNITS: ReadonlyMap<string, { factor: number; family: readonly (readonly [string, number])[] }> = new Map(
  UNIT_FAMILIES.flatMap((family) => family.map(([unit, factor]) => [unit, { factor, family }] as const)),
);
const DIGIT_TOKEN = /^(?:\d{1,3}(?:\.\d{3})+|\d{1,9})(?:,\d{1,3})?$/;

/** The other forms of the figures of a text's lines. */
export function readFigureForms(lines: readonly LineWords[]): FigureForms {
  const forms: FigureForms = { spelled: new Set(), alternatives: new Map(), approximate: [], ages: new Set(), birthYears: new Set(), counts: new Map(), counted: new Set(), spelledCounts: new Map(), numbered: new Map() };
  for (const line of lines) {
    const lowerAt: LowerAt = (index) => line.lower(index);
    let previousIsNumber = false;
    for (let index = 0; index < line.length; index++) {
      const code = line.firstCode(index);
      if (Number.isNaN(code)) {
        previousIsNumber = false;
        continue;
      }
      const word = line.word(index);
      const isNumber = NUMBER_WORDS.has(word) || (isUpperCode(code) && NUMBER_WORDS.has(word.toLowerCase()));
      if (isNumber && !previousIsNumber) readSpelledNumber(lowerAt, index, forms);
      if (previousIsNumber && !isNumber) forms.counted.add(countedWord(lowerAt, index - 1));
      previousIsNumber = isNumber;
      if (isDigitCode(code) && index >= 2) readNumberedName(line, index, forms);
      if (isDigitCode(code) && DIGIT_TOKEN.test(word)) {
        readDigitForms(lowerAt, index, forms);
        const counts = countedWord(lowerAt, index);
        if (counts !== '') forms.counts.set(figureKey(word), counts);
        forms.counted.add(counts);
      }
    }
  }
  return forms;
}

/**
 * "vụ việc số 12", "Tờ trình số 45/TTr-UBND", "Đội CSGT số 6": a thing named by its number, kept under the
 * word before "số" with the number's digits (the code after a slash left out: one copy writes it, another
 * not). Not a count: "tổng số 137 hộ", ", số 45 hộ".
 */
function readNumberedName(line: LineWords, index: number, forms: FigureForms): void {
  if (line.lower(index - 1) !== 'số' || line.closes(index - 2)) return;
  const noun = line.lower(index - 2);
  if (noun === '' || noun === 'tổng') return;
  const digits = /^\d+/.exec(line.word(index))![0];
  let numbers = forms.numbered.get(noun);
  if (numbers === undefined) forms.numbered.set(noun, (numbers = new Set()));
  numbers.add(canonicalFigure(digits));
}

/**
 * A thing both texts name by number, numbered otherwise in each ("vụ việc số 12" and "vụ việc số 13"): two
 * items of one template, whatever else they share. The contained side's number, as "số 12"; undefined when none.
 */
export function numberedNameDiffers(contained: FigureForms, other: FigureForms): string | undefined {
  for (const [noun, numbers] of contained.numbered) {
    const others = other.numbered.get(noun);
    if (others === undefined) continue;
    let shared = false;
    for (const number of numbers) if (others.has(number)) shared = true;
    if (!shared) return `số ${[...numbers][0]}`;
  }
  return undefined;
}

/** A line's word at an index in lower case ('' past either end). */
type LowerAt = (index: number) => string;

/** Units of money: "1,2 tỷ đồng" and "1.200.000.000 đồng" count one thing, "210 triệu USD" too. */
const MONEY_WORDS = new Set(['đồng', 'triệu', 'tỷ', 'tỉ', 'usd', 'đô']);
const SCALE_WORDS = new Set([...THOUSAND_WORDS, 'trăm', 'chục', 'vạn']);

/**
 * What the number ending at `index` counts: the word after it, past a scale ("3 nghìn người": người);
 * money as one, a unit as its quantity ("2,4 tấn" and "2.400 kg" count one thing). '' for none.
 */
function countedWord(lowerAt: LowerAt, index: number): string {
  let at = index + 1;
  let word = lowerAt(at);
  if (SCALE_WORDS.has(word)) word = lowerAt(++at);
  if (MONEY_WORDS.has(word)) return 'đồng';
  if (countsPeople(word, lowerAt(at + 1))) return PEOPLE;
  const unit = UNITS.get(word);
  return unit ? unit.family[0]![0] : word;
}

/** What every noun counting people counts: "2 người bị thương" and "3 nạn nhân bị thương" count one thing. */
const PEOPLE = 'người';
/**
 * Nouns that count people, by their first syllable: the second syllables that make it one ('' for the
 * syllable alone, `except` for those that do not: "2 ca nô" is a boat, "3 trường học" a building).
 */
const PEOPLE_NOUNS: ReadonlyMap<string, { alone: boolean; with?: ReadonlySet<string>; except?: ReadonlySet<string> }> = new Map([
  ['người', { alone: true }],
  ['nạn', { alone: false, with: new Set(['nhân']) }],
  ['ca', { alone: true, except: new Set(['nô', 'khúc', 'làm', 'trực', 'kíp']) }],
  ['trường', { alone: false, with: new Set(['hợp']) }],
  ['đối', { alone: false, with: new Set(['tượng']) }],
  ['cháu', { alone: true }],
  ['em', { alone: true }],
  ['bé', { alone: true }],
  ['trẻ', { alone: true }],
  ['học', { alone: false, with: new Set(['sinh', 'viên']) }],
  ['bệnh', { alone: false, with: new Set(['nhân']) }],
]);

function countsPeople(word: string, next: string): boolean {
  const noun = PEOPLE_NOUNS.get(word);
  if (noun === undefined) return false;
  if (noun.with !== undefined) return noun.with.has(next);
  return noun.alone && !(noun.except?.has(next) ?? false);
}

/**
 * Every value a run of number words can stand for, read from its first word ("hai mươi năm tù" gives
 * 2, 20 and 25: "năm" may be the unit): only vouching for figures, a spare reading costs nothing.
 */
function readSpelledNumber(lowerAt: LowerAt, start: number, forms: FigureForms): void {
  const rounded = ROUNDING_WORDS.get(lowerAt(start - 1));
  let thousands = 0;
  let group = 0;
  let digit = 0;
  let lastScale = 1;
  for (let index = start; index < start + MAX_NUMBER_WORDS; index++) {
    const word = lowerAt(index);
    const value = DIGIT_WORDS.get(word);
    if (value !== undefined) {
      if (digit !== 0) return;
      digit = value;
    } else if (word === 'mười') {
      group += 10;
    } else if (word === 'mươi' || word === 'chục') {
      group += (digit === 0 ? 1 : digit) * 10;
      digit = 0;
      lastScale = 10;
    } else if (word === 'trăm') {
      group += (digit === 0 ? 1 : digit) * 100;
      digit = 0;
      lastScale = 100;
    } else if (THOUSAND_WORDS.has(word)) {
      thousands += (group + digit === 0 ? 1 : group + digit) * 1000;
      group = 0;
      digit = 0;
      lastScale = 1000;
    } else if (word === 'rưỡi') {
      group += lastScale / 2;
    } else if (word !== 'linh' && word !== 'lẻ') return;
    const total = thousands + group + digit;
    if (total > 0) {
      addValue(forms, total, undefined, lowerAt(index + 1), rounded);
      addSpelledCount(forms, countedWord(lowerAt, index), total);
    }
  }
}

function addSpelledCount(forms: FigureForms, word: string, value: number): void {
  if (word === '') return;
  let values = forms.spelledCounts.get(word);
  if (values === undefined) forms.spelledCounts.set(word, (values = new Set()));
  values.add(value);
}

/** "6,5 nghìn" = 6500, "2,4 tấn" = 2400 kg, "4 giờ chiều" = 16, "khoảng 300", "36 tuổi", "SN 1990", "sinh năm 1990". */
function readDigitForms(lowerAt: LowerAt, index: number, forms: FigureForms): void {
  const word = lowerAt(index);
  const next = lowerAt(index + 1);
  const number = Number(word.replace(/\./g, '').replace(',', '.'));
  const figure = figureKey(word);
  const rounded = ROUNDING_WORDS.get(lowerAt(index - 1));
  if (THOUSAND_WORDS.has(next)) addValue(forms, number * 1000, figure, lowerAt(index + 2), rounded);
  else addValue(forms, number, figure, next, rounded, false);
  if (next === 'giờ' && Number.isInteger(number) && number >= 1 && number <= 11) {
    const partOfDay = [lowerAt(index + 2), lowerAt(index + 3), lowerAt(index + 4)];
    if (partOfDay.includes('chiều') || partOfDay.includes('tối')) addReading(forms, figure, number + 12);
  }
  if (next === 'tuổi' && Number.isInteger(number) && number > 0 && number <= MAX_AGE) forms.ages.add(number);
  const previous = lowerAt(index - 1);
  const bornIn = previous === 'sn' || (previous === 'năm' && lowerAt(index - 2) === 'sinh');
  if (bornIn && /^\d{4}$/.test(word)) forms.birthYears.add(number);
}

/**
 * A value the text states, with its readings in the other units of its quantity ("2,4 tấn": 2400 kg, 24
 * tạ); `figure` is the digit figure it came from, which those readings let the other copy find.
 */
function addValue(forms: FigureForms, value: number, figure: string | undefined, unit: string, rounded: readonly [number, number] | undefined, itself = true): void {
  if (!Number.isFinite(value) || value <= 0) return;
  const readings = [value];
  const known = UNITS.get(unit);
  if (known) for (const [, factor] of known.family) if (factor !== known.factor) readings.push((value * known.factor) / factor);
  for (const [position, reading] of readings.entries()) {
    if (position === 0 && !itself) continue;
    if (figure === undefined) forms.spelled.add(figureOf(reading));
    else addReading(forms, figure, reading);
  }
  if (rounded) for (const reading of readings) forms.approximate.push({ value: reading, low: reading * (1 - rounded[0]), high: reading * (1 + rounded[1]) });
}

const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

/** A number token as a figure: "2.400" and "2400" are one figure, "3,2" (a decimal) another, "03" is "3". */
export function figureKey(token: string): string {
  return canonicalFigure(THOUSANDS.test(token) ? token.replace(/\./g, '') : token);
}

/** The forms of several copies' figures together (a story's copies taken as one). */
export function mergeForms(all: readonly FigureForms[]): FigureForms {
  const merged: FigureForms = { spelled: new Set(), alternatives: new Map(), approximate: [], ages: new Set(), birthYears: new Set(), counts: new Map(), counted: new Set(), spelledCounts: new Map(), numbered: new Map() };
  for (const forms of all) {
    for (const value of forms.spelled) merged.spelled.add(value);
    for (const [figure, readings] of forms.alternatives) merged.alternatives.set(figure, [...(merged.alternatives.get(figure) ?? []), ...readings]);
    merged.approximate.push(...forms.approximate);
    for (const age of forms.ages) merged.ages.add(age);
    for (const born of forms.birthYears) merged.birthYears.add(born);
    for (const [figure, counts] of forms.counts) if (!merged.counts.has(figure)) merged.counts.set(figure, counts);
    for (const word of forms.counted) merged.counted.add(word);
    for (const [word, values] of forms.spelledCounts) for (const value of values) addSpelledCount(merged, word, value);
    for (const [noun, numbers] of forms.numbered) {
      const all = merged.numbered.get(noun);
      if (all === undefined) merged.numbered.set(noun, new Set(numbers));
      else for (const number of numbers) all.add(number);
    }
  }
  return merged;
}

/** "03" as "3", "064.29" as "64.29": e-government portals pad counts with a zero ("03 ghe", "09 đối tượng"). */
export function canonicalFigure(token: string): string {
  let start = 0;
  while (start < token.length - 1 && token[start] === '0' && token[start + 1] !== '.' && token[start + 1] !== ',') start++;
  return token.slice(start);
}

/** A number as copyFigures writes a figure: an integer as digits, else with a decimal comma ("2,4"). */
export function figureOf(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Number.isInteger(rounded) ? String(rounded) : String(rounded).replace('.', ',');
}

/** The value of a figure as copyFigures writes it ("2400", "18,6"), NaN for one that is not a number. */
export function valueOfFigure(figure: string): number {
  return Number(figure.replace(',', '.'));
}

/** Another reading of a digit figure of the text: vouches for the other copy's figure, and lets its own be found. */
function addReading(forms: FigureForms, figure: string, value: number): void {
  const reading = figureOf(value);
  if (reading === figure) return;
  forms.spelled.add(reading);
  forms.alternatives.set(figure, [...(forms.alternatives.get(figure) ?? []), reading]);
}

const NUMBER_WORDS: ReadonlySet<string> = new Set([...DIGIT_WORDS.keys(), 'mười', 'mươi', 'trăm', ...THOUSAND_WORDS]);
