// Holds the shipped categories to the bounds of issue 12 on the first two blind labelled sets and the team's
// set, on the later blind sets read whole to the figures the rules reached on them (tuning material since
// they were read), and on the blind set held out whole to the figures the lead recorded after scoring it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, REPO_ROOT, loadConfig } from '../../../src/config/load-config.ts';
import { BLIND_SETS, evaluateItems, loadItems, loadItemsIfPresent, loadTeamItems, type CategoryScore } from '../../../scripts/category-eval/evaluate-items.ts';

const categories = loadConfig(DEFAULT_CONFIG_PATH).categories;

type Bounds = { precision: number; recall: number };

/** An ninh trật tự is the product's first feed: it is held higher than the rest. */
function bounds(id: string): Bounds {
  return id === 'an-ninh-trat-tu' ? { precision: 0.95, recall: 0.9 } : { precision: 0.9, recall: 0.75 };
}

/**
 * Per blind set (by folder), the floors it is held to where they differ from the bounds: what the rules
 * reach on a set read whole, never below its honest figures (README "The shipped categories" has every set's
 * honest and tuned columns); for the held-out set, what the lead measured on it, figures only. Raise a floor
 * when a change lifts a figure; lower one only with a reason in README, and never tune on the held-out set.
 */
const FLOORS: Readonly<Record<string, Readonly<Record<string, Partial<Bounds>>>>> = {
  'blind-3': {
    'an-ninh-trat-tu': { precision: 0.956, recall: 0.948 },
    'chinh-tri': { precision: 0.954, recall: 0.969 },
    'kinh-te': { precision: 1, recall: 0.941 },
    'van-hoa-xa-hoi': { precision: 0.97, recall: 0.89 },
    'giao-duc': { precision: 0.951, recall: 0.921 },
    'y-te': { precision: 0.968, recall: 0.968 },
  },
  'blind-4': {
    'an-ninh-trat-tu': { precision: 0.983, recall: 0.974 },
    'chinh-tri': { precision: 1, recall: 0.984 },
    'kinh-te': { precision: 0.953, recall: 0.968 },
    'van-hoa-xa-hoi': { precision: 0.919, recall: 0.904 },
    'giao-duc': { precision: 0.951, recall: 0.936 },
    'y-te': { precision: 0.937, recall: 0.937 },
  },
  'blind-5': {
    'an-ninh-trat-tu': { precision: 0.969, recall: 0.976 },
    'chinh-tri': { precision: 1, recall: 0.983 },
    'kinh-te': { precision: 0.966, recall: 0.934 },
    'van-hoa-xa-hoi': { precision: 0.915, recall: 0.857 },
    'giao-duc': { precision: 0.967, recall: 0.951 },
    'y-te': { precision: 0.982, recall: 0.919 },
  },
  'blind-6': {
    'an-ninh-trat-tu': { precision: 0.984, recall: 0.968 },
    'chinh-tri': { precision: 0.952, recall: 0.967 },
    'kinh-te': { precision: 0.967, recall: 0.936 },
    'van-hoa-xa-hoi': { precision: 0.95, recall: 0.906 },
    'giao-duc': { precision: 1, recall: 0.952 },
    'y-te': { precision: 0.968, recall: 0.953 },
  },
  'blind-7': {
    'an-ninh-trat-tu': { precision: 0.992, recall: 0.954 },
    'chinh-tri': { precision: 0.967, recall: 0.967 },
    'kinh-te': { precision: 0.92, recall: 0.92 },
    'van-hoa-xa-hoi': { precision: 0.919, recall: 0.89 },
    'giao-duc': { precision: 0.937, recall: 0.937 },
    'y-te': { precision: 0.968, recall: 0.953 },
  },
  'blind-8': {
    'an-ninh-trat-tu': { precision: 0.992, recall: 1 },
    'chinh-tri': { precision: 0.967, recall: 0.967 },
    'kinh-te': { precision: 1, recall: 0.906 },
    'van-hoa-xa-hoi': { precision: 0.92, recall: 0.95 },
    'giao-duc': { precision: 1, recall: 0.935 },
    'y-te': { precision: 1, recall: 0.936 },
  },
  'blind-9': {
    'an-ninh-trat-tu': { precision: 0.977, recall: 0.962 },
    'chinh-tri': { precision: 0.983, recall: 0.967 },
    'kinh-te': { precision: 0.935, recall: 0.92 },
    'van-hoa-xa-hoi': { precision: 0.933, recall: 0.903 },
    'giao-duc': { precision: 0.948, recall: 0.932 },
    'y-te': { precision: 0.983, recall: 0.968 },
  },
  // Held out in session 8 and scored there twice, as figures only (round 5: ANTT .967/.886, Chính trị .873/.902,
  // Kinh tế .879/.906, VH-XH .757/.828, Giáo dục .889/.949, Y tế .951/.879; round 8: ANTT .967/.894, Chính trị
  // .903/.918, Kinh tế .881/.922, VH-XH .800/.813, Giáo dục .903/.949, Y tế .967/.894); read whole in rounds 9 to 11.
  // Văn hóa - Xã hội precision stays under the bound on it after them (README).
  'blind-10': {
    'an-ninh-trat-tu': { precision: 0.984, recall: 0.931 },
    'chinh-tri': { precision: 0.906, recall: 0.95 },
    'kinh-te': { precision: 0.907, recall: 0.921 },
    'van-hoa-xa-hoi': { precision: 0.857, recall: 0.843 },
    'giao-duc': { precision: 0.919, recall: 0.966 },
    'y-te': { precision: 0.967, recall: 0.893 },
  },
  // Held out in session 9 and scored twice, as figures only (round 8: ANTT .978/.957, Chính trị .947/.871, Kinh tế
  // .873/.925, VH-XH .935/.879, Giáo dục .983/.906, Y tế .984/.924; round 9: the same but ANTT .971/.957 and Giáo dục
  // .983/.891); read whole in round 10.
  'blind-11': {
    'an-ninh-trat-tu': { precision: 0.985, recall: 0.985 },
    'chinh-tri': { precision: 0.95, recall: 0.935 },
    'kinh-te': { precision: 0.953, recall: 0.925 },
    'van-hoa-xa-hoi': { precision: 0.968, recall: 0.924 },
    'giao-duc': { precision: 0.983, recall: 0.921 },
    'y-te': { precision: 0.984, recall: 0.969 },
  },
  // Held out in session 9 and scored twice, as figures only (round 9: ANTT 1.000/.918, Chính trị .964/.885, Kinh tế
  // .897/.910, VH-XH .893/.735, Giáo dục .943/.833, Y tế .966/.864; round 10: the same but Kinh tế .910/.910); read
  // whole in round 11.
  'blind-12': {
    'an-ninh-trat-tu': { precision: 1, recall: 0.947 },
    'chinh-tri': { precision: 0.964, recall: 0.901 },
    'kinh-te': { precision: 0.939, recall: 0.925 },
    'van-hoa-xa-hoi': { precision: 0.9, recall: 0.794 },
    'giao-duc': { precision: 0.965, recall: 0.933 },
    'y-te': { precision: 0.967, recall: 0.909 },
  },
  // Held out whole, scored by the lead as figures only, three times: with round 8's rules (where session 9 began),
  // round 10's and round 11's (these floors), every bound met each time (README).
  'blind-13': {
    'an-ninh-trat-tu': { precision: 0.967, recall: 0.929 },
    'chinh-tri': { precision: 0.982, recall: 0.919 },
    'kinh-te': { precision: 1, recall: 0.926 },
    'van-hoa-xa-hoi': { precision: 0.919, recall: 0.838 },
    'giao-duc': { precision: 0.933, recall: 0.965 },
    'y-te': { precision: 0.968, recall: 0.938 },
  },
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
  for (const set of BLIND_SETS) {
    const items = set.heldOut ? loadItemsIfPresent(set.file) : loadItems(set.file);
    const floors = FLOORS[set.folder] ?? {};
    const what = set.heldOut ? 'hold the floors recorded for the held-out' : Object.keys(floors).length > 0 ? 'hold the floors reached on the whole' : 'meet the bounds on the whole';
    it.skipIf(items === undefined)(`${what} ${set.name} (${set.folder}/)`, () => {
      expectWithin(evaluateItems(items!, categories).scores, (id) => ({ ...bounds(id), ...floors[id] }));
    });
  }

  it('meet the same bounds on the team’s own set', () => {
    const team = loadTeamItems();
    expect(team?.length).toBeGreaterThanOrEqual(60);
    expectWithin(evaluateItems(team!, categories).scores, bounds);
  });

  it('hold floors only for blind sets that exist', () => {
    const folders = new Set(BLIND_SETS.map((set) => set.folder));
    expect(Object.keys(FLOORS).filter((folder) => !folders.has(folder))).toEqual([]);
  });

  it('fail a set in which a category has no labelled item, however it is filed', () => {
    const scores = evaluateItems(loadItems(), categories).scores.map((score) => (score.id === 'y-te' ? { ...score, truePositives: 0, falseNegatives: 0, precision: 1, recall: 1 } : score));
    expect(() => expectWithin(scores, bounds)).toThrow();
  });
});

describe('npm run eval:categories -- --misses', () => {
  it('lists a tuning set\'s misses, and gives a present held-out set\'s figures, never its items', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'bantin-held-out-category-set-'));
    try {
      // A fire filed An ninh trật tự but labelled Y tế: a miss --misses would list if the set were tuning material.
      const item = { id: 'z001', voice: 'p', title: 'Cháy nhà xưởng ở xã Tân Lập, thiệt hại 2 tỷ đồng', summary: 'Lửa bùng lên lúc rạng sáng, lực lượng PCCC khống chế sau hai giờ.', labels: ['y-te'] };
      const file = path.join(directory, 'items.json');
      await writeFile(file, JSON.stringify({ items: [item] }));
      const { stdout, code } = await runEvalCategories(['--misses'], { BANTIN_HELD_OUT_CATEGORY_SET: file });
      expect(code).toBe(0);
      expect(stdout).toMatch(/misses, fifth blind set:\n    ✗ e\d+/);
      expect(stdout).toMatch(/twelfth blind set: \d+ items, [^\n]*honest figures on record, now tuning material\n/);
      expect(stdout).toMatch(/misses, twelfth blind set:\n    ✗ /);
      expect(stdout).toMatch(/thirteenth blind set: 1 items, [^\n]*held out whole[^\n]*\n    an-ninh-trat-tu  precision   0\.0 %/);
      expect(stdout).not.toContain('misses, thirteenth blind set');
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
