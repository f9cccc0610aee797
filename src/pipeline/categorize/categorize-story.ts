/**
 * Files stories in categories: the union of every copy's categoryMap, urlMap and keyword hits, each
 * category remembering the rule that filed it (SPEC.md "Text, dates, links").
 */
import { createHash } from 'node:crypto';
import type { CategoryConfig, CategoryFiling, Copy, SourceConfig, Story } from '../../model/types.ts';
import { copyKeys, copyText } from '../normalize/copy-text.ts';
import { foreignNewsName } from './foreign-frame.ts';
import { findEvidence, indexCategoryPhrases, type CopyEvidence, type PhraseTable } from './keyword-evidence.ts';
import { keywordFilings } from './keyword-rule.ts';
import { mappedCategories, prepareSourceMaps, type SourceMaps } from './source-maps.ts';

/** Bumped when the rule itself changes (not the config), so stored stories are filed again. */
const FILING_RULE_VERSION = 9;

/** One category of a story and why. */
export interface CategoryHit extends CategoryFiling {
  id: string;
}

/** A story's categories in config order, each with the rule remembered for it (an operator's map first, then the first copy's). */
export type Categorizer = (story: Story) => CategoryHit[];

/** What the categoriser prepares once per cycle, shared with the explanation of a story's categories. */
export interface PreparedRules {
  categories: readonly CategoryConfig[];
  order: ReadonlyMap<string, number>;
  phrases: PhraseTable;
  mapsBySource: ReadonlyMap<string, SourceMaps>;
}

/** The phrase trie and each source's maps, built once per cycle (or per explanation). */
export function prepareRules(categories: readonly CategoryConfig[], sources: readonly SourceConfig[]): PreparedRules {
  return {
    categories,
    order: new Map(categories.map((category, index) => [category.id, index])),
    phrases: indexCategoryPhrases(categories),
    mapsBySource: new Map(sources.map((source) => [source.id, prepareSourceMaps(source)])),
  };
}

/** Prepares the rules once, so categorising a story is only lookups and scans of keys the merge already derived. */
export function createCategorizer(categories: readonly CategoryConfig[], sources: readonly SourceConfig[]): Categorizer {
  const rules = prepareRules(categories, sources);
  return (story) => fileCopies(story.copies, rules);
}

/**
 * Sets a story's categories and the rule that filed each; true when its categories are not the ones
 * it had (a rule remembered differently for the same categories is no change a partner acts on).
 */
export function fileStory(story: Story, categorize: Categorizer): boolean {
  const hits = categorize(story);
  const before = story.categories;
  story.categories = hits.map((hit) => hit.id);
  story.filedBy = Object.fromEntries(hits.map(({ id, ...filing }) => [id, filing]));
  return story.categories.length !== before.length || story.categories.some((id, index) => id !== before[index]);
}

/** The evidence the keyword rule reads: none for foreign news (foreign-frame.ts), else the copy's words. */
export function copyEvidence(copy: Copy, rules: PreparedRules): CopyEvidence {
  return foreignNameOf(copy) === undefined ? wordEvidence(copy, rules) : new Map();
}

/** The evidence of one copy's words, from the comparison keys its merge already worked out. */
export function wordEvidence(copy: Copy, rules: PreparedRules): CopyEvidence {
  const keys = copyKeys(copy);
  return findEvidence(keys.title, keys.lines, rules.phrases, copy.title);
}

/** The foreign name that makes the copy foreign news, or undefined. */
export function foreignNameOf(copy: Copy): string | undefined {
  const keys = copyKeys(copy);
  return foreignNewsName(copy.title, keys.title, () => firstLine(copyText(copy)), keys.lines[0] ?? '');
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

// An operator's own mapping says more than a word in the text, so it is the rule remembered.
const RULE_RANK = { categoryMap: 0, urlMap: 1, keyword: 2 } as const;

function fileCopies(copies: readonly Copy[], rules: PreparedRules): CategoryHit[] {
  const hits = new Map<string, CategoryHit>();
  const offer = (hit: CategoryHit) => {
    const held = hits.get(hit.id);
    if (rules.order.has(hit.id) && (held === undefined || RULE_RANK[hit.rule] < RULE_RANK[held.rule])) hits.set(hit.id, hit);
  };
  for (const copy of copies) {
    const at = { sourceId: copy.sourceId, url: copy.url };
    for (const hit of mappedCategories(copy, rules.mapsBySource.get(copy.sourceId))) offer({ ...hit, ...at });
    for (const [index, words] of keywordFilings(copyEvidence(copy, rules))) {
      offer({ id: rules.categories[index]!.id, rule: 'keyword', detail: words.join(', '), ...at });
    }
  }
  return [...hits.values()].sort((a, b) => rules.order.get(a.id)! - rules.order.get(b.id)!);
}

/** Changes to a category (its keywords, excludes, agencies, frames, beneficiaries, ownEvents, its place in the order), categoryMaps, urlMaps or the rule itself re-file every stored story. */
export function categoryRulesFingerprint(categories: readonly CategoryConfig[], sources: readonly SourceConfig[]): string {
  const rules = [FILING_RULE_VERSION, categories, sources.map((source) => [source.id, source.categoryMap, source.urlMap ?? {}])];
  return createHash('sha256').update(JSON.stringify(rules)).digest('base64url').slice(0, 16);
}
