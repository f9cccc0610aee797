/**
 * Section 3: 1,000 new copies merged into stores of 1,000 / 10,000 / 100,000 stories, each size measured
 * in its own process (processes/merge-child.ts) the way `npm start` merges: a warm MergeCache.
 */
import type { BenchSize } from '../bench-size.ts';
import { round } from '../measure.ts';
import { startChild } from '../processes/child-process.ts';
import type { MergeChildArgument, MergeScalingRow } from '../processes/merge-child.ts';
import type { MergeBatchShape } from '../synthetic/make-stories.ts';

export type { MergeScalingRow } from '../processes/merge-child.ts';

const CHILD = new URL('../processes/merge-child.ts', import.meta.url);

export interface MergeScalingResult {
  copies: number;
  runs: number;
  shape: MergeBatchShape;
  rows: MergeScalingRow[];
  /** Largest store's figure ÷ smallest store's; goal ≤ 2. */
  ratioLargestToSmallest: number;
}

export async function benchMergeScaling(size: BenchSize, log: (line: string) => void): Promise<MergeScalingResult> {
  const copies = size.merge.copies;
  const fresh = Math.round(copies * 0.65);
  const repostsOfFresh = Math.round(copies * 0.25);
  const shape: MergeBatchShape = { fresh, repostsOfFresh, repostsOfStored: copies - fresh - repostsOfFresh };
  const rows: MergeScalingRow[] = [];
  for (const stories of size.merge.storeSizes) {
    const argument: MergeChildArgument = { stories, shape, runs: size.merge.runs };
    const { child, ready: row } = await startChild<MergeScalingRow>(CHILD, argument);
    await child.stop();
    rows.push(row);
    log(`  ${stories} stories: ${row.mergeMs} ms (first cycle ${row.firstCycleMs} ms), ${row.storiesInWindow} in the window`);
  }
  return { copies, runs: size.merge.runs, shape, rows, ratioLargestToSmallest: round(rows[rows.length - 1]!.mergeMs / rows[0]!.mergeMs, 2) };
}
