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

/** A blind set's items file, by its folder under test/fixtures/category-eval/. */
const blindFile = (folder: string) => new URL(`../../test/fixtures/category-eval/${folder}/items.json`, import.meta.url);

/** One labelled set written blind: by a writer who saw SPEC's category guideline and nothing of the rules. */
export interface BlindSet {
  /** Its folder under test/fixtures/category-eval/. */
  folder: string;
  name: string;
  about: string;
  file: URL;
  /** Held out whole: scored as figures only, never an item printed, never a rule fitted to it. */
  heldOut: boolean;
}

const tuning = (folder: string, name: string, about: string): BlindSet => ({ folder, name, about, file: blindFile(folder), heldOut: false });

/**
 * The blind sets in the order they were written. Each was scored while held out (its honest figures are on
 * record in README), then read whole and tuned on; the last is held out whole.
 */
export const BLIND_SETS: readonly BlindSet[] = [
  tuning('blind', 'first blind set', "written from SPEC's category guideline by a writer who never read the rules; now tuning material"),
  tuning('blind-2', 'second blind set', 'written later by another writer from the same guideline; honest figures on record, now tuning material'),
  tuning('blind-3', 'third blind set', 'written by a third writer from the guideline only; honest figures on record, now tuning material'),
  tuning('blind-4', 'fourth blind set', 'written by a fourth writer who saw nothing; honest figures on record, now tuning material'),
  tuning('blind-5', 'fifth blind set', 'written by a fifth writer who saw nothing; honest figures on record, now tuning material'),
  tuning('blind-6', 'sixth blind set', 'written by a sixth writer who saw nothing; honest figures on record, now tuning material'),
  tuning('blind-7', 'seventh blind set', 'written by a seventh writer who saw nothing; honest figures on record, now tuning material'),
  tuning('blind-8', 'eighth blind set', 'written by an eighth writer who saw nothing; honest figures on record, now tuning material'),
  tuning('blind-9', 'ninth blind set', 'written by a ninth writer who saw nothing; honest figures on record, now tuning material'),
  tuning('blind-10', 'tenth blind set', 'written by a tenth writer who saw nothing; honest figures on record, now tuning material'),
  tuning('blind-11', 'eleventh blind set', 'written by an eleventh writer who saw nothing; honest figures on record, now tuning material'),
  tuning('blind-12', 'twelfth blind set', 'written by a twelfth writer who saw nothing; honest figures on record, now tuning material'),
  { folder: 'blind-13', name: 'thirteenth blind set', about: 'written by a thirteenth writer who saw nothing; held out whole: figures only, never its items', file: blindFile('blind-13'), heldOut: true },
];

/** The first blind set, the default of loadItems. */
export const BLIND_ITEMS_FILE = blindFile('blind');
export const TEAM_ITEMS_FILE = new URL('../../test/fixtures/category-eval/team/items.json', import.meta.url);

export function loadItems(file: URL = BLIND_ITEMS_FILE): LabelledItem[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { items: LabelledItem[] }).items;
}

/** A set that may not be there (the team's own set, the held-out blind set). */
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
