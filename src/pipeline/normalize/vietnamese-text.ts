/** Vietnamese-aware text helpers: NFC cleanup for storage, and comparison keys for matching. */

// C0/C1 controls except \t \n \r, plus invisible characters that split words without showing:
// zero-width space/joiners, word joiner, BOM, soft hyphen.
const INVISIBLE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;

// Old style oa/oe/uy puts the tone on the first vowel: a toned o or u (either case) right before a
// plain a/e/y. Only a syllable-final diphthong differs between the styles: with a final consonant
// (hoàn, toán, quyết) both already put the tone on the second vowel. The lookahead rejects a following
// letter or mark, so neither a longer syllable nor an a/e/y with a mark NFC left uncomposed matches.
// Matched in NFC, the form all text is in here, so most text (nothing to fold) costs one scan.
const TONED_O = '\u00F2\u00F3\u1ECF\u00F5\u1ECD\u00D2\u00D3\u1ECE\u00D5\u1ECC'; // ò ó ỏ õ ọ Ò Ó Ỏ Õ Ọ
const TONED_U = '\u00F9\u00FA\u1EE7\u0169\u1EE5\u00D9\u00DA\u1EE6\u0168\u1EE4'; // ù ú ủ ũ ụ Ù Ú Ủ Ũ Ụ
const OLD_STYLE_DIPHTHONG = new RegExp(
  `([${TONED_O}])([aAeE])(?![\\p{L}\\p{M}])|([${TONED_U}])([yY])(?![\\p{L}\\p{M}])`,
  'gu',
);

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{M}\p{N}]+/gu;
const NOT_LETTER_DIGIT_OR_NEWLINE = /[^\p{L}\p{M}\p{N}\n]+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;
const NEWLINE = 10;
const SPACE = 32;

/**
 * 1 for each UTF-16 unit outside the surrogates that is a letter, mark or digit. The property regexes
 * above test hundreds of ranges per character and took two thirds of a comparison key's time; a
 * table read per unit gives the same answer (text with surrogates still goes through the regexes).
 */
let wordUnits: Uint8Array | undefined;

function wordUnitTable(): Uint8Array {
  if (wordUnits !== undefined) return wordUnits;
  const table = new Uint8Array(0x10000);
  const word = /[\p{L}\p{M}\p{N}]/u;
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit < 0xd800 || unit > 0xdfff) table[unit] = word.test(String.fromCharCode(unit)) ? 1 : 0;
  }
  return (wordUnits = table);
}

/** Each run of characters that are not letters, marks or digits (nor line breaks, when kept) as one space. */
export function spaceOutNonWords(s: string, keepLineBreaks: boolean): string {
  if (SURROGATE.test(s)) return s.replace(keepLineBreaks ? NOT_LETTER_DIGIT_OR_NEWLINE : NOT_LETTER_OR_DIGIT, ' ');
  const word = wordUnitTable();
  const lineBreak = keepLineBreaks ? NEWLINE : -1;
  const length = s.length;
  let out = '';
  let keptFrom = 0;
  let at = 0;
  while (at < length) {
    let unit = s.charCodeAt(at);
    if (word[unit] === 1 || unit === lineBreak) {
      at++;
      continue;
    }
    const runFrom = at;
    const lone = unit === SPACE;
    do at++;
    while (at < length && word[(unit = s.charCodeAt(at))] !== 1 && unit !== lineBreak);
    // A lone space is already what it would become: most text is words and single spaces, left uncut.
    if (at - runFrom > 1 || !lone) {
      out += `${s.slice(keptFrom, runFrom)} `;
      keptFrom = at;
    }
  }
  return keptFrom === 0 ? s : out + s.slice(keptFrom);
}

/** NFC with control characters and zero-width characters removed; the form all stored text takes. */
export function toNfc(s: string): string {
  // Strip first: a zero-width char between a base letter and its mark would block composition.
  return s.replace(INVISIBLE_CHARS, '').normalize('NFC');
}

/**
 * Moves the tone of a syllable-final oa/oe/uy onto the second vowel (the "new" style: hoà,
 * khoẻ, thuỷ), so hòa and hoà compare equal. "qúy" becomes "quý" by the same rule. Returns NFC.
 */
export function foldToneMarks(s: string): string {
  return s
    .normalize('NFC')
    .replace(OLD_STYLE_DIPHTHONG, (_m, o?: string, ae?: string, u?: string, y?: string) => moveTone((o ?? u)!, (ae ?? y)!));
}

/** ò + a → oà: the tone leaves the first vowel for the second. */
function moveTone(toned: string, plain: string): string {
  const [base, tone] = toned.normalize('NFD');
  return `${base}${`${plain}${tone}`.normalize('NFC')}`;
}

/**
 * The form two strings are compared in: NFC, lower case, one tone-mark style, punctuation
 * and symbols as single spaces. Diacritics stay, so "ma túy" and "mà tùy" keep apart.
 */
export function comparisonKey(s: string): string {
  // toLowerCase is locale-independent in JS (unlike toLocaleLowerCase) and maps Đ to đ.
  const folded = foldToneMarks(toNfc(s).toLowerCase());
  return spaceOutNonWords(folded, false).trim();
}

/**
 * comparisonKey of each line of a text, in one pass over all of it rather than one per line: no step
 * of the key (NFC, lower case, tone folding, punctuation) reaches across a line break.
 */
export function lineComparisonKeys(s: string): string[] {
  const folded = foldToneMarks(toNfc(s).toLowerCase());
  return spaceOutNonWords(folded, true).split('\n').map((line) => line.trim());
}

/**
 * The comparison key of texts joined by spaces or line breaks, from each text's own key: such a
 * separator composes with nothing, changes no letter's case, and becomes the one space between words.
 */
export function joinKeys(keys: readonly string[]): string {
  return keys.filter((key) => key !== '').join(' ');
}

/** The syllables (or other words) of a string, in comparison form. */
export function syllables(s: string): string[] {
  return syllablesOf(comparisonKey(s));
}

/** Phrases in comparison form, by first syllable, each with what finding it stands for. */
export type PhraseIndex<T> = ReadonlyMap<string, readonly { syllables: readonly string[]; value: T }[]>;

/** Prepares phrases once for many findPhrases calls; phrases with no letter or digit are left out. */
export function indexPhrases<T>(phrases: Iterable<readonly [phrase: string, value: T]>): PhraseIndex<T> {
  const index = new Map<string, { syllables: string[]; value: T }[]>();
  for (const [phrase, value] of phrases) {
    const syllables = syllablesOf(comparisonKey(phrase));
    if (syllables.length === 0) continue;
    const list = index.get(syllables[0]!) ?? [];
    list.push({ syllables, value });
    index.set(syllables[0]!, list);
  }
  return index;
}

/**
 * The values of the phrases that occur in an already-computed comparison key as whole syllable
 * sequences, in one walk over its syllables (keyword matching tries every keyword on every copy).
 */
export function findPhrases<T>(haystackKey: string, index: PhraseIndex<T>): Set<T> {
  const found = new Set<T>();
  const words = syllablesOf(haystackKey);
  for (let start = 0; start < words.length; start++) {
    for (const { syllables, value } of index.get(words[start]!) ?? []) {
      if (!found.has(value) && occursAt(words, start, syllables)) found.add(value);
    }
  }
  return found;
}

/** Whether the phrase occurs in an already-computed comparison key as whole syllables. */
export function containsPhrase(haystackKey: string, phrase: string): boolean {
  return findPhrases(haystackKey, indexPhrases([[phrase, true]])).size > 0;
}

function syllablesOf(key: string): string[] {
  return key === '' ? [] : key.split(' ');
}

function occursAt(words: readonly string[], start: number, syllables: readonly string[]): boolean {
  if (start + syllables.length > words.length) return false;
  for (let offset = 1; offset < syllables.length; offset++) if (words[start + offset] !== syllables[offset]) return false;
  return true;
}
