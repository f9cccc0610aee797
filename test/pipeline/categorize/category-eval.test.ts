// Holds the shipped categories to the bounds of issue 12 on both blind labelled sets (and the team's set).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../../src/config/load-config.ts';
import { SECOND_BLIND_ITEMS_FILE, evaluateItems, halfOf, loadItems, loadTeamItems, type CategoryScore } from '../../../scripts/category-eval/evaluate-items.ts';

const categories = loadConfig(DEFAULT_CONFIG_PATH).categories;

type Bounds = { precision: number; recall: number };

/** An ninh trật tự is the product's first feed: it is held higher than the rest. */
function bounds(id: string): Bounds {
  return id === 'an-ninh-trat-tu' ? { precision: 0.95, recall: 0.9 } : { precision: 0.9, recall: 0.75 };
}

/**
 * Where the second blind set is still short of the bounds, the floor is what the rules reach
 * on it (README "The shipped categories and how well they file"), so a change cannot lose ground there
 * unseen; every other figure is held to the bounds themselves.
 */
const SECOND_SET_FLOORS: Readonly<Record<string, Partial<Bounds>>> = {
  'an-ninh-trat-tu': { precision: 0.94 },
  'van-hoa-xa-hoi': { precision: 0.85 },
};

function expectWithin(scores: readonly CategoryScore[], boundsOf: (id: string) => Bounds): void {
  for (const score of scores) {
    const { precision, recall } = boundsOf(score.id);
    expect({ id: score.id, precisionMet: score.precision >= precision, recallMet: score.recall >= recall, score }).toMatchObject({ precisionMet: true, recallMet: true });
  }
}

describe('the shipped categories on labelled sets', () => {
  it('meet the bounds on the whole first blind set', () => {
    expectWithin(evaluateItems(loadItems(), categories).scores, bounds);
  });

  it('meet the bounds on the whole second blind set, or hold the floor reached where they do not yet', () => {
    expectWithin(evaluateItems(loadItems(SECOND_BLIND_ITEMS_FILE), categories).scores, (id) => ({ ...bounds(id), ...SECOND_SET_FLOORS[id] }));
  });

  it('split each blind set into a tuning half and a held-out half of nearly equal size', () => {
    for (const items of [loadItems(), loadItems(SECOND_BLIND_ITEMS_FILE)]) {
      const tune = items.filter((item) => halfOf(item) === 'tune').length;
      expect(Math.abs(tune - (items.length - tune))).toBeLessThanOrEqual(1);
    }
  });

  it('meet the same bounds on the team’s own set', () => {
    const team = loadTeamItems();
    expect(team?.length).toBeGreaterThanOrEqual(60);
    expectWithin(evaluateItems(team!, categories).scores, bounds);
  });
});
