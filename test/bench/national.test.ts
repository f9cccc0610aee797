/**
 * Keeps `npm run bench -- --sections national` working: a tiny run on a database of its own (created
 * and dropped by the bench) writes section 7. Skipped, with a message, where no PostgreSQL answers.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import type { BenchReport, NationalResult } from '../../bench/report.ts';
import { skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const SERVER = process.env.BANTIN_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const skip = await skipWithoutPostgres('the national bench section');

describe.skipIf(skip)('npm run bench -- --sections national', () => {
  it('loads a PostgreSQL store, runs one process and two, writes section 7 and drops its database', { timeout: 300_000 }, async () => {
    const out = await makeTempDir('bantin-bench-national-');
    const { stdout } = await run(TSX, ['bench/run-bench.ts', '--sections', 'national', '--out', out], {
      cwd: REPO_ROOT,
      env: { ...process.env, BENCH_SIZE: 'tiny', BENCH_POSTGRES: SERVER },
    });

    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BenchReport;
    expect(Object.keys(report.sections)).toEqual(['national']);
    const national = report.sections.national as NationalResult;
    expect(national.load.stories).toBe(2_000);
    expect(national.load.copies).toBe(4_000);
    expect(national.cold.stories).toBe(2_000);
    expect(national.one.startup.startupMs).toBeGreaterThan(0);
    // Each measured cycle wrote the stories its new copies made.
    for (const cycle of national.one.cycles) expect(cycle.storyRows).toBeGreaterThan(0);
    expect(national.one.allSources.storyRows).toBeGreaterThan(0);
    expect(national.two.cycles).toHaveLength(2);
    const served = [national.one.serve, ...national.two.serve];
    expect(served).toHaveLength(3);
    for (const figures of served) expect(figures).toMatchObject({ requests: expect.any(Number), errors: 0 });
    expect(Math.min(...served.map((figures) => figures.requests))).toBeGreaterThan(0);
    expect(await readFile(path.join(out, 'report.md'), 'utf8')).toContain('## 7. National (PostgreSQL)');
    expect(stdout).toContain('7. national');

    const database = /into (bantin_bench_national_\d+)/.exec(stdout)?.[1];
    expect(database).toBeDefined();
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    try {
      const left = await client.query('SELECT datname FROM pg_database WHERE datname = $1', [database]);
      expect(left.rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
