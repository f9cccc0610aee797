/**
 * Section 5: one feed under load (autocannon, loopback), full body and 304, from bantin and from two
 * baselines serving the same bytes from memory; then bantin's p99 while ingestion cycles run.
 */
import autocannon from 'autocannon';
import type { Config } from '../../src/model/types.ts';
import type { BenchSize } from '../bench-size.ts';
import { median, round } from '../measure.ts';
import { startChild, type BenchChild } from '../processes/child-process.ts';
import type { FeedServerReady } from '../processes/feed-server.ts';
import type { IngestingReport, ServeTargetArgument, ServeTargetKind, ServeTargetReady } from '../processes/serve-target.ts';

const TARGET = new URL('../processes/serve-target.ts', import.meta.url);
export const SERVED_FEED = 'an-ninh-trat-tu.rss';
const KINDS: readonly ServeTargetKind[] = ['bantin', 'express', 'node-http'];
const COMPARED_AGAIN: readonly ServeTargetKind[] = ['express', 'bantin'];

export interface LoadFigures {
  /** Median of autocannon's per-second request counts. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with the expected status; anything else or a socket error makes the run suspect. */
  expectedStatus: number;
  other: number;
}

export interface ServeResult {
  feed: string;
  bodyBytes: number;
  connections: number;
  durationSeconds: number;
  /** Whether bantin and express were measured twice (figures are then medians). */
  repeated: boolean;
  full: Record<ServeTargetKind, LoadFigures>;
  notModified: Record<ServeTargetKind, LoadFigures>;
  /** bantin ÷ the express route; goal ≥ 0.8 on both paths. */
  ratioFull: number;
  ratioNotModified: number;
  /** bantin's story page and a search over every stored story (issue 15), full body, beside the feed route above. */
  storyPage: LoadFigures;
  search: LoadFigures;
  /** Cycles run back to back during the load, after a first (unmeasured) one that warmed the merge cache. */
  duringIngestion: LoadFigures & { firstCycleMs: number; cycles: number; cycleMs: number[] };
}

export async function benchServe(size: BenchSize, config: Config, feeds: FeedServerReady, log: (line: string) => void): Promise<ServeResult> {
  const runs = { full: new Map<ServeTargetKind, LoadFigures[]>(), notModified: new Map<ServeTargetKind, LoadFigures[]>() };
  let bodyBytes = 0;
  // bantin and the express route, whose ratio is the goal, are measured twice in alternating order.
  for (const kind of [...KINDS, ...(size.serve.repeat ? COMPARED_AGAIN : [])]) {
    await withTarget(kind, config, async (ready) => {
      bodyBytes = ready.bytes;
      // Discarded: warms the server's and autocannon's JIT alike, so the first target measured is not the slowest for that alone.
      await warmUp(ready, size);
      const full = await load(ready.url, {}, 200, size);
      const notModified = await load(ready.url, { 'if-none-match': ready.etag }, 304, size);
      runs.full.set(kind, [...(runs.full.get(kind) ?? []), full]);
      runs.notModified.set(kind, [...(runs.notModified.get(kind) ?? []), notModified]);
      log(`  ${kind}: ${full.requestsPerSecond} req/s full body, ${notModified.requestsPerSecond} req/s 304`);
    });
  }
  const pages = await withTarget('bantin', config, async (ready) => {
    const storyPage = await load(ready.storyUrl!, {}, 200, size);
    const search = await load(ready.searchUrl!, {}, 200, size);
    log(`  bantin story page: ${storyPage.requestsPerSecond} req/s, p99 ${storyPage.p99Ms} ms; search: ${search.requestsPerSecond} req/s, p99 ${search.p99Ms} ms`);
    return { storyPage, search };
  });
  const full = medianFigures(runs.full);
  const notModified = medianFigures(runs.notModified);
  const duringIngestion = await withTarget('bantin', config, async (ready, child) => {
    child.send({ type: 'ingest', publishUrl: `${feeds.url}/publish?sources=10&items=5` });
    await child.next<'warmed'>();
    const figures = await load(ready.url, {}, 200, size);
    child.send({ type: 'stop-ingesting' });
    const report = await child.next<IngestingReport>();
    log(`  bantin while ingesting: p99 ${figures.p99Ms} ms over ${report.cycles} cycles`);
    return { ...figures, firstCycleMs: round(report.firstCycleMs), cycles: report.cycles, cycleMs: report.cycleMs.map((ms) => round(ms)) };
  });
  return {
    feed: SERVED_FEED,
    bodyBytes,
    connections: size.serve.connections,
    durationSeconds: size.serve.durationSeconds,
    repeated: size.serve.repeat,
    full,
    notModified,
    ratioFull: round(full.bantin.requestsPerSecond / full.express.requestsPerSecond, 3),
    ratioNotModified: round(notModified.bantin.requestsPerSecond / notModified.express.requestsPerSecond, 3),
    ...pages,
    duringIngestion,
  };
}

const WARM_UP_SECONDS = 1;

async function warmUp(ready: ServeTargetReady, size: BenchSize): Promise<void> {
  if (size.serve.requests !== undefined) return; // tiny runs check the bench works, not its figures
  for (const headers of [{}, { 'if-none-match': ready.etag }]) {
    await autocannon({ url: ready.url, connections: size.serve.connections, headers, duration: WARM_UP_SECONDS });
  }
}

/** Per server, the median of each figure over its runs. */
function medianFigures(runs: Map<ServeTargetKind, LoadFigures[]>): Record<ServeTargetKind, LoadFigures> {
  const result = {} as Record<ServeTargetKind, LoadFigures>;
  for (const [kind, list] of runs) {
    result[kind] = {
      requestsPerSecond: round(median(list.map((figures) => figures.requestsPerSecond))),
      p50Ms: round(median(list.map((figures) => figures.p50Ms)), 2),
      p99Ms: round(median(list.map((figures) => figures.p99Ms)), 2),
      expectedStatus: list.reduce((sum, figures) => sum + figures.expectedStatus, 0),
      other: list.reduce((sum, figures) => sum + figures.other, 0),
    };
  }
  return result;
}

async function withTarget<T>(kind: ServeTargetKind, config: Config, work: (ready: ServeTargetReady, child: BenchChild) => Promise<T>): Promise<T> {
  const argument: ServeTargetArgument = { kind, configPath: config.configPath!, feedName: SERVED_FEED };
  const { child, ready } = await startChild<ServeTargetReady>(TARGET, argument);
  try {
    return await work(ready, child);
  } finally {
    await child.stop();
  }
}

async function load(url: string, headers: Record<string, string>, status: number, size: BenchSize): Promise<LoadFigures> {
  const limit = size.serve.requests === undefined ? { duration: size.serve.durationSeconds } : { amount: size.serve.requests };
  const result = await autocannon({ url, connections: size.serve.connections, headers, ...limit });
  const expected = result.statusCodeStats?.[String(status) as keyof typeof result.statusCodeStats]?.count ?? 0;
  const total = Object.values(result.statusCodeStats ?? {}).reduce((sum, stat) => sum + (stat?.count ?? 0), 0);
  return {
    // A run of a fixed number of requests may last under a second: then requests over its duration.
    requestsPerSecond: round(size.serve.requests === undefined ? result.requests.p50 : result.requests.total / result.duration),
    p50Ms: round(result.latency.p50, 2),
    p99Ms: round(result.latency.p99, 2),
    expectedStatus: expected,
    other: total - expected + result.errors,
  };
}
