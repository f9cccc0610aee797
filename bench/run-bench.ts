/**
 * `npm run bench`: how much one machine carries (issue 6). Synthetic Vietnamese portals served over
 * loopback, six sections (a seventh, `national`, only when named), bench/report.{json,md} and a short table. Options: `--size tiny` (or
 * BENCH_SIZE=tiny) for a run of seconds, `--out <dir>` for where the report goes, `--sections a,b`
 * (`national`, PostgreSQL at half a million stories, only when named; `--national-stories N` for another store size).
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveBenchSize } from './bench-size.ts';
import { round } from './measure.ts';
import { describeMachine, judgeGoals, renderGoalTable, writeReport, type BenchReport } from './report.ts';
import { benchHtmlPortals } from './sections/html-portals.ts';
import { benchIngest } from './sections/ingest.ts';
import { benchMergeScaling } from './sections/merge-scaling.ts';
import { benchNational } from './sections/national.ts';
import { benchServe } from './sections/serve.ts';
import { benchStore } from './sections/store-size.ts';
import { startChild } from './processes/child-process.ts';
import type { FeedServerReady } from './processes/feed-server.ts';

const SECTIONS = ['ingest', 'serve', 'merge', 'store', 'html', 'national'] as const;
type Section = (typeof SECTIONS)[number];
/** `national` (PostgreSQL, half a million stories) runs only when asked for. */
const DEFAULT_SECTIONS: readonly Section[] = ['ingest', 'serve', 'merge', 'store', 'html'];
/** Share of a portal's items that re-post another portal's story. */
const REPOST_SHARE = 0.3;
const SEED = 20261125;

const argv = process.argv.slice(2);
const size = resolveBenchSize(argv, process.env);
const outDir = path.resolve(option('--out') ?? path.dirname(fileURLToPath(import.meta.url)));
const chosen = (option('--sections')?.split(',') ?? [...DEFAULT_SECTIONS]) as Section[];
for (const name of chosen) if (!SECTIONS.includes(name)) throw new Error(`bench: unknown section "${name}" (${SECTIONS.join(', ')})`);
// The serve section serves what the ingest section stored.
if (chosen.includes('serve') && !chosen.includes('ingest')) chosen.push('ingest');

const log = (line: string) => console.log(line);
const started = Date.now();
const sections: BenchReport['sections'] = {};
const workDirs: string[] = [];

if (chosen.includes('ingest')) {
  const { child: portals, ready: feeds } = await startChild<FeedServerReady>(new URL('./processes/feed-server.ts', import.meta.url), {
    seed: SEED,
    sources: size.ingest.sources,
    itemsPerSource: size.ingest.itemsPerSource,
    now: Date.now(),
    repostShare: REPOST_SHARE,
  });
  try {
    log(`bench (${size.name}): ${feeds.sources.length} portals, ${feeds.items} items at ${feeds.url}`);
    log('1-2. ingest, cold and warm');
    const ingest = await benchIngest(size, feeds, log);
    sections.ingestCold = ingest.cold;
    sections.ingestWarm = ingest.warm;
    workDirs.push(...ingest.workDirs);
    if (chosen.includes('serve')) {
      log('5. serve');
      sections.serve = await benchServe(size, ingest.config, feeds, log);
    }
  } finally {
    await portals.stop();
    await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
if (chosen.includes('merge')) {
  log('3. merge scaling');
  sections.mergeScaling = await benchMergeScaling(size, log);
}
if (chosen.includes('store')) {
  log('4. store');
  sections.store = await benchStore(size, log);
}
if (chosen.includes('html')) {
  log('6. HTML portals');
  sections.htmlPortals = await benchHtmlPortals(size, log);
}
if (chosen.includes('national')) {
  log('7. national (PostgreSQL)');
  const stories = option('--national-stories');
  sections.national = await benchNational(size, log, stories === undefined ? undefined : Number(stories));
}

const date = new Date().toISOString();
// A run of some sections keeps the other sections of the report it replaces (same size), each with the date it was measured.
const previous = await readPreviousReport(outDir, size.name);
const machine = describeMachine();
const measuredAt = { ...previous?.measuredAt };
const measuredOn = { ...previous?.measuredOn };
for (const key of Object.keys(sections)) {
  measuredAt[key] = date;
  measuredOn[key] = machine.cpu;
}
const merged = { ...previous?.sections, ...sections };
for (const key of Object.keys(merged)) {
  measuredAt[key] ??= previous?.date ?? date;
  measuredOn[key] ??= previous?.machine.cpu ?? machine.cpu;
}
const report: BenchReport = {
  date,
  size: size.name,
  durationSeconds: round((Date.now() - started) / 1000),
  machine,
  sections: merged,
  measuredAt,
  measuredOn,
  goals: judgeGoals(merged),
};
await mkdir(outDir, { recursive: true });
await writeReport(report, outDir);
log('');
log(renderGoalTable(report.goals));
log(`\n${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}; ${report.durationSeconds} s; report in ${path.join(outDir, 'report.md')}`);

async function readPreviousReport(dir: string, sizeName: string): Promise<BenchReport | undefined> {
  const text = await readFile(path.join(dir, 'report.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const report = JSON.parse(text) as BenchReport;
  return report.size === sizeName ? report : undefined;
}

function option(name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index !== -1) return argv[index + 1];
  return argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}
