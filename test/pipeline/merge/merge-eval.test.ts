// The labelled Vietnamese pairs of test/fixtures/merge-eval run through the real normalise → merge
// path, as `npm run eval:merge` runs them; the bounds are issue 3's.
import { describe, expect, it } from 'vitest';
import { evaluatePairs, loadPairs, type LabelledPair } from '../../../scripts/merge-eval/evaluate-pairs.ts';

const pairs = loadPairs();

describe('the merge evaluation set', () => {
  it('has at least 80 pairs, positives and hard negatives of every kind the issue names', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(80);
    const kinds = (label: LabelledPair['label']) => new Set(pairs.filter((pair) => pair.label === label).map((pair) => pair.kind));
    expect([...kinds('same')]).toEqual(expect.arrayContaining(['retitled', 'shortened', 'different-lead', 'nfd', 'old-tone', 'windows-1258', 'tracking-params', 'boilerplate']));
    expect([...kinds('different')]).toEqual(expect.arrayContaining(['template-agency', 'template-figures', 'follow-up', 'same-kind-incident']));
    expect(new Set(pairs.map((pair) => pair.id)).size).toBe(pairs.length);
    for (const pair of pairs) expect(pair.a.sourceId).not.toBe(pair.b.sourceId);
  });

  it('merges with precision 1.0 and recall of at least 0.95', () => {
    const report = evaluatePairs(pairs);
    const misses = report.outcomes.filter((outcome) => outcome.predicted !== outcome.pair.label).map((outcome) => outcome.pair.id);
    expect({ precision: report.precision, misses }).toMatchObject({ precision: 1 });
    expect(report.recall, `missed: ${misses.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
