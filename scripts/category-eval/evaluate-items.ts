/**
 * Files the labelled items of a category evaluation set with the real pipeline (normalizeItem, then the
 * categoriser built from a config's categories) and scores each category's precision and recall.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CategoryConfig, SourceConfig, Story } from '../../src/model/types.ts';
import { createCategorizer } from '../../src/pipeline/categorize/categorize-story.ts';
import { normalizeItem } from '../../src/pipeline/normalize/normalize-item.ts';
import { share } from '../merge-eval/evaluate-pairs.ts';

export interface LabelledItem {
  id: string;
  voice: string;
  title: string;
  summary: string;
  content?: string;
  labels: string[];
  note?: string;
}

export interface CategoryScore {
  id: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface ItemOutcome {
  item: LabelledItem;
  predicted: string[];
}

export const BLIND_ITEMS_FILE = new URL('../../test/fixtures/category-eval/blind/items.json', import.meta.url);
/** The second blind set, by another writer from the same guideline, added after the rules were tuned on the first. */
export const SECOND_BLIND_ITEMS_FILE = new URL('../../test/fixtures/category-eval/blind-2/items.json', import.meta.url);
export const TEAM_ITEMS_FILE = new URL('../../test/fixtures/category-eval/team/items.json', import.meta.url);

/** The third blind set, by a third writer who saw only the guideline: scored once held out, now tuning material. */
export const THIRD_BLIND_ITEMS_FILE = new URL('../../test/fixtures/category-eval/blind-3/items.json', import.meta.url);

/** The fourth blind set, by a writer who saw nothing of the rules nor the other sets: scored once held out, now tuning material. */
export const FOURTH_BLIND_ITEMS_FILE = new URL('../../test/fixtures/category-eval/blind-4/items.json', import.meta.url);

/** The fifth blind set, by a writer who saw nothing of the rules nor the other sets: scored once held out, now tuning material. */
export const FIFTH_BLIND_ITEMS_FILE = new URL('../../test/fixtures/category-eval/blind-5/items.json', import.meta.url);

/** The sixth blind set, by a writer who saw nothing of the rules nor the other sets: scored twice held out, now tuning material. */
export const SIXTH_BLIND_ITEMS_FILE = new URL('../../test/fixtures/category-eval/blind-6/items.json', import.meta.url);

/**
 * The seventh blind set, by a writer who sees nothing of the rules nor the other sets: held out whole.
 * It is scored once, after the rules are settled; its items are never printed, only its figures.
 */
export const SEVENTH_BLIND_ITEMS_FILE = new URL('../../test/fixtures/category-eval/blind-7/items.json', import.meta.url);

export function loadItems(file: URL = BLIND_ITEMS_FILE): LabelledItem[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { items: LabelledItem[] }).items;
}

/** A set that may not be there (the team's own set, the held-out seventh blind set). */
export function loadItemsIfPresent(file: URL): LabelledItem[] | undefined {
  return existsSync(file) ? loadItems(file) : undefined;
}

/** The team's own set, when there is one. */
export function loadTeamItems(): LabelledItem[] | undefined {
  return loadItemsIfPresent(TEAM_ITEMS_FILE);
}

const SEEN_AT = new Date('2030-01-01T00:00:00.000Z');
const SOURCE: SourceConfig = { id: 'eval', name: 'eval', url: 'https://eval.example.vn/rss', priority: 0, categoryMap: {}, urlMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true };

/** Each item as a one-copy story, filed by the categories' rules; scores per category. */
export function evaluateItems(items: readonly LabelledItem[], categories: readonly CategoryConfig[]): { scores: CategoryScore[]; outcomes: ItemOutcome[] } {
  const categorize = createCategorizer(categories, [SOURCE]);
  const outcomes = items.map((item) => ({ item, predicted: categorize(storyOf(item)).map((filing) => filing.id) }));
  return { scores: scoreOutcomes(outcomes, categories), outcomes };
}

/** Per-category scores of already-filed outcomes (a half of a set is scored from the whole set's outcomes). */
export function scoreOutcomes(outcomes: readonly ItemOutcome[], categories: readonly Pick<CategoryConfig, 'id'>[]): CategoryScore[] {
  return categories.map((category) => score(category.id, outcomes));
}

function score(id: string, outcomes: readonly ItemOutcome[]): CategoryScore {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { item, predicted } of outcomes) {
    const labelled = item.labels.includes(id);
    const filed = predicted.includes(id);
    if (labelled && filed) truePositives++;
    else if (filed) falsePositives++;
    else if (labelled) falseNegatives++;
  }
  return { id, truePositives, falsePositives, falseNegatives, precision: share(truePositives, falsePositives), recall: share(truePositives, falseNegatives) };
}

/** A labelled item as the one-copy story a feed item would make: title, then the sapo and body as paragraphs. */
export function storyOf(item: LabelledItem): Story {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = [item.summary, ...(item.content ? item.content.split('\n') : [])].map((line) => `<p>${escape(line)}</p>`).join('');
  const copy = normalizeItem(
    { guid: item.id, link: `https://eval.example.vn/${item.id}.html`, title: item.title, contentHtml: html, date: '2026-10-01T08:00:00+07:00', categories: [] },
    { source: SOURCE, now: SEEN_AT },
  );
  if (!copy) throw new Error(`category-eval: item ${item.id} does not normalise to a copy`);
  return { id: `urn:uuid:${item.id}`, copies: [copy], categories: [], datePublished: copy.datePublished, dateModified: copy.datePublished };
}
