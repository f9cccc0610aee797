// A write sweeps the temp files writers killed mid-write left beside the store: those of a pid no process
// has, and those of a pid a later process now holds (reused after a restart, or on a machine whose pids
// wrapped) — never those of a live writer.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { link, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicJsonFile } from '../../src/store/atomic-json-file.ts';
import { processStartedAt, type Clocks } from '../../src/store/process-alive.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const LONG_AGO = new Date('2001-09-09T01:46:40Z');
const STEP_MS = 30_000;

describe('temp files left beside the store', () => {
  it.skipIf(processStartedAt(process.ppid) === undefined)('are swept when their pid is gone or now names a process started after them, and kept for a live writer', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'db.json');
    // The parent process (the test runner) is alive and started before this test wrote anything.
    const reused = path.join(dir, `.db.json.${process.ppid}.1a2b3c4d.tmp`);
    const live = path.join(dir, `.db.json.${process.ppid}.5e6f7a8b.tmp`);
    const dead = path.join(dir, `.db.json.2147483646.9c0d1e2f.tmp`);
    for (const name of [reused, live, dead]) await writeFile(name, '{}');
    // Written long before the process now holding that pid started: its writer was another process.
    await utimes(reused, LONG_AGO, LONG_AGO);

    await createLowdbStore(file).save(createEmptyStoreData());

    expect({ reused: existsSync(reused), dead: existsSync(dead), live: existsSync(live) }).toEqual({ reused: false, dead: false, live: true });
  });

  it.skipIf(processStartedAt(process.ppid) === undefined)('keep a live writer\'s backup link, which carries the old store\'s time', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'db.json');
    const old = path.join(dir, 'old.json');
    await writeFile(old, '{}');
    await utimes(old, LONG_AGO, LONG_AGO);
    // A writer's `.bak.tmp` is a second name for the store it replaces: the content's time is the old store's.
    const backup = path.join(dir, `.db.json.${process.ppid}.3a4b5c6d.bak.tmp`);
    await link(old, backup);

    await createLowdbStore(file).save(createEmptyStoreData());

    expect(existsSync(backup)).toBe(true);
  });

  it.skipIf(processStartedAt(process.ppid) === undefined).each([
    ['back', -STEP_MS],
    ['forward', STEP_MS],
  ])('keep a young live writer\'s temp after the wall clock stepped %s, and still sweep a reused pid\'s', async (_, stepMs) => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'db.json');
    // A writer started just now, in a process that has run long enough for the wall clock to be stepped since.
    const writer = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const stepped: Clocks = { wallMs: () => Date.now() + stepMs, sinceBootMs: () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000 };
      const live = path.join(dir, `.db.json.${writer.pid}.1a2b3c4d.tmp`);
      const reused = path.join(dir, `.db.json.${writer.pid}.5e6f7a8b.tmp`);
      for (const name of [live, reused]) await writeFile(name, '{}');
      // Stepped back, the writer stamps its temp with the stepped clock: before its start reckoned from the boot time
      // read earlier. Stepped forward, the temp it stamped just before is older than its start reckoned back from now.
      const stamped = new Date(stepMs < 0 ? stepped.wallMs() : Date.now());
      await utimes(live, stamped, stamped);
      await utimes(reused, LONG_AGO, LONG_AGO);

      await new AtomicJsonFile(file, stepped).write(createEmptyStoreData());

      expect({ live: existsSync(live), reused: existsSync(reused) }).toEqual({ live: true, reused: false });
    } finally {
      writer.kill();
    }
  });
});
