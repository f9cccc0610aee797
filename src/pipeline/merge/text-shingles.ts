/** Syllable shingles (three syllables in comparison form, hashed to numbers): the unit of text matching. */

const SHINGLE_SYLLABLES = 3;

/** Distinct hashed shingles of a syllable sequence. */
export function shingleWords(words: readonly string[]): Set<number> {
  const shingles = new Set<number>();
  for (let start = 0; start + SHINGLE_SYLLABLES <= words.length; start++) {
    shingles.add(hashWords(words, start, SHINGLE_SYLLABLES));
  }
  return shingles;
}

/**
 * FNV-1a over the syllables, 32-bit: collisions only blur a score, never merge on their own. Kept
 * signed: an int32 is a small integer to V8, while an unsigned value above 2^31 would be a heap
 * number, allocated per shingle and slower to hash in every Set of a profile.
 */
function hashWords(words: readonly string[], start: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < start + count; index++) {
    const word = words[index]!;
    for (let char = 0; char < word.length; char++) {
      hash ^= word.charCodeAt(char);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x20;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
