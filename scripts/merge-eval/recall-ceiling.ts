/**
 * `npm run eval:merge-ceiling`: how far can any merge rule go on what the copies say? For every pair of
 * copies of each labelled set (the team's pairs; blind, blind-2 to blind-6) it measures a vector of
 * the evidence a rule could weigh (evidence-vector.ts), with the project's own functions. A same-event pair is
 * **dominated** when a different-event pair of the same set has evidence at least as strong on every
 * dimension (≥ on the "for" ones, ≤ on the "against" ones, equal on "equal"): a rule that grows with the
 * evidence and merges the same pair merges that different pair too, so at precision 1.0 it cannot merge a
 * dominated pair itself. Printed per set and for the union: same pairs, dominated ones (by a pair of the same
 * set, and by a pair of any set), the ceiling 1 − dominated ÷ same, the ceiling once undominated pairs are
 * joined through shared copies (a ~ b, b ~ c: a, c one story), and the pairs the rule merges now. The held-out
 * set (`blind-7/`; it was `blind-6/` until that one was released) gets its figures only, never a pair.
 * `-- --list` prints, for the tuning sets, every dominated same pair with the pair dominating it and both vectors;
 * `-- --ablation` the union's and the held-out set's ceilings with each dimension left out in turn (figures only).
 *
 * In the vector (each measured as the rules measure it):
 * - for: wording containment, weighted by how many other stories hold each shingle (match-score judgeMatch,
 *   the larger of the two directions), shared wording weight, two-syllable word pairs of title and text
 *   weighed the same way (a paper keeps "mỹ phẩm", "sạt lở" while re-wording every shingle), title containment
 *   (title shingles alone, unweighted), anchors' shared weight and containment (rewrite-match weighAnchors:
 *   places, people, plates, km posts, roads), the number of anchors shared, figures in common (compareFigures,
 *   in any form: words, units, rounding, an age for a birth year; the better direction), figures of 10 or more
 *   or with decimals shared in digits, days of the month both mention, time agreement (2 a clock hour fits, 1 a
 *   part of the day in common: event-times), published the same local day, categories both copies file under
 *   alone and category keywords both hold (the shipped config's categoriser: the nearest the project has to
 *   "the same kind of incident");
 * - against: hours between the copies, figures one states that the other lacks in every form (the better
 *   direction), a thing both number otherwise (numberedNameDiffers), anchors on both sides and none in common,
 *   a day one mentions after the other was published (dayAfter), hours that disagree (hoursDisagree), clock
 *   hours alone that disagree (hoursDisagree without the parts of the day), days that disagree (both name days,
 *   none shared);
 * - equal: same portal (a rule may treat a re-post either way, so only a pair of the same kind dominates).
 * Weights (shingles, word pairs, anchors) count the stories of the set as they would be if every merge went
 * right (an event's copies one story, each negative copy its own), over the whole set rather than a 72 h
 * window; the team's pairs are each weighed alone, as `eval:merge` merges them on an empty store.
 *
 * Not in the vector, so a rule using them could do better than the ceiling says: the story's copies together
 * (a copy compared with the union of an event's earlier copies; only approximated by joining through shared
 * copies), synonyms and paraphrase (`cháy` / `hỏa hoạn`), what a figure counts beyond the figure check's own
 * reading (`2 người bị thương` against `2 người tử vong`), figures in other units (`3.200 triệu` / `3,2 tỷ`),
 * which place lies within which (a village in a commune reads as a conflict), a report's hour against the
 * event's ("Tính đến 17 giờ"), one-word names without a place word ("hội Lim"), the copies' links and lengths,
 * and any knowledge of the world. Dimensions the rule cannot weigh at all (labels, the writers' notes) are
 * left out on purpose. Five dominated pairs read by hand: docs/architecture.md "A ceiling for recall".
 */
import { existsSync } from 'node:fs';
import { loadConfig, DEFAULT_CONFIG_PATH } from '../../src/config/load-config.ts';
import {
  loadEventSet,
  BLIND_EVENTS_FILE,
  SECOND_BLIND_EVENTS_FILE,
  THIRD_BLIND_EVENTS_FILE,
  FOURTH_BLIND_EVENTS_FILE,
  FIFTH_BLIND_EVENTS_FILE,
  SIXTH_BLIND_EVENTS_FILE,
  HELD_OUT_EVENTS_FILE,
} from './evaluate-events.ts';
import { loadPairs } from './evaluate-pairs.ts';
import { kindReaderOf, describeVector, DIMENSIONS, type Dimension } from './evidence-vector.ts';
import { Negatives } from './dominance.ts';
import { ceilingOf, measureEventSet, measureTeamPairs, type CeilingFigures, type MeasuredSet, type SetCeiling } from './measure-ceiling.ts';

const ratio = (part: number, whole: number) => (whole === 0 ? '1.000' : (part / whole).toFixed(3));

function printFigures(name: string, figures: CeilingFigures): void {
  const { same, dominated, dominatedAnywhere, reachable, merged, mergedDominated, mergedBeyond } = figures;
  console.log(
    `${name.padEnd(14)} same ${String(same).padStart(4)}  dominated ${String(dominated).padStart(4)}  ceiling ${ratio(same - dominated, same)}` +
      `  | any set: dominated ${String(dominatedAnywhere).padStart(4)}, ceiling ${ratio(same - dominatedAnywhere, same)}` +
      `  | joined through copies ${ratio(reachable, same)}  | merged now ${String(merged).padStart(4)} (${ratio(merged, same)}), of them dominated ${mergedDominated}, not even joined ${mergedBeyond}`,
  );
}

function sumFigures(all: readonly CeilingFigures[]): CeilingFigures {
  const total = (key: keyof CeilingFigures) => all.reduce((sum, figures) => sum + figures[key], 0);
  return {
    same: total('same'),
    dominated: total('dominated'),
    dominatedAnywhere: total('dominatedAnywhere'),
    reachable: total('reachable'),
    merged: total('merged'),
    mergedDominated: total('mergedDominated'),
    mergedBeyond: total('mergedBeyond'),
  };
}

const OPTIONS = ['--list', '--ablation'];

function main(argv: readonly string[]): void {
  for (const arg of argv) if (!OPTIONS.includes(arg)) throw new Error(`eval:merge-ceiling: unknown option ${arg} (${OPTIONS.join(', ')})`);
  const kindOf = kindReaderOf(loadConfig(DEFAULT_CONFIG_PATH).categories);
  const sets: MeasuredSet[] = [measureTeamPairs(loadPairs(), kindOf)];
  const files = [
    ['blind', BLIND_EVENTS_FILE],
    ['blind-2', SECOND_BLIND_EVENTS_FILE],
    ['blind-3', THIRD_BLIND_EVENTS_FILE],
    ['blind-4', FOURTH_BLIND_EVENTS_FILE],
    ['blind-5', FIFTH_BLIND_EVENTS_FILE],
    ['blind-6', SIXTH_BLIND_EVENTS_FILE],
  ] as const;
  for (const [name, file] of files) if (existsSync(file)) sets.push(measureEventSet(name, loadEventSet(file), kindOf));
  const held = existsSync(HELD_OUT_EVENTS_FILE) ? measureEventSet('blind-7', loadEventSet(HELD_OUT_EVENTS_FILE), kindOf) : undefined;

  console.log(`dimensions: ${DIMENSIONS.map(({ name, direction }) => `${name} (${direction})`).join(', ')}`);
  const results = ceilings(sets, held, DIMENSIONS);
  for (const { set, result } of results.tuning) printFigures(set.name, result.figures);
  printFigures('union', sumFigures(results.tuning.map(({ result }) => result.figures)));
  // The held-out set: its figures alone, measured against its own pairs and every tuning set's; never a pair.
  if (results.held) printFigures('blind-7 (held out)', results.held.figures);
  else console.log('blind-7: absent, skipped');

  if (argv.includes('--ablation')) printAblation(sets, held);
  if (argv.includes('--list')) printDominated(results.tuning);
}

/** The ceilings of the tuning sets and of the held-out one under `dimensions`. */
function ceilings(sets: readonly MeasuredSet[], held: MeasuredSet | undefined, dimensions: readonly Dimension[]) {
  const anywhere = new Negatives(sets.flatMap((set) => set.different), dimensions);
  const tuning = sets.map((set) => ({ set, result: ceilingOf(set, new Negatives(set.different, dimensions), anywhere) }));
  const withHeld = held && new Negatives([...sets.flatMap((set) => set.different), ...held.different], dimensions);
  return { tuning, held: held && ceilingOf(held, new Negatives(held.different, dimensions), withHeld!) };
}

/** Each dimension left out in turn: how much of the ceiling it carries (figures only). */
function printAblation(sets: readonly MeasuredSet[], held: MeasuredSet | undefined): void {
  console.log('\nwithout one dimension: union ceiling (joined through copies); held-out blind-7 ceiling (joined)');
  for (const [index, { name }] of DIMENSIONS.entries()) {
    const dimensions = DIMENSIONS.map((dimension, at) => (at === index ? { ...dimension, direction: 'ignored' as const } : dimension));
    const results = ceilings(sets, held, dimensions);
    const union = sumFigures(results.tuning.map(({ result }) => result.figures));
    const shown = (figures: CeilingFigures) => `${ratio(figures.same - figures.dominated, figures.same)} (${ratio(figures.reachable, figures.same)})`;
    console.log(`  ${name.padEnd(20)} ${shown(union)}; ${results.held ? shown(results.held.figures) : 'absent'}`);
  }
}

/** Every dominated same pair of the tuning sets, with the different pair dominating it and both vectors. */
function printDominated(results: readonly { set: MeasuredSet; result: SetCeiling }[]): void {
  for (const { set, result } of results) {
    console.log(`\n${set.name}: dominated same pairs (${result.dominated.length})`);
    for (const { same, by } of result.dominated) {
      console.log(`  ${same.a} ~ ${same.b}${(same as MeasuredSet['same'][number]).merged ? ' (merged now)' : ''} ⊑ ${by.a} ~ ${by.b}`);
      console.log(`      same: ${describeVector(same.vector)}`);
      console.log(`      diff: ${describeVector(by.vector)}`);
    }
  }
}

main(process.argv.slice(2));
