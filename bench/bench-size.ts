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
}

export const BENCH_SIZES: Readonly<Record<BenchSize['name'], BenchSize>> = {
  full: {
    name: 'full',
    ingest: { sources: 100, itemsPerSource: 100, coldRuns: 2, parseRuns: 3, warmRuns: 3 },
    merge: { storeSizes: [1_000, 10_000, 100_000], copies: 1_000, runs: 5 },
    store: { sizes: [20_000, 100_000] },
    serve: { connections: 32, durationSeconds: 2, rounds: 10 },
  },
  small: {
    name: 'small',
    ingest: { sources: 40, itemsPerSource: 100, coldRuns: 3, parseRuns: 1, warmRuns: 1 },
    merge: { storeSizes: [1_000, 10_000], copies: 1_000, runs: 3 },
    store: { sizes: [5_000] },
    serve: { connections: 8, durationSeconds: 1, rounds: 2 },
  },
  tiny: {
    name: 'tiny',
    ingest: { sources: 6, itemsPerSource: 15, coldRuns: 1, parseRuns: 1, warmRuns: 1 },
    merge: { storeSizes: [100, 400], copies: 60, runs: 2 },
    store: { sizes: [300] },
    serve: { connections: 4, durationSeconds: 1, requests: 400, rounds: 1 },
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
