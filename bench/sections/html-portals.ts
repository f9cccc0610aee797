/**
 * Section 6: a province of HTML portals without feeds (issue 11), served over loopback by a separate
 * process with `hostDelaySeconds: 0`. A cold cycle (empty store: every list and article page read), then a
 * warm one after each portal published one article, which must fetch only the list pages and the new
 * articles (counted from the portals' own request log: the section throws when it fetched more); then
 * extraction alone (extractArticle) over every article page beside cheerio's bare parse of the same pages.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { extractArticle } from '../../src/pipeline/extract/extract-article.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import type { BenchSize } from '../bench-size.ts';
import { collectGarbage, median, round, timed } from '../measure.ts';
import { startChild } from '../processes/child-process.ts';
import type { HtmlPortalLog, HtmlPortalOptions, HtmlPortalsReady } from '../processes/html-portal-server.ts';

const SEED = 20261204;
const ZONE = 'Asia/Ho_Chi_Minh';

export interface HtmlCycleFigures {
  cycleMs: number;
  /** User + system CPU of this process during the cycle (the portals run in another): steadier than wall time on a shared machine. */
  cpuMs: number;
  listPages: number;
  articlePages: number;
  robots: number;
  /** Answers 304 among the pages above. */
  notModified: number;
  storiesAdded: number;
}

export interface HtmlPortalsResult {
  portals: number;
  articlesPerPortal: number;
  cold: HtmlCycleFigures;
  /** After one new article per portal. */
  warm: HtmlCycleFigures;
  /** Whether the warm cycle fetched exactly the list pages and the new articles. */
  warmFetchedOnlyNew: boolean;
  extractRuns: number;
  /** extractArticle over every article page, one after another (median of the runs). */
  extractMs: number;
  extractArticlesPerSecond: number;
  /** cheerio.load alone over the same pages. */
  cheerioParseMs: number;
  cheerioPagesPerSecond: number;
  /** extraction articles/s ÷ cheerio parse pages/s. */
  ratioToCheerio: number;
}

export async function benchHtmlPortals(size: BenchSize, log: (line: string) => void): Promise<HtmlPortalsResult> {
  const { portals: count, articlesPerPortal, extractRuns } = size.html;
  const options: HtmlPortalOptions = { seed: SEED, portals: count, articlesPerPortal, now: Date.now() };
  const { child, ready } = await startChild<HtmlPortalsReady>(new URL('../processes/html-portal-server.ts', import.meta.url), options);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-html-'));
  try {
    const requests = async (): Promise<HtmlPortalLog> => {
      child.send({ type: 'log' });
      return child.next<HtmlPortalLog>();
    };
    const configFile = path.join(dir, 'bantin.json');
    await writeFile(
      configFile,
      JSON.stringify({ port: 0, baseUrl: 'http://bantin.bench.example', store: 'db.json', outDir: 'feeds', hostDelaySeconds: 0, sources: ready.portals.map((portal) => ({ id: portal.id, name: portal.name, url: portal.url, html: {} })) }),
    );
    const config = loadConfig(configFile);
    const store = createLowdbStore(config.store);
    const cycle = async (name: string): Promise<HtmlCycleFigures> => {
      collectGarbage();
      const run = await timed(() => runIngestion({ config, store, logger: createSilentLogger(), mode: 'all' }));
      const failed = run.value.summary.sources.filter((source) => source.status !== 'ok');
      if (failed.length > 0) throw new Error(`bench: ${failed.length} HTML portals failed in the ${name} cycle: ${failed[0]!.error}`);
      const served = await requests();
      const figures = { cycleMs: round(run.wallMs), cpuMs: round(run.cpuMs), listPages: served.listPages, articlePages: served.articlePages, robots: served.robots, notModified: served.notModified, storiesAdded: run.value.summary.storiesAdded };
      log(`  ${name} cycle: ${figures.cycleMs} ms (${figures.cpuMs} ms CPU), ${figures.listPages} list pages, ${figures.articlePages} article pages, ${figures.robots} robots.txt, ${figures.storiesAdded} new stories`);
      return figures;
    };
    await requests();
    const cold = await cycle('cold');
    if (cold.listPages !== count || cold.articlePages !== count * articlesPerPortal) {
      throw new Error(`bench: the cold cycle read ${cold.listPages} list pages and ${cold.articlePages} article pages, expected ${count} and ${count * articlesPerPortal}`);
    }
    child.send({ type: 'publish' });
    await child.next();
    const warm = await cycle('warm');
    const warmFetchedOnlyNew = warm.listPages === count && warm.articlePages === count && warm.robots === 0 && warm.notModified === 0;
    // The point of the warm cycle: a fetch more than the new articles is a regression, not a figure.
    if (!warmFetchedOnlyNew) {
      throw new Error(`bench: the warm cycle fetched ${warm.listPages} list pages, ${warm.articlePages} article pages and ${warm.robots} robots.txt; only ${count} list pages and ${count} new articles were due`);
    }
    child.send({ type: 'pages' });
    const pages = await child.next<string[]>();
    const throughput = measureExtraction(pages, extractRuns, ready.portals[0]!.url);
    log(`  extraction: ${throughput.extractArticlesPerSecond} articles/s, cheerio.load alone ${throughput.cheerioPagesPerSecond} pages/s (${throughput.ratioToCheerio} ×)`);
    return { portals: count, articlesPerPortal, cold, warm, warmFetchedOnlyNew, extractRuns, ...throughput };
  } finally {
    await child.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Extraction and bare parsing alternate run by run, so drift on a shared machine hits both alike. */
function measureExtraction(pages: readonly string[], runs: number, base: string): Pick<HtmlPortalsResult, 'extractMs' | 'extractArticlesPerSecond' | 'cheerioParseMs' | 'cheerioPagesPerSecond' | 'ratioToCheerio'> {
  const extract: number[] = [];
  const parse: number[] = [];
  // One pass of each unmeasured first, so neither pays for compiling the other's code paths.
  for (const html of pages.slice(0, 20)) {
    extractArticle(html, base, undefined, ZONE);
    load(html);
  }
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    let start = performance.now();
    for (const html of pages) if (extractArticle(html, base, undefined, ZONE).title === undefined) throw new Error('bench: an article page gave no title');
    extract.push(performance.now() - start);
    collectGarbage();
    start = performance.now();
    for (const html of pages) load(html);
    parse.push(performance.now() - start);
  }
  const extractMs = median(extract);
  const cheerioParseMs = median(parse);
  return {
    extractMs: round(extractMs),
    extractArticlesPerSecond: round(pages.length / (extractMs / 1000)),
    cheerioParseMs: round(cheerioParseMs),
    cheerioPagesPerSecond: round(pages.length / (cheerioParseMs / 1000)),
    ratioToCheerio: round(cheerioParseMs / extractMs, 3),
  };
}
