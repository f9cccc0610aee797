/**
 * The keyword rule, in one place so filing and explaining agree. A category's keywords file a copy when
 * 1. no exclude phrase of the category occurs in the copy's title or text, nor one of its ownEvents' bodies
 *    with one of their events in the title (keyword-evidence.ts);
 * 2. a keyword occurs in the title, or two distinct keywords occur in the text (its first
 *    TEXT_CHARS_READ characters, keyword-evidence.ts); an agency's name, a frame word (the kind of
 *    event), and a headline keyword in the headline's setting (title-frames.ts), count as text keywords,
 *    except a beneficiary of the category (people in need), which keeps its headline weight there;
 * 3. no other category passing 1 and 2 weighs more, a distinct keyword weighing 3 in the title and 1
 *    in the text; at equal weight, the one with more title keywords wins, and of a full tie the category
 *    listed first in the config (a tie is one word against another, seldom a story substantially about both).
 */
import type { CategoryEvidence, CopyEvidence } from './keyword-evidence.ts';

/** Distinct keywords the text alone needs: one stray word in a long article is not what it is about. */
export const TEXT_KEYWORDS_NEEDED = 2;
// A headline says what a story is about; the text also says where it happened and who was there.
const TITLE_WEIGHT = 3;
const TEXT_WEIGHT = 1;

/** A category's keywords that pass rules 1 and 2. */
export interface Candidate {
  words: string[];
  weight: number;
  titleWords: number;
}

export function candidateOf(evidence: CategoryEvidence): Candidate | undefined {
  if (evidence.excludedBy !== undefined) return undefined;
  const textWords = textWordsOf(evidence);
  if (evidence.title.length === 0 && textWords.length < TEXT_KEYWORDS_NEEDED) return undefined;
  return { words: [...evidence.title, ...textWords], weight: weighWords(evidence.title.length, textWords.length), titleWords: evidence.title.length };
}

function weighWords(titleWords: number, textWords: number): number {
  return titleWords * TITLE_WEIGHT + textWords * TEXT_WEIGHT;
}

/** The keywords that weigh as text: the title's agencies, frames and setting (title-frames.ts), and the text's. */
function textWordsOf(evidence: CategoryEvidence): string[] {
  if (evidence.setting === undefined && evidence.agencies === undefined && evidence.frames === undefined) return evidence.text;
  return [...(evidence.agencies ?? []), ...(evidence.frames ?? []), ...(evidence.setting ?? []), ...evidence.text];
}

/** Category position → the keywords that file the copy there, after rule 3. */
export function keywordFilings(evidence: CopyEvidence): Map<number, string[]> {
  const candidates = new Map<number, Candidate>();
  for (const [category, found] of evidence) {
    const candidate = candidateOf(found);
    if (candidate !== undefined) candidates.set(category, candidate);
  }
  const best = strongest([...candidates.values()]);
  const filings = new Map<number, string[]>();
  const first = firstTied(candidates, best);
  if (first !== undefined) filings.set(first, candidates.get(first)!.words);
  return filings;
}

/** The position in the config of the first category whose candidate ties the strongest. */
function firstTied(candidates: ReadonlyMap<number, Candidate>, best: Candidate | undefined): number | undefined {
  let first: number | undefined;
  for (const [category, candidate] of candidates) if (compare(candidate, best) === 0 && (first === undefined || category < first)) first = category;
  return first;
}

/** The candidate no other beats under rule 3 (undefined when there is none). */
export function strongest(candidates: readonly Candidate[]): Candidate | undefined {
  return candidates.reduce<Candidate | undefined>((best, candidate) => (best === undefined || compare(candidate, best) > 0 ? candidate : best), undefined);
}

function compare(a: Candidate, b: Candidate | undefined): number {
  if (b === undefined) return 1;
  return a.weight - b.weight || a.titleWords - b.titleWords;
}

/**
 * Why a category the copy is not filed in was missed by one step, or undefined when nothing came close: an
 * exclude phrase stopped keywords that would have filed it, the text had one keyword short, or
 * another category's keywords won under rule 3 (outweighing it, or tying it from earlier in the config).
 */
export function nearMiss(evidence: CategoryEvidence, best: Candidate | undefined): string | undefined {
  const found = markSetting([...evidence.title, ...textWordsOf(evidence)], evidence);
  if (evidence.excludedBy !== undefined) {
    const stopped = candidateOf({ ...evidence, excludedBy: undefined });
    if (stopped === undefined) return undefined;
    const { ownEvent } = evidence;
    if (ownEvent !== undefined) return `keywords ${quote(found)} stopped: the headline names "${ownEvent.body}" and its own event "${ownEvent.event}" (ownEvents)`;
    return `keywords ${quote(found)} stopped by the exclude phrase "${evidence.excludedBy}"`;
  }
  const candidate = candidateOf(evidence);
  if (candidate === undefined) {
    const textWords = textWordsOf(evidence);
    if (textWords.length !== TEXT_KEYWORDS_NEEDED - 1) return undefined;
    return `one keyword in the text (${quote(markSetting(textWords, evidence))}); a second one, or one in the title, would file it`;
  }
  const order = compare(candidate, best);
  if (order > 0) return undefined;
  if (order === 0) return `keywords ${quote(found)} weigh ${describe(candidate)}, as much as a category listed before it in the config, which wins the tie`;
  return `keywords ${quote(found)} weigh ${describe(candidate)}, less than another category's ${describe(best!)}`;
}

/**
 * A headline keyword after a setting word ("… tại chợ phiên"), an agency's name or a frame word is told as such: it
 * weighed as a text keyword; so is a beneficiary after a setting word ("… cho hộ nghèo"), which kept its headline weight.
 */
export function markSetting(words: readonly string[], evidence: CategoryEvidence): string[] {
  return words.map((word) => {
    if (evidence.agencies?.includes(word)) return `${word} (names who acts, weighed as text)`;
    if (evidence.frames?.includes(word)) return `${word} (names the kind of event, weighed as text)`;
    if (evidence.keptInSetting?.includes(word)) return `${word} (in the headline's setting, but whom the help is for: weighed as a headline keyword)`;
    return evidence.setting?.includes(word) ? `${word} (in the headline's setting, weighed as text)` : word;
  });
}

function describe(candidate: Candidate): string {
  return `${candidate.weight} (${candidate.titleWords} in the title)`;
}

function quote(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(', ');
}
