/** `npm run eval:categories`: per-category precision and recall of the shipped rules on the blind labelled set. */
import { loadConfig, resolveConfigPath } from '../src/config/load-config.ts';
import { evaluateItems, loadItems } from './category-eval/evaluate-items.ts';

const config = loadConfig(resolveConfigPath(process.argv.slice(2), process.env), process.env);
const items = loadItems();
const { scores, outcomes } = evaluateItems(items, config.categories);
const percent = (value: number) => `${(value * 100).toFixed(1).padStart(5)} %`;

console.log(`blind set: ${items.length} items, written from SPEC's category guideline by a writer who never read the rules`);
for (const score of scores) {
  console.log(`  ${score.id.padEnd(16)} precision ${percent(score.precision)}  recall ${percent(score.recall)}  (${score.truePositives} right, ${score.falsePositives} wrong, ${score.falseNegatives} missed)`);
}
const none = outcomes.filter((outcome) => outcome.item.labels.length === 0);
console.log(`  no category: ${none.filter((outcome) => outcome.predicted.length === 0).length} of ${none.length} left unfiled`);
if (process.argv.includes('--misses')) {
  for (const { item, predicted } of outcomes) {
    if (item.labels.join() === predicted.join()) continue;
    console.log(`  ✗ ${item.id} labelled [${item.labels.join(', ')}] filed [${predicted.join(', ')}]: ${item.title}`);
  }
}
