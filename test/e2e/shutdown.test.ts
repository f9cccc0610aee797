// A process manager's SIGTERM or a user's Ctrl-C stops `npm start` within 10 s, exit 0, even mid-cycle, leaving no lock behind.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import type { HealthReport } from '../../src/server/health-report.ts';
import { findClosedPort, startFixtureServer } from '../helpers/fixture-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const STOP_LIMIT_MS = 10_000;

describe('stopping the service', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s, ends a cycle stuck on a silent portal and exits 0 within 10 s', async (signal) => {
    // A portal that takes requests and never answers: the start-up cycle waits on it for a minute.
    const portal = await startFixtureServer(() => undefined);
    const dir = await makeTempDir();
    const port = await findClosedPort();
    const configFile = path.join(dir, 'bantin.json');
    await writeFile(
      configFile,
      JSON.stringify({ port, fetchTimeoutSeconds: 60, categories: [], sources: [{ id: 'cong-im-lang', name: 'Cổng không trả lời', url: `${portal.url}/rss` }] }),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/main.ts'), 'serve', '--config', configFile], {
      cwd: REPO_ROOT,
      // The config's file store, whatever BANTIN_STORE the suite runs with: the lock checked below is that file's.
      env: { ...withoutStoreOverride(process.env), LOG_LEVEL: 'warn' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, got) => resolve({ code, signal: got })));
    try {
      const running = await waitForRunningCycle(`http://127.0.0.1:${port}`);
      expect(running.ingestion?.cycleRunningSince).not.toBeNull();
      // A keep-alive connection a feed reader left open must not hold the server.
      await fetch(`http://127.0.0.1:${port}/feeds/all.json`, { headers: { connection: 'keep-alive' } });

      const signalledAt = Date.now();
      child.kill(signal);
      const outcome = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), STOP_LIMIT_MS + 2000))]);
      expect(outcome, stderr).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(STOP_LIMIT_MS);
      expect(existsSync(path.join(dir, 'data', 'db.json.lock'))).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await portal.close();
    }
  }, 30_000);
});

/** Polls /healthz until the start-up cycle is under way (the service answers before its first cycle ends). */
async function waitForRunningCycle(base: string): Promise<HealthReport> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const report = await fetch(`${base}/healthz`).then((res) => res.json() as Promise<HealthReport>, () => undefined);
    if (report?.ingestion?.cycleRunningSince) return report;
    if (Date.now() > deadline) throw new Error('the service never reported a running cycle');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function withoutStoreOverride(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BANTIN_STORE: _store, ...rest } = env;
  return rest;
}
