import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import { setUpDemo } from '../helpers/demo-config.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('npm run ingest', () => {
  it('runs one cycle, prints a line per source and exits 0 even when a source fails', async () => {
    const dir = await makeTempDir();
    const demo = await setUpDemo(dir);
    try {
      const result = await runCli(['ingest', '--config', demo.configFile]);
      expect(result.stderr).not.toMatch(/bantin:/);
      expect(result.code).toBe(0);
      for (const id of Object.keys(demo.paths)) expect(result.stdout).toMatch(new RegExp(`^${id}\\s+ok\\s+\\d+ items`, 'm'));
      expect(result.stdout).toMatch(/^cong-huyen-hong\s+error\s+HTTP 500$/m);
      expect(await readdir(path.join(dir, 'feeds'))).toContain('an-ninh-trat-tu.rss');
      const store = JSON.parse(await readFile(path.join(dir, 'data/db.json'), 'utf8')) as { stories: unknown[] };
      expect(store.stories.length).toBeGreaterThan(10);
    } finally {
      await demo.server.close();
    }
  });

  it('waits for another writer holding the store, then succeeds', async () => {
    const dir = await makeTempDir();
    const demo = await setUpDemo(dir);
    const storeFile = path.join(dir, 'data', 'db.json');
    // Another process (as npm start during its ingestion) holds the writer lock for a while.
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/helpers/hold-store-lock.ts'), storeFile, '4000'], { cwd: REPO_ROOT });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
      });
      const started = Date.now();
      const result = await runCli(['ingest', '--config', demo.configFile]);
      expect(result.code).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
      expect(result.stdout).toMatch(/^cong-an-tinh\s+ok/m);
    } finally {
      holder.kill('SIGKILL');
      await demo.server.close();
    }
  });

  it('exits 2 for an invalid config, naming the field, and writes nothing', async () => {
    const dir = await makeTempDir();
    const configFile = path.join(dir, 'bantin.json');
    await writeFile(configFile, JSON.stringify({ sources: [{ id: 'cong-an', name: 'Công an tỉnh' }], feedSize: 'nhiều' }));
    const result = await runCli(['ingest', '--config', configFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sources[0].url: required');
    expect(result.stderr).toContain('feedSize:');
    expect(await readdir(dir)).toEqual(['bantin.json']);
  });

  it('reads the config named by BANTIN_CONFIG', async () => {
    const dir = await makeTempDir();
    const configFile = path.join(dir, 'other.json');
    await writeFile(configFile, JSON.stringify({ bogus: true }));
    const result = await runCli(['ingest'], { BANTIN_CONFIG: configFile });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${configFile}:`);
    expect(result.stderr).toContain('bogus: unknown key');
  });

  it('exits 1 for a corrupt store, names the file and leaves it as it was', async () => {
    const dir = await makeTempDir();
    const demo = await setUpDemo(dir);
    try {
      const storeFile = path.join(dir, 'data', 'db.json');
      await mkdir(path.dirname(storeFile), { recursive: true });
      await writeFile(storeFile, '{"schemaVersion":1,"stories":[{"id":');
      const result = await runCli(['ingest', '--config', demo.configFile]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${storeFile} is not valid JSON`);
      expect(await readFile(storeFile, 'utf8')).toBe('{"schemaVersion":1,"stories":[{"id":');
    } finally {
      await demo.server.close();
    }
  });
});
