/**
 * Runs the labelled pairs of test/fixtures/merge-eval through the real pipeline: each side becomes a
 * copy via normalizeItem, a's copy is merged into an empty store, then b's, and the pair counts as
 * "same" when one story results.
 */
import { readFileSync } from 'node:fs';
import type { Copy, SourceConfig, Story } from '../../src/model/types.ts';
import { mergeCopies } from '../../src/pipeline/merge/merge-copies.ts';
import { normalizeItem } from '../../src/pipeline/normalize/normalize-item.ts';

export type PairLabel = 'same' | 'different';

export interface PairSide {
  sourceId: string;
  title: string;
  /** Plain text; a line break starts a new paragraph. */
  text: string;
  /** ISO 8601 with the portal's offset. */
  datePublished: string;
  /** The item's link; a per-pair link is made up when absent. */
  url?: string;
}

export interface LabelledPair {
  id: string;
  label: PairLabel;
  kind: string;
  a: PairSide;
  b: PairSide;
  note: string;
}

export interface PairOutcome {
  pair: LabelledPair;
  predicted: PairLabel;
  /** With `explain`, for a pair scored wrongly: the numbers that decided it, one line each. */
  explanation?: string[];
}

export interface EvaluationReport {
  outcomes: PairOutcome[];
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** Of the pairs merged, the share labelled same (1 when none were merged). */
  precision: number;
  /** Of the pairs labelled same, the share merged. */
  recall: number;
}

export const PAIRS_FILE = new URL('../../test/fixtures/merge-eval/pairs.json', import.meta.url);

/** The labelled pairs shipped with the repository. */
export function loadPairs(file: URL = PAIRS_FILE): LabelledPair[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

/** Merges every pair on its own empty store and scores the result against the labels. */
export function evaluatePairs(pairs: readonly LabelledPair[], options: { explain?: boolean } = {}): EvaluationReport {
  const outcomes = pairs.map((pair) => ({ pair, predicted: predict(pair) }));
  const count = (label: PairLabel, predicted: PairLabel) =>
    outcomes.filter((outcome) => outcome.pair.label === label && outcome.predicted === predicted).length;
  const truePositives = count('same', 'same');
  const falsePositives = count('different', 'same');
  const falseNegatives = count('same', 'different');
  const trueNegatives = count('different', 'different');
  return {
    outcomes,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision: share(truePositives, falsePositives),
    recall: share(truePositives, falseNegatives),
  };
}

// Copies are seen after every date in the set, so no date is "in the future" and replaced.
const SEEN_AT = new Date('2030-01-01T00:00:00.000Z');

function predict(pair: LabelledPair): PairLabel {
  const a = toCopy(pair, pair.a, 'a');
  const b = toCopy(pair, pair.b, 'b');
  const sources = new Map([a, b].map((copy) => [copy.sourceId, sourceConfig(copy.sourceId)]));
  const stories: Story[] = [];
  mergeCopies(stories, [a], { now: SEEN_AT, sources, tombstones: {} });
  mergeCopies(stories, [b], { now: SEEN_AT, sources, tombstones: {} });
  return stories.length === 1 ? 'same' : 'different';
}

/** The copy the pipeline makes of one side of a labelled pair. */
export function toCopy(pair: LabelledPair, side: PairSide, which: 'a' | 'b'): Copy {
  const html = side.text
    .split('\n')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
  const copy = normalizeItem(
    {
      guid: `${pair.id}-${which}`,
      link: side.url ?? `https://${side.sourceId}.example.vn/${pair.id}-${which}.html`,
      title: side.title,
      summary: html,
      date: side.datePublished,
      categories: [],
    },
    { source: sourceConfig(side.sourceId), now: SEEN_AT },
  );
  if (!copy) throw new Error(`merge-eval: pair ${pair.id} side ${which} does not normalise to a copy`);
  return copy;
}

/** A portal as the evaluations configure it: no priority, no categoryMap, the province's zone. */
export function sourceConfig(id: string): SourceConfig {
  return { id, name: id, url: `https://${id}.example.vn/rss`, priority: 0, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true };
}

/** hit ÷ (hit + miss), 1 when there is nothing to count: precision and recall of every evaluation. */
export function share(hit: number, miss: number): number {
  return hit + miss === 0 ? 1 : hit / (hit + miss);
}
