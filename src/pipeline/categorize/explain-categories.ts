/**
 * Why a story is in each category, and which categories it missed by one step, under the rules the
 * categoriser applies (`npm run categories:why`): the same evidence and rule, told for an operator.
 */
import type { CategoryRule, Story } from '../../model/types.ts';
import { copyEvidence, foreignNameOf, wordEvidence, type PreparedRules } from './categorize-story.ts';
import type { CategoryEvidence } from './keyword-evidence.ts';
import { candidateOf, keywordFilings, markSetting, nearMiss, strongest, type Candidate } from './keyword-rule.ts';
import { mappedCategories } from './source-maps.ts';

/** One rule that files the story in a category, from one copy. */
export interface FilingReason {
  rule: CategoryRule;
  /** The source's category name, the path prefix, or the keywords. */
  detail: string;
  sourceId: string;
  url: string;
}

/** A category the story misses by one step, from one copy. */
export interface NearMissReason {
  reason: string;
  sourceId: string;
  url: string;
}

export interface CategoryExplanation {
  id: string;
  title: string;
  /** Every rule that files the story here, from every copy; empty when it is not filed here. */
  filedBy: FilingReason[];
  nearMisses: NearMissReason[];
}

/** Every configured category, in config order, with what files the story there or nearly does. */
export function explainCategories(story: Story, rules: PreparedRules): CategoryExplanation[] {
  const explanations = rules.categories.map((category): CategoryExplanation => ({ id: category.id, title: category.title, filedBy: [], nearMisses: [] }));
  const byId = new Map(explanations.map((explanation) => [explanation.id, explanation]));
  for (const copy of story.copies) {
    const at = { sourceId: copy.sourceId, url: copy.url };
    for (const hit of mappedCategories(copy, rules.mapsBySource.get(copy.sourceId))) byId.get(hit.id)?.filedBy.push({ ...hit, ...at });
    const foreign = foreignNameOf(copy);
    if (foreign !== undefined) {
      recordForeignNews(explanations, keywordFilings(wordEvidence(copy, rules)), foreign, at);
      continue;
    }
    const evidence = copyEvidence(copy, rules);
    const filings = keywordFilings(evidence);
    const best = strongest([...evidence.values()].map(candidateOf).filter((candidate): candidate is Candidate => candidate !== undefined));
    for (const [index, found] of evidence) {
      const explanation = explanations[index]!;
      const words = filings.get(index);
      if (words !== undefined) explanation.filedBy.push({ rule: 'keyword', detail: markSetting(words, found).join(', '), ...at });
      else recordNearMiss(explanation, found, best, at);
    }
  }
  return explanations;
}

/** The keywords that would have filed a foreign story, told as near misses. */
function recordForeignNews(explanations: CategoryExplanation[], filings: ReadonlyMap<number, string[]>, name: string, at: { sourceId: string; url: string }): void {
  for (const [index, words] of filings) {
    const reason = `keywords ${words.map((word) => `"${word}"`).join(', ')} not counted: foreign news (the headline names "${name}", and neither it nor the lead names Việt Nam or a Vietnamese authority)`;
    explanations[index]!.nearMisses.push({ reason, ...at });
  }
}

function recordNearMiss(explanation: CategoryExplanation, found: CategoryEvidence, best: Candidate | undefined, at: { sourceId: string; url: string }): void {
  const reason = nearMiss(found, best);
  if (reason !== undefined) explanation.nearMisses.push({ reason, ...at });
}
