/**
 * `npm run eval:categories`: per-category precision and recall of the configured rules on each labelled
 * set. The first six blind sets and the team's set are tuning material (their honest figures are on
 * record in README), so `-- --misses` lists their wrongly filed items; the seventh blind set, when present,
 * is held out whole: only its figures are printed, never an item, so no rule can be fitted to it.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig, resolveConfigPath } from '../src/config/load-config.ts';
import type { CategoryConfig } from '../src/model/types.ts';
import {
  BLIND_ITEMS_FILE,
  SECOND_BLIND_ITEMS_FILE,
  THIRD_BLIND_ITEMS_FILE,
  FOURTH_BLIND_ITEMS_FILE,
  FIFTH_BLIND_ITEMS_FILE,
  SIXTH_BLIND_ITEMS_FILE,
  SEVENTH_BLIND_ITEMS_FILE,
  evaluateItems,
  loadItems,
  loadItemsIfPresent,
  loadTeamItems,
  scoreOutcomes,
  type ItemOutcome,
  type LabelledItem,
} from './category-eval/evaluate-items.ts';

const argv = process.argv.slice(2);
// BANTIN_SEVENTH_CATEGORY_SET names another file: the eval test checks with it that no item of the held-out set is printed.
const seventhFile = process.env.BANTIN_SEVENTH_CATEGORY_SET ? pathToFileURL(process.env.BANTIN_SEVENTH_CATEGORY_SET) : SEVENTH_BLIND_ITEMS_FILE;
const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
const showMisses = argv.includes('--misses');
const percent = (value: number) => `${(value * 100).toFixed(1).padStart(5)} %`;

interface EvalSet {
  name: string;
  about: string;
  items: LabelledItem[] | undefined;
  /** Whether `--misses` may print its items. */
  tuning: boolean;
}

const SETS: EvalSet[] = [
  { name: 'first blind set', about: "written from SPEC's category guideline by a writer who never read the rules; now tuning material", items: loadItems(BLIND_ITEMS_FILE), tuning: true },
  { name: 'second blind set', about: 'written later by another writer from the same guideline; honest figures on record, now tuning material', items: loadItems(SECOND_BLIND_ITEMS_FILE), tuning: true },
  { name: 'third blind set', about: 'written by a third writer from the guideline only; honest figures on record, now tuning material', items: loadItems(THIRD_BLIND_ITEMS_FILE), tuning: true },
  { name: 'fourth blind set', about: 'written by a fourth writer who saw nothing; honest figures on record, now tuning material', items: loadItems(FOURTH_BLIND_ITEMS_FILE), tuning: true },
  { name: 'fifth blind set', about: 'written by a fifth writer who saw nothing; honest figures on record, now tuning material', items: loadItems(FIFTH_BLIND_ITEMS_FILE), tuning: true },
  { name: 'sixth blind set', about: 'written by a sixth writer who saw nothing; honest figures on record, now tuning material', items: loadItems(SIXTH_BLIND_ITEMS_FILE), tuning: true },
  { name: 'seventh blind set', about: 'written by a seventh writer who saw nothing; held out whole: figures only, never its items', items: loadItemsIfPresent(seventhFile), tuning: false },
  { name: 'team set', about: 'written by the team (regression cases; the rules were tuned with it in view)', items: loadTeamItems(), tuning: true },
];

for (const set of SETS) {
  if (set.items === undefined) {
    console.log(`${set.name}: not present, skipped\n`);
    continue;
  }
  const outcomes = evaluateItems(set.items, config.categories).outcomes;
  console.log(`${set.name}: ${outcomes.length} items, ${set.about}`);
  printScores(outcomes, config.categories);
  if (showMisses && set.tuning) printMisses(set.name, outcomes);
  console.log('');
}

function printScores(outcomes: readonly ItemOutcome[], categories: readonly CategoryConfig[]): void {
  for (const score of scoreOutcomes(outcomes, categories)) {
    const counts = `(${score.truePositives} right, ${score.falsePositives} wrong, ${score.falseNegatives} missed)`;
    console.log(`    ${score.id.padEnd(16)} precision ${percent(score.precision)}  recall ${percent(score.recall)}  ${counts}`);
  }
  const none = outcomes.filter((outcome) => outcome.item.labels.length === 0);
  console.log(`    no category: ${none.filter((outcome) => outcome.predicted.length === 0).length} of ${none.length} left unfiled`);
}

function printMisses(title: string, outcomes: readonly ItemOutcome[]): void {
  console.log(`  misses, ${title}:`);
  for (const { item, predicted } of outcomes) {
    if (item.labels.join() === predicted.join()) continue;
    console.log(`    ✗ ${item.id} labelled [${item.labels.join(', ')}] filed [${predicted.join(', ')}]: ${item.title}`);
  }
}
