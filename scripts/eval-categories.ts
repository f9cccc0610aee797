/**
 * `npm run eval:categories`: per-category precision and recall of the configured rules on each blind
 * labelled set — its tuning half (odd ids), its held-out half (even ids) and the whole — and on the
 * team's own set. `-- --misses` lists the items filed wrongly in the tuning half and the team set;
 * the held-out half's misses are never printed, so tuning cannot look at them.
 */
import { loadConfig, resolveConfigPath } from '../src/config/load-config.ts';
import type { CategoryConfig } from '../src/model/types.ts';
import { BLIND_ITEMS_FILE, SECOND_BLIND_ITEMS_FILE, evaluateItems, halfOf, loadItems, loadTeamItems, scoreOutcomes, type ItemOutcome } from './category-eval/evaluate-items.ts';

const argv = process.argv.slice(2);
const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
const showMisses = argv.includes('--misses');
const percent = (value: number) => `${(value * 100).toFixed(1).padStart(5)} %`;

const BLIND_SETS = [
  { name: 'first blind set', file: BLIND_ITEMS_FILE, about: 'written from SPEC\'s category guideline by a writer who never read the rules' },
  { name: 'second blind set', file: SECOND_BLIND_ITEMS_FILE, about: 'written later by another writer from the same guideline; first scored before any rule saw it' },
];
for (const set of BLIND_SETS) {
  const outcomes = evaluateItems(loadItems(set.file), config.categories).outcomes;
  console.log(`${set.name}: ${outcomes.length} items, ${set.about}`);
  printScores('tuning half (odd ids)', outcomes.filter(({ item }) => halfOf(item) === 'tune'), config.categories);
  printScores('held-out half (even ids)', outcomes.filter(({ item }) => halfOf(item) === 'held-out'), config.categories);
  printScores('whole set', outcomes, config.categories);
  if (showMisses) printMisses(`${set.name}, tuning half`, outcomes.filter(({ item }) => halfOf(item) === 'tune'));
  console.log('');
}

const teamItems = loadTeamItems();
if (teamItems !== undefined) {
  const team = evaluateItems(teamItems, config.categories).outcomes;
  console.log(`team set: ${team.length} items, written by the team (regression cases; the rules were tuned with it in view)`);
  printScores('team set', team, config.categories);
  if (showMisses) printMisses('team set', team);
}

function printScores(title: string, outcomes: readonly ItemOutcome[], categories: readonly CategoryConfig[]): void {
  console.log(`  ${title}: ${outcomes.length} items`);
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
