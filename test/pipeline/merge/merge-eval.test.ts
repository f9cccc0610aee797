// The labelled Vietnamese pairs of test/fixtures/merge-eval run through the real normalise → merge
// path, as `npm run eval:merge` runs them; the bounds are issue 3's.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateEvents, loadEventSet, selectHalf, SECOND_BLIND_EVENTS_FILE, THIRD_BLIND_EVENTS_FILE, FOURTH_BLIND_EVENTS_FILE, FIFTH_BLIND_EVENTS_FILE, SIXTH_BLIND_EVENTS_FILE, HELD_OUT_EVENTS_FILE, type EventSet,
} from '../../../scripts/merge-eval/evaluate-events.ts';
import { evaluatePairs, loadPairs, type LabelledPair } from '../../../scripts/merge-eval/evaluate-pairs.ts';
import { REPO_ROOT } from '../../../src/config/load-config.ts';

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

// The blind event set (test/fixtures/merge-eval/blind, written by someone who never read the merge code)
// and the union of both sets, as `npm run eval:merge` reports them. Issue 13 asks recall ≥ 0.97 on the
// union; the rule reaches UNION_RECALL_FLOOR (see docs/architecture.md for what the rest would take), so
// the floors below hold what it reaches against a regression, and precision is held at 1.0 everywhere.
const BLIND_RECALL_FLOOR = 0.97;
const UNION_RECALL_FLOOR = 0.97;

describe('the blind event set', () => {
  const set = loadEventSet();

  it('has at least 40 events told by 3–4 portals and 15 groups of hard negatives of every kind the issue names', () => {
    expect(set.events.length).toBeGreaterThanOrEqual(40);
    for (const event of set.events) {
      expect(event.copies.length).toBeGreaterThanOrEqual(3);
      expect(new Set(event.copies.map((copy) => copy.sourceId)).size).toBeGreaterThanOrEqual(3);
    }
    expect(set.negatives.length).toBeGreaterThanOrEqual(15);
    expect(new Set(set.negatives.map((group) => group.kind))).toEqual(new Set(['template-agency', 'template-figures', 'follow-up', 'same-kind-incident']));
  });

  it('splits into a tuning half (odd ids) and a held-out half (even ids) that together are the whole set', () => {
    const tuning = selectHalf(set, 'tuning');
    const heldOut = selectHalf(set, 'held-out');
    expect(tuning.events.map((group) => group.id)).toContain('e01');
    expect(heldOut.events.map((group) => group.id)).toContain('e02');
    expect(tuning.events.length + heldOut.events.length).toBe(set.events.length);
    expect(tuning.negatives.length + heldOut.negatives.length).toBe(set.negatives.length);
  });

  it.each(['tuning', 'held-out', 'whole'] as const)('merges the %s half with precision 1.0', (half) => {
    const report = evaluateEvents(selectHalf(set, half));
    const wrong = report.pairs.filter((pair) => pair.label === 'different' && pair.predicted === 'same').map((pair) => `${pair.a}~${pair.b}`);
    expect(wrong).toEqual([]);
  });

  it(`merges the union of both sets with precision 1.0 and recall of at least ${UNION_RECALL_FLOOR} (the blind set alone ${BLIND_RECALL_FLOOR})`, () => {
    const blind = evaluateEvents(set);
    const team = evaluatePairs(pairs);
    const union = {
      truePositives: team.truePositives + blind.truePositives,
      falsePositives: team.falsePositives + blind.falsePositives,
      falseNegatives: team.falseNegatives + blind.falseNegatives,
    };
    expect(union.falsePositives).toBe(0);
    expect(blind.recall).toBeGreaterThanOrEqual(BLIND_RECALL_FLOOR);
    expect(union.truePositives / (union.truePositives + union.falseNegatives)).toBeGreaterThanOrEqual(UNION_RECALL_FLOOR);
  });

  it('explains every pair it gets wrong with the numbers that decided it', () => {
    const report = evaluateEvents(selectHalf(set, 'tuning'), { explain: true });
    const missed = report.pairs.filter((pair) => pair.label === 'same' && pair.predicted === 'different');
    expect(missed.length).toBeGreaterThan(0);
    for (const pair of missed) {
      const text = pair.explanation!.join('\n');
      expect(text).toMatch(/started its story|joined by/);
      expect(text).toMatch(/verbatim containment [\d.]+ \(required [\d.]+\), shared weight [\d.]+/);
      expect(text).toMatch(/rewrite anchors shared \[.*\] weighing [\d.]+/);
    }
  });
});

// The second blind set (test/fixtures/merge-eval/blind-2), written later by another writer and held out
// whole until its honest recall was recorded (0.604 with the rules of 2026-12-04, 0.493 before that day's
// two rules); since then it is tuning material like the first (0.833 after), and counts in the union.
// Lowered once (round 6) for precision: closing set 6's two wrong joins (a next-day follow-up matched by one place;
// a 'sáng cùng ngày' read as the event's time) cost this set the pairs named in docs/architecture.md.
const SECOND_BLIND_RECALL_FLOOR = 0.84;

describe('the second blind event set', () => {
  const set = loadEventSet(SECOND_BLIND_EVENTS_FILE);

  it('has at least 30 events told by 3–4 portals and 12 groups of hard negatives', () => {
    expect(set.events.length).toBeGreaterThanOrEqual(30);
    for (const event of set.events) expect(new Set(event.copies.map((copy) => copy.sourceId)).size).toBeGreaterThanOrEqual(3);
    expect(set.negatives.length).toBeGreaterThanOrEqual(12);
  });

  it(`merges with precision 1.0 and recall of at least ${SECOND_BLIND_RECALL_FLOOR}`, () => {
    const report = evaluateEvents(set);
    expect(report.falsePositives).toBe(0);
    expect(report.recall).toBeGreaterThanOrEqual(SECOND_BLIND_RECALL_FLOOR);
  });
});

// The union of the team set and both blind sets, as `npm run eval:merge` reports it.
const ALL_SETS_UNION_RECALL_FLOOR = 0.93;

describe('the union of the team set and both blind sets', () => {
  it(`merges with precision 1.0 and recall of at least ${ALL_SETS_UNION_RECALL_FLOOR}`, () => {
    const parts = [evaluatePairs(pairs), evaluateEvents(loadEventSet()), evaluateEvents(loadEventSet(SECOND_BLIND_EVENTS_FILE))];
    const total = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => parts.reduce((sum, part) => sum + part[key], 0);
    expect(total('falsePositives')).toBe(0);
    expect(total('truePositives') / (total('truePositives') + total('falseNegatives'))).toBeGreaterThanOrEqual(ALL_SETS_UNION_RECALL_FLOOR);
  });
});

// The third blind set (test/fixtures/merge-eval/blind-3), written by someone who never saw the code and
// held out whole until scored once (2026-12-05): precision 0.969, recall 0.606 — one negative copy (another
// event at the same bridge, on another day) joined an event's story; after that one join was read, a rewrite
// naming other days than its match was kept apart (rewrite-match.ts daysDisagree): precision 1.0, recall
// 0.606. Since then it is tuning material like the others, and counts in the union.
// Lowered once (round 6) for precision: closing set 6's two wrong joins (a next-day follow-up matched by one place;
// a 'sáng cùng ngày' read as the event's time) cost this set the pairs named in docs/architecture.md; again (round 7)
// when 'rạng sáng cùng ngày' stopped being read as the event's time (m24, three pairs).
const THIRD_BLIND_RECALL_FLOOR = 0.77;

describe('the third blind event set', () => {
  it(`merges with precision 1.0 and recall of at least ${THIRD_BLIND_RECALL_FLOOR}`, () => {
    const report = evaluateEvents(loadEventSet(THIRD_BLIND_EVENTS_FILE));
    expect(report.falsePositives).toBe(0);
    expect(report.recall).toBeGreaterThanOrEqual(THIRD_BLIND_RECALL_FLOOR);
  });
});

// The union of the team set and the three blind sets, as `npm run eval:merge` reports it. Lowered in round 7 for the
// third set's m24 (see THIRD_BLIND_RECALL_FLOOR).
const FOUR_SETS_UNION_RECALL_FLOOR = 0.87;

describe('the union of the team set and the three blind sets', () => {
  it(`merges with precision 1.0 and recall of at least ${FOUR_SETS_UNION_RECALL_FLOOR}`, () => {
    const parts = [evaluatePairs(pairs), ...[undefined, SECOND_BLIND_EVENTS_FILE, THIRD_BLIND_EVENTS_FILE].map((file) => evaluateEvents(loadEventSet(file)))];
    const total = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => parts.reduce((sum, part) => sum + part[key], 0);
    expect(total('falsePositives')).toBe(0);
    expect(total('truePositives') / (total('truePositives') + total('falseNegatives'))).toBeGreaterThanOrEqual(FOUR_SETS_UNION_RECALL_FLOOR);
  });
});

// The fourth blind set (test/fixtures/merge-eval/blind-4), written by someone who never saw the code, held
// out whole until released as tuning material: scored once (2026-12-05) with the rules before round 2: precision
// 0.934, recall 0.341; on round 2's rules 0.964 / 0.519; after its one wrong join was read (counts in words,
// match-score.ts), 1.0 / 0.500. Since then its wrong pairs are printed and it counts in the union (round 3: 0.567; people-counting nouns read as one cost one pair).
const FOURTH_BLIND_RECALL_FLOOR = 0.57;

describe('the fourth blind event set', () => {
  it(`merges with precision 1.0 and recall of at least ${FOURTH_BLIND_RECALL_FLOOR}`, () => {
    const report = evaluateEvents(loadEventSet(FOURTH_BLIND_EVENTS_FILE));
    expect(report.falsePositives).toBe(0);
    expect(report.recall).toBeGreaterThanOrEqual(FOURTH_BLIND_RECALL_FLOOR);
  });
});

// The fifth blind set (test/fixtures/merge-eval/blind-5), written from a brief alone by someone who never saw the
// code, held out whole: scored (2026-12-05) before any rule saw it: precision 1.0, recall 0.389 (79 of 203) with
// session 5's rules; 1.0 / 0.394 (80 of 203) with round 3's; 1.0 / 0.394 again with round 4's class rules, made on
// the other sets' misses alone (its second honest reading). Since then its wrong pairs are printed and it is tuning
// material, counted in the union: 0.429 (87 of 203) after round 4's rules made on its misses too.
// Lowered once (round 6) for precision: closing set 6's two wrong joins (a next-day follow-up matched by one place;
// a 'sáng cùng ngày' read as the event's time) cost this set the pairs named in docs/architecture.md.
const FIFTH_BLIND_RECALL_FLOOR = 0.4;

describe('the fifth blind event set', () => {
  it(`merges with precision 1.0 and recall of at least ${FIFTH_BLIND_RECALL_FLOOR}`, () => {
    const report = evaluateEvents(loadEventSet(FIFTH_BLIND_EVENTS_FILE));
    expect(report.falsePositives).toBe(0);
    expect(report.recall).toBeGreaterThanOrEqual(FIFTH_BLIND_RECALL_FLOOR);
  });
});

// The sixth blind set (test/fixtures/merge-eval/blind-6), written from a brief alone by someone who never saw the
// code, held out whole: scored once by the lead, 2026-12-05, figures only, with the rules at eb685dc: 3 different
// pairs merged (precision 0.968), recall 0.492 (91 of 185). Round 4's 48 h window for strong anchors made it 6 wrong
// pairs and was dropped on that figure. Since then its wrong pairs are printed and it is tuning material, counted
// in the union, held at precision 1.0: 1.0 / 0.470 (87 of 185) after round 6 closed its two wrong joins by class.
const SIXTH_BLIND_RECALL_FLOOR = 0.47;

describe('the sixth blind event set', () => {
  it(`merges with precision 1.0 and recall of at least ${SIXTH_BLIND_RECALL_FLOOR}`, () => {
    const report = evaluateEvents(loadEventSet(SIXTH_BLIND_EVENTS_FILE));
    const wrong = report.pairs.filter((pair) => pair.label === 'different' && pair.predicted === 'same').map((pair) => `${pair.a}~${pair.b}`);
    expect(wrong).toEqual([]);
    expect(report.recall).toBeGreaterThanOrEqual(SIXTH_BLIND_RECALL_FLOOR);
  });
});

// The seventh blind set (test/fixtures/merge-eval/blind-7), written from a brief alone by someone who never saw the
// code, held out whole: eval:merge prints its figures, never its pairs. Never tune a rule on its pairs.
// Scored by the lead, figures only, 2026-12-05: 5 different pairs merged (precision 0.963) and recall 0.721 (129 of
// 179) with the rules at eb685dc and before round 6; 5 wrong pairs (0.962) and 0.704 (126 of 179) with round 6's
// precision rules (made on set 6). Held at what it measured: no more wrong pairs, no less recall.
const SEVENTH_BLIND_RECALL_FLOOR = 0.7;
const SEVENTH_BLIND_MAX_WRONG_PAIRS = 5;

describe.skipIf(!existsSync(HELD_OUT_EVENTS_FILE))('the seventh blind event set (held out whole)', () => {
  it(`merges at most ${SEVENTH_BLIND_MAX_WRONG_PAIRS} different pairs and recall of at least ${SEVENTH_BLIND_RECALL_FLOOR}`, () => {
    const report = evaluateEvents(loadEventSet(HELD_OUT_EVENTS_FILE));
    // Counts only: the pairs of a held-out set are never printed, not even in a failing assertion.
    expect(report.falsePositives <= SEVENTH_BLIND_MAX_WRONG_PAIRS).toBe(true);
    expect(report.recall >= SEVENTH_BLIND_RECALL_FLOOR).toBe(true);
  });
});

// The union of the team set and the first four blind sets, as `npm run eval:merge` reports it.
// Lowered once (round 6) for precision: closing set 6's two wrong joins (a next-day follow-up matched by one place;
// a 'sáng cùng ngày' read as the event's time) cost this set the pairs named in docs/architecture.md.
const FIVE_SETS_UNION_RECALL_FLOOR = 0.79;

describe('the union of the team set and the first four blind sets', () => {
  it(`merges with precision 1.0 and recall of at least ${FIVE_SETS_UNION_RECALL_FLOOR}`, () => {
    const files = [undefined, SECOND_BLIND_EVENTS_FILE, THIRD_BLIND_EVENTS_FILE, FOURTH_BLIND_EVENTS_FILE];
    const parts = [evaluatePairs(pairs), ...files.map((file) => evaluateEvents(loadEventSet(file)))];
    const total = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => parts.reduce((sum, part) => sum + part[key], 0);
    expect(total('falsePositives')).toBe(0);
    expect(total('truePositives') / (total('truePositives') + total('falseNegatives'))).toBeGreaterThanOrEqual(FIVE_SETS_UNION_RECALL_FLOOR);
  });
});

// The union of the team set and the five blind sets, as `npm run eval:merge` reports it.
// Lowered once (round 6) for precision: closing set 6's two wrong joins (a next-day follow-up matched by one place;
// a 'sáng cùng ngày' read as the event's time) cost this set the pairs named in docs/architecture.md.
const SIX_SETS_UNION_RECALL_FLOOR = 0.71;

describe('the union of the team set and the five blind sets', () => {
  it(`merges with precision 1.0 and recall of at least ${SIX_SETS_UNION_RECALL_FLOOR}`, () => {
    const files = [undefined, SECOND_BLIND_EVENTS_FILE, THIRD_BLIND_EVENTS_FILE, FOURTH_BLIND_EVENTS_FILE, FIFTH_BLIND_EVENTS_FILE];
    const parts = [evaluatePairs(pairs), ...files.map((file) => evaluateEvents(loadEventSet(file)))];
    const total = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => parts.reduce((sum, part) => sum + part[key], 0);
    expect(total('falsePositives')).toBe(0);
    expect(total('truePositives') / (total('truePositives') + total('falseNegatives'))).toBeGreaterThanOrEqual(SIX_SETS_UNION_RECALL_FLOOR);
  });
});

// The union of the team set and the six blind sets, as `npm run eval:merge` reports it. Lowered in round 7 for the
// third set's m24 (see THIRD_BLIND_RECALL_FLOOR).
const SEVEN_SETS_UNION_RECALL_FLOOR = 0.67;

describe('the union of the team set and the six blind sets', () => {
  it(`merges with precision 1.0 and recall of at least ${SEVEN_SETS_UNION_RECALL_FLOOR}`, () => {
    const files = [undefined, SECOND_BLIND_EVENTS_FILE, THIRD_BLIND_EVENTS_FILE, FOURTH_BLIND_EVENTS_FILE, FIFTH_BLIND_EVENTS_FILE, SIXTH_BLIND_EVENTS_FILE];
    const parts = [evaluatePairs(pairs), ...files.map((file) => evaluateEvents(loadEventSet(file)))];
    const total = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => parts.reduce((sum, part) => sum + part[key], 0);
    expect(total('falsePositives')).toBe(0);
    expect(total('truePositives') / (total('truePositives') + total('falseNegatives'))).toBeGreaterThanOrEqual(SEVEN_SETS_UNION_RECALL_FLOOR);
  });
});

describe('npm run eval:merge', () => {
  it('shows the second to sixth blind sets\' wrong pairs, counts them in the unions, and names the held-out seventh set absent or gives its figures only', async () => {
    const { stdout, code } = await runScript([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/second blind set \(scored held out once[^\n]*\n  precision 100\.0 %/);
    expect(stdout).toContain("pairs the second blind set gets wrong:");
    expect(stdout).toMatch(/third blind set \(scored held out once[^\n]*\n  precision 100\.0 %/);
    expect(stdout).toContain('pairs the third blind set gets wrong:');
    expect(stdout).toMatch(/fourth blind set \(scored held out once[^\n]*\n  precision 100\.0 %/);
    expect(stdout).toContain('pairs the fourth blind set gets wrong:');
    expect(stdout).toMatch(/fifth blind set \(scored held out once at precision 1\.0, recall 0\.394, tuned on since\)[^\n]*\n  precision 100\.0 %/);
    expect(stdout).toContain('pairs the fifth blind set gets wrong:');
    expect(stdout).toMatch(/sixth blind set \(scored held out once at precision 0\.968, recall 0\.492, tuned on since\)[^\n]*\n  precision 100\.0 %/);
    expect(stdout).toContain('pairs the sixth blind set gets wrong:');
    expect(stdout).toMatch(/✗ [tu]\d+#\d/);
    expect(stdout).toMatch(/union of the team set and the first four blind sets\n  precision 100\.0 %/);
    expect(stdout).toMatch(/union of the team set and the five blind sets\n  precision 100\.0 %/);
    expect(stdout).toMatch(/union of the team set and the six blind sets\n  precision 100\.0 %/);
    expect(stdout).toMatch(/seventh blind set(: .* is absent, skipped| \(held out whole, its pairs never shown\)[^\n]*\n  precision)/);
  });

  it('never prints a pair of the held-out seventh blind set when it is present', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'bantin-held-out-set-'));
    try {
      // A tiny held-out set (ids x…, y…) whose two copies of one event cannot merge: its miss must not be printed.
      const file = path.join(directory, 'events.json');
      await writeFile(file, JSON.stringify(tinyHeldOutSet()));
      const { stdout, code } = await runScript([], { BANTIN_HELD_OUT_MERGE_SET: file });
      expect(code).toBe(0);
      expect(stdout).toMatch(/seventh blind set \(held out whole, its pairs never shown\): 1 events and 1 negative groups, 4 copies\n  precision 0\.0 %  \(0 same pairs merged, 1 different pairs merged wrongly\)\n  recall    0\.0 %/);
      expect(stdout).not.toMatch(/x01#|y01#/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('prints with --explain every story joined through a bridging copy, with the numbers of both sides', async () => {
    const { stdout, code } = await runScript(['--explain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/⇄ \S+'s story was joined to this one through a bridge: \S+ matched both stories by text \(.*\), and \S+ and \S+ corroborate each other: anchors \[.+\] weighing [\d.]+, same day [\d/]+/);
  });

  it('shows the tuning half alone with --half tuning, and the numbers of each miss with --explain', async () => {
    const { stdout, code } = await runScript(['--half', 'tuning', '--explain']);
    expect(code).toBe(0);
    expect(stdout).toContain('blind set, tuning half (odd ids)');
    expect(stdout).not.toContain('held-out');
    expect(stdout).toMatch(/✗ e\d*[13579]#\d ~ e\d*[13579]#\d/);
    expect(stdout).not.toMatch(/✗ [en]\d*[02468]#/);
    expect(stdout).toContain('against that story:');
  });
});

function tinyHeldOutSet(): EventSet {
  const copy = (sourceId: string, title: string, text: string, hour: string) => ({
    sourceId,
    title,
    html: `<p>${text}</p>`,
    datePublished: `2026-03-02T${hour}:00:00+07:00`,
    url: `https://${sourceId}.example.vn/${sourceId}-${hour}.html`,
  });
  return {
    events: [
      {
        id: 'x01',
        kind: 'same',
        copies: [
          copy('cong-an-thu', 'Bắt giữ nhóm thanh niên gây rối trật tự công cộng', 'Tổ công tác tuần tra đêm qua đã đưa năm thanh niên về trụ sở để làm rõ việc tụ tập gây ồn ào ngoài phố.', '08'),
          copy('bao-thu', 'Mưa lớn làm ngập nhiều tuyến đường nội thị', 'Cơn mưa kéo dài suốt buổi chiều khiến nước dâng cao, nhiều phương tiện chết máy giữa dòng nước.', '09'),
        ],
      },
    ],
    // Two portals' word-for-word copies labelled as two events: the join is wrong, and must not be printed either.
    negatives: [
      {
        id: 'y01',
        kind: 'same-kind-incident',
        copies: [
          copy('cong-an-thu', 'Cháy kho phế liệu ở phường Đông Thành', 'Khoảng 14 giờ chiều nay, kho phế liệu của một hộ dân tại phường Đông Thành bốc cháy dữ dội, lực lượng PCCC điều ba xe chữa cháy đến dập lửa sau hơn một giờ.', '10'),
          copy('bao-thu', 'Cháy kho phế liệu ở phường Đông Thành', 'Khoảng 14 giờ chiều nay, kho phế liệu của một hộ dân tại phường Đông Thành bốc cháy dữ dội, lực lượng PCCC điều ba xe chữa cháy đến dập lửa sau hơn một giờ.', '11'),
        ],
      },
    ],
  };
}

function runScript(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/eval-merge.ts'), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}
