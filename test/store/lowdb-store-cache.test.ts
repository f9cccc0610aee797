// load() hands back the data it already holds while the file is the one this process last read or
// wrote, reads again once another store or process replaced it, and never hands out data left
// half-changed by a withWriteLock work that threw.
import { spawn } from 'node:child_process';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreData } from '../../src/model/types.ts';
import { AtomicJsonFile } from '../../src/store/atomic-json-file.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { storyFor } from './writer-check.ts';

const WRITER_CHILD = path.join(import.meta.dirname, 'store-writer-child.ts');

function storeWith(...ids: string[]): StoreData {
  const data = createEmptyStoreData();
  ids.forEach((id, i) => data.stories.push(storyFor(id, i)));
  return data;
}

const ids = (data: StoreData): string[] => data.stories.map((story) => story.id);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('lowdb store load cache', () => {
  it('returns the same object on a second load of an unchanged file, without reading it again', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await createLowdbStore(file).save(storeWith('hoa-binh-1'));
    const reads = vi.spyOn(AtomicJsonFile.prototype, 'read');
    const store = createLowdbStore(file);
    const first = await store.load();
    const second = await store.load();
    expect(second).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('returns the object it saved, without reading the file it just wrote', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    const data = storeWith('son-la-1');
    await store.save(data);
    const reads = vi.spyOn(AtomicJsonFile.prototype, 'read');
    expect(await store.load()).toBe(data);
    expect(reads).not.toHaveBeenCalled();
  });

  it('reads again once another Store instance has saved', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const ours = createLowdbStore(file);
    await ours.save(storeWith('a'));
    const before = await ours.load();
    const theirs = createLowdbStore(file);
    const data = await theirs.load();
    data.stories.push(storyFor('b', 2));
    await theirs.save(data);
    const after = await ours.load();
    expect(after).not.toBe(before);
    expect(ids(after)).toEqual(['urn:bantin-test:a', 'urn:bantin-test:b']);
  });

  it('reads again once another process has saved', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    await store.save(storeWith('lao-cai-0'));
    const before = await store.load();
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER_CHILD, 'append', file, 'dien-bien', '1'], { stdio: 'ignore' });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    const after = await store.load();
    expect(after).not.toBe(before);
    expect(ids(after)).toEqual(['urn:bantin-test:lao-cai-0', 'urn:bantin-test:dien-bien-0']);
  }, 30_000);

  it('never hands out data a throwing withWriteLock work changed without saving', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    await store.save(storeWith('ha-giang-1'));
    const failed = store.withWriteLock(async () => {
      const data = await store.load();
      data.stories.push(storyFor('half-done', 9));
      throw new Error('merge failed');
    });
    await expect(failed).rejects.toThrow('merge failed');
    expect(ids(await store.load())).toEqual(['urn:bantin-test:ha-giang-1']);
  });

  it('gives a fresh empty store once the file is gone', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    await store.save(storeWith('cao-bang-1'));
    await unlink(file);
    expect((await store.load()).stories).toEqual([]);
  });
});
