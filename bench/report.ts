/** The bench's report: machine, figures, goals met or not; written as bench/report.json and bench/report.md. */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HtmlPortalsResult } from './sections/html-portals.ts';
import type { IngestColdResult, IngestWarmResult } from './sections/ingest.ts';
import type { MergeScalingResult } from './sections/merge-scaling.ts';
import type { CycleDone } from './processes/national-service.ts';
import type { NationalOutcome, NationalResult, ServeFigures } from './sections/national.ts';
import type { LoadFigures, ServeRatios, ServeResult } from './sections/serve.ts';
import { STORY_ROUTES, type StoryRoutesResult } from './sections/serve-stories.ts';
import type { StoreRow } from './sections/store-size.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface Goal {
  section: string;
  goal: string;
  figure: string;
  met: boolean;
}

export interface BenchReport {
  date: string;
  size: string;
  durationSeconds: number;
  machine: Machine;
  sections: {
    ingestCold?: IngestColdResult;
    ingestWarm?: IngestWarmResult;
    mergeScaling?: MergeScalingResult;
    store?: StoreRow[];
    serve?: ServeResult;
    htmlPortals?: HtmlPortalsResult;
    national?: NationalOutcome;
  };
  /** Section → when it was measured: a run of some sections keeps the others from the report before it. */
  measuredAt?: Record<string, string>;
  /** Section → the CPU of the machine it was measured on, for sections kept from an earlier run. */
  measuredOn?: Record<string, string>;
  goals: Goal[];
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

const percent = (share: number) => `${(share * 100).toFixed(2)} %`;

/** What categorising costs beside the cold cycle, and what its share is a ratio of. */
function categorizingLine(cold: IngestColdResult): string {
  const alone = `filing every stored story again by a categoriser built afresh after the cycles (median of 3) takes ${cold.categorizeMs} ms of wall time beside the cycle's ${cold.cycleMs} ms = ${percent(cold.categorizeShare)}, ${cold.categorizeFreshKeysMs} ms when the copies' comparison keys are derived again too (in the cycle the merge has derived them already)`;
  if (cold.categorizeCpuShare === undefined) return `Categorising: ${alone}.`;
  return (
    `Categorising inside the cold cycle (every new story filed in its categories): ${cold.categorizeCpuMs} ms of CPU of the cycle's ${cold.cycleCpuMs} ms = ${percent(cold.categorizeCpuShare)} (median over the runs) — ` +
    `CPU time (user + system) of the bench process over CPU time, both in the same cycle, the portals serving from another process, so other load on the machine stretches neither side. ` +
    `Alone: ${alone}; that wall-time share moves with the load at each moment, the two being minutes apart.`
  );
}

/** Each goal of issue 6 against the figures measured; a section not run has no goals. */
export function judgeGoals(sections: BenchReport['sections']): Goal[] {
  const goals: Goal[] = [];
  const add = (section: string, goal: string, figure: string, met: boolean) => goals.push({ section, goal, figure, met });
  const { ingestCold: cold, ingestWarm: warm, mergeScaling: merge, store, serve, htmlPortals: html } = sections;
  if (cold) {
    add('1 ingest cold', 'items/s ≥ 0.25 × rss-parser alone', `${cold.ratioToParse} ×`, cold.ratioToParse >= 0.25);
    // Reports kept from before issue 12 have no categorising figures; those from before its CPU share, only the wall-time one.
    if (cold.categorizeCpuShare !== undefined) {
      add('1 ingest cold', 'categorising < 5 % of the cycle (CPU time)', percent(cold.categorizeCpuShare), cold.categorizeCpuShare < 0.05);
    } else if (cold.categorizeShare !== undefined) {
      add('1 ingest cold', 'categorising < 5 % of the cycle (wall time)', percent(cold.categorizeShare), cold.categorizeShare < 0.05);
    }
  }
  if (warm) {
    add('2 ingest warm', 'CPU < 10 ms per source (all 304)', `${warm.cpuMsPerSource} ms`, warm.cpuMsPerSource < 10);
    add('2 ingest warm', 'no store write when nothing changed', warm.storeWritten ? 'store written' : 'not written', !warm.storeWritten);
    add('2 ingest warm', 'no feed re-render when nothing changed', warm.feedsRerendered ? 're-rendered' : 'not re-rendered', !warm.feedsRerendered);
  }
  if (merge) add('3 merge scaling', 'largest store ≤ 2 × smallest', `${merge.ratioLargestToSmallest} ×`, merge.ratioLargestToSmallest <= 2);
  if (store) {
    const [small, ...larger] = store;
    if (small) {
      const label = `4 store ${small.stories}`;
      add(label, 'write ≤ 500 ms (a cycle: 1 % changed)', small.ok ? `${small.writeMs} ms` : 'fails', small.ok && small.writeMs! <= 500);
      const full = small.fullWriteMs !== undefined;
      add(label, 'write ≤ 500 ms (every story afresh)', full ? `${small.fullWriteMs} ms` : 'fails', full && small.fullWriteMs! <= 500);
      const stall = Math.max(small.stallMs ?? Infinity, small.fullStallMs ?? Infinity);
      add(label, 'event-loop stall ≤ 100 ms', Number.isFinite(stall) ? `${stall} ms` : 'fails', stall <= 100);
      add(label, 'peak RSS ≤ 500 MB', `${small.peakRssMB} MB`, small.ok && small.peakRssMB <= 500);
    }
    for (const row of larger) add(`4 store ${row.stories}`, 'loads and writes', row.ok ? 'runs' : `fails: ${row.error}`, row.ok);
  }
  if (serve) {
    add('5 serve', 'full body ≥ 0.9 × bare node:http', `${serve.toNodeHttp.full} ×`, serve.toNodeHttp.full >= 0.9);
    add('5 serve', '304 ≥ 0.8 × bare node:http', `${serve.toNodeHttp.notModified} ×`, serve.toNodeHttp.notModified >= 0.8);
    add('5 serve', 'p99 ≤ 250 ms while ingesting', `${serve.duringIngestion.p99Ms} ms`, serve.duringIngestion.p99Ms <= 250);
  }
  if (html) {
    const due = `${html.portals} list + ${html.portals} new`;
    add('6 HTML portals', 'warm cycle fetches only list pages and new articles', `${html.warm.listPages} list + ${html.warm.articlePages} articles (due: ${due})`, html.warmFetchedOnlyNew);
  }
  return goals;
}

export async function writeReport(report: BenchReport, outDir: string): Promise<void> {
  await writeFile(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(outDir, 'report.md'), renderMarkdown(report));
}

/** The short table printed at the end of a run. */
export function renderGoalTable(goals: readonly Goal[]): string {
  const rows = goals.map((goal) => [goal.section, goal.goal, goal.figure, goal.met ? 'met' : 'NOT MET']);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length), 4));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}

function table(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const line = (cells: readonly (string | number | undefined)[]) => `| ${cells.map((cell) => String(cell ?? '—')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function renderMarkdown(report: BenchReport): string {
  const { machine, sections } = report;
  const parts: string[] = [
    '# bantin benchmark report',
    '',
    `Written by \`npm run bench\` (size \`${report.size}\`) on ${report.date}, in ${report.durationSeconds} s.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}.`,
    'Figures are medians of the runs stated; goals compare figures taken side by side in this run.',
    ...measuredAtLines(report),
    '',
    '## Goals',
    '',
    table(['section', 'goal', 'figure', 'met'], report.goals.map((goal) => [goal.section, goal.goal, goal.figure, goal.met ? 'yes' : '**no**'])),
  ];
  if (sections.ingestCold) {
    const cold = sections.ingestCold;
    parts.push(
      '',
      '## 1. Ingest, cold',
      '',
      `${cold.sources} synthetic portals × ${cold.items / cold.sources} items served over loopback by a separate process; \`runIngestion\` (fetch, decode, parse, normalise, sanitise, identify, merge, categorise, prune, render, store write, static files) into an empty store, ${cold.runs} run(s).`,
      '',
      table(
        ['items', 'stories stored', 'cycle ms', 'items/s', 'rss-parser alone ms', 'rss-parser items/s', 'ratio'],
        [[cold.items, cold.storiesStored, cold.cycleMs, cold.itemsPerSecond, cold.parseOnlyMs, cold.parseOnlyItemsPerSecond, cold.ratioToParse]],
      ),
      ...(cold.categorizeShare === undefined ? [] : ['', categorizingLine(cold)]),
    );
  }
  if (sections.ingestWarm) {
    const warm = sections.ingestWarm;
    parts.push(
      '',
      '## 2. Ingest, warm',
      '',
      `The same portals, every one answering 304 (${warm.notModifiedSources} of them in the last run), ${warm.runs} run(s), each as \`npm start\`'s ingestion thread runs it: the cold cycle's store object, merge cache and catalog, fetch times kept in memory. CPU is this process's user + system time; the portals run in another process.`,
      '',
      table(
        ['CPU ms / source', 'cycle wall ms', 'store written', 'feeds re-rendered', 'static files written', 'store MB'],
        [[warm.cpuMsPerSource, warm.cycleWallMs, yesNo(warm.storeWritten), yesNo(warm.feedsRerendered), yesNo(warm.staticFilesWritten), round1(warm.storeBytes / 1e6)]],
      ),
      '',
      `What a warm cycle no longer does, each step timed alone on the same store: read the file afresh ${warm.breakdownCpuMs.loadStore} ms (a process starting up; cycles get the data they last read or wrote), render the whole catalog ${warm.breakdownCpuMs.renderCatalog} ms, save ${warm.breakdownCpuMs.saveStore} ms.`,
    );
  }
  if (sections.mergeScaling) {
    const merge = sections.mergeScaling;
    parts.push(
      '',
      '## 3. Merge scaling',
      '',
      `${merge.copies} new copies (${merge.shape.fresh} new stories, ${merge.shape.repostsOfFresh} other portals' copies of those, ${merge.shape.repostsOfStored} copies of stored stories from the last 72 h) merged into stores whose stories are dated uniformly over 90 days. ` +
        `Timed: \`mergeCopies\` only, with the process's \`MergeCache\` warmed by one earlier cycle over the same stored stories (what \`npm start\` does from its second cycle on), on a fresh copy of the stories each run (as a reload gives), median of ${merge.runs} runs. ` +
        'Not timed: fetching, normalising, identifying, categorising, pruning, rendering, saving. "first cycle" is the same merge with an empty cache (a process\'s first cycle, and every `npm run ingest`).',
      '',
      table(
        ['stored stories', 'in the 72 h window', 'merge ms', 'first cycle ms', 'new stories', 'joined', 'knownCopiesOf + prune ms'],
        merge.rows.map((row) => [row.stories, row.storiesInWindow, row.mergeMs, row.firstCycleMs, row.storiesAdded, row.storiesJoined, row.otherWholeStoreMs]),
      ),
      '',
      `Largest ÷ smallest: ${merge.ratioLargestToSmallest} ×.`,
    );
  }
  if (sections.store) {
    parts.push(
      '',
      '## 4. Store',
      '',
      'Synthetic stories (full-text copies, about 1.3 per story) written by one process; a second process loads the file, gives 1 % of the stories an edited copy and a later date_modified, and saves it, as `npm start`\'s ingestion thread does in a busy cycle (the cycle write: unchanged stories are written as the bytes they were read as), and reports its own figures; a third loads the file and writes every story afresh, as the first save after an upgrade does (the full write). Stall: the longest event-loop delay (`monitorEventLoopDelay`) during the save.',
      '',
      table(
        ['stories', 'file MB', 'load ms', 'cycle write ms', 'stall ms', 'full write ms', 'stall ms', 'peak RSS MB (load + cycle write)', 'result'],
        sections.store.map((row) => [row.stories, row.fileMB, row.loadMs, row.writeMs, row.stallMs, row.fullWriteMs, row.fullStallMs, row.peakRssMB, row.ok ? 'ok' : row.error]),
      ),
    );
  }
  if (sections.serve) parts.push(...renderServe(sections.serve, report.size));
  if (sections.htmlPortals) parts.push(...renderHtmlPortals(sections.htmlPortals));
  if (sections.national) parts.push(...renderNational(sections.national, sections.store));
  return `${parts.join('\n')}\n`;
}

function cycleFigure(cycle: CycleDone): string {
  return `${round1(cycle.ms)} ms${cycle.ok ? '' : ` (failed: ${cycle.error})`}`;
}

function serveFigures(figures: ServeFigures): string {
  return `${figures.p50Ms} / ${figures.p99Ms} ms (${figures.requests} requests, ${figures.errors} errors)`;
}

/** Which sections come from an earlier run, when not all were measured in this one. */
function measuredAtLines(report: BenchReport): string[] {
  const dates = Object.entries(report.measuredAt ?? {});
  if (dates.every(([, date]) => date === report.date)) return [];
  const machine = (name: string) => {
    const cpu = report.measuredOn?.[name];
    return cpu !== undefined && cpu !== report.machine.cpu ? ` (${cpu})` : '';
  };
  const earlier = dates.filter(([, date]) => date !== report.date).map(([name, date]) => `${name} ${date}${machine(name)}`);
  return ['', `Sections measured in earlier runs, kept when this run measured others: ${earlier.join('; ')}.`];
}

function renderNational(national: NationalOutcome, store: readonly StoreRow[] | undefined): string[] {
  if ('skipped' in national) return ['', '## 7. National (PostgreSQL)', '', `Not measured: ${national.skipped}.`];
  const { load, cold, one, two } = national;
  const seconds = (ms: number) => round1(ms / 1000);
  const lowdb = (store ?? []).filter((row) => row.ok);
  return [
    '',
    '## 7. National (PostgreSQL)',
    '',
    `Served while ingesting: \`/feeds/an-ninh-trat-tu.rss\`, full body, autocannon with ${national.connections} connections per process from the bench process. ` +
    `A database of its own on the local PostgreSQL, filled by \`synthetic/load-national-store.ts\` through the store's own migrations and row mappers with \`COPY\`: ${load.stories} stories, ${load.copies} copies (${load.copyParagraphs} paragraphs each, ${load.copyChars} characters of HTML on average: a feed's summary, not the full text of sections 1–4), dated over 80 days; loaded in ${seconds(load.loadMs)} s (of which ${seconds(load.copyMs)} s waiting on COPY, the rest writing the text), ${load.databaseMB} MB on disk. ${national.sources} synthetic portals on one loopback server (no per-host delay). Each process is \`npm start\`'s own service (\`startService\`) in a process of its own; at most two hold the store at once.`,
    '',
    table(
      ['what', 'figure'],
      [
        ['cold process: read the whole store (`load()`)', `${round1(cold.loadMs)} ms`],
        ['cold process: render every feed (`buildFeedCatalog`, nothing reused)', `${round1(cold.catalogMs)} ms`],
        ['cold process: RSS after both (peak)', `${cold.rssMB} MB (${cold.peakRssMB} MB)`],
        ['serving process: start-up until it answers (store read, catalog built)', `${round1(one.startup.startupMs)} ms, RSS ${one.startup.rssMB} MB`],
        [`start-up cycle: ${national.sources} portals' first fetch, empty merge cache`, `${round1(one.firstCycle.ms)} ms`],
        [`cycle with ${one.newCopies} new copies (median of ${one.cycles.length})`, `${one.cycleMedianMs} ms`],
        ['rows written by those cycles (stories, copies, removals)', one.cycles.map((cycle) => `${cycle.storyRows}, ${cycle.copyRows}, ${cycle.removedRows}`).join('; ')],
        [`one process: all ${national.sources} portals, a new story each, serving meanwhile`, `${round1(one.allSources.ms)} ms (${one.allSources.storyRows} story rows, ${one.allSources.copyRows} copy rows)`],
        ['one process: serve p50 / p99 meanwhile', serveFigures(one.serve)],
        ['one process: RSS at the end (peak)', `${one.memory.rssMB} MB (${one.memory.peakRssMB} MB)`],
        ['two processes: start-up until each answers; start-up cycle', two.startup.map((ready, index) => `${round1(ready.startupMs)} ms; ${cycleFigure(two.firstCycle[index]!)}`).join(', ')],
        [`two processes: disjoint halves of the ${national.sources} portals at once, serving meanwhile`, `${two.cycles.map(cycleFigure).join(', ')}; both done in ${two.wallMs} ms`],
        ['one process ÷ two processes (wall time of the same publication)', `${two.speedup} ×`],
        ['two processes: serve p50 / p99 on each while both ingest', two.serve.map(serveFigures).join('; ')],
        ['two processes: RSS at the end (peak)', two.memory.map((memory) => `${memory.rssMB} MB (${memory.peakRssMB} MB)`).join(', ')],
      ],
    ),
    ...(lowdb.length === 0
      ? []
      : [
          '',
          'The lowdb file store beside it, from section 4 (full-text copies, about 1.3 per story):',
          '',
          table(
            ['stories', 'file MB', 'load ms', 'cycle write ms', 'peak RSS MB'],
            lowdb.map((row) => [row.stories, row.fileMB, row.loadMs, row.writeMs, row.peakRssMB]),
          ),
        ]),
  ];
}

export type { NationalResult };

function renderServe(serve: ServeResult, size: string): string[] {
  const tiny = size === 'tiny';
  const kinds = (['bantin', 'node-http', 'node-http-headers', 'express', 'nginx'] as const).filter((kind) => serve.full[kind]);
  const rows = kinds.map((kind) => {
    const full = serve.full[kind]!;
    const notModified = serve.notModified[kind]!;
    return [kind, full.requestsPerSecond, full.p99Ms, cpu(full), notModified.requestsPerSecond, notModified.p99Ms, cpu(notModified)];
  });
  const compared: [string, ServeRatios | null][] = [
    ['bare node:http', serve.toNodeHttp],
    ["bare node:http with bantin's headers", serve.toNodeHttpHeaders],
    ['express route', serve.toExpress],
    ['nginx, static copy', serve.toNginx],
  ];
  const ratioRows = compared.flatMap(([name, ratios]) =>
    ratios ? [[name, ratios.full, ratios.fullByRound.join(', '), ratios.notModified, ratios.notModifiedByRound.join(', ')]] : [],
  );
  const nginx = 'skipped' in serve.nginx ? `nginx not measured: ${serve.nginx.skipped} (\`apt-get install nginx\` adds it).` : `nginx: \`${serve.nginx.binary}\`, one worker, serving the static copy in \`outDir\` with \`sendfile\`, \`open_file_cache\`, its own ETag, and the Cache-Control and CORS headers an operator would add.`;
  const during = serve.duringIngestion;
  return [
    '',
    '## 5. Serve',
    '',
    `\`/feeds/${serve.feed}\` (${serve.bodyBytes} bytes, identity) with autocannon, ${serve.connections} connections, ${tiny ? 'a fixed number of requests' : `${serve.durationSeconds} s`} each, loopback; each server in its own process, all started before the first measure${tiny ? '' : ', each warmed first by a discarded second of each load'}; ${serve.rounds} round(s), each measuring every server's 304 and then full body, the order reversed every other round. bantin is \`npm start\`'s own server (startService); express and node-http answer the same bytes from memory (\`res.end(buffer)\`) and 304 to any If-None-Match, with no header but Content-Type on a 200; node-http-headers does the same with bantin's own headers written ready-made (checked equal to bantin's but Date: validators, Cache-Control, Vary, CORS — about 200 bytes and six lines more per answer, which the load generator, in the same process as the bench, has to parse). ${nginx} The machine is shared with other work and noisy: figures are medians over the rounds, and each ratio is the median of the ratios measured within a round. CPU per answer (user + system, the server's process — nginx's from /proc — and the load generator's, this process) moves far less than req/s when other work takes the cores.`,
    '',
    table(['server', 'full req/s', 'full p99 ms', 'full CPU µs/answer: server, load generator', '304 req/s', '304 p99 ms', '304 CPU µs/answer: server, load generator'], rows),
    '',
    table(['bantin ÷', 'full body', 'by round', '304', 'by round'], ratioRows),
    '',
    `While ingesting (\`npm start\`'s service: requests on the main thread, ingestion on its own thread): ${during.cycles} cycle(s) back to back, 10 portals publishing 5 stories before each, after a first cycle of ${during.firstCycleMs} ms that warmed the merge cache; full body p50 ${during.p50Ms} ms, p99 ${during.p99Ms} ms, ${during.requestsPerSecond} req/s; cycle ms: ${during.cycleMs.join(', ')}.`,
    // A serve section kept from a report older than the story routes has none to show.
    ...((serve as Partial<typeof serve>).stories === undefined ? ['', 'Story routes: not in this serve section (kept from a report before they were measured).'] : renderStoryRoutes(serve.stories, tiny)),
  ];
}

function renderStoryRoutes(stories: StoryRoutesResult, tiny: boolean): string[] {
  const rows = STORY_ROUTES.map(({ route, label }) => {
    const figures = stories.routes[route];
    return [label, figures.bytes || '—', figures.requestsPerSecond, figures.p50Ms, figures.p99Ms, figures.serverCpuUs ?? '—'];
  });
  const poll = stories.routes.changesNotModified;
  return [
    '',
    '### Story pages, search and the change stream',
    '',
    `\`npm start\`'s service (startService, no source enabled, so it only serves) over a store of ${stories.stories} synthetic stories (about 1.3 copies each, every copy with its match record, categories filed by bantin's categoriser) and ${stories.changesHeld} changes held; the story shown has several copies; the search matches many stories and renders page 1 of its hits. autocannon, ${stories.connections} connections, ${tiny ? 'a fixed number of requests' : 'each route warmed by a discarded second, then measured for the section\'s duration'}, ${stories.rounds} round(s) of every route in turn; medians over the rounds. CPU: the server process's user + system time per answer (the ingestion thread idle).`,
    '',
    table(['route', 'body bytes', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/answer'], rows),
    '',
    `A partner polling \`/api/changes\` every minute with the ETag it holds pays a 304 when nothing changed: ${poll.serverCpuUs ?? '—'} µs of the server's CPU, so this process answers ${stories.partnersPerMinute} such partners a minute at ${poll.requestsPerSecond} polls a second.`,
  ];
}

function renderHtmlPortals(html: HtmlPortalsResult): string[] {
  const row = (name: string, cycle: HtmlPortalsResult['cold']) => [name, cycle.cycleMs, cycle.cpuMs, cycle.listPages, cycle.articlePages, cycle.robots, cycle.notModified, cycle.storiesAdded];
  return [
    '',
    '## 6. HTML portals',
    '',
    `${html.portals} portals without feeds × ${html.articlesPerPortal} articles on each list page, generated pages (menu, list with dates, "Tin xem nhiều" box, article with sapo, captioned photo, byline, share bar, "Tin liên quan") served over loopback by a separate process, one server (host:port) per portal, \`hostDelaySeconds: 0\`, no selectors (detection only). \`runIngestion\` into an empty store (cold), then again after each portal published one article (warm). Pages fetched are counted from the portals' own request log; the warm cycle must fetch only the list pages and the new articles, or the bench fails.`,
    '',
    table(['cycle', 'wall ms', 'CPU ms', 'list pages', 'article pages', 'robots.txt', '304', 'new stories'], [row('cold', html.cold), row('warm (1 new article per portal)', html.warm)]),
    '',
    `Extraction alone (\`extractArticle\`: title, date, author, main text, cleaning) over all ${html.portals * html.articlesPerPortal + html.portals} article pages, median of ${html.extractRuns} run(s): ${html.extractMs} ms, ${html.extractArticlesPerSecond} articles/s; \`cheerio.load\` alone over the same pages: ${html.cheerioParseMs} ms, ${html.cheerioPagesPerSecond} pages/s; ratio ${html.ratioToCheerio} ×. (\`cheerio.load\` builds its tree with parse5; bantin parses with htmlparser2 through cheerio.) CPU is this process's user + system time; wall time on a shared machine also counts other work's turns.`,
  ];
}

function cpu(figures: LoadFigures): string {
  return `${figures.serverCpuUs ?? '—'}, ${figures.clientCpuUs ?? '—'}`;
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
