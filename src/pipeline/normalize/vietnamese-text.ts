/** Vietnamese-aware text helpers: NFC cleanup for storage, and comparison keys for matching. */

// C0/C1 controls except \t \n \r, plus invisible characters that split words without showing:
// zero-width space/joiners, word joiner, BOM, soft hyphen.
const INVISIBLE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323'; // huyền, sắc, ngã, hỏi, nặng

// In NFD a toned vowel is base + tone mark, so "old style" oa/oe/uy (tone on the first vowel)
// is o|u + tone + a|e|y. Only a syllable-final diphthong differs between the styles: with a
// final consonant (hoàn, toán, quyết) both styles already put the tone on the second vowel.
// The lookahead rejects a following letter or mark, so ô/ơ/ư/ă/ê (base + mark) never match.
const OLD_STYLE_DIPHTHONG = new RegExp(
  `([oO])([${TONE_MARKS}])([aAeE])(?![\\p{L}\\p{M}])|([uU])([${TONE_MARKS}])([yY])(?![\\p{L}\\p{M}])`,
  'gu',
);

// What OLD_STYLE_DIPHTHONG needs, seen in NFC: o/u plus a tone (nothing between) always composes to
// one of these letters, and the plain a/e/y after it stays plain. Text without such a pair, most
// text, has nothing to fold, so foldToneMarks skips the decompose-recompose round trip for it.
const OLD_STYLE_CANDIDATE =
  /[\u00F2\u00F3\u1ECF\u00F5\u1ECD\u00D2\u00D3\u1ECE\u00D5\u1ECC][aAeE]|[\u00F9\u00FA\u1EE7\u0169\u1EE5\u00D9\u00DA\u1EE6\u0168\u1EE4][yY]/;

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{M}\p{N}]+/gu;

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
  const nfc = s.normalize('NFC');
  return OLD_STYLE_CANDIDATE.test(nfc) ? moveOldStyleTones(nfc) : nfc;
}

/** foldToneMarks the long way, over any text: decomposed, tones moved, composed again. */
export function moveOldStyleTones(s: string): string {
  return s
    .normalize('NFD')
    .replace(
      OLD_STYLE_DIPHTHONG,
      (_m, o?: string, oTone?: string, ae?: string, u?: string, uTone?: string, y?: string) =>
        o !== undefined ? `${o}${ae}${oTone}` : `${u}${y}${uTone}`,
    )
    .normalize('NFC');
}

/**
 * The form two strings are compared in: NFC, lower case, one tone-mark style, punctuation
 * and symbols as single spaces. Diacritics stay, so "ma túy" and "mà tùy" keep apart.
 */
export function comparisonKey(s: string): string {
  // toLowerCase is locale-independent in JS (unlike toLocaleLowerCase) and maps Đ to đ.
  const folded = foldToneMarks(toNfc(s).toLowerCase());
  return folded.replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

/** The syllables (or other words) of a string, in comparison form. */
export function syllables(s: string): string[] {
  const key = comparisonKey(s);
  return key === '' ? [] : key.split(' ');
}

/** Whether the phrase occurs in an already-computed comparison key as whole syllables. */
export function containsPhrase(haystackKey: string, phrase: string): boolean {
  const pattern = phrasePattern(phrase);
  return pattern !== undefined && padKey(haystackKey).includes(pattern);
}

/**
 * A phrase prepared once for many `padKey(text).includes(pattern)` tests (keyword matching):
 * padding both sides with spaces makes a match start and end on syllable boundaries.
 */
export function phrasePattern(phrase: string): string | undefined {
  const needle = comparisonKey(phrase);
  return needle === '' ? undefined : ` ${needle} `;
}

/** A comparison key padded for `phrasePattern` matching. */
export function padKey(key: string): string {
  return ` ${key} `;
}
