/**
 * A line of source text as words with their surrounding punctuation taken off and noted, for the
 * readers of names, codes, days and spelled figures. One split on white space and a scan of each
 * word's ends: no pattern runs over the whole text, so hostile text costs what its length does, and
 * a line is read once for all the readers (they run on every line of every copy).
 */

export interface LineTokens {
  /** The words without leading and trailing punctuation, NFC, case kept ("Hòa", "37C-418.62", "K."). */
  words: string[];
  /** Per word: OPENS when punctuation came before it, CLOSES when punctuation that ends a phrase came after it. */
  marks: Uint8Array;
}

/** An opening bracket or quote came before the word. */
export const OPENS = 1;
/** A comma, a full stop not of an initial, a closing bracket or quote, came after the word. */
export const CLOSES = 2;

/** The tokens of one line, in order; punctuation-only words are left out but still close the word before. */
export function tokenizeLine(line: string): LineTokens {
  const raws = line.split(/\s+/);
  const words: string[] = [];
  const marks = new Uint8Array(raws.length);
  for (const raw of raws) {
    let start = 0;
    let end = raw.length;
    while (start < end && isLeading(raw.charCodeAt(start))) start++;
    while (end > start && isTrailing(raw.charCodeAt(end - 1))) end--;
    if (start === end) {
      if (raw !== '' && words.length > 0) marks[words.length - 1]! |= CLOSES;
      continue;
    }
    let word = start === 0 && end === raw.length ? raw : raw.slice(start, end);
    // "K." is an initial: its full stop belongs to it (and still ends the name it closes).
    if (end < raw.length && raw.charCodeAt(end) === 46 && isInitial(`${word}.`)) word = `${word}.`;
    marks[words.length] = (start > 0 ? OPENS : 0) | (end < raw.length ? CLOSES : 0);
    words.push(word);
  }
  return { words, marks };
}

/** "K.", "Tr.", "Ph.": a capital, at most one small letter, a full stop — how portals shorten a name's last syllable. */
export function isInitial(word: string): boolean {
  if (word.length < 2 || word.length > 3 || word.charCodeAt(word.length - 1) !== 46) return false;
  if (!isUpperLetter(word[0]!)) return false;
  return word.length === 2 || isLowerLetter(word[1]!);
}

export function isUpperLetter(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLowerLetter(char: string): boolean {
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

/** Whether a word's first character is a decimal digit. */
export function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** Whether a word holds a decimal digit. */
export function hasDigit(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 48 && code <= 57) return true;
  }
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
