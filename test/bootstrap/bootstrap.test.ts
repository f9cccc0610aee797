/**
 * scripts/bootstrap.mjs's decisions, run as a process on a small project in a temp folder: the real
 * bootstrap scripts, a fake `npm` on PATH (installs a fake typescript, or fails, or hangs) and a
 * fake dist/main.js, so each decision is seen by what was spawned and what was printed.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import { runProcess, startProcess } from '../helpers/child-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const LOCK = {
  name: 'fake-bantin',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'fake-bantin', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } },
    'node_modules/left-pad': {
      version: '1.3.0',
      resolved: 'https://registry.example/left-pad/-/left-pad-1.3.0.tgz',
      integrity: 'sha512-left',
    },
    // An optional package for another platform: npm skips it and leaves it out of its own copy of the lock.
    'node_modules/@esbuild/aix-ppc64': { version: '0.28.2', integrity: 'sha512-aix', optional: true, os: ['aix'], cpu: ['ppc64'] },
  },
};

/** `npm`: logs its call, then (FAKE_NPM) installs like npm ci, or fails after leaving a tree that looks installed, or hangs. */
const FAKE_NPM = `#!${process.execPath}
const fs = require('node:fs');
fs.appendFileSync(process.env.FAKE_LOG, 'npm ' + process.argv.slice(2).join(' ') + ' pid=' + process.pid + '\\n');
fs.rmSync('node_modules', { recursive: true, force: true });
fs.mkdirSync('node_modules/left-pad', { recursive: true });
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const installed = Object.fromEntries(Object.entries(lock.packages).filter(([key, entry]) => key !== '' && !entry.optional));
fs.writeFileSync('node_modules/.package-lock.json', JSON.stringify({ ...lock, packages: installed }));
const mode = process.env.FAKE_NPM ?? 'install';
if (process.env.FAKE_NPM_DELAY_MS) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env.FAKE_NPM_DELAY_MS));
if (mode === 'fail') {
  console.error('npm error code EAI_AGAIN');
  console.error('npm error request to the registry failed, reason: getaddrinfo EAI_AGAIN');
  process.exit(1);
}
if (mode === 'hang') setInterval(() => {}, 1000);
else {
  fs.mkdirSync('node_modules/typescript/bin', { recursive: true });
  fs.writeFileSync('node_modules/typescript/package.json', '{"name":"typescript"}');
  fs.copyFileSync(process.env.FAKE_TSC, 'node_modules/typescript/bin/tsc');
}
`;

/** `tsc`: logs its call, then writes a dist/main.js that prints its pid and arguments (or fails when FAKE_TSC_FAIL). */
const FAKE_TSC = `const fs = require('node:fs');
fs.appendFileSync(process.env.FAKE_LOG, 'tsc ' + process.argv.slice(2).join(' ') + '\\n');
if (process.env.FAKE_TSC_FAIL) {
  console.log("src/main.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.");
  process.exit(2);
}
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/main.js', 'process.stdout.write("main ran " + JSON.stringify(process.argv.slice(2)) + " pid=" + process.pid + "\\\\n");');
`;

interface FakeProject {
  root: string;
  env: Record<string, string>;
  /** The calls of npm and tsc so far, one per line, pids left out. */
  calls(): Promise<string[]>;
  run(args: string[], env?: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; pid?: number }>;
}

async function makeFakeProject(): Promise<FakeProject> {
  const dir = await makeTempDir('bantin-bootstrap-');
  const root = path.join(dir, 'project');
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'calls.log');
  await mkdir(path.join(root, 'src', 'sub'), { recursive: true });
  await mkdir(bin);
  await cp(path.join(REPO_ROOT, 'scripts', 'bootstrap.mjs'), path.join(root, 'scripts', 'bootstrap.mjs'));
  await cp(path.join(REPO_ROOT, 'scripts', 'bootstrap'), path.join(root, 'scripts', 'bootstrap'), { recursive: true });
  await writeFile(path.join(root, 'scripts', 'run-tests.mjs'), 'process.stdout.write("tests ran " + JSON.stringify(process.argv.slice(2)) + "\\n");\n');
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'fake-bantin', type: 'module', engines: { node: '>=20.11' } }));
  await writeFile(path.join(root, 'package-lock.json'), JSON.stringify(LOCK, null, 2));
  await writeFile(path.join(root, 'tsconfig.json'), '{}');
  await writeFile(path.join(root, 'tsconfig.build.json'), '{ "extends": "./tsconfig.json" }');
  await writeFile(path.join(root, 'src', 'main.ts'), 'export const port: number = 8080;\n');
  await writeFile(path.join(root, 'src', 'sub', 'old.ts'), 'export {};\n');
  await writeFile(path.join(bin, 'npm'), FAKE_NPM, { mode: 0o755 });
  await writeFile(path.join(dir, 'fake-tsc.cjs'), FAKE_TSC);
  await writeFile(log, '');
  const env = { PATH: `${bin}${path.delimiter}${process.env.PATH}`, FAKE_LOG: log, FAKE_TSC: path.join(dir, 'fake-tsc.cjs') };
  return {
    root,
    env,
    calls: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean).map((line) => line.replace(/ pid=\d+$/, '')),
    run: (args, extra = {}) =>
      runProcess(process.execPath, [path.join(root, 'scripts', 'bootstrap.mjs'), ...args], { cwd: root, env: { ...env, ...extra } }),
  };
}

const NPM_CI = 'npm ci --include=dev --no-audit --no-fund';
const TSC = 'tsc -p tsconfig.build.json';

/** Dates the build 10 s back and every input 20 s back, so a change made now is newer than the build. */
async function ageBuild(root: string): Promise<void> {
  const now = Date.now() / 1000;
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'src', 'src/main.ts', 'src/sub', 'src/sub/old.ts']) {
    if (existsSync(path.join(root, file))) await utimes(path.join(root, file), now - 20, now - 20);
  }
  await utimes(path.join(root, 'dist', '.build-stamp'), now - 10, now - 10);
}

function bantinLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('bantin:'));
}

describe('scripts/bootstrap.mjs', () => {
  it('on a fresh clone runs npm ci, saying so in one line, builds, then runs the command in its own process', async () => {
    const project = await makeFakeProject();
    const watched = startProcess(process.execPath, [path.join(project.root, 'scripts', 'bootstrap.mjs'), 'serve', '--config', 'x.json'], {
      cwd: project.root,
      env: project.env,
    });
    const ended = await watched.endedWithin(30_000);
    expect(ended.code, watched.stderr).toBe(0);
    expect(watched.stdout).toBe(`main ran ["serve","--config","x.json"] pid=${watched.child.pid}\n`);
    expect(bantinLines(watched.stderr)).toEqual([
      'bantin: node_modules is missing; running npm ci first',
      'bantin: dist/ is missing; building it (tsc -p tsconfig.build.json)',
    ]);
    expect(await project.calls()).toEqual([NPM_CI, TSC]);
  });

  it('when all is in place spawns nothing and prints nothing of its own', async () => {
    const project = await makeFakeProject();
    await project.run(['ingest']);
    const again = await project.run(['ingest']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^main ran \["ingest"\]/);
    // The optional package npm skipped, and the root entry, are absent from node_modules' copy of the lock.
    expect(await project.calls()).toEqual([NPM_CI, TSC]);
  });

  it('reinstalls when node_modules does not match package-lock.json: a changed version, an extra package, no copy of the lock', async () => {
    const project = await makeFakeProject();
    await project.run(['serve']);
    const lockFile = path.join(project.root, 'package-lock.json');
    const installedLock = path.join(project.root, 'node_modules', '.package-lock.json');

    const changed = structuredClone(LOCK);
    changed.packages['node_modules/left-pad'].version = '1.3.1';
    await writeFile(lockFile, JSON.stringify(changed));
    const afterChange = await project.run(['serve']);
    expect(bantinLines(afterChange.stderr)[0]).toBe('bantin: node_modules does not match package-lock.json (left-pad); running npm ci first');

    const installed = JSON.parse(await readFile(installedLock, 'utf8')) as { packages: Record<string, unknown> };
    installed.packages['node_modules/left-pad/node_modules/is-odd'] = { version: '3.0.1' };
    await writeFile(installedLock, JSON.stringify(installed));
    const afterExtra = await project.run(['serve']);
    expect(bantinLines(afterExtra.stderr)[0]).toBe('bantin: node_modules does not match package-lock.json (is-odd); running npm ci first');

    await rm(installedLock);
    const afterLoss = await project.run(['serve']);
    expect(bantinLines(afterLoss.stderr)[0]).toMatch(/^bantin: node_modules\/\.package-lock\.json is missing .*; running npm ci first$/);

    for (const result of [afterChange, afterExtra, afterLoss]) expect(result.stdout).toMatch(/^main ran \["serve"\]/);
    expect((await project.calls()).filter((call) => call === NPM_CI)).toHaveLength(4);
  });

  it('rebuilds, without installing, when a source, a folder or the compiler options changed since the build', async () => {
    const project = await makeFakeProject();
    await project.run(['serve']);
    const changes: [string, () => Promise<void>][] = [
      ['src/main.ts', () => writeFile(path.join(project.root, 'src', 'main.ts'), 'export const port: number = 8081;\n')],
      ['src/sub/', () => rm(path.join(project.root, 'src', 'sub', 'old.ts'))],
      ['tsconfig.json', () => writeFile(path.join(project.root, 'tsconfig.json'), '{ "compilerOptions": {} }')],
    ];
    for (const [name, change] of changes) {
      await ageBuild(project.root);
      expect((await project.run(['serve'])).stderr, 'an aged build with no change is current').toBe('');
      await change();
      const result = await project.run(['serve']);
      expect(bantinLines(result.stderr)).toEqual([`bantin: dist/ is older than ${name}; building it (tsc -p tsconfig.build.json)`]);
      expect(result.stdout).toMatch(/^main ran/);
    }
    expect(await project.calls()).toEqual([NPM_CI, TSC, TSC, TSC, TSC]);
  });

  it('a failing install names what failed and the command to run by hand, exits non-zero, and leaves nothing the next run trusts', async () => {
    const project = await makeFakeProject();
    const failed = await project.run(['serve'], { FAKE_NPM: 'fail' });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('bantin: npm ci exited with code 1; node_modules was removed, so the next run installs afresh.');
    expect(failed.stderr).toContain('  npm error request to the registry failed, reason: getaddrinfo EAI_AGAIN');
    expect(failed.stderr).toContain(`Run \`npm ci\` by hand in ${project.root}`);
    // The fake npm left a tree with its own copy of the lock, as if installed: none of it is kept.
    expect(existsSync(path.join(project.root, 'node_modules'))).toBe(false);

    const next = await project.run(['serve']);
    expect(bantinLines(next.stderr)[0]).toBe('bantin: node_modules is missing; running npm ci first');
    expect(next.stdout).toMatch(/^main ran/);
    expect(await project.calls()).toEqual([NPM_CI, NPM_CI, TSC]);
  });

  it('says so when npm is not on PATH', async () => {
    const project = await makeFakeProject();
    const emptyBin = await makeTempDir('bantin-no-npm-');
    const result = await project.run(['serve'], { PATH: emptyBin });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bantin: npm ci could not start: npm was not found on PATH');
    expect(result.stderr).toContain('Run `npm ci` by hand');
  });

  it('passes SIGTERM on to an install under way, then removes what it left', async () => {
    const project = await makeFakeProject();
    const watched = startProcess(process.execPath, [path.join(project.root, 'scripts', 'bootstrap.mjs'), 'serve'], {
      cwd: project.root,
      env: { ...project.env, FAKE_NPM: 'hang' },
    });
    const log = project.env.FAKE_LOG!;
    let npmPid: number | undefined;
    for (let tries = 0; tries < 150 && !npmPid; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const line = (await readFile(log, 'utf8')).split('\n').find((entry) => entry.startsWith('npm ci'));
      // The fake npm logs before writing its tree; wait for that tree too.
      if (line && existsSync(path.join(project.root, 'node_modules', '.package-lock.json'))) npmPid = Number(/pid=(\d+)/.exec(line)![1]);
    }
    expect(npmPid).toBeDefined();
    watched.child.kill('SIGTERM');
    const ended = await watched.endedWithin(15_000);
    expect(ended.code).toBe(1);
    expect(watched.stderr).toContain('bantin: npm ci was stopped by SIGTERM; node_modules was removed');
    expect(existsSync(path.join(project.root, 'node_modules'))).toBe(false);
    expect(() => process.kill(npmPid!, 0)).toThrow();
  });

  it('a failing build names it, exits non-zero, and is built again next time', async () => {
    const project = await makeFakeProject();
    const failed = await project.run(['serve'], { FAKE_TSC_FAIL: '1' });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain("error TS2322: Type 'string' is not assignable");
    expect(failed.stderr).toContain('bantin: the build failed: tsc exited with code 2.');
    const next = await project.run(['serve']);
    expect(bantinLines(next.stderr)).toEqual(['bantin: dist/ is missing; building it (tsc -p tsconfig.build.json)']);
    expect(next.stdout).toMatch(/^main ran/);
  });

  it('`test` hands its arguments to scripts/run-tests.mjs; `build` builds even a current dist/', async () => {
    const project = await makeFakeProject();
    const tests = await project.run(['test', '--config', 'c.json', 'test/x.test.ts']);
    expect(tests.stdout).toBe('tests ran ["--config","c.json","test/x.test.ts"]\n');
    const build = await project.run(['build']);
    expect(build.code).toBe(0);
    expect(build.stdout).toBe('');
    expect(bantinLines(build.stderr)).toEqual(['bantin: building dist/ (tsc -p tsconfig.build.json)']);
    expect(await project.calls()).toEqual([NPM_CI, TSC, TSC]);
  });

  it('a command started while another installs waits for it, then finds the work done: one npm ci, one build', async () => {
    const project = await makeFakeProject();
    const [first, second] = await Promise.all([
      project.run(['serve'], { FAKE_NPM_DELAY_MS: '1500' }),
      new Promise((resolve) => setTimeout(resolve, 300)).then(() => project.run(['ingest'], { FAKE_NPM_DELAY_MS: '1500' })),
    ]);
    expect(first.stdout).toMatch(/^main ran \["serve"\]/);
    expect(second.stdout).toMatch(/^main ran \["ingest"\]/);
    expect(await project.calls()).toEqual([NPM_CI, TSC]);
    expect(bantinLines(second.stderr)).toEqual([expect.stringMatching(/^bantin: another command is installing or building in this folder \(pid \d+\); waiting for it$/)]);
    expect(existsSync(path.join(project.root, '.bootstrap.lock'))).toBe(false);
  });

  it('takes over the lock of a process that died while installing', async () => {
    const project = await makeFakeProject();
    const dead = await runProcess(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    await writeFile(path.join(project.root, '.bootstrap.lock'), dead.stdout);
    const result = await project.run(['serve']);
    expect(result.code).toBe(0);
    expect(bantinLines(result.stderr)).toEqual([
      'bantin: node_modules is missing; running npm ci first',
      'bantin: dist/ is missing; building it (tsc -p tsconfig.build.json)',
    ]);
  });

  it('refuses a Node older than package.json asks for, saying which', async () => {
    const project = await makeFakeProject();
    await writeFile(path.join(project.root, 'package.json'), JSON.stringify({ name: 'fake-bantin', type: 'module', engines: { node: '>=99.1' } }));
    const result = await project.run(['serve']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`bantin: needs Node 99.1 or newer; this is Node ${process.versions.node}.\n`);
    expect(await project.calls()).toEqual([]);
  });
});
