/**
 * Issue 17's promise, end to end: a fresh clone needs `npm start` alone. It clones this repository
 * (its checked-out commit, plus uncommitted changes to tracked files) into a temp folder, runs
 * `npm start` there, reads a category feed, stops it as a process manager would, and starts it
 * again to see that nothing is reinstalled or rebuilt. Slow (`npm ci` from the registry or its
 * cache): runs when CI=true or BANTIN_SLOW_TESTS=1.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import { handTypedEnv, processGroupAlive, runProcess, startProcess, waitForIngestedHealth } from '../helpers/child-process.ts';
import { findClosedPort } from '../helpers/fixture-server.ts';
import { expectShippedDemoMerged } from '../helpers/shipped-demo.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SLOW = process.env.CI === 'true' || process.env.BANTIN_SLOW_TESTS === '1';
const COLD_START_MS = 300_000;
const WARM_START_MS = 60_000;

if (!SLOW) process.stderr.write('test/e2e/fresh-clone.test.ts skipped: a slow test (npm ci in a fresh clone); set BANTIN_SLOW_TESTS=1, or CI=true, to run it\n');

async function git(args: string[], cwd: string): Promise<string> {
  const result = await runProcess('git', args, { cwd });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A clone of this repository at what is checked out here, uncommitted changes to tracked files included. */
async function cloneHere(): Promise<string> {
  const target = path.join(await makeTempDir('bantin-clone-'), 'bantin');
  // `git stash create` makes a commit of the work tree without touching it; nothing to stash gives ''.
  const commit = (await git(['stash', 'create'], REPO_ROOT)) || (await git(['rev-parse', 'HEAD'], REPO_ROOT));
  await git(['clone', '--quiet', '--no-checkout', REPO_ROOT, target], REPO_ROOT);
  await git(['checkout', '--quiet', '--detach', commit], target);
  return target;
}

/** `npm start` in `clone`, as typed by hand, in its own process group; resolves once it has ingested, with how long that took. */
async function npmStart(clone: string, port: number, withinMs: number) {
  const started = performance.now();
  const watched = startProcess('npm', ['start'], { cwd: clone, env: handTypedEnv({ PORT: String(port) }), detached: true });
  try {
    await waitForIngestedHealth(`http://127.0.0.1:${port}`, watched, withinMs);
  } catch (error) {
    process.kill(-watched.child.pid!, 'SIGKILL');
    throw error;
  }
  return { watched, seconds: (performance.now() - started) / 1000 };
}

/** SIGTERM to the npm process, as systemd or a container runtime sends it; then nothing of the group may be left. */
async function stopLikeAProcessManager(watched: ReturnType<typeof startProcess>): Promise<void> {
  const pid = watched.child.pid!;
  try {
    process.kill(pid, 'SIGTERM');
    expect(await watched.endedWithin(10_000)).toEqual({ code: 0, signal: null });
    // The group's processes (npm, the service) are gone, none orphaned; the port is free.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(processGroupAlive(pid)).toBe(false);
  } finally {
    if (processGroupAlive(pid)) process.kill(-pid, 'SIGKILL');
  }
}

describe.skipIf(!SLOW)('a fresh clone (slow: CI=true or BANTIN_SLOW_TESTS=1)', () => {
  it(
    'npm start alone installs, builds and serves the demo feeds, the ward portal\'s page merged with feed copies; stopped by SIGTERM to npm, it leaves no process; a second start neither reinstalls nor rebuilds',
    async () => {
      const clone = await cloneHere();
      expect(existsSync(path.join(clone, 'node_modules'))).toBe(false);
      expect(existsSync(path.join(clone, 'dist'))).toBe(false);
      const port = await findClosedPort();
      const base = `http://127.0.0.1:${port}`;

      const cold = await npmStart(clone, port, COLD_START_MS);
      const bootstrapLines = cold.watched.stderr.split('\n').filter((line) => line.startsWith('bantin:'));
      expect(bootstrapLines).toEqual([
        'bantin: node_modules is missing; running npm ci first',
        'bantin: dist/ is missing; building it (tsc -p tsconfig.build.json)',
      ]);
      const feed = await fetch(`${base}/feeds/an-ninh-trat-tu.rss`);
      expect(feed.status).toBe(200);
      const body = await feed.text();
      expect(body).toContain('<title>An ninh trật tự</title>');
      expect(body.match(/<item>/g)?.length ?? 0).toBeGreaterThan(0);
      // The first page already shows merged stories: the ward portal's HTML page and the full-text page among them.
      await expectShippedDemoMerged(base);
      await stopLikeAProcessManager(cold.watched);

      const warm = await npmStart(clone, port, WARM_START_MS);
      expect(warm.watched.stderr).not.toContain('npm ci');
      expect(warm.watched.stderr.split('\n').filter((line) => line.startsWith('bantin:'))).toEqual([]);
      expect((await fetch(`${base}/feeds/an-ninh-trat-tu.rss`)).status).toBe(200);
      await stopLikeAProcessManager(warm.watched);
      console.info(`fresh clone: cold npm start answered /healthz after its first ingestion in ${cold.seconds.toFixed(1)} s, warm in ${warm.seconds.toFixed(1)} s`);
    },
    COLD_START_MS + WARM_START_MS + 60_000,
  );
});
