import { spawn } from 'node:child_process';
import { link, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import type { StoreData } from '../../src/model/types.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { processIdentity } from '../../src/store/process-alive.ts';
import { rejectionOf } from '../helpers/rejection.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

function sampleData(title: string): StoreData {
  const data = createEmptyStoreData();
  data.sources['cong-an'] = { id: 'cong-an', consecutiveFailures: 0, etag: '"abc"' };
  data.stories.push({
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    categories: ['an-ninh-trat-tu'],
    datePublished: '2026-11-20T01:00:00.000Z',
    dateModified: '2026-11-20T01:00:00.000Z',
    copies: [],
  });
  data.stories[0]!.copies.push({
    sourceId: 'cong-an', key: 'guid:1', url: 'https://congan.example.vn/1', title, contentHtml: '<p>Nội dung</p>',
    datePublished: '2026-11-20T01:00:00.000Z', sourceCategories: ['An ninh trật tự'], firstSeenAt: '2026-11-20T01:05:00.000Z',
  });
  return data;
}

async function expectStoreError(promise: Promise<unknown>, code: string): Promise<StoreError> {
  const error = await rejectionOf(promise, StoreError);
  expect(error.code).toBe(code);
  return error;
}

describe('lowdb store', () => {
  it('starts empty and round-trips Vietnamese text through the file on disk', async () => {
    const file = path.join(await makeTempDir(), 'nested', 'db.json');
    const store = createLowdbStore(file);
    expect((await store.load()).stories).toEqual([]);
    await store.save(sampleData('Triệt phá đường dây ma túy ở Hòa Bình'));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as StoreData;
    expect(onDisk.stories[0]!.copies[0]!.title).toBe('Triệt phá đường dây ma túy ở Hòa Bình');
    expect((await createLowdbStore(file).load()).sources['cong-an']!.etag).toBe('"abc"');
  });

  it('keeps the previous good store as a .bak beside the new one', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    await store.save(sampleData('Bản cũ'));
    await store.save(sampleData('Bản mới'));
    const backup = JSON.parse(await readFile(`${file}.bak`, 'utf8')) as StoreData;
    expect(backup.stories[0]!.copies[0]!.title).toBe('Bản cũ');
  });

  it('leaves no temp file when the .bak is already a second name for the store (a writer killed between its two renames)', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'db.json');
    await createLowdbStore(file).save(sampleData('Bản cũ'));
    // What a writer killed after renaming its backup link into place, before renaming its new store over the old, leaves.
    await link(file, `${file}.bak`);

    await createLowdbStore(file).save(sampleData('Bản mới'));

    // Renaming one name of a file onto another name of the same file does nothing, leaving the backup link's temp name.
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const title = async (name: string) => (JSON.parse(await readFile(name, 'utf8')) as StoreData).stories[0]!.copies[0]!.title;
    expect({ store: await title(file), backup: await title(`${file}.bak`) }).toEqual({ store: 'Bản mới', backup: 'Bản cũ' });
  });

  it('refuses a corrupt file, names it and how to restore, and leaves it untouched', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(file, '{"schemaVersion":1,"stories":[');
    const error = await expectStoreError(createLowdbStore(file).load(), 'CORRUPT');
    expect(error.message).toContain(file);
    expect(error.message).toContain(`cp ${file}.bak ${file}`);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,"stories":[');
  });

  it('refuses a store written by a newer schema', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(file, JSON.stringify({ ...createEmptyStoreData(), schemaVersion: 99 }));
    const error = await expectStoreError(createLowdbStore(file).load(), 'SCHEMA');
    expect(error.message).toMatch(/schema version 99/);
  });

  it.each(['sources', 'tombstones', 'feeds'])('refuses a store whose %s is not an object', async (key) => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(file, JSON.stringify({ ...createEmptyStoreData(), [key]: null }));
    const error = await expectStoreError(createLowdbStore(file).load(), 'CORRUPT');
    expect(error.message).toContain(`${key} is not an object`);
  });

  it('refuses JSON that is not a bantin store', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(file, '[1,2,3]');
    await expectStoreError(createLowdbStore(file).load(), 'CORRUPT');
  });

  it('lets one writer at a time in, and the waiting one goes on after release', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = store.withWriteLock(async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = store.withWriteLock(async () => order.push('second in'));
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(order).toEqual(['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('gives up with a clear message when another live process holds the lock too long', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await writeFile(`${file}.lock`, JSON.stringify({ pid: holder.pid }));
      const store = createLowdbStore(file, { lockTimeoutMs: 300 });
      const error = await expectStoreError(store.withWriteLock(async () => 'never'), 'LOCKED');
      expect(error.message).toContain(`held by another writer (pid ${holder.pid})`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a dead process', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(`${file}.lock`, JSON.stringify({ pid: dead.pid }));
    const store = createLowdbStore(file, { lockTimeoutMs: 1000 });
    expect(await store.withWriteLock(async () => 'ran')).toBe('ran');
  });

  it('takes over a lock naming its own pid that it does not hold (left before a restart reused the pid)', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, since: '2026-11-01T00:00:00.000Z' }));
    const store = createLowdbStore(file, { lockTimeoutMs: 1000 });
    expect(await store.withWriteLock(async () => 'ran')).toBe('ran');
  });

  it.skipIf(processIdentity(1) === undefined)('takes over a lock whose live pid now belongs to another process (/proc start time differs)', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: 1, identity: 'an-earlier-boot:42' }));
    const store = createLowdbStore(file, { lockTimeoutMs: 1000 });
    expect(await store.withWriteLock(async () => 'ran')).toBe('ran');
  });

  it.skipIf(processIdentity(1) === undefined)('waits for a live owner whose identity matches', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: 1, identity: processIdentity(1) }));
    const store = createLowdbStore(file, { lockTimeoutMs: 300 });
    await expectStoreError(store.withWriteLock(async () => 'never'), 'LOCKED');
  });
});

describe('lowdb store leftovers of killed writers', () => {
  it('takes over a lock left empty by a writer of an older bantin, once it is a few seconds old', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    expect(await createLowdbStore(file, { lockTimeoutMs: 1000 }).withWriteLock(async () => 'ran')).toBe('ran');
  });

  it('does not take over an unreadable lock that was just created', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await writeFile(`${file}.lock`, '');
    const error = await expectStoreError(createLowdbStore(file, { lockTimeoutMs: 300 }).withWriteLock(async () => 'never'), 'LOCKED');
    expect(error.message).toContain('pid unknown');
  });

  it('lets one of two waiters take over a dead lock, and the other wait its turn', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(`${file}.lock`, JSON.stringify({ pid: dead.pid }));
    const inside: string[] = [];
    let overlapped = false;
    const work = (name: string) => async () => {
      if (inside.length > 0) overlapped = true;
      inside.push(name);
      await new Promise((resolve) => setTimeout(resolve, 50));
      inside.pop();
    };
    const stores = [createLowdbStore(file, { lockTimeoutMs: 2000 }), createLowdbStore(file, { lockTimeoutMs: 2000 })];
    await Promise.all(stores.map((store, i) => store.withWriteLock(work(`w${i}`))));
    expect(overlapped).toBe(false);
  });

  it('sweeps temp files of dead writers but not those of a live one, and saves in spite of them', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'db.json');
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => dead.on('exit', resolve));
    const stale = [`.db.json.${dead.pid}.1a2b3c4d.tmp`, `.db.json.${dead.pid}.1a2b3c4d.bak.tmp`, `.db.json.lock.${dead.pid}.5e6f7a8b.tmp`];
    const live = `.db.json.${process.pid}.0000ffff.tmp`;
    for (const name of [...stale, live]) await writeFile(path.join(dir, name), '{"half":');
    await createLowdbStore(file).save(sampleData('Sau sự cố'));
    expect((await readdir(dir)).sort()).toEqual([live, 'db.json'].sort());
    expect((await createLowdbStore(file).load()).stories[0]!.copies[0]!.title).toBe('Sau sự cố');
  });

  it('saves twice at once in one process without the two writes tripping over each other', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    await Promise.all([store.save(sampleData('Một')), store.save(sampleData('Hai')), store.save(sampleData('Ba'))]);
    expect(['Một', 'Hai', 'Ba']).toContain((await store.load()).stories[0]!.copies[0]!.title);
  });
});
