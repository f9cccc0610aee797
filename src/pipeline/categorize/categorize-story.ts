/** Assigns categories: the union of every copy's categoryMap hits and keyword matches (SPEC.md "Stories"). */
import type { CategoryConfig, Copy, SourceConfig, Story } from '../../model/types.ts';
import { copyComparisonKey } from '../normalize/copy-text.ts';
import { comparisonKey, findPhrases, indexPhrases } from '../normalize/vietnamese-text.ts';

export type Categorizer = (story: Story) => string[];

/** Prepares comparison keys once, so categorising a story is only lookups and scans. */
export function createCategorizer(categories: readonly CategoryConfig[], sources: readonly SourceConfig[]): Categorizer {
  const order = new Map(categories.map((category, index) => [category.id, index]));
  const mapsBySource = new Map(sources.map((source) => [source.id, keyedCategoryMap(source)]));
  // Prepared once per cycle, not once per story.
  const keywords = indexPhrases(categories.flatMap((category) => category.keywords.map((phrase) => [phrase, category.id] as const)));

  return (story) => {
    const ids = new Set<string>();
    for (const copy of story.copies) {
      for (const id of mappedCategories(copy, mapsBySource.get(copy.sourceId))) ids.add(id);
      for (const id of findPhrases(copyComparisonKey(copy), keywords)) ids.add(id);
    }
    return [...ids].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
  };
}

/** categoryMap keys compared under the same folding rules as keywords. */
function keyedCategoryMap(source: SourceConfig): Map<string, string> {
  return new Map(Object.entries(source.categoryMap).map(([name, id]) => [comparisonKey(name), id]));
}

function mappedCategories(copy: Copy, map: Map<string, string> | undefined): string[] {
  if (!map) return [];
  return copy.sourceCategories.map((name) => map.get(comparisonKey(name))).filter((id): id is string => id !== undefined);
}
