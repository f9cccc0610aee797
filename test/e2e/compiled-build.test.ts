/**
 * The compiled build as operators run it: `npm start` (scripts/bootstrap.mjs, then dist/main.js in
 * the same process, its ingestion thread started from dist/ without tsx), the `bantin` bin, and the
 * signals a process manager or a terminal sends to npm.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import { BUILD_MS, ensureCompiledBuild } from '../helpers/compiled-build.ts';
import { handTypedEnv, processGroupAlive, runProcess, startProcess, waitForIngestedHealth, type WatchedProcess } from '../helpers/child-process.ts';
import { setUpDemo, type DemoSetup } from '../helpers/demo-config.ts';
import { findClosedPort } from '../helpers/fixture-server.ts';
import { expectShippedDemoMerged, writeShippedConfig } from '../helpers/shipped-demo.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

beforeAll(ensureCompiledBuild, BUILD_MS);

async function demoConfig(): Promise<{ demo: DemoSetup; base: string; port: number }> {
  const dir = await makeTempDir('bantin-compiled-');
  const port = await findClosedPort();
  const base = `http://127.0.0.1:${port}`;
  return { demo: await setUpDemo(dir, { port, baseUrl: base }), base, port };
}

/** `npm start -- --config <file>` as typed by hand, in its own process group. */
function start(configFile: string): WatchedProcess {
  return startProcess('npm', ['start', '--', '--config', configFile], { cwd: REPO_ROOT, env: handTypedEnv({ LOG_LEVEL: 'info' }), detached: true });
}

async function expectCategoryFeed(base: string): Promise<void> {
  const response = await fetch(`${base}/feeds/an-ninh-trat-tu.rss`);
  expect(response.status).toBe(200);
  const body = await response.text();
  expect(body).toContain('<title>An ninh trật tự</title>');
  expect(body.match(/<item>/g)?.length ?? 0).toBeGreaterThan(0);
}

function shutdownLines(stderr: string): number {
  return stderr.split('\n').filter((line) => line.includes('"msg":"shutting down"')).length;
}

describe('the compiled build', () => {
  it('dist/ holds only compiled JavaScript, and its ingestion thread starts dist/commands/ingestion-worker.js itself, without tsx', async () => {
    const files = await readdir(path.join(REPO_ROOT, 'dist'), { recursive: true });
    expect(files).toContain(path.join('commands', 'ingestion-worker.js'));
    expect(files.filter((file) => /\.(ts|mts|mjs)$/.test(file))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      expect(await readFile(path.join(REPO_ROOT, 'dist', file), 'utf8'), file).not.toMatch(/from ['"]tsx|['"]tsx\//);
    }
    const compiled = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist/commands/worker-module.js')).href)) as typeof import('../../src/commands/worker-module.ts');
    const worker = compiled.workerModule(new URL('./ingestion-worker.ts', pathToFileURL(path.join(REPO_ROOT, 'dist/commands/ingestion-thread.js'))));
    expect(worker.boot.href).toBe(pathToFileURL(path.join(REPO_ROOT, 'dist/commands/ingestion-worker.js')).href);
  });

  it('npm start serves the demo from dist/, and SIGTERM sent to npm stops the service cleanly with no process left', async () => {
    const { demo, base } = await demoConfig();
    const service = start(demo.configFile);
    try {
      await waitForIngestedHealth(base, service, 60_000);
      expect(service.stderr).not.toMatch(/bantin: .*running npm ci/);
      await expectCategoryFeed(base);
      process.kill(service.child.pid!, 'SIGTERM');
      expect(await service.endedWithin(10_000)).toEqual({ code: 0, signal: null });
      expect(shutdownLines(service.stderr)).toBe(1);
      expect(processGroupAlive(service.child.pid!)).toBe(false);
    } finally {
      if (processGroupAlive(service.child.pid!)) process.kill(-service.child.pid!, 'SIGKILL');
      await demo.server.close();
    }
  });

  it('npm start on the shipped sources as they are (files under data/demo, no network) shows the ward portal\'s page and the full-text page merged with feed copies', async () => {
    const dir = await makeTempDir('bantin-compiled-');
    const port = await findClosedPort();
    const base = `http://127.0.0.1:${port}`;
    const service = start(await writeShippedConfig(dir, port));
    try {
      await waitForIngestedHealth(base, service, 60_000);
      await expectShippedDemoMerged(base);
      process.kill(service.child.pid!, 'SIGTERM');
      expect(await service.endedWithin(10_000)).toEqual({ code: 0, signal: null });
    } finally {
      if (processGroupAlive(service.child.pid!)) process.kill(-service.child.pid!, 'SIGKILL');
    }
  });

  it("Ctrl-C in a terminal (SIGINT to npm's whole process group, which npm passes on again) stops it once, cleanly", async () => {
    const { demo, base } = await demoConfig();
    const service = start(demo.configFile);
    try {
      await waitForIngestedHealth(base, service, 60_000);
      process.kill(-service.child.pid!, 'SIGINT');
      expect(await service.endedWithin(10_000)).toEqual({ code: 0, signal: null });
      expect(shutdownLines(service.stderr)).toBe(1);
      expect(processGroupAlive(service.child.pid!)).toBe(false);
    } finally {
      if (processGroupAlive(service.child.pid!)) process.kill(-service.child.pid!, 'SIGKILL');
      await demo.server.close();
    }
  });

  it('bin/bantin.mjs ingest runs one cycle from the compiled build; another command is a usage error', async () => {
    const { demo } = await demoConfig();
    try {
      const bin = path.join(REPO_ROOT, 'bin', 'bantin.mjs');
      const result = await runProcess(process.execPath, [bin, 'ingest', '--config', demo.configFile], { cwd: REPO_ROOT, env: handTypedEnv() });
      expect(result.code, result.stderr).toBe(0);
      for (const id of Object.keys(demo.paths)) expect(result.stdout).toMatch(new RegExp(`^${id}\\s+ok\\s+\\d+ items`, 'm'));
      const usage = await runProcess(process.execPath, [bin, 'publish'], { cwd: REPO_ROOT, env: handTypedEnv() });
      expect(usage.code).toBe(2);
      expect(usage.stderr).toBe('usage: bantin serve|ingest|preview [<source id | URL>] [--config <path>]\n');
    } finally {
      await demo.server.close();
    }
  });
});
