/** What the matcher keeps of a copy: its shingles and the figures its body states. */
import { copyKeys, copyText } from '../normalize/copy-text.ts';
import { comparisonKey, joinKeys, toNfc } from '../normalize/vietnamese-text.ts';
import type { Copy } from '../../model/types.ts';
import { keptTextLines, stripTitleBoilerplate } from './strip-boilerplate.ts';
import { shingleWords } from './text-shingles.ts';

export interface MatchProfile {
  /** Hashed 3-syllable shingles of title and body, boilerplate left out. */
  shingles: Set<number>;
  /** Numbers the body states (amounts, counts, ages), dates left out; see copyFigures. */
  figures: Set<string>;
}

/** The profile of one copy. */
export function profileCopy(copy: Pick<Copy, 'title' | 'contentHtml'>): MatchProfile {
  const kept = keptTextLines(copyText(copy));
  const key = joinKeys([titleKey(copy), ...keptLineKeys(copy, kept)]);
  return {
    shingles: shingleWords(key === '' ? [] : key.split(' ')),
    figures: copyFigures(kept.map(({ line }) => line).join('\n')),
  };
}

// Most titles and lines come through boilerplate stripping untouched: their keys, which categorising
// needs too, are the copy's own; only the few changed ones are keyed here.
function titleKey(copy: Pick<Copy, 'title' | 'contentHtml'>): string {
  const title = stripTitleBoilerplate(copy.title);
  return title === copy.title ? copyKeys(copy).title : comparisonKey(title);
}

function keptLineKeys(copy: Pick<Copy, 'title' | 'contentHtml'>, kept: ReturnType<typeof keptTextLines>): string[] {
  const lines = copyText(copy).split('\n');
  const keys = copyKeys(copy).lines;
  return kept.map(({ line, index }) => (line === lines[index] ? keys[index]! : comparisonKey(line)));
}

const NUMBER = /\d+(?:[.,/]\d+)*/g;
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

/**
 * The figures of a text: "2.400" and "2400" are one figure, "3,2" (a decimal) another. Tokens with
 * a slash (24/11, 10/2026) are dates and left out: a re-written lead often adds the day it reports
 * on, while a template sibling differs in its counts and amounts. Titles are left out too, since
 * they round ("hơn 5 tỷ" for 5,2 tỷ).
 */
export function copyFigures(text: string): Set<string> {
  const figures = new Set<string>();
  for (const [token] of toNfc(text).matchAll(NUMBER)) {
    if (token.includes('/')) continue;
    figures.add(THOUSANDS.test(token) ? token.replace(/\./g, '') : token);
  }
  return figures;
}
