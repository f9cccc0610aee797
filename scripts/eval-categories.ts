/**
 * `npm run eval:categories`: per-category precision and recall of the configured rules on each labelled
 * set. The blind sets read whole and the team's set are tuning material (their honest figures are on record
 * in README), so `-- --misses` lists their wrongly filed items; the held-out blind set, when present, is
 * held out whole: only its figures are printed, never an item, so no rule can be fitted to it.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig, resolveConfigPath } from '../src/config/load-config.ts';
import type { CategoryConfig } from '../src/model/types.ts';
import { BLIND_SETS, evaluateItems, loadItems, loadItemsIfPresent, loadTeamItems, scoreOutcomes, type ItemOutcome, type LabelledItem } from './category-eval/evaluate-items.ts';

const argv = process.argv.slice(2);
// BANTIN_HELD_OUT_CATEGORY_SET names another file: the eval test checks with it that no item of the held-out set is printed.
const heldOutFile = process.env.BANTIN_HELD_OUT_CATEGORY_SET ? pathToFileURL(process.env.BANTIN_HELD_OUT_CATEGORY_SET) : undefined;
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
  ...BLIND_SETS.map((set) => ({
    name: set.name,
    about: set.about,
    items: set.heldOut ? loadItemsIfPresent(heldOutFile ?? set.file) : loadItems(set.file),
    tuning: !set.heldOut,
  })),
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
