/**
 * The deployment examples in deploy/ and the Dockerfile's config: the systemd unit is one systemd
 * accepts, its ExecStart serves and its KillSignal stops the service with exit 0, and the config
 * the unit and the image use is valid with all state under /var/lib/bantin.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, REPO_ROOT } from '../../src/config/load-config.ts';
import { handTypedEnv, runProcess, startProcess, waitForIngestedHealth } from '../helpers/child-process.ts';
import { BUILD_MS, ensureCompiledBuild } from '../helpers/compiled-build.ts';
import { setUpDemo } from '../helpers/demo-config.ts';
import { findClosedPort } from '../helpers/fixture-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const UNIT = path.join(REPO_ROOT, 'deploy', 'bantin.service');
const SYSTEMD_ANALYZE = haveCommand('systemd-analyze');

function haveCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The value of `key=` in the unit (the last one, as systemd reads a single-valued key). */
async function unitValue(key: string): Promise<string> {
  const lines = (await readFile(UNIT, 'utf8')).split('\n').filter((line) => line.startsWith(`${key}=`));
  expect(lines.length, `${key}= in ${UNIT}`).toBeGreaterThan(0);
  return lines.at(-1)!.slice(key.length + 1);
}

beforeAll(ensureCompiledBuild, BUILD_MS);

describe('deploy/', () => {
  it('bantin.config.json (the unit and the image use it) is valid and keeps the store and static feeds under /var/lib/bantin', () => {
    const config = loadConfig(path.join(REPO_ROOT, 'deploy', 'bantin.config.json'));
    const shipped = loadConfig(path.join(REPO_ROOT, 'bantin.config.json'));
    expect(config.store).toBe('/var/lib/bantin/db.json');
    expect(config.outDir).toBe('/var/lib/bantin/feeds');
    expect(config.sources.map((source) => source.id)).toEqual(shipped.sources.map((source) => source.id));
  });

  it.skipIf(!SYSTEMD_ANALYZE)('bantin.service passes systemd-analyze verify (Debian package systemd)', async () => {
    const result = await runProcess('systemd-analyze', ['verify', UNIT]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it("bantin.service's ExecStart, with this repository as /opt/bantin, serves the demo; its KillSignal stops it with exit 0", async () => {
    const dir = await makeTempDir('bantin-unit-');
    const port = await findClosedPort();
    const demo = await setUpDemo(dir, { port, baseUrl: `http://127.0.0.1:${port}` });
    const [command, ...args] = (await unitValue('ExecStart'))
      .split(/\s+/)
      .map((word) => word.replace('/opt/bantin', REPO_ROOT).replace('/etc/bantin/bantin.config.json', demo.configFile));
    const signal = (await unitValue('KillSignal')) as NodeJS.Signals;
    // The unit names /usr/bin/node; this suite's own node stands for it.
    const service = startProcess(command === '/usr/bin/node' ? process.execPath : command!, args, {
      cwd: (await unitValue('WorkingDirectory')).replace('/opt/bantin', REPO_ROOT),
      env: handTypedEnv({ NODE_ENV: 'production' }),
    });
    try {
      await waitForIngestedHealth(`http://127.0.0.1:${port}`, service, 60_000);
      service.child.kill(signal);
      expect(await service.endedWithin(Number.parseInt(await unitValue('TimeoutStopSec'), 10) * 1000)).toEqual({ code: 0, signal: null });
    } finally {
      service.child.kill('SIGKILL');
      await demo.server.close();
    }
  });
});
