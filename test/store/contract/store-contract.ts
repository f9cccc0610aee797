/**
 * The behaviour every store backend owes the rest of bantin (the yarr habit: one suite, every
 * backend): load, save, locking, concurrent writers, and refusing corrupt or newer data clearly.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/errors.ts';
import { STORE_SCHEMA_VERSION } from '../../../src/model/types.ts';
import { openStore, type OpenStoreOptions } from '../../../src/store/open-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { startProcess, type WatchedProcess } from '../../helpers/child-process.ts';
import { rejectionOf } from '../../helpers/rejection.ts';
import { sampleCopy, sampleStoreData, sampleStory } from './sample-store.ts';

const CHILD = path.join(import.meta.dirname, 'contract-writer-child.ts');

export interface ContractBackend {
  name: string;
  /** A fresh, empty store location (a file path, a database URL) for one test. */
  freshLocation(): Promise<string>;
  /** Damages what is stored at `location` so that a load must refuse it as CORRUPT. */
  corrupt(location: string): Promise<void>;
  /** Marks what is stored at `location` as written by a newer bantin. */
  makeNewer(location: string): Promise<void>;
}

export function describeStoreContract(backend: ContractBackend): void {
  const opened: Store[] = [];
  const children: WatchedProcess[] = [];
  const open = (location: string, options?: OpenStoreOptions): Store => {
    const store = openStore(location, options);
    opened.push(store);
    return store;
  };
  const startChild = (...args: string[]): WatchedProcess => {
    const child = startProcess(process.execPath, ['--import', 'tsx', CHILD, ...args]);
    children.push(child);
    return child;
  };
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe(`store contract: ${backend.name}`, () => {
    it('starts empty, at the schema version this bantin writes', async () => {
      const data = await open(await backend.freshLocation()).load();
      expect(data).toMatchObject({ schemaVersion: STORE_SCHEMA_VERSION, stories: [], sources: {}, tombstones: {}, feeds: {} });
    });

    it('hands another process back exactly what was saved, unknown fields of copies and stories included', async () => {
      const location = await backend.freshLocation();
      const data = sampleStoreData();
      await open(location).save(structuredClone(data));
      expect(await open(location).load()).toEqual(data);
    });

    it('keeps the order of stories and of each story’s copies', async () => {
      const location = await backend.freshLocation();
      const data = sampleStoreData();
      data.stories.reverse();
      data.stories.push(sampleStory(7, [sampleCopy('c', 7), sampleCopy('a', 7), sampleCopy('b', 7)]));
      await open(location).save(structuredClone(data));
      const loaded = await open(location).load();
      expect(loaded.stories.map((story) => story.id)).toEqual(data.stories.map((story) => story.id));
      expect(loaded.stories.at(-1)!.copies.map((copy) => copy.sourceId)).toEqual(['c', 'a', 'b']);
    });

    it('replaces the whole store on save: removed stories, entries and fields are gone', async () => {
      const location = await backend.freshLocation();
      const store = open(location);
      await store.save(sampleStoreData());
      const next = sampleStoreData();
      next.stories = [next.stories[1]!, sampleStory(4)];
      next.stories[0]!.copies = [sampleCopy('cong-an', 2, { title: 'Tiêu đề đã sửa: Hòa Bình khởi công cầu mới' })];
      delete next.sources['bao-hoa-binh'];
      next.tombstones = {};
      delete next.prunedAt;
      await store.save(next);
      expect(await open(location).load()).toEqual(next);
    });

    // A backend may write only what changed (PostgreSQL); none may rely on the change set alone, which both backends
    // check against what they last read or wrote: this holds the incremental save to what a whole save leaves.
    it('saves with a change set exactly what a whole save would, for this store and another', async () => {
      const location = await backend.freshLocation();
      const store = open(location);
      await store.save(sampleStoreData());
      const data = await store.load();
      const [first, second] = data.stories;
      second!.copies = [...second!.copies, sampleCopy('bao-hoa-binh', 2, { title: 'Báo Hòa Bình đưa tin: bắt giữ đối tượng' })];
      second!.categories = ['chinh-tri'];
      data.stories = data.stories.filter((story) => story !== first);
      data.stories.push(sampleStory(5));
      data.sources['cong-an']!.consecutiveFailures = 1;
      data.tombstones['cong-an guid:x'] = { storyId: first!.id, seenAt: '2026-11-21T00:00:00.000Z' };
      delete data.feeds['an-ninh-trat-tu.rss'];
      data.lastRun!.storiesAdded = 1;
      const expected = structuredClone(data);
      await store.save(data, { stories: new Set([second!.id, sampleStory(5).id]), removed: new Set([first!.id]) });
      expect(await open(location).load()).toEqual(expected);
      expect(await store.load()).toEqual(expected);
    });

    it('writes what a writer changed but did not report: a story edited in place, replaced, added or dropped', async () => {
      const location = await backend.freshLocation();
      const store = open(location);
      const first = sampleStoreData();
      for (let n = 10; n < 20; n++) first.stories.push(sampleStory(n));
      await store.save(first);
      const data = await store.load();
      const reported = data.stories[0]!;
      reported.categories = ['van-hoa-xa-hoi'];
      // Not reported: a field edited in place, the copies replaced, a story swapped for a new object, one added, one dropped.
      data.stories[1]!.categories.push('kinh-te');
      data.stories[2]!.copies = [...data.stories[2]!.copies, sampleCopy('bao-hoa-binh', 3, { title: 'Báo Hòa Bình: thêm một bản tin' })];
      data.stories[3] = { ...data.stories[3]!, dateModified: '2026-11-25T00:00:00.000Z' };
      data.stories.push(sampleStory(30));
      data.stories.splice(5, 1);
      const expected = structuredClone(data);
      await store.save(data, { stories: new Set([reported.id]), removed: new Set() });
      expect(await open(location).load()).toEqual(expected);
    });

    it('freezes the copies it holds, so a copy edited in place throws instead of going unwritten', async () => {
      const location = await backend.freshLocation();
      const store = open(location);
      await store.save(sampleStoreData());
      const data = await store.load();
      expect(() => {
        data.stories[0]!.copies[0]!.title = 'sửa tại chỗ';
      }).toThrow(TypeError);
      expect(() => {
        data.stories[0]!.copies[0]!.sourceCategories!.push('Thời sự');
      }).toThrow(TypeError);
    });

    it('a second store on the same data reads another’s saves (changes, removals, a join with its alias) as a fresh read would', async () => {
      const location = await backend.freshLocation();
      const [writer, reader] = [open(location), open(location)];
      const first = sampleStoreData();
      for (let n = 10; n < 20; n++) first.stories.push(sampleStory(n));
      await writer.save(first);
      const before = await reader.load();
      expect(before).toEqual(first);
      for (let round = 0; round < 3; round++) {
        await writer.withWriteLock(async () => {
          const data = await writer.load();
          // A join: the newest story absorbs the next one, whose id becomes an alias; another story is pruned with a tombstone.
          const [keeper, absorbed, pruned] = data.stories.slice(-3);
          keeper!.copies = [...keeper!.copies, ...absorbed!.copies];
          data.aliases = { ...data.aliases, [absorbed!.id]: { storyId: keeper!.id, mergedAt: `2026-11-2${round}T00:00:00.000Z` } };
          data.tombstones[`cong-an guid:pruned-${round}`] = { storyId: pruned!.id, seenAt: '2026-11-21T00:00:00.000Z' };
          delete data.tombstones['cong-an guid:cong-an-0'];
          data.sources['cong-an']!.lastFetchAt = `2026-11-2${round}T01:00:00.000Z`;
          delete data.feeds['an-ninh-trat-tu.rss'];
          data.feeds[`round-${round}.rss`] = { etag: `"r${round}"`, lastModified: 'Sat, 21 Nov 2026 01:00:00 GMT' };
          data.stories = data.stories.filter((story) => story !== absorbed && story !== pruned);
          data.stories.push(sampleStory(40 + round));
          data.lastRun = { ...data.lastRun!, storiesAdded: round };
          await writer.save(data, { stories: new Set([keeper!.id, sampleStory(40 + round).id]), removed: new Set([absorbed!.id, pruned!.id]) });
        });
        const reloaded = await reader.load();
        expect(reloaded).toEqual(await open(location).load());
        expect(reloaded).toEqual(await writer.load());
      }
      // and the reader, writing in turn, starts from what it reloaded
      await reader.withWriteLock(async () => {
        const data = await reader.load();
        data.stories.push(sampleStory(50));
        await reader.save(data, { stories: new Set([sampleStory(50).id]), removed: new Set() });
      });
      expect((await writer.load()).stories.map((story) => story.id)).toEqual((await reader.load()).stories.map((story) => story.id));
      expect(await open(location).load()).toEqual(await reader.load());
    });

    it('lets one writer in at a time; the next one reads what the first saved', async () => {
      const location = await backend.freshLocation();
      const first = open(location);
      const second = open(location);
      const order: string[] = [];
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstIn!: () => void;
      const firstEntered = new Promise<void>((resolve) => (firstIn = resolve));
      const one = first.withWriteLock(async () => {
        firstIn();
        order.push('first in');
        await firstHolds;
        const data = await first.load();
        data.stories.push(sampleStory(1));
        await first.save(data);
        order.push('first out');
      });
      await firstEntered;
      const two = second.withWriteLock(async () => {
        order.push('second in');
        return (await second.load()).stories.length;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(order).toEqual(['first in']);
      releaseFirst();
      await one;
      expect(await two).toBe(1);
      expect(order).toEqual(['first in', 'first out', 'second in']);
    });

    it('after a writer’s work fails, the next load reads the stored data, not the half-changed object, and the lock is free', async () => {
      const location = await backend.freshLocation();
      const store = open(location);
      await store.save(sampleStoreData());
      const failed = store.withWriteLock(async () => {
        const data = await store.load();
        data.stories.splice(0);
        data.sources = {};
        throw new Error('merge failed halfway');
      });
      await expect(failed).rejects.toThrow('merge failed halfway');
      expect(await store.load()).toEqual(sampleStoreData());
      // What is stored, not only what this store object hands out.
      expect(await open(location).load()).toEqual(sampleStoreData());
      // Released: another writer takes the lock at once (one still held would make it give up with LOCKED), then this one.
      await open(location, { lockTimeoutMs: 1_000 }).withWriteLock(async () => undefined);
      await store.withWriteLock(async () => undefined);
    });

    it('gives up with LOCKED and a clear message when another process holds the lock too long', async () => {
      const location = await backend.freshLocation();
      const holder = startChild('hold', location, '30000');
      await waitForLine(holder, 'held');
      const error = await rejectionOf(open(location, { lockTimeoutMs: 400 }).withWriteLock(async () => undefined), StoreError);
      expect(error.code).toBe('LOCKED');
      expect(error.message).toContain('held by another writer');
      expect(error.message).toContain('for more than 0 s');
    });

    it('takes the lock at once after the process holding it was killed', async () => {
      const location = await backend.freshLocation();
      const holder = startChild('hold', location, '60000');
      await waitForLine(holder, 'held');
      holder.child.kill('SIGKILL');
      await holder.endedWithin(10_000);
      // "At once": a wait of one second, far below any grace period a stale lock could be left to expire in.
      const store = open(location, { lockTimeoutMs: 1_000 });
      await store.withWriteLock(async () => {
        const data = await store.load();
        data.stories.push(sampleStory(1));
        await store.save(data);
      });
      expect((await open(location).load()).stories).toHaveLength(1);
    }, 30_000);

    it('loses no update when two processes append under the write lock at once', async () => {
      const location = await backend.freshLocation();
      const count = 15;
      const writers = ['a', 'b'].map((tag) => startChild('append', location, tag, String(count)));
      // Both loaded and waiting, then told to go together: started apart, one could finish before the other began.
      await Promise.all(writers.map((writer) => waitForLine(writer, 'ready')));
      for (const writer of writers) writer.child.kill('SIGUSR2');
      const ended = await Promise.all(writers.map((writer) => writer.endedWithin(50_000)));
      expect(ended.map((end) => end.code), writers.map((writer) => writer.stderr).join('\n')).toEqual([0, 0]);
      const ids = (await open(location).load()).stories.map((story) => story.id);
      const expected = ['a', 'b'].flatMap((tag) => Array.from({ length: count }, (_, i) => `urn:bantin-test:${tag}-${i}`));
      expect([...ids].sort()).toEqual([...expected].sort());
    }, 60_000);

    it('refuses damaged data as CORRUPT, naming where it is', async () => {
      const location = await backend.freshLocation();
      await open(location).save(sampleStoreData());
      await backend.corrupt(location);
      const error = await rejectionOf(open(location).load(), StoreError);
      expect(error.code).toBe('CORRUPT');
      expect(error.message).toContain(displayed(location));
    });

    it('refuses data written by a newer bantin as SCHEMA, telling to upgrade', async () => {
      const location = await backend.freshLocation();
      await open(location).save(sampleStoreData());
      await backend.makeNewer(location);
      const error = await rejectionOf(open(location).load(), StoreError);
      expect(error.code).toBe('SCHEMA');
      expect(error.message).toMatch(/newer than this bantin knows.*upgrade bantin/);
    });
  });
}

/** What a message shows of a location: a database URL without its password. */
function displayed(location: string): string {
  return location.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1@');
}

async function waitForLine(child: WatchedProcess, line: string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    if (child.stdout.includes(`${line}\n`)) return;
    if (child.child.exitCode !== null) throw new Error(`child ended before "${line}": ${child.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`child never printed "${line}": ${child.stderr}`);
}
