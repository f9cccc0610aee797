/**
 * A line of source text as words with their surrounding punctuation taken off and noted, for the
 * readers of names, codes, days and spelled figures. One split on white space and a scan of each
 * word's ends: no pattern runs over the whole text, so hostile text costs what its length does.
 */

export interface TextToken {
  /** The word without leading and trailing punctuation, NFC, case kept ("Hòa", "37C-418.62", "K."). */
  word: string;
  /** Lower case, for look-ups. */
  lower: string;
  /** Punctuation came before the word: an opening bracket or quote. */
  opens: boolean;
  /** Punctuation came after it that ends a phrase (a comma, a full stop not of an initial, a bracket, a quote). */
  closes: boolean;
}

// Taken off a word's ends; a full stop stays on a word when it marks an initial ("K.", "Tr.").
const LEADING = new Set(['(', '[', '{', '"', '“', '‘', "'", '«', '-', '–', '—', '…']);
const TRAILING = new Set([')', ']', '}', '"', '”', '’', "'", '»', ',', ';', ':', '!', '?', '…', '.', '-', '–', '—']);

/** The tokens of one line, in order; punctuation-only words are left out but still close the word before. */
export function tokenizeLine(line: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const raw of line.split(/\s+/)) {
    let start = 0;
    let end = raw.length;
    while (start < end && LEADING.has(raw[start]!)) start++;
    while (end > start && TRAILING.has(raw[end - 1]!)) end--;
    if (start === end) {
      if (raw !== '' && tokens.length > 0) tokens[tokens.length - 1]!.closes = true;
      continue;
    }
    let word = raw.slice(start, end);
    // "K." is an initial: its full stop belongs to it (and still ends the name it closes).
    if (end < raw.length && raw[end] === '.' && isInitial(`${word}.`)) word = `${word}.`;
    tokens.push({ word, lower: word.toLowerCase(), opens: start > 0, closes: end < raw.length });
  }
  return tokens;
}

/** "K.", "Tr.", "Ph.": a capital, at most one small letter, a full stop — how portals shorten a name's last syllable. */
export function isInitial(word: string): boolean {
  if (word.length < 2 || word.length > 3 || !word.endsWith('.')) return false;
  if (!isUpperLetter(word[0]!)) return false;
  for (let index = 1; index < word.length - 1; index++) if (!isLowerLetter(word[index]!)) return false;
  return true;
}

export function isUpperLetter(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLowerLetter(char: string): boolean {
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

/** Whether a word holds a decimal digit. */
export function hasDigit(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
