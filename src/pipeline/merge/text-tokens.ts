/**
 * A line of source text as words with their surrounding punctuation taken off and noted, for the
 * readers of names, codes, days and spelled figures. One split on white space; a word is cut out of
 * its punctuation only when a reader asks for it, since the readers look closely at few words
 * (capitalised, with digits, spelling a number) and run on every line of every copy. No pattern runs
 * over the whole text but that split, so hostile text costs what its length does.
 */
import { isUpperCode } from '../normalize/vietnamese-names.ts';

export class LineWords {
  private readonly raws: string[];
  /** Words cut out so far, by index; made on the first one asked for. */
  private words: (string | undefined)[] | undefined;

  constructor(line: string) {
    const raws = line.split(/\s+/);
    // A line's leading or trailing white space leaves an empty first or last piece.
    if (raws.length > 0 && raws[raws.length - 1] === '') raws.pop();
    if (raws.length > 0 && raws[0] === '') raws.shift();
    this.raws = raws;
  }

  get length(): number {
    return this.raws.length;
  }

  /** The word without leading and trailing punctuation, case kept ("Hòa", "37C-418.62", "K."); '' for punctuation alone. */
  word(index: number): string {
    if (index < 0 || index >= this.raws.length) return '';
    this.words ??= new Array<string | undefined>(this.raws.length);
    let word = this.words[index];
    if (word === undefined) {
      const raw = this.raws[index]!;
      let start = 0;
      let end = raw.length;
      while (start < end && isLeading(raw.charCodeAt(start))) start++;
      while (end > start && isTrailing(raw.charCodeAt(end - 1))) end--;
      word = start === 0 && end === raw.length ? raw : raw.slice(start, end);
      // "K." is an initial: its full stop belongs to it (and still ends the name it closes).
      if (end < raw.length && raw.charCodeAt(end) === 46 && isInitial(`${word}.`)) word = `${word}.`;
      this.words[index] = word;
    }
    return word;
  }

  /** The word in lower case ('' past either end). */
  lower(index: number): string {
    return this.word(index).toLowerCase();
  }

  /** The first character code of the word (after opening punctuation), without cutting it out; NaN for none. */
  firstCode(index: number): number {
    const raw = this.raws[index];
    if (raw === undefined) return Number.NaN;
    let at = 0;
    while (at < raw.length && isLeading(raw.charCodeAt(at))) at++;
    return at < raw.length ? raw.charCodeAt(at) : Number.NaN;
  }

  /** Whether the word holds a decimal digit, read without cutting it out. */
  hasDigit(index: number): boolean {
    return hasDigit(this.raws[index] ?? '');
  }

  /** An opening bracket or quote came before the word. */
  opens(index: number): boolean {
    const raw = this.raws[index];
    return raw !== undefined && isLeading(raw.charCodeAt(0));
  }

  /** A comma, a full stop not of an initial, a closing bracket or quote, or a dash standing alone, came after the word. */
  closes(index: number): boolean {
    const raw = this.raws[index];
    if (raw === undefined) return false;
    const last = raw.charCodeAt(raw.length - 1);
    if (isTrailing(last) && !(last === 46 && this.word(index).endsWith('.'))) return true;
    return index + 1 < this.raws.length && this.word(index + 1) === '';
  }
}

/** "K.", "Tr.", "Ph.": a capital, at most one small letter, a full stop — how portals shorten a name's last syllable. */
export function isInitial(word: string): boolean {
  if (word.length < 2 || word.length > 3 || word.charCodeAt(word.length - 1) !== 46) return false;
  if (!isUpperCode(word.charCodeAt(0))) return false;
  return word.length === 2 || isLowerLetter(word[1]!);
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLowerLetter(char: string): boolean {
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

/** Whether a word holds a decimal digit. */
export function hasDigit(word: string): boolean {
  for (let index = 0; index < word.length; index++) if (isDigitCode(word.charCodeAt(index))) return true;
  return false;
}

// ( [ { " “ ‘ ' « - – — …
function isLeading(code: number): boolean {
  return code === 0x28 || code === 0x5b || code === 0x7b || code === 0x22 || code === 0x201c || code === 0x2018 || code === 0x27 || code === 0xab || isDashOrEllipsis(code);
}

// ) ] } " ” ’ ' » , ; : ! ? . - – — …
function isTrailing(code: number): boolean {
  return (
    code === 0x29 || code === 0x5d || code === 0x7d || code === 0x22 || code === 0x201d || code === 0x2019 || code === 0x27 || code === 0xbb ||
    code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f || code === 0x2e || isDashOrEllipsis(code)
  );
}

function isDashOrEllipsis(code: number): boolean {
  return code === 0x2d || code === 0x2013 || code === 0x2014 || code === 0x2026;
}
