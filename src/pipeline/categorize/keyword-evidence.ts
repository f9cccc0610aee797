/**
 * What a copy's words say about each category: the keywords found in its title and in its text, and
 * the first exclude phrase found anywhere in it. Phrases match whole syllable sequences of the
 * comparison keys (NFC, case and tone placement folded, diacritics kept); a keyword lying inside a
 * longer keyword found at the same place, of any category, does not count ("tín dụng" inside "tín
 * dụng đen", "ngày hội" inside "ngày hội đại đoàn kết").
 */
import type { CategoryConfig } from '../../model/types.ts';
import { indexPhrases, type PhraseIndex } from '../normalize/vietnamese-text.ts';

/** One configured phrase: its category (by position in the config) and whether it files or stops filing. */
interface Phrase {
  category: number;
  kind: 'keyword' | 'exclude';
  /** As the config spells it, for explanations. */
  text: string;
}

export interface CategoryEvidence {
  /** Distinct keywords found in the title. */
  title: string[];
  /** Distinct keywords found in the text and not in the title. */
  text: string[];
  /** The first exclude phrase of the category found in the title or text. */
  excludedBy?: string;
}

/** Category position → its evidence, for the categories any phrase of which occurs. */
export type CopyEvidence = Map<number, CategoryEvidence>;

export type PhraseTable = PhraseIndex<Phrase>;

/** Indexes every keyword and exclude phrase of the categories once, by first syllable. */
export function indexCategoryPhrases(categories: readonly CategoryConfig[]): PhraseTable {
  return indexPhrases<Phrase>(
    categories.flatMap((category, index) => [
      ...category.keywords.map((text): [string, Phrase] => [text, { category: index, kind: 'keyword', text }]),
      ...(category.exclude ?? []).map((text): [string, Phrase] => [text, { category: index, kind: 'exclude', text }]),
    ]),
  );
}

/** The evidence of a copy whose title and text lines are already comparison keys. */
export function findEvidence(titleKey: string, lineKeys: readonly string[], table: PhraseTable): CopyEvidence {
  const evidence: CopyEvidence = new Map();
  record(evidence, 'title', matchLine(titleKey, table));
  for (const line of lineKeys) record(evidence, 'text', matchLine(line, table));
  return evidence;
}

function record(evidence: CopyEvidence, zone: 'title' | 'text', phrases: readonly Phrase[]): void {
  for (const phrase of phrases) {
    let entry = evidence.get(phrase.category);
    if (entry === undefined) evidence.set(phrase.category, (entry = { title: [], text: [] }));
    if (phrase.kind === 'exclude') entry.excludedBy ??= phrase.text;
    else if (!entry.title.includes(phrase.text) && !entry[zone].includes(phrase.text)) entry[zone].push(phrase.text);
  }
}

interface Match {
  phrase: Phrase;
  start: number;
  end: number;
}

/** The phrases occurring in one line, in order, without keywords nested in a longer keyword. */
function matchLine(key: string, table: PhraseTable): Phrase[] {
  if (key === '') return [];
  const words = key.split(' ');
  const matches: Match[] = [];
  for (let start = 0; start < words.length; start++) {
    const candidates = table.get(words[start]!);
    if (candidates === undefined) continue;
    for (const { syllables, value } of candidates) {
      if (occursAt(words, start, syllables)) matches.push({ phrase: value, start, end: start + syllables.length });
    }
  }
  if (matches.length < 2) return matches.map((match) => match.phrase);
  return matches.filter((match) => !matches.some((other) => covers(other, match))).map((match) => match.phrase);
}

function covers(outer: Match, inner: Match): boolean {
  return (
    outer !== inner &&
    outer.phrase.kind === 'keyword' &&
    inner.phrase.kind === 'keyword' &&
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    outer.end - outer.start > inner.end - inner.start
  );
}

function occursAt(words: readonly string[], start: number, syllables: readonly string[]): boolean {
  if (start + syllables.length > words.length) return false;
  for (let offset = 1; offset < syllables.length; offset++) if (words[start + offset] !== syllables[offset]) return false;
  return true;
}
