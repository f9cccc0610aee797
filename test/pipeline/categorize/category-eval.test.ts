// Holds the shipped categories to the bounds of issue 12 on the first two blind labelled sets and the team's
// set, on the third to sixth blind sets to the figures the rules reached on them (tuning material since
// rounds 2, 3, 4 and 5), and on the seventh blind set (held out whole) to the bounds until the lead
// records its floors after scoring it once.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, REPO_ROOT, loadConfig } from '../../../src/config/load-config.ts';
import {
  FIFTH_BLIND_ITEMS_FILE,
  FOURTH_BLIND_ITEMS_FILE,
  SECOND_BLIND_ITEMS_FILE,
  SEVENTH_BLIND_ITEMS_FILE,
  SIXTH_BLIND_ITEMS_FILE,
  THIRD_BLIND_ITEMS_FILE,
  evaluateItems,
  loadItems,
  loadItemsIfPresent,
  loadTeamItems,
  type CategoryScore,
} from '../../../scripts/category-eval/evaluate-items.ts';

const categories = loadConfig(DEFAULT_CONFIG_PATH).categories;

type Bounds = { precision: number; recall: number };

/** An ninh trật tự is the product's first feed: it is held higher than the rest. */
function bounds(id: string): Bounds {
  return id === 'an-ninh-trat-tu' ? { precision: 0.95, recall: 0.9 } : { precision: 0.9, recall: 0.75 };
}

/**
 * The third blind set's floors: what the rules reached on it once it became tuning material (README
 * "The shipped categories"), never below its honest figures, scored before any rule had seen it
 * (ANTT .929 / .897, Chính trị .764 / .846, Kinh tế .860 / .632, VH-XH .759 / .562, Giáo dục .934 / .891,
 * Y tế .964 / .841). Raise a floor when a change lifts a figure; lower one only with a reason in README.
 */
const THIRD_BLIND_SET_FLOORS: Readonly<Record<string, Bounds>> = {
  'an-ninh-trat-tu': { precision: 0.973, recall: 0.931 },
  'chinh-tri': { precision: 0.94, recall: 0.969 },
  'kinh-te': { precision: 1, recall: 0.941 },
  'van-hoa-xa-hoi': { precision: 0.955, recall: 0.876 },
  'giao-duc': { precision: 0.938, recall: 0.953 },
  'y-te': { precision: 0.967, recall: 0.952 },
};

/**
 * The fourth blind set's floors: what the rules reach on it since it became tuning material (round 3),
 * never below its honest figures, scored once with round 2's rules before any rule saw it (ANTT .955 / .899,
 * Chính trị .950 / .905, Kinh tế .900 / .857, VH-XH .729 / .810, Giáo dục .918 / .889, Y tế .934 / .891).
 * Raise a floor when a change lifts a figure; lower one only with a reason in README.
 */
const FOURTH_BLIND_SET_FLOORS: Readonly<Record<string, Bounds>> = {
  'an-ninh-trat-tu': { precision: 0.983, recall: 0.974 },
  'chinh-tri': { precision: 0.968, recall: 0.968 },
  'kinh-te': { precision: 0.968, recall: 0.968 },
  'van-hoa-xa-hoi': { precision: 0.906, recall: 0.92 },
  'giao-duc': { precision: 0.921, recall: 0.936 },
  'y-te': { precision: 0.937, recall: 0.937 },
};

/**
 * The fifth blind set's floors: what the rules reach on it since it became tuning material (round 4),
 * never below its honest figures, scored once with round 3's rules before any rule saw it (ANTT .966 / .884,
 * Chính trị .950 / .919, Kinh tế .789 / .918, VH-XH .810 / .810, Giáo dục .934 / .919, Y tế .981 / .823).
 * Raise a floor when a change lifts a figure; lower one only with a reason in README.
 */
const FIFTH_BLIND_SET_FLOORS: Readonly<Record<string, Bounds>> = {
  'an-ninh-trat-tu': { precision: 0.976, recall: 0.968 },
  'chinh-tri': { precision: 1, recall: 0.983 },
  'kinh-te': { precision: 0.95, recall: 0.95 },
  'van-hoa-xa-hoi': { precision: 0.916, recall: 0.873 },
  'giao-duc': { precision: 0.951, recall: 0.951 },
  'y-te': { precision: 0.982, recall: 0.919 },
};

/**
 * The sixth blind set's floors: what the rules reach on it since it became tuning material (round 5), never
 * below its honest figures, scored twice before any rule saw it: with round 3's and round 4's rules (the same
 * figures: ANTT .969 / .953, Chính trị .952 / .952, Kinh tế .891 / .905, VH-XH .851 / .891, Giáo dục .967 / .937,
 * Y tế .966 / .891) and with round 5's class-level rules (the same but VH-XH .848 / .875).
 * Raise a floor when a change lifts a figure; lower one only with a reason in README.
 */
const SIXTH_BLIND_SET_FLOORS: Readonly<Record<string, Bounds>> = {
  'an-ninh-trat-tu': { precision: 0.976, recall: 0.968 },
  'chinh-tri': { precision: 0.952, recall: 0.967 },
  'kinh-te': { precision: 0.951, recall: 0.936 },
  'van-hoa-xa-hoi': { precision: 0.92, recall: 0.906 },
  'giao-duc': { precision: 0.967, recall: 0.936 },
  'y-te': { precision: 0.967, recall: 0.937 },
};

/**
 * The seventh blind set's check, set by the lead after scoring it once (until then the bounds):
 * per category, the floor it is held to. Lower a figure here only to what the set measured, and say so
 * in README; never tune a rule on that set's items.
 */
// Scored by the lead, figures only: with round 4's rules (eb685dc) ANTT .984/.916, Chính trị .922/.952, Kinh tế
// .875/.889, VH-XH .786/.859, Giáo dục .868/.922, Y tế .938/.923; with round 5's (these floors) ANTT .984/.916,
// Chính trị .937/.952, Kinh tế .887/.873, VH-XH .797/.859, Giáo dục .868/.922, Y tế .938/.923. Kinh tế, VH-XH and
// Giáo dục precision miss the bounds on it (README); a second reader labelling it by hand meets them all.
const SEVENTH_BLIND_SET_FLOORS: Readonly<Record<string, Partial<Bounds>>> = {
  'an-ninh-trat-tu': { precision: 0.983, recall: 0.916 },
  'chinh-tri': { precision: 0.936, recall: 0.951 },
  'kinh-te': { precision: 0.887, recall: 0.873 },
  'van-hoa-xa-hoi': { precision: 0.797, recall: 0.859 },
  'giao-duc': { precision: 0.867, recall: 0.921 },
  'y-te': { precision: 0.937, recall: 0.923 },
};

function expectWithin(scores: readonly CategoryScore[], boundsOf: (id: string) => Bounds): void {
  for (const score of scores) {
    const { precision, recall } = boundsOf(score.id);
    // A category nobody labelled in the set scores 1.0 on nothing: that proves no bound.
    const labelled = score.truePositives + score.falseNegatives;
    expect({ id: score.id, labelled: labelled > 0, precisionMet: score.precision >= precision, recallMet: score.recall >= recall, score }).toMatchObject({
      labelled: true,
      precisionMet: true,
      recallMet: true,
    });
  }
}

describe('the shipped categories on labelled sets', () => {
  it('meet the bounds on the whole first blind set', () => {
    expectWithin(evaluateItems(loadItems(), categories).scores, bounds);
  });

  it('meet the bounds on the whole second blind set', () => {
    expectWithin(evaluateItems(loadItems(SECOND_BLIND_ITEMS_FILE), categories).scores, bounds);
  });

  it('hold the floors reached on the whole third blind set', () => {
    expectWithin(evaluateItems(loadItems(THIRD_BLIND_ITEMS_FILE), categories).scores, (id) => THIRD_BLIND_SET_FLOORS[id] ?? bounds(id));
  });

  it('hold the floors reached on the whole fourth blind set', () => {
    expectWithin(evaluateItems(loadItems(FOURTH_BLIND_ITEMS_FILE), categories).scores, (id) => FOURTH_BLIND_SET_FLOORS[id] ?? bounds(id));
  });

  it('hold the floors reached on the whole fifth blind set', () => {
    expectWithin(evaluateItems(loadItems(FIFTH_BLIND_ITEMS_FILE), categories).scores, (id) => FIFTH_BLIND_SET_FLOORS[id] ?? bounds(id));
  });

  it('hold the floors reached on the whole sixth blind set', () => {
    expectWithin(evaluateItems(loadItems(SIXTH_BLIND_ITEMS_FILE), categories).scores, (id) => SIXTH_BLIND_SET_FLOORS[id] ?? bounds(id));
  });

  const seventh = loadItemsIfPresent(SEVENTH_BLIND_ITEMS_FILE);
  it.skipIf(seventh === undefined)('hold the floors recorded for the seventh blind set, held out whole', () => {
    expectWithin(evaluateItems(seventh!, categories).scores, (id) => ({ ...bounds(id), ...SEVENTH_BLIND_SET_FLOORS[id] }));
  });

  it('meet the same bounds on the team’s own set', () => {
    const team = loadTeamItems();
    expect(team?.length).toBeGreaterThanOrEqual(60);
    expectWithin(evaluateItems(team!, categories).scores, bounds);
  });

  it('fail a set in which a category has no labelled item, however it is filed', () => {
    const scores = evaluateItems(loadItems(), categories).scores.map((score) => (score.id === 'y-te' ? { ...score, truePositives: 0, falseNegatives: 0, precision: 1, recall: 1 } : score));
    expect(() => expectWithin(scores, bounds)).toThrow();
  });
});

describe('npm run eval:categories -- --misses', () => {
  it('lists the sixth blind set\'s misses, and gives a present seventh set\'s figures, never its items', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'bantin-seventh-category-set-'));
    try {
      // A fire filed An ninh trật tự but labelled Y tế: a miss --misses would list if the set were tuning material.
      const item = { id: 'z001', voice: 'p', title: 'Cháy nhà xưởng ở xã Tân Lập, thiệt hại 2 tỷ đồng', summary: 'Lửa bùng lên lúc rạng sáng, lực lượng PCCC khống chế sau hai giờ.', labels: ['y-te'] };
      const file = path.join(directory, 'items.json');
      await writeFile(file, JSON.stringify({ items: [item] }));
      const { stdout, code } = await runEvalCategories(['--misses'], { BANTIN_SEVENTH_CATEGORY_SET: file });
      expect(code).toBe(0);
      expect(stdout).toMatch(/misses, fifth blind set:\n    ✗ e\d+/);
      expect(stdout).toMatch(/sixth blind set: \d+ items, [^\n]*honest figures on record, now tuning material\n/);
      expect(stdout).toMatch(/misses, sixth blind set:\n    ✗ /);
      expect(stdout).toMatch(/seventh blind set: 1 items, [^\n]*held out whole[^\n]*\n    an-ninh-trat-tu  precision   0\.0 %/);
      expect(stdout).not.toContain('misses, seventh blind set');
      expect(stdout).not.toContain('z001');
      expect(stdout).not.toContain('Tân Lập');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

function runEvalCategories(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/eval-categories.ts'), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}
