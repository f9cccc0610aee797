// Replays issue 10, defect 1: the ingestion thread dies mid-cycle (or every cycle fails, or one hangs) and /healthz must say so.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type RunningService, type ServiceOptions } from '../../src/commands/serve-command.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import type { HealthReport } from '../../src/server/health-report.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { findClosedPort, startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const CRASHING_WORKER = new URL('../helpers/crashing-ingestion-worker.ts', import.meta.url).href;

const items: TestItem[] = [];
let hangNextRequest = false;
let portal: FixtureServer | undefined;
let service: RunningService | undefined;

afterEach(async () => {
  await service?.stop();
  await portal?.close();
  service = portal = undefined;
  items.length = 0;
  hangNextRequest = false;
});

const story = (n: number): TestItem => ({
  guid: `vu-viec-${n}`,
  title: `Công an xã Tân Lập bắt giữ đối tượng trộm xe máy thứ ${n}`,
  // Each theft its own: another value, so the merge rules keep the stories apart (a template differing only in
  // its day and "số N" would be joined by the verbatim rule: numbers that name are no figures).
  body: `Ngày ${n}/11, Công an xã Tân Lập thu hồi chiếc xe máy trị giá ${12 + n * 7} triệu đồng bị trộm và bàn giao cho người bị hại, vụ việc số ${n} trong tháng.`,
  date: `Wed, ${String(n).padStart(2, '0')} Nov 2026 09:30:00 +0700`,
});

/** One police portal over loopback and a service on a free port; the schedule never fires unless asked. */
async function startPortalAndService(config: Record<string, unknown> = {}, options: ServiceOptions = {}) {
  portal = await startFixtureServer({
    '/rss': (_req, res) => {
      if (hangNextRequest) {
        hangNextRequest = false;
        return; // never answered: the fetch times out
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(buildRss('Công an tỉnh', items));
    },
  });
  const dir = await makeTempDir();
  const port = await findClosedPort();
  const configFile = path.join(dir, 'bantin.json');
  await writeFile(
    configFile,
    JSON.stringify({
      port,
      baseUrl: `http://127.0.0.1:${port}`,
      schedule: '0 0 1 1 *',
      categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['trộm'] }],
      sources: [{ id: 'cong-an-tinh', name: 'Công an tỉnh', url: `${portal.url}/rss` }],
      ...config,
    }),
  );
  const loaded = loadConfig(configFile);
  service = await startService(loaded, createSilentLogger(), options);
  await service.firstIngestion;
  return { config: loaded, configFile, base: `http://127.0.0.1:${port}` };
}

async function health(base: string): Promise<HealthReport> {
  return (await (await fetch(`${base}/healthz`)).json()) as HealthReport;
}

/** Polls until `check` holds, for at most `ms`; returns the last report either way. */
async function healthWhen(base: string, check: (report: HealthReport) => boolean, ms = 20_000): Promise<HealthReport> {
  const deadline = Date.now() + ms;
  let report = await health(base);
  while (!check(report) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    report = await health(base);
  }
  return report;
}

describe('hostile: the ingestion thread ends, fails or hangs', () => {
  it('restarts a thread killed mid-cycle, frees the store lock it held, and says so in /healthz until a cycle succeeds', async () => {
    items.push(story(1));
    const { config, configFile, base } = await startPortalAndService({}, { thread: { entry: CRASHING_WORKER, restartDelayMs: 1500 } });
    expect(await health(base)).toMatchObject({ status: 'ok', reasons: [], ingestion: { thread: 'running', restarts: 0 } });

    items.push(story(2));
    await writeFile(`${config.store}.crash-once`, '');
    await service!.ingestNow();

    const down = await health(base);
    expect(down.status).toBe('degraded');
    expect(down.ingestion).toMatchObject({ thread: 'restarting', lastThreadEnd: { reason: expect.stringContaining('crash injected by the test') } });
    expect(down.reasons.join('\n')).toMatch(/the ingestion thread ended at .*crash injected by the test.*starting it again at/);
    expect(down.reasons.join('\n')).toMatch(/the last ingestion cycle failed at .*: the ingestion thread ended/);

    // The lock named this live process; `npm run ingest` beside it would otherwise wait 60 s and fail.
    await expect.poll(() => existsSync(`${config.store}.lock`), { timeout: 2000 }).toBe(false);
    const beside = await runCli(['ingest', '--config', configFile]);
    expect(beside.stderr).not.toMatch(/held by another writer/);
    expect(beside.code).toBe(0);

    const recovered = await healthWhen(base, (report) => report.status === 'ok');
    expect(recovered).toMatchObject({ status: 'ok', reasons: [], ingestion: { thread: 'running', restarts: 1, lastCycle: { error: null } } });
    const feed = (await (await fetch(`${base}/feeds/all.json`)).json()) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title)).toContain(story(2).title);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^bantin_ingestion_thread_restarts_total 1$/m);
    expect(metrics).toMatch(/^bantin_ingestion_cycles_total\{outcome="failed"\} 1$/m);
  }, 40_000);

  it('is degraded with the cycle error while every cycle fails, and ok after the next good one', async () => {
    items.push(story(1));
    const { config, base } = await startPortalAndService();
    const good = await readFile(config.store);
    await writeFile(config.store, '{"version": 1, "stories": [');

    await service!.ingestNow();
    const failing = await health(base);
    expect(failing.status).toBe('degraded');
    expect(failing.ingestion?.thread).toBe('running');
    expect(failing.reasons).toEqual([expect.stringMatching(new RegExp(`^the last ingestion cycle failed at .*: store: .*${path.basename(config.store)}`))]);
    await service!.ingestNow();
    expect((await health(base)).reasons).toHaveLength(1);

    await writeFile(config.store, good);
    await service!.ingestNow();
    expect(await health(base)).toMatchObject({ status: 'ok', reasons: [], ingestion: { lastCycle: { error: null } } });
  }, 30_000);

  it('calls ingestion stale once two scheduled runs pass during a cycle that hangs, until it ends', async () => {
    items.push(story(1));
    const { base } = await startPortalAndService({ schedule: '* * * * * *', fetchTimeoutSeconds: 5 });
    hangNextRequest = true;
    const stale = await healthWhen(base, (report) => report.reasons.some((reason) => reason.startsWith('no ingestion cycle has succeeded')), 8000);
    expect(stale.status).toBe('degraded');
    expect(stale.reasons.join('\n')).toMatch(/no ingestion cycle has succeeded since .* \(\d+ scheduled runs due since\); a cycle has been running since/);

    // The hung fetch times out, the cycle ends (the source's failure is data), and the next runs succeed.
    const after = await healthWhen(base, (report) => !report.reasons.some((reason) => reason.startsWith('no ingestion cycle')), 12_000);
    expect(after.reasons.join('\n')).not.toMatch(/no ingestion cycle/);
    expect(after.ingestion?.lastCycle?.error).toBeNull();
  }, 30_000);
});
