import { describe, expect, it } from 'vitest';
import type { EventCopy, EventSet } from '../../scripts/merge-eval/evaluate-events.ts';
import { readerOutcomes, scoreGrouping } from '../../scripts/second-reader/agreement.ts';

const copy = (n: number): EventCopy => ({ sourceId: `s${n}`, title: `Tin ${n}`, html: '<p>…</p>', datePublished: '2026-03-05T08:00:00+07:00', url: `https://a.example.vn/${n}` });

// Event e1 told three times, event e2 twice; negative group n1 holds two look-alikes of different events.
const SET: EventSet = {
  events: [
    { id: 'e1', kind: 'same', copies: [copy(1), copy(2), copy(3)] },
    { id: 'e2', kind: 'same', copies: [copy(4), copy(5)] },
  ],
  negatives: [{ id: 'n1', kind: 'follow-up', copies: [copy(6), copy(7)] }],
};

describe('a second reader scored against the writer', () => {
  it('counts every pair of copies: one missed copy of e1 costs two same pairs, a negative pair read as one event is wrong', () => {
    const counts = scoreGrouping(SET, { groups: [['e1#1', 'e1#2'], ['e1#3'], ['e2#1', 'e2#2'], ['n1#1', 'n1#2']] });
    expect(counts).toMatchObject({ truePositives: 2, falseNegatives: 2, falsePositives: 1 });
    expect(counts.recall).toBeCloseTo(0.5);
  });

  it('merges the unsure entries only when asked, chaining them into the groups', () => {
    const reader = { groups: [['e1#1', 'e1#2'], ['e1#3'], ['e2#1'], ['e2#2'], ['n1#1'], ['n1#2']], unsure: [{ copies: ['e1#3', 'e1#1'], why: 'same fire?' }, { copies: ['e2#1', 'n1#1'], why: 'follow-up?' }] };
    expect(scoreGrouping(SET, reader)).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 3 });
    // e1 whole (3 pairs) and e2#1 with n1#1 (1 wrong pair); e2's own pair stays missed.
    expect(scoreGrouping(SET, reader, { withUnsure: true })).toMatchObject({ truePositives: 3, falsePositives: 1, falseNegatives: 1 });
  });

  it('refuses a grouping that leaves a copy out or names one the set lacks', () => {
    expect(() => scoreGrouping(SET, { groups: [['e1#1', 'e1#2', 'e1#3'], ['e2#1', 'e2#2'], ['n1#1']] })).toThrow(/1 copies placed in no group \(n1#2/);
    expect(() => scoreGrouping(SET, { groups: [['e9#1']] })).toThrow(/copy e9#1 is not in the set/);
  });

  it('refuses labels that skip an item instead of reading the gap as "none"', () => {
    const items = [{ id: 'h001', voice: 'police', title: 'Bắt đối tượng trộm cắp', summary: '…', labels: ['an-ninh-trat-tu'] }];
    expect(readerOutcomes(items, { labels: { h001: ['an-ninh-trat-tu'] } })[0]!.predicted).toEqual(['an-ninh-trat-tu']);
    expect(() => readerOutcomes(items, { labels: {} })).toThrow(/no labels for item h001/);
  });
});
