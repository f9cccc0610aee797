/** How big a bench run is: `full` for the report, `tiny` (BENCH_SIZE=tiny or --size tiny) to check the bench itself in seconds. */

export interface BenchSize {
  name: 'full' | 'small' | 'tiny';
  ingest: { sources: number; itemsPerSource: number; coldRuns: number; parseRuns: number; warmRuns: number };
  merge: { storeSizes: number[]; copies: number; runs: number };
  store: { sizes: number[] };
  /**
   * `requests`: a fixed number per measurement instead of `durationSeconds` (tiny runs); `rounds`:
   * how many times every server is measured, the order alternating, figures and ratios their medians.
   */
  serve: { connections: number; durationSeconds: number; requests?: number; rounds: number };
  /** HTML portals without feeds (issue 11): portals × articles on each list page; runs of the extraction measure. */
  html: { portals: number; articlesPerPortal: number; extractRuns: number };
  /**
   * `npm run bench -- --sections national` (PostgreSQL): stories and copies loaded into the database;
   * portals split between one process and two; `cycleSources` × `cycleItems` new copies for the timed cycle (at most `itemsPerSource` each: a feed lists that many).
   */
  national: { stories: number; copiesPerStory: number; sources: number; itemsPerSource: number; cycleSources: number; cycleItems: number; cycles: number; connections: number };
  /** Section 5's story routes: stories in the store they are served from, and rounds of every route (each as long as a serve measure). */
  stories: { count: number; rounds: number };
}

export const BENCH_SIZES: Readonly<Record<BenchSize['name'], BenchSize>> = {
  full: {
    name: 'full',
    ingest: { sources: 100, itemsPerSource: 100, coldRuns: 2, parseRuns: 3, warmRuns: 3 },
    merge: { storeSizes: [1_000, 10_000, 100_000], copies: 1_000, runs: 5 },
    store: { sizes: [20_000, 100_000] },
    serve: { connections: 32, durationSeconds: 2, rounds: 10 },
    html: { portals: 20, articlesPerPortal: 20, extractRuns: 5 },
    national: { stories: 500_000, copiesPerStory: 2, sources: 2_000, itemsPerSource: 1, cycleSources: 1_000, cycleItems: 1, cycles: 1, connections: 8 },
    stories: { count: 20_000, rounds: 3 },
  },
  small: {
    name: 'small',
    ingest: { sources: 40, itemsPerSource: 100, coldRuns: 3, parseRuns: 1, warmRuns: 1 },
    merge: { storeSizes: [1_000, 10_000], copies: 1_000, runs: 3 },
    store: { sizes: [5_000] },
    serve: { connections: 8, durationSeconds: 1, rounds: 2 },
    html: { portals: 8, articlesPerPortal: 10, extractRuns: 3 },
    national: { stories: 20_000, copiesPerStory: 2, sources: 200, itemsPerSource: 1, cycleSources: 100, cycleItems: 1, cycles: 1, connections: 4 },
    stories: { count: 2_000, rounds: 1 },
  },
  tiny: {
    name: 'tiny',
    ingest: { sources: 6, itemsPerSource: 15, coldRuns: 1, parseRuns: 1, warmRuns: 1 },
    merge: { storeSizes: [100, 400], copies: 60, runs: 2 },
    store: { sizes: [300] },
    serve: { connections: 4, durationSeconds: 1, requests: 400, rounds: 1 },
    html: { portals: 3, articlesPerPortal: 5, extractRuns: 1 },
    national: { stories: 2_000, copiesPerStory: 2, sources: 40, itemsPerSource: 1, cycleSources: 20, cycleItems: 1, cycles: 1, connections: 2 },
    stories: { count: 300, rounds: 1 },
  },
};

/** `--size tiny` or `--size=tiny` wins over BENCH_SIZE; `full` by default. */
export function resolveBenchSize(argv: readonly string[], env: NodeJS.ProcessEnv): BenchSize {
  const flag = argv.indexOf('--size');
  const inline = argv.find((arg) => arg.startsWith('--size='));
  const name = (flag !== -1 ? argv[flag + 1] : inline?.slice('--size='.length)) ?? env.BENCH_SIZE ?? 'full';
  if (name !== 'full' && name !== 'small' && name !== 'tiny') throw new Error(`bench: unknown size "${name}" (full, small or tiny)`);
  return BENCH_SIZES[name];
}
