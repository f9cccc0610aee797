/**
 * Section 5: one feed under load (autocannon, loopback), full body and 304, from bantin, from two
 * baselines serving the same bytes from memory, and from nginx serving the static copy when it is
 * installed, in rounds; then bantin's p99 while ingestion cycles run; then, over a store of 20,000
 * stories, the feed route beside a story page, search and the change stream (serve-stories.ts).
 */
import { get } from 'node:http';
import autocannon from 'autocannon';
import type { Config } from '../../src/model/types.ts';
import type { BenchSize } from '../bench-size.ts';
import { median, round } from '../measure.ts';
import { startChild, type BenchChild } from '../processes/child-process.ts';
import type { FeedServerReady } from '../processes/feed-server.ts';
import { findNginx } from '../processes/nginx-server.ts';
import { benchStoryRoutes, type StoryRoutesResult } from './serve-stories.ts';
import type { CpuReport, IngestingReport, ServeTargetArgument, ServeTargetCommand, ServeTargetKind, ServeTargetReady } from '../processes/serve-target.ts';

const TARGET = new URL('../processes/serve-target.ts', import.meta.url);
export const SERVED_FEED = 'an-ninh-trat-tu.rss';
/** bantin and the bare server first: the ratio of these two is the goal, so they are measured side by side. */
const KINDS: readonly ServeTargetKind[] = ['bantin', 'node-http', 'node-http-headers', 'express', 'nginx'];

export interface LoadFigures {
  /** Answers over the run's duration, then the median over the rounds. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with the expected status; anything else or a socket error makes the run suspect. */
  expectedStatus: number;
  other: number;
  /**
   * CPU per answer, in µs: the server's process (nginx's own for nginx; null where unreadable) and
   * the load generator's (this process). Far steadier than req/s on a shared machine.
   */
  serverCpuUs?: number | null;
  clientCpuUs?: number;
}

/** bantin ÷ another server: the median over the rounds of the ratio measured within each round. */
export interface ServeRatios {
  full: number;
  notModified: number;
  /** Each round's ratio, in order. */
  fullByRound: number[];
  notModifiedByRound: number[];
}

export interface ServeResult {
  feed: string;
  bodyBytes: number;
  connections: number;
  durationSeconds: number;
  /** Every server was measured once per round, the servers' order alternating between rounds. */
  rounds: number;
  full: Partial<Record<ServeTargetKind, LoadFigures>>;
  notModified: Partial<Record<ServeTargetKind, LoadFigures>>;
  /** bantin ÷ the bare node:http server; goals ≥ 0.9 (full body) and ≥ 0.8 (304). */
  toNodeHttp: ServeRatios;
  /** bantin ÷ a bare node:http server writing bantin's own headers: what bantin costs beyond the answer it must send. */
  toNodeHttpHeaders: ServeRatios;
  toExpress: ServeRatios;
  /** bantin ÷ nginx serving the static copy; null when nginx is not installed. */
  toNginx: ServeRatios | null;
  /** The nginx binary measured, or why it was not. */
  nginx: { binary: string } | { skipped: string };
  /** Cycles run back to back during the load, after a first (unmeasured) one that warmed the merge cache. */
  duringIngestion: LoadFigures & { firstCycleMs: number; cycles: number; cycleMs: number[] };
  /** bantin over a store of `size.stories.count` stories: its feed route beside a story page, the story API, a search and the change stream. */
  stories: StoryRoutesResult;
}

type Load = 'full' | 'notModified';

export async function benchServe(size: BenchSize, config: Config, feeds: FeedServerReady, log: (line: string) => void): Promise<ServeResult> {
  const nginxBinary = findNginx();
  const kinds = KINDS.filter((kind) => kind !== 'nginx' || nginxBinary !== undefined);
  if (!nginxBinary) log('  nginx: not measured (Debian package `nginx` not installed; `apt-get install nginx` to add the ceiling)');
  const runs: Record<Load, Map<ServeTargetKind, LoadFigures[]>> = { full: new Map(), notModified: new Map() };
  let bodyBytes = 0;
  // All servers up at once (an idle one costs nothing), so each round measures them minutes apart at most.
  const targets = await startTargets(kinds, config, nginxBinary);
  try {
    bodyBytes = targets.get('bantin')!.ready.bytes;
    await expectSameAnswers(targets.get('bantin')!.ready, targets.get('node-http-headers')!.ready);
    for (const [kind, { ready }] of targets) {
      if (ready.bytes !== bodyBytes) throw new Error(`bench: ${kind} serves ${ready.bytes} bytes, bantin ${bodyBytes}`);
      // Discarded: warms the server's and autocannon's JIT alike, so the first target measured is not the slowest for that alone.
      await warmUp(ready, size);
    }
    for (let round = 0; round < size.serve.rounds; round++) {
      // Every other round in the other order, so neither of a pair always goes first.
      const order = round % 2 === 0 ? kinds : [...kinds].reverse();
      for (const load of ['notModified', 'full'] as const) {
        for (const kind of order) {
          const figures = await measureWithCpu(targets.get(kind)!, load, size);
          runs[load].set(kind, [...(runs[load].get(kind) ?? []), figures]);
        }
      }
      log(`  round ${round + 1}: ${kinds.map((kind) => `${kind} ${runs.full.get(kind)!.at(-1)!.requestsPerSecond} full, ${runs.notModified.get(kind)!.at(-1)!.requestsPerSecond} 304`).join('; ')} (req/s)`);
    }
  } finally {
    await Promise.all([...targets.values()].map(({ child }) => child.stop()));
  }
  const duringIngestion = await withTarget('bantin', config, async (ready, child) => {
    child.send({ type: 'ingest', publishUrl: `${feeds.url}/publish?sources=10&items=5` });
    await child.next<'warmed'>();
    const figures = await measure(ready.url, {}, 200, size);
    child.send({ type: 'stop-ingesting' });
    const report = await child.next<IngestingReport>();
    log(`  bantin while ingesting: p99 ${figures.p99Ms} ms over ${report.cycles} cycles`);
    return { ...figures, firstCycleMs: round(report.firstCycleMs), cycles: report.cycles, cycleMs: report.cycleMs.map((ms) => round(ms)) };
  });
  const stories = await benchStoryRoutes(size, log);
  const ratiosTo = (kind: ServeTargetKind) => (runs.full.has(kind) ? pairedRatios(runs, kind) : null);
  return {
    feed: SERVED_FEED,
    bodyBytes,
    connections: size.serve.connections,
    durationSeconds: size.serve.durationSeconds,
    rounds: size.serve.rounds,
    full: medianFigures(runs.full),
    notModified: medianFigures(runs.notModified),
    toNodeHttp: ratiosTo('node-http')!,
    toNodeHttpHeaders: ratiosTo('node-http-headers')!,
    toExpress: ratiosTo('express')!,
    toNginx: ratiosTo('nginx'),
    nginx: nginxBinary ? { binary: nginxBinary } : { skipped: 'the Debian package nginx is not installed' },
    duringIngestion,
    stories,
  };
}

/** bantin ÷ `other`, round by round (figures taken a few seconds apart on a machine whose load drifts), and their medians. */
function pairedRatios(runs: Record<Load, Map<ServeTargetKind, LoadFigures[]>>, other: ServeTargetKind): ServeRatios {
  const byRound = (load: Load) => {
    const bantin = runs[load].get('bantin')!;
    return runs[load].get(other)!.map((figures, index) => round(bantin[index]!.requestsPerSecond / figures.requestsPerSecond, 3));
  };
  const fullByRound = byRound('full');
  const notModifiedByRound = byRound('notModified');
  return { full: round(median(fullByRound), 3), notModified: round(median(notModifiedByRound), 3), fullByRound, notModifiedByRound };
}

/** The baseline that claims to send bantin's response must send it: status and headers (but Date) alike, 200 and 304. */
async function expectSameAnswers(bantin: ServeTargetReady, baseline: ServeTargetReady): Promise<void> {
  for (const headers of [{}, { 'if-none-match': bantin.etag }] as Record<string, string>[]) {
    const [ours, theirs] = await Promise.all([bantin.url, baseline.url].map((url) => headLines(url, headers)));
    if (ours !== theirs) throw new Error(`bench: node-http-headers does not answer as bantin does:\n${ours}\n---\n${theirs}`);
  }
}

/** The status and header lines of a GET, Date left out, as one string. */
function headLines(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent: false }, (res) => {
      res.resume();
      const lines = [String(res.statusCode)];
      for (let index = 0; index < res.rawHeaders.length; index += 2) {
        if (res.rawHeaders[index] !== 'Date') lines.push(`${res.rawHeaders[index]}: ${res.rawHeaders[index + 1]}`);
      }
      res.on('end', () => resolve(lines.join('\n')));
    }).on('error', reject);
  });
}

async function startTargets(kinds: readonly ServeTargetKind[], config: Config, nginx: string | undefined) {
  const targets = new Map<ServeTargetKind, { ready: ServeTargetReady; child: BenchChild }>();
  try {
    // One after another: bantin's start-up ingestion must not overlap another's start.
    for (const kind of kinds) targets.set(kind, await startChild<ServeTargetReady>(TARGET, targetArgument(kind, config, nginx)));
  } catch (error) {
    await Promise.all([...targets.values()].map(({ child }) => child.stop()));
    throw error;
  }
  return targets;
}

function targetArgument(kind: ServeTargetKind, config: Config, nginx?: string): ServeTargetArgument {
  return { kind, configPath: config.configPath!, feedName: SERVED_FEED, nginx };
}

const WARM_UP_SECONDS = 1;

async function warmUp(ready: ServeTargetReady, size: BenchSize): Promise<void> {
  if (size.serve.requests !== undefined) return; // tiny runs check the bench works, not its figures
  for (const headers of [{}, { 'if-none-match': ready.etag }]) {
    await autocannon({ url: ready.url, connections: size.serve.connections, headers, duration: WARM_UP_SECONDS });
  }
}

/** One load on one server, with the CPU each side spent on it. */
async function measureWithCpu({ ready, child }: { ready: ServeTargetReady; child: BenchChild }, load: Load, size: BenchSize): Promise<LoadFigures> {
  const serverBefore = await serverCpuMicros(child);
  const clientBefore = process.cpuUsage();
  const figures = load === 'full' ? await measure(ready.url, {}, 200, size) : await measure(ready.url, { 'if-none-match': ready.etag }, 304, size);
  const client = process.cpuUsage(clientBefore);
  const serverAfter = await serverCpuMicros(child);
  const answers = Math.max(1, figures.expectedStatus + figures.other);
  const serverCpuUs = serverBefore === null || serverAfter === null ? null : round((serverAfter - serverBefore) / answers, 2);
  return { ...figures, serverCpuUs, clientCpuUs: round((client.user + client.system) / answers, 2) };
}

export async function serverCpuMicros(child: BenchChild): Promise<number | null> {
  child.send({ type: 'cpu' } satisfies ServeTargetCommand);
  return (await child.next<CpuReport>()).cpuMicros;
}

/** Per server, the median of each figure over its runs. */
function medianFigures(runs: Map<ServeTargetKind, LoadFigures[]>): Partial<Record<ServeTargetKind, LoadFigures>> {
  const result: Partial<Record<ServeTargetKind, LoadFigures>> = {};
  for (const [kind, list] of runs) {
    result[kind] = {
      requestsPerSecond: round(median(list.map((figures) => figures.requestsPerSecond))),
      p50Ms: round(median(list.map((figures) => figures.p50Ms)), 2),
      p99Ms: round(median(list.map((figures) => figures.p99Ms)), 2),
      expectedStatus: list.reduce((sum, figures) => sum + figures.expectedStatus, 0),
      other: list.reduce((sum, figures) => sum + figures.other, 0),
      serverCpuUs: medianOrNull(list.map((figures) => figures.serverCpuUs)),
      clientCpuUs: medianOrNull(list.map((figures) => figures.clientCpuUs)) ?? undefined,
    };
  }
  return result;
}

function medianOrNull(values: readonly (number | null | undefined)[]): number | null {
  const known = values.filter((value): value is number => typeof value === 'number');
  return known.length === 0 ? null : round(median(known), 2);
}

async function withTarget<T>(kind: ServeTargetKind, config: Config, work: (ready: ServeTargetReady, child: BenchChild) => Promise<T>): Promise<T> {
  const { child, ready } = await startChild<ServeTargetReady>(TARGET, targetArgument(kind, config));
  try {
    return await work(ready, child);
  } finally {
    await child.stop();
  }
}

export async function measure(url: string, headers: Record<string, string>, status: number, size: BenchSize): Promise<LoadFigures> {
  const limit = size.serve.requests === undefined ? { duration: size.serve.durationSeconds } : { amount: size.serve.requests };
  const result = await autocannon({ url, connections: size.serve.connections, headers, ...limit });
  const expected = result.statusCodeStats?.[String(status) as keyof typeof result.statusCodeStats]?.count ?? 0;
  const total = Object.values(result.statusCodeStats ?? {}).reduce((sum, stat) => sum + (stat?.count ?? 0), 0);
  return {
    // Over the whole run: a run of two seconds has only two per-second samples.
    requestsPerSecond: round(result.requests.total / result.duration),
    p50Ms: round(result.latency.p50, 2),
    p99Ms: round(result.latency.p99, 2),
    expectedStatus: expected,
    other: total - expected + result.errors,
  };
}
