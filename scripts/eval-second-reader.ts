/**
 * `npm run eval:second-reader`: how far a second careful reader, working from the texts alone, agrees with
 * each blind set's writer — next to the shipped rules' figures on the same set. Only figures are printed (the
 * sets it reads may be held out). Sets without a `second-reader/` folder are skipped.
 */
import { loadConfig, resolveConfigPath } from '../src/config/load-config.ts';
import { BLIND_SETS, evaluateItems, loadItems, scoreOutcomes } from './category-eval/evaluate-items.ts';
import { evaluateEvents, loadEventSet } from './merge-eval/evaluate-events.ts';
import { readerOutcomes, readJsonIfPresent, scoreGrouping, type PairCounts, type ReaderGrouping, type ReaderLabels } from './second-reader/agreement.ts';

const MERGE_SETS = ['blind-5', 'blind-6', 'blind-7'];

const config = loadConfig(resolveConfigPath(process.argv.slice(2), process.env), process.env);
const fixture = (path: string) => new URL(`../test/fixtures/${path}`, import.meta.url);
const figure = (value: number) => value.toFixed(3);

for (const set of BLIND_SETS) {
  const reader = readJsonIfPresent<ReaderLabels>(new URL('second-reader/labels.json', set.file));
  if (!reader) continue;
  const items = loadItems(set.file);
  const rules = evaluateItems(items, config.categories).scores;
  console.log(`category ${set.folder}: ${items.length} items — the writer's labels scored against a second reader, and against the shipped rules`);
  scoreOutcomes(readerOutcomes(items, reader), config.categories).forEach((score, index) => {
    const rule = rules[index]!;
    console.log(`    ${score.id.padEnd(16)} reader P ${figure(score.precision)} R ${figure(score.recall)}   rules P ${figure(rule.precision)} R ${figure(rule.recall)}`);
  });
  const same = items.filter((item) => [...item.labels].sort().join() === [...reader.labels[item.id]!].sort().join()).length;
  console.log(`    the reader gives the writer's exact labels to ${same} of ${items.length} items\n`);
}

const pairLine = (name: string, counts: PairCounts) =>
  `    ${name.padEnd(30)} precision ${figure(counts.precision)} (${counts.falsePositives} wrong pairs)  recall ${figure(counts.recall)} (${counts.truePositives}/${counts.truePositives + counts.falseNegatives})`;

for (const name of MERGE_SETS) {
  const reader = readJsonIfPresent<ReaderGrouping>(fixture(`merge-eval/${name}/second-reader/groups.json`));
  if (!reader) continue;
  const set = loadEventSet(fixture(`merge-eval/${name}/events.json`));
  console.log(`merge ${name}: ${set.events.length} events, ${set.negatives.length} negative groups — every pair of copies`);
  console.log(pairLine('second reader, sure groups', scoreGrouping(set, reader)));
  console.log(pairLine('second reader, unsure merged', scoreGrouping(set, reader, { withUnsure: true })));
  console.log(pairLine('shipped rules', evaluateEvents(set)));
  console.log('');
}
