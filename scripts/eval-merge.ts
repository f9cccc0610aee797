/** `npm run eval:merge`: precision and recall of story merging on the labelled Vietnamese pairs, and every miss. */
import { evaluatePairs, loadPairs } from './merge-eval/evaluate-pairs.ts';

const report = evaluatePairs(loadPairs());
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const total = report.outcomes.length;
const same = report.truePositives + report.falseNegatives;

console.log(`merge evaluation: ${total} pairs (${same} same, ${total - same} different)`);
console.log(`  precision ${percent(report.precision)}  (${report.truePositives} merged correctly, ${report.falsePositives} merged wrongly)`);
console.log(`  recall    ${percent(report.recall)}  (${report.truePositives} of ${same} same pairs merged)`);
const misses = report.outcomes.filter((outcome) => outcome.predicted !== outcome.pair.label);
if (misses.length === 0) console.log('  no misclassified pairs');
for (const { pair, predicted } of misses) {
  console.log(`  ✗ ${pair.id} [${pair.kind}] labelled ${pair.label}, merged as ${predicted}: ${pair.note}`);
}
