/**
 * `npm run eval:categories`: per-category precision and recall of the configured rules on the blind
 * labelled set — its tuning half (odd ids), its held-out half (even ids) and the whole — and on the
 * team's own set. `-- --misses` lists the items filed wrongly in the tuning half and the team set;
 * the held-out half's misses are never printed, so tuning cannot look at them.
 */
import { loadConfig, resolveConfigPath } from '../src/config/load-config.ts';
import type { CategoryConfig } from '../src/model/types.ts';
import { evaluateItems, halfOf, loadItems, loadTeamItems, scoreOutcomes, type ItemOutcome } from './category-eval/evaluate-items.ts';

const argv = process.argv.slice(2);
const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
const showMisses = argv.includes('--misses');
const percent = (value: number) => `${(value * 100).toFixed(1).padStart(5)} %`;

const blind = evaluateItems(loadItems(), config.categories).outcomes;
console.log(`blind set: ${blind.length} items, written from SPEC's category guideline by a writer who never read the rules`);
printScores('tuning half (odd ids)', blind.filter(({ item }) => halfOf(item) === 'tune'), config.categories);
printScores('held-out half (even ids)', blind.filter(({ item }) => halfOf(item) === 'held-out'), config.categories);
printScores('whole set', blind, config.categories);
if (showMisses) printMisses('tuning half', blind.filter(({ item }) => halfOf(item) === 'tune'));

const teamItems = loadTeamItems();
if (teamItems !== undefined) {
  const team = evaluateItems(teamItems, config.categories).outcomes;
  console.log(`\nteam set: ${team.length} items, written by the team (regression cases; the rules were tuned with it in view)`);
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
