/**
 * A source's own filing rules: `categoryMap` (the source's category names, compared under the folding
 * rules) and `urlMap` (path prefixes of the copy's canonical link, `/` for every item).
 */
import type { Copy, SourceConfig } from '../../model/types.ts';
import { comparisonKey } from '../normalize/vietnamese-text.ts';

export interface SourceMaps {
  /** Folded source category name → [name as configured, category id]. */
  categoryMap: Map<string, readonly [string, string]>;
  /** [prefix as configured, the same prefix percent-encoded as URL paths are, category id]. */
  urlMap: readonly (readonly [string, string, string])[];
}

export interface MapHit {
  id: string;
  rule: 'categoryMap' | 'urlMap';
  detail: string;
}

/** Prepares each source's maps once per cycle. */
export function prepareSourceMaps(source: SourceConfig): SourceMaps {
  return {
    categoryMap: new Map(Object.entries(source.categoryMap).map(([name, id]) => [comparisonKey(name), [name, id] as const])),
    urlMap: Object.entries(source.urlMap ?? {}).map(([prefix, id]) => [prefix, encodedPath(prefix), id] as const),
  };
}

/** The categories a copy's source files it in, by its category names, then by its link's path. */
export function mappedCategories(copy: Copy, maps: SourceMaps | undefined): MapHit[] {
  if (maps === undefined) return [];
  const hits: MapHit[] = [];
  for (const name of copy.sourceCategories) {
    const mapped = maps.categoryMap.get(comparisonKey(name));
    if (mapped !== undefined) hits.push({ id: mapped[1], rule: 'categoryMap', detail: mapped[0] });
  }
  if (maps.urlMap.length === 0) return hits;
  const path = pathOf(copy.url);
  if (path === undefined) return hits;
  for (const [prefix, encoded, id] of maps.urlMap) if (path.startsWith(encoded)) hits.push({ id, rule: 'urlMap', detail: prefix });
  return hits;
}

/** A configured prefix as a link's pathname spells it (`/pháp-luật/` → `/ph%C3%A1p-lu%E1%BA%ADt/`). */
function encodedPath(prefix: string): string {
  // Appended, not resolved against a base: a prefix "//x" would otherwise name a host and become "/".
  return new URL(`http://prefix.invalid${prefix}`).pathname;
}

function pathOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).pathname : undefined;
}
