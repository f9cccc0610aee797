// The store under real processes: a writer SIGKILLed at random moments always leaves a readable store
// that is one of the states it wrote in full (with a whole .bak beside it), its lock and temp files never
// block the next writer; and two processes appending under the write lock lose no update.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStoreData } from '../../src/store/empty-store.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { isProcessAlive } from '../../src/store/process-alive.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { storiesChecksum, type CheckedStoreData } from './writer-check.ts';

const CHILD = path.join(import.meta.dirname, 'store-writer-child.ts');
const KILLS = 30;

interface Writer {
  child: ChildProcess;
  /** Resolves on the child's first output line ("ready"). */
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** The last generation the child reported saved in full. */
  lastSaved(): number;
  stderr(): string;
}

function startWriter(...args: string[]): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let lastSaved = 0;
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('\n')) onReady();
    for (const match of out.matchAll(/saved (\d+)\n/g)) lastSaved = Math.max(lastSaved, Number(match[1]));
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { onReady(); resolve(code); }));
  return { child, ready, exited, lastSaved: () => lastSaved, stderr: () => err };
}

/** Reads a store file the way bantin does and checks it is one whole state: its checksum matches its stories. */
async function readWholeState(file: string): Promise<CheckedStoreData> {
  const data = checkStoreData(JSON.parse(await readFile(file, 'utf8')), file) as CheckedStoreData;
  const generation = data.writerCheck?.generation ?? 0;
  expect(data.stories).toHaveLength(generation);
  expect(data.stories.map((story) => story.id)).toEqual(Array.from({ length: generation }, (_, i) => `urn:bantin-test:${i + 1}`));
  if (generation > 0) expect(data.writerCheck?.checksum).toBe(storiesChecksum(data.stories));
  return data;
}

const tempFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));

describe('store durability', () => {
  it(`leaves a whole, readable store every time a writer is SIGKILLed (${KILLS} random kills)`, async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'db.json');
    let generation = 0;
    let roundsWithProgress = 0;
    for (let round = 0; round < KILLS; round++) {
      const writer = startWriter('grow', file);
      await writer.ready;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 145));
      writer.child.kill('SIGKILL');
      expect(await writer.exited, writer.stderr()).toBeNull(); // killed, not crashed
      if (!existsSync(file)) continue; // killed before its first save
      const state = await readWholeState(file);
      const onDisk = state.writerCheck?.generation ?? 0;
      // Durable: every save that returned is on disk; at most one more that had not yet reported.
      expect(onDisk).toBeGreaterThanOrEqual(writer.lastSaved());
      expect(onDisk).toBeLessThanOrEqual(Math.max(generation, writer.lastSaved()) + 1);
      expect(onDisk).toBeGreaterThanOrEqual(generation);
      if (onDisk > generation) roundsWithProgress++;
      generation = onDisk;
      if (existsSync(`${file}.bak`)) {
        const backup = await readWholeState(`${file}.bak`);
        expect(backup.writerCheck?.generation ?? 0).toBeLessThanOrEqual(onDisk);
      }
    }
    // Each new writer took over the dead one's lock and wrote on: most rounds made progress.
    expect(roundsWithProgress).toBeGreaterThanOrEqual(KILLS / 3);

    // A writer after the last kill takes over the lock, sweeps the dead writers' temp files and saves.
    const last = startWriter('grow', file, '1');
    expect(await last.exited, last.stderr()).toBe(0);
    expect(last.lastSaved()).toBe(generation + 1);
    // The sweep knows a writer by its pid and when that process started: a temp file whose pid now belongs to
    // a live process started before the file was written waits for that one, so only files of dead pids must be gone.
    const pidOf = (name: string) => Number(/^\.db\.json\.(?:lock\.)?(\d+)\./.exec(name)?.[1]);
    expect((await tempFiles(dir)).filter((name) => !isProcessAlive(pidOf(name))), `the last writer was pid ${last.child.pid}`).toEqual([]);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await readWholeState(file)).writerCheck?.generation).toBe(generation + 1);
  }, 180_000);

  it('loses no update when two processes append under the write lock at once', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const count = 25;
    const writers = [startWriter('append', file, 'a', String(count)), startWriter('append', file, 'b', String(count))];
    const codes = await Promise.all(writers.map((writer) => writer.exited));
    expect(codes, writers.map((w) => w.stderr()).join('\n')).toEqual([0, 0]);
    const ids = (await createLowdbStore(file).load()).stories.map((story) => story.id);
    const expected = ['a', 'b'].flatMap((tag) => Array.from({ length: count }, (_, i) => `urn:bantin-test:${tag}-${i}`));
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);
});
