/** Syllable shingles of a copy's text under the Vietnamese comparison rules, hashed to numbers. */
import { syllables } from '../normalize/vietnamese-text.ts';
import type { Copy } from '../../model/types.ts';

const SHINGLE_SYLLABLES = 3;

/** Distinct hashed 3-syllable shingles of the title and text. */
export function shingleCopy(copy: Pick<Copy, 'title' | 'text'>): Set<number> {
  const words = syllables(`${copy.title} ${copy.text}`);
  const shingles = new Set<number>();
  for (let start = 0; start + SHINGLE_SYLLABLES <= words.length; start++) {
    shingles.add(hashWords(words, start, SHINGLE_SYLLABLES));
  }
  return shingles;
}

/** FNV-1a over the syllables, 32-bit: collisions only blur a score, never merge on their own. */
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
  return hash >>> 0;
}
