/**
 * Section 6 (`--sections national`, not in the default run): bantin at national scale on PostgreSQL.
 * A database of its own loaded with COPY (500,000 stories, 1,000,000 copies at full size), 2,000
 * synthetic portals over loopback; then, one process after another so at most two hold the store:
 * a cold load and catalog render, one `npm start` process (start-up, cycles of 1,000 new copies,
 * all portals), and two processes ingesting disjoint halves of the portals while loaded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type pg from 'pg';
import { categoryRulesFingerprint } from '../../src/pipeline/categorize/categorize-story.ts';
import type { Config } from '../../src/model/types.ts';
import { onDatabase, postgresAnswer } from '../../test/helpers/postgres-client.ts';
import { writeBenchConfig } from '../bench-config.ts';
import type { BenchSize } from '../bench-size.ts';
import { median, round } from '../measure.ts';
import { startChild, type BenchChild } from '../processes/child-process.ts';
import type { FeedServerReady } from '../processes/feed-server.ts';
import type { CycleDone, Memory, NationalCommand, NationalServiceArgument, RenderReport, ServiceReady } from '../processes/national-service.ts';
import { loadNationalStore, NATIONAL_COPY_PARAGRAPHS, type NationalStoreLoad } from '../synthetic/load-national-store.ts';

const SERVICE = new URL('../processes/national-service.ts', import.meta.url);
const FEED_SERVER = new URL('../processes/feed-server.ts', import.meta.url);
/** BENCH_POSTGRES overrides; the database is created beside the one named and dropped at the end. */
export const BENCH_POSTGRES = process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVED_FEED = 'an-ninh-trat-tu.rss';
const SEED = 20261204;
/** Stored stories are dated over this many days: inside the 90-day retention, so no cycle prunes. */
const STORED_DAYS = 80;
/** Longer than the serving process's 2 s revision poll: a process has started reading another's write. */
const SETTLE_MS = 3000;

export interface NationalCycle {
  ms: number;
  /** Rows of the cycle's save: stories upserted (their copies rewritten with them) and stories removed. */
  storyRows: number;
  copyRows: number;
  removedRows: number;
}

export interface NationalResult {
  load: NationalStoreLoad & { copyParagraphs: number };
  sources: number;
  /** autocannon connections per serving process while both ingest. */
  connections: number;
  /** A process that has read nothing: the whole store read (`load()`), then every feed rendered. */
  cold: RenderReport;
  one: {
    startup: ServiceReady;
    /** The start-up cycle: every portal's first fetch, with an empty merge cache. */
    firstCycle: CycleDone;
    /** Cycles with `newCopies` new copies (`cycleSources` portals publishing `cycleItems` each), the rest 304. */
    newCopies: number;
    cycles: NationalCycle[];
    cycleMedianMs: number;
    /** Every portal publishing one story; one process fetching them all while it answers requests for a category feed. */
    allSources: NationalCycle;
    serve: ServeFigures;
    memory: Memory;
  };
  two: {
    startup: ServiceReady[];
    firstCycle: CycleDone[];
    /** The same publication as `one.allSources`, each process fetching its half, both at once, each answering requests meanwhile. */
    cycles: CycleDone[];
    /** From both starting to both done. */
    wallMs: number;
    /** one.allSources.ms ÷ wallMs: above 1, two processes finish sooner than one. */
    speedup: number;
    /** Full-body requests for a category feed at each process while both ingest. */
    serve: ServeFigures[];
    memory: Memory[];
  };
}

export interface ServeFigures {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export type NationalOutcome = NationalResult | { skipped: string };

/** `stories`: another store size than the run size's (`--national-stories`, to try the section at a size between tiny and full). */
export async function benchNational(size: BenchSize, log: (line: string) => void, stories?: number): Promise<NationalOutcome> {
  const server = await postgresAnswer(BENCH_POSTGRES);
  if (server !== true) {
    log(`  skipped: no PostgreSQL at ${BENCH_POSTGRES} (${server}); BENCH_POSTGRES=<url> names another`);
    return { skipped: `no PostgreSQL answered at ${BENCH_POSTGRES}` };
  }
  const scale = { ...size.national, stories: stories ?? size.national.stories };
  const database = `bantin_bench_national_${process.pid}`;
  const url = new URL(BENCH_POSTGRES);
  url.pathname = `/${database}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-national-'));
  const children: BenchChild[] = [];
  await onServer((client) => client.query(`CREATE DATABASE ${database}`));
  try {
    const { child: portals, ready: feeds } = await startChild<FeedServerReady>(FEED_SERVER, {
      seed: SEED, sources: scale.sources, itemsPerSource: scale.itemsPerSource, now: Date.now(), repostShare: 0.3,
    });
    children.push(portals);
    // 2,000 portals on one loopback host stand for 2,000 hosts: no per-host delay between them.
    const settings = { hostDelaySeconds: 0 };
    const all = await writeBenchConfig(dir, feeds, { fileName: 'all.json', store: url.toString(), settings: { ...settings, outDir: 'feeds-all' } });
    const half = (which: number) =>
      writeBenchConfig(dir, feeds, { fileName: `half-${which}.json`, store: url.toString(), enabled: (index) => index % 2 === which, settings: { ...settings, outDir: `feeds-${which}` } });
    const halves = [await half(0), await half(1)];

    log(`  loading ${scale.stories} stories × ${scale.copiesPerStory} copies into ${database} (COPY)`);
    const loaded = await loadNationalStore(url.toString(), {
      stories: scale.stories, copiesPerStory: scale.copiesPerStory, sourceIds: feeds.sources.map((source) => source.id),
      now: Date.now(), days: STORED_DAYS, seed: SEED, categoryRules: categoryRulesFingerprint(all.categories, all.sources), log,
    });
    log(`  loaded in ${round(loaded.loadMs / 1000)} s (COPY ${round(loaded.copyMs / 1000)} s), ${loaded.copies} copies of ${loaded.copyChars} characters, ${loaded.databaseMB} MB`);

    const cold = await runOnce<RenderReport>({ mode: 'render', configPath: all.configPath!, feedName: SERVED_FEED });
    log(`  cold: store read in ${round(cold.loadMs)} ms, catalog rendered in ${round(cold.catalogMs)} ms, RSS ${cold.rssMB} MB (peak ${cold.peakRssMB})`);

    const one = await benchOneProcess(all, feeds, url.toString(), scale, log);
    const two = await benchTwoProcesses(halves, feeds, scale, one.allSources.ms, log);
    await portals.stop();
    return { load: { ...loaded, copyParagraphs: NATIONAL_COPY_PARAGRAPHS }, sources: feeds.sources.length, connections: scale.connections, cold, one, two };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchOneProcess(config: Config, feeds: FeedServerReady, url: string, scale: BenchSize['national'], log: (line: string) => void): Promise<NationalResult['one']> {
  const { child, ready: startup } = await startChild<ServiceReady>(SERVICE, serviceArgument(config));
  try {
    log(`  one process: serving after ${round(startup.startupMs)} ms, RSS ${startup.rssMB} MB`);
    const firstCycle = await child.next<CycleDone>();
    expectOk(firstCycle, 'the start-up cycle');
    log(`  one process: start-up cycle (${feeds.sources.length} portals, empty merge cache) ${round(firstCycle.ms)} ms`);
    const cycles: NationalCycle[] = [];
    for (let run = 0; run < scale.cycles; run++) {
      await publish(feeds, scale.cycleSources, scale.cycleItems);
      cycles.push(await countedCycle(child, url));
      log(`  one process: cycle with ${scale.cycleSources * scale.cycleItems} new copies ${round(cycles.at(-1)!.ms)} ms, ${cycles.at(-1)!.storyRows} story and ${cycles.at(-1)!.copyRows} copy rows written`);
    }
    await publish(feeds, feeds.sources.length, 1);
    // Served meanwhile, as the two processes will be: the ratio compares like with like.
    const load = loadUntilStopped(startup.url, scale.connections);
    const allSources = await countedCycle(child, url);
    const serve = await load.stop();
    log(`  one process: all ${feeds.sources.length} portals with a new story each ${round(allSources.ms)} ms; serve p99 ${serve.p99Ms} ms`);
    child.send({ type: 'memory' } satisfies NationalCommand);
    const memory = await child.next<Memory>();
    return {
      startup, firstCycle, newCopies: scale.cycleSources * scale.cycleItems, cycles, cycleMedianMs: round(median(cycles.map((cycle) => cycle.ms))),
      allSources, serve, memory,
    };
  } finally {
    await child.stop();
  }
}

async function benchTwoProcesses(
  halves: readonly Config[],
  feeds: FeedServerReady,
  scale: BenchSize['national'],
  oneProcessMs: number,
  log: (line: string) => void,
): Promise<NationalResult['two']> {
  const started: { child: BenchChild; ready: ServiceReady }[] = [];
  try {
    const firstCycle: CycleDone[] = [];
    // One after the other: each start-up is timed alone.
    for (const config of halves) {
      const service = await startChild<ServiceReady>(SERVICE, serviceArgument(config));
      started.push(service);
      // A failed cycle is a figure here (another process held the writer lock too long), not the end of the run.
      firstCycle.push(await service.child.next<CycleDone>());
      log(`  two processes: one serving after ${round(service.ready.startupMs)} ms, RSS ${service.ready.rssMB} MB; start-up cycle ${round(firstCycle.at(-1)!.ms)} ms${failure(firstCycle.at(-1)!)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await publish(feeds, feeds.sources.length, 1);
    const loads = started.map(({ ready }) => loadUntilStopped(ready.url, scale.connections));
    const begin = performance.now();
    const cycles = await Promise.all(
      started.map(({ child }) => {
        child.send({ type: 'ingest' } satisfies NationalCommand);
        return child.next<CycleDone>();
      }),
    );
    const wallMs = performance.now() - begin;
    const serve = await Promise.all(loads.map((load) => load.stop()));
    const speedup = round(oneProcessMs / wallMs, 2);
    log(`  two processes: halves ${cycles.map((cycle) => `${round(cycle.ms)}${failure(cycle)}`).join(' and ')} ms, both done in ${round(wallMs)} ms (${speedup} × one process); serve p99 ${serve.map((figures) => figures.p99Ms).join(' and ')} ms`);
    const memory: Memory[] = [];
    for (const { child } of started) {
      child.send({ type: 'memory' } satisfies NationalCommand);
      memory.push(await child.next<Memory>());
    }
    return { startup: started.map(({ ready }) => ready), firstCycle, cycles, wallMs: round(wallMs), speedup, serve, memory };
  } finally {
    await Promise.all(started.map(({ child }) => child.stop()));
  }
}

function serviceArgument(config: Config): NationalServiceArgument {
  return { mode: 'serve', configPath: config.configPath!, feedName: SERVED_FEED };
}

async function runOnce<T>(argument: NationalServiceArgument): Promise<T> {
  const { child, ready } = await startChild<T>(SERVICE, argument);
  await child.stop();
  return ready;
}

function failure(cycle: CycleDone): string {
  return cycle.ok ? '' : ` (failed: ${cycle.error})`;
}

function expectOk(cycle: CycleDone, what: string): void {
  if (!cycle.ok) throw new Error(`bench: ${what} failed: ${cycle.error}`);
}

/** Some portals post new stories, as between two scheduled cycles. */
async function publish(feeds: FeedServerReady, sources: number, items: number): Promise<void> {
  const response = await fetch(`${feeds.url}/publish?sources=${sources}&items=${items}`, { method: 'POST' });
  await response.arrayBuffer();
}

/** One cycle of the process, and the rows its save wrote, counted by the store revision they carry. */
async function countedCycle(child: BenchChild, url: string): Promise<NationalCycle> {
  const before = await onDatabase(url, async (client) => Number((await client.query<{ revision: string }>('SELECT revision FROM store_state')).rows[0]!.revision));
  child.send({ type: 'ingest' } satisfies NationalCommand);
  const cycle = await child.next<CycleDone>();
  expectOk(cycle, 'a cycle');
  return onDatabase(url, async (client) => {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql, [before])).rows[0]!.n);
    return {
      ms: round(cycle.ms),
      storyRows: await count('SELECT count(*) AS n FROM stories WHERE revision > $1'),
      copyRows: await count('SELECT count(*) AS n FROM copies JOIN stories ON stories.id = copies.story_id WHERE stories.revision > $1'),
      removedRows: await count('SELECT count(*) AS n FROM story_removals WHERE revision > $1'),
    };
  });
}

/** Full-body requests at `url` until stopped; its latency figures. */
function loadUntilStopped(url: string, connections: number): { stop(): Promise<ServeFigures> } {
  let settle: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const instance = autocannon({ url, connections, duration: 3600 }, (error, result) => (error ? fail(error) : settle(result)));
  return {
    async stop() {
      instance.stop();
      const result = await done;
      return { requests: result.requests.total, p50Ms: round(result.latency.p50, 2), p99Ms: round(result.latency.p99, 2), errors: result.errors + result.non2xx };
    },
  };
}

function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return onDatabase(BENCH_POSTGRES, work);
}
