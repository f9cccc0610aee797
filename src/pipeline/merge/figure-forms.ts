/**
 * Figures a text gives in another form than the digits another portal used: in words ("hai vợ chồng"
 * for 2, "hai mươi năm tù" for 20, "ba nghìn rưỡi" for 3.500), as "6,5 nghìn tỷ" for 6.500 tỷ, as
 * "4 giờ chiều" for 16h, and a person's age for a birth year and back. They only ever vouch for a
 * figure the other copy states in digits; a figure in words is never one the other copy lacks.
 */
import { tokenizeLine } from './text-tokens.ts';

export interface FigureForms {
  /** The values the text spells out or writes another way, as copyFigures writes them ("20", "3500", "16"). */
  spelled: Set<string>;
  /** Its own digit figures' other readings: "4" of "4 giờ chiều" is 16, "6,5" of "6,5 nghìn" is 6500. */
  alternatives: Map<string, string[]>;
  /** Ages stated as "36 tuổi". */
  ages: Set<number>;
  /** Birth years stated as "SN 1990" or "sinh năm 1990". */
  birthYears: Set<number>;
}

const DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['mốt', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['tư', 4], ['năm', 5], ['lăm', 5], ['nhăm', 5],
  ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);
const THOUSAND_WORDS = new Set(['nghìn', 'ngàn']);
/** A run of number words longer than this is not one number. */
const MAX_NUMBER_WORDS = 8;
const MAX_AGE = 120;

/** The other forms of the figures of a text's lines. */
export function readFigureForms(lines: readonly string[]): FigureForms {
  const forms: FigureForms = { spelled: new Set(), alternatives: new Map(), ages: new Set(), birthYears: new Set() };
  for (const line of lines) {
    const words = tokenizeLine(line).map((token) => token.lower);
    for (let index = 0; index < words.length; index++) {
      const word = words[index]!;
      if (isNumberWord(word) && !isNumberWord(words[index - 1] ?? '')) readSpelledNumber(words, index, forms.spelled);
      if (isDigits(word)) readDigitForms(words, index, forms);
    }
  }
  return forms;
}

/**
 * Every value a run of number words can stand for, read from its first word ("hai mươi năm tù" gives
 * 2, 20 and 25: "năm" may be the unit): only vouching for figures, a spare reading costs nothing.
 */
function readSpelledNumber(words: readonly string[], start: number, spelled: Set<string>): void {
  let thousands = 0;
  let group = 0;
  let digit = 0;
  let lastScale = 1;
  for (let index = start; index < words.length && index < start + MAX_NUMBER_WORDS; index++) {
    const word = words[index]!;
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
    if (total > 0) spelled.add(String(total));
  }
}

/** "6,5 nghìn" = 6500, "4 giờ chiều" = 16, "36 tuổi", "SN 1990", "sinh năm 1990". */
function readDigitForms(words: readonly string[], index: number, forms: FigureForms): void {
  const word = words[index]!;
  const next = words[index + 1];
  const number = Number(word.replace(',', '.'));
  if (next !== undefined && THOUSAND_WORDS.has(next) && Number.isFinite(number)) addReading(forms, word, String(Math.round(number * 1000)));
  if (next === 'giờ' && Number.isInteger(number) && number >= 1 && number <= 11) {
    const partOfDay = words.slice(index + 2, index + 5);
    if (partOfDay.includes('chiều') || partOfDay.includes('tối')) addReading(forms, word, String(number + 12));
  }
  if (next === 'tuổi' && Number.isInteger(number) && number > 0 && number <= MAX_AGE) forms.ages.add(number);
  const previous = words[index - 1];
  const bornIn = previous === 'sn' || (previous === 'năm' && words[index - 2] === 'sinh');
  if (bornIn && /^\d{4}$/.test(word)) forms.birthYears.add(number);
}

/** "03" as "3", "064.29" as "64.29": e-government portals pad counts with a zero ("03 ghe", "09 đối tượng"). */
export function canonicalFigure(token: string): string {
  let start = 0;
  while (start < token.length - 1 && token[start] === '0' && token[start + 1] !== '.' && token[start + 1] !== ',') start++;
  return token.slice(start);
}

/** Another reading of a digit figure of the text: vouches for the other copy's figure, and lets its own be found. */
function addReading(forms: FigureForms, figure: string, reading: string): void {
  forms.spelled.add(reading);
  const key = canonicalFigure(figure);
  forms.alternatives.set(key, [...(forms.alternatives.get(key) ?? []), reading]);
}

function isNumberWord(word: string): boolean {
  return DIGIT_WORDS.has(word) || word === 'mười' || word === 'mươi' || word === 'trăm' || THOUSAND_WORDS.has(word);
}

function isDigits(word: string): boolean {
  return /^\d{1,4}(?:,\d{1,3})?$/.test(word);
}
