/**
 * `npm run eval:merge`: precision and recall of story merging on the team's labelled pairs and on the
 * blind event set (written by someone who never read the merge code), each alone and both together,
 * and every pair either set gets wrong.
 */
import { existsSync } from 'node:fs';
import { evaluateEvents, loadEventSet, BLIND_EVENTS_FILE, type EventReport } from './merge-eval/evaluate-events.ts';
import { evaluatePairs, loadPairs, type EvaluationReport } from './merge-eval/evaluate-pairs.ts';

type Counts = Pick<EvaluationReport, 'truePositives' | 'falsePositives' | 'falseNegatives'>;

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const ratio = (hit: number, miss: number) => (hit + miss === 0 ? 1 : hit / (hit + miss));

function printCounts(name: string, counts: Counts): void {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  console.log(`${name}`);
  console.log(`  precision ${percent(ratio(tp, fp))}  (${tp} same pairs merged, ${fp} different pairs merged wrongly)`);
  console.log(`  recall    ${percent(ratio(tp, fn))}  (${tp} of ${tp + fn} same pairs merged)`);
}

const team = evaluatePairs(loadPairs());
const same = team.truePositives + team.falseNegatives;
printCounts(`team set: ${team.outcomes.length} pairs (${same} same, ${team.outcomes.length - same} different), written with the rule`, team);
for (const { pair, predicted } of team.outcomes.filter((outcome) => outcome.predicted !== outcome.pair.label)) {
  console.log(`  ✗ ${pair.id} [${pair.kind}] labelled ${pair.label}, merged as ${predicted}: ${pair.note}`);
}

let blind: EventReport | undefined;
if (existsSync(BLIND_EVENTS_FILE)) {
  const set = loadEventSet();
  blind = evaluateEvents(set);
  const copies = [...set.events, ...set.negatives].reduce((sum, group) => sum + group.copies.length, 0);
  printCounts(`blind set: ${set.events.length} events and ${set.negatives.length} negative groups, ${copies} copies, every pair scored`, blind);
  const reposts = blind.pairs.filter((pair) => pair.where === 'repost');
  console.log(`  same-portal re-posts: ${reposts.filter((pair) => pair.predicted === 'same').length} of ${reposts.length} pairs merged`);
  for (const pair of blind.pairs.filter((candidate) => candidate.label !== candidate.predicted)) {
    console.log(`  ✗ ${pair.a} ~ ${pair.b} (${pair.where}) labelled ${pair.label}, merged as ${pair.predicted}`);
  }
  printCounts('union of both sets', {
    truePositives: team.truePositives + blind.truePositives,
    falsePositives: team.falsePositives + blind.falsePositives,
    falseNegatives: team.falseNegatives + blind.falseNegatives,
  });
} else {
  console.log(`blind set: ${BLIND_EVENTS_FILE.pathname} is absent`);
}
