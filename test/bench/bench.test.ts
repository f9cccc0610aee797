/** Keeps `npm run bench` working: a tiny run writes both reports with every section. Goals are not checked here. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import type { BenchReport } from '../../bench/report.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

describe('npm run bench', () => {
  it('writes report.json and report.md with every section in a tiny run', { timeout: 180_000 }, async () => {
    const out = await makeTempDir('bantin-bench-test-');
    const { stdout } = await run(TSX, ['bench/run-bench.ts', '--out', out], { cwd: REPO_ROOT, env: { ...process.env, BENCH_SIZE: 'tiny' } });

    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BenchReport;
    expect(report.size).toBe('tiny');
    expect(report.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
    expect(report.machine.cpu).not.toBe('');
    expect(Object.keys(report.sections).sort()).toEqual(['htmlPortals', 'ingestCold', 'ingestWarm', 'mergeScaling', 'serve', 'store']);
    expect(report.sections.ingestCold!.items).toBeGreaterThan(0);
    expect(report.sections.ingestWarm!.notModifiedSources).toBe(report.sections.ingestCold!.sources);
    expect(report.sections.mergeScaling!.rows).toHaveLength(2);
    expect(report.sections.store!.length).toBeGreaterThan(0);
    expect(report.sections.serve!.full.bantin!.expectedStatus).toBeGreaterThan(0);
    expect(report.sections.serve!.notModified.bantin!.expectedStatus).toBeGreaterThan(0);
    expect(report.sections.serve!.toNodeHttp.notModified).toBeGreaterThan(0);
    const html = report.sections.htmlPortals!;
    expect(html.cold).toMatchObject({ listPages: html.portals, articlePages: html.portals * html.articlesPerPortal, storiesAdded: html.portals * html.articlesPerPortal });
    expect(html.warm).toMatchObject({ listPages: html.portals, articlePages: html.portals, robots: 0, storiesAdded: html.portals });
    expect(html.warmFetchedOnlyNew).toBe(true);
    expect(html.ratioToCheerio).toBeGreaterThan(0);
    // Story routes beside the feed route, over their own store; the change stream a partner polls answers 304.
    const stories = report.sections.serve!.stories;
    expect(stories.stories).toBe(300);
    expect(stories.changesHeld).toBe(300);
    for (const route of ['feed', 'feedNotModified', 'storyPage', 'storyApi', 'search', 'changesNotModified', 'changes'] as const) {
      expect(stories.routes[route].expectedStatus, route).toBe(400);
      expect(stories.routes[route].other, route).toBe(0);
      expect(stories.routes[route].p99Ms, route).toBeGreaterThan(0);
    }
    expect(stories.routes.search.bytes).toBeGreaterThan(stories.routes.changes.bytes);
    expect(stories.partnersPerMinute).toBeGreaterThan(0);
    expect(report.goals.map((goal) => goal.section[0])).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5', '6']));

    const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
    for (const heading of ['## Goals', '## 1. Ingest, cold', '## 2. Ingest, warm', '## 3. Merge scaling', '## 4. Store', '## 5. Serve', '### Story pages, search and the change stream', '## 6. HTML portals']) {
      expect(markdown).toContain(heading);
    }
    expect(stdout).toContain('p99 ≤ 250 ms while ingesting');
    expect(stdout).toMatch(/story routes round 1: feed [\d.]+, feedNotModified [\d.]+, storyPage [\d.]+, storyApi [\d.]+, changesNotModified [\d.]+, changes [\d.]+, search [\d.]+ \(req\/s\)/);
    // nginx is the ceiling when Debian's package is installed; without it the report says it was left out.
    const serve = report.sections.serve!;
    if ('binary' in serve.nginx) expect(serve.full.nginx!.expectedStatus + serve.notModified.nginx!.expectedStatus).toBe(2 * 400);
    else expect(markdown).toContain('nginx not measured');
  });
});
