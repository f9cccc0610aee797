// The PostgreSQL store beyond the contract: a cycle's save writes the rows it names and no other,
// migrations run once when processes start together, and failures name the database, never its password.
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { createPostgresStore, withoutPassword } from '../../src/store/postgres/postgres-store.ts';
import { SCHEMA_VERSION } from '../../src/store/postgres/migrations.ts';
import { createTestDatabase, onDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { rejectionOf } from '../helpers/rejection.ts';
import { sampleCopy, sampleStoreData, sampleStory } from './contract/sample-store.ts';

/** Each story row's and copy row's xmin: the transaction that last wrote it. */
async function rowVersions(url: string): Promise<Map<string, string>> {
  return onDatabase(url, async (client) => {
    const stories = await client.query<{ id: string; xmin: string }>('SELECT id, xmin::text FROM stories');
    const copies = await client.query<{ id: string; xmin: string }>("SELECT story_id || '#' || position AS id, xmin::text FROM copies");
    return new Map([...stories.rows, ...copies.rows].map((row) => [row.id, row.xmin]));
  });
}

if (!(await skipWithoutPostgres('PostgreSQL store'))) {
  describe('PostgreSQL store', () => {
    it('writes only the stories a save names: the other rows keep the transaction that wrote them', async () => {
      const url = await createTestDatabase();
      const store = createPostgresStore(url);
      try {
        const data = sampleStoreData();
        for (let n = 10; n < 60; n++) data.stories.push(sampleStory(n));
        await store.save(data);
        const before = await rowVersions(url);
        const loaded = await store.load();
        const changed = loaded.stories[4]!;
        changed.copies = [sampleCopy('cong-an', 11, { title: 'Tiêu đề mới: Hòa Bình triệt xóa điểm bán ma túy' })];
        const removed = loaded.stories.splice(7, 1)[0]!;
        loaded.stories.push(sampleStory(99));
        await store.save(loaded, { stories: new Set([changed.id, sampleStory(99).id]), removed: new Set([removed.id]) });
        expect(store.lastWrite()).toMatchObject({ stories: 2, copies: 2, removed: 1 });
        const after = await rowVersions(url);
        const rewritten = [...after].filter(([id, xmin]) => before.get(id) !== xmin).map(([id]) => id).sort();
        expect(rewritten).toEqual([`${changed.id}`, `${changed.id}#0`, sampleStory(99).id, `${sampleStory(99).id}#0`].sort());
        expect(after.has(removed.id)).toBe(false);
        expect(await createPostgresStore(url).load()).toEqual(loaded);
      } finally {
        await store.close();
      }
    });

    it('writes every row again when another writer saved after this one loaded (its snapshot is stale)', async () => {
      const url = await createTestDatabase();
      const [mine, theirs] = [createPostgresStore(url), createPostgresStore(url)];
      try {
        await mine.save(sampleStoreData());
        const data = await mine.load();
        const other = await theirs.load();
        other.stories.push(sampleStory(42));
        await theirs.save(other);
        data.stories[0]!.categories = ['van-hoa-xa-hoi'];
        await mine.save(data, { stories: new Set([data.stories[0]!.id]), removed: new Set() });
        expect(mine.lastWrite()!.stories).toBe(data.stories.length);
        expect(await createPostgresStore(url).load()).toEqual(data);
      } finally {
        await Promise.all([mine.close(), theirs.close()]);
      }
    });

    it('after another process saved, reads only the rows written since: every unchanged story stays the same object', async () => {
      const url = await createTestDatabase();
      const [writer, reader] = [createPostgresStore(url), createPostgresStore(url)];
      try {
        const first = sampleStoreData();
        for (let n = 10; n < 40; n++) first.stories.push(sampleStory(n));
        await writer.save(first);
        const before = await reader.load();
        const data = await writer.load();
        const changed = data.stories[4]!;
        changed.copies = [...changed.copies, sampleCopy('bao-hoa-binh', 12, { title: 'Báo Hòa Bình: xã Lạc Sơn khánh thành trường mới' })];
        const [removed] = data.stories.splice(7, 1);
        data.stories.push(sampleStory(99));
        data.sources['cong-an']!.consecutiveFailures = 2;
        await writer.save(data, { stories: new Set([changed.id, sampleStory(99).id]), removed: new Set([removed!.id]) });

        const after = await reader.load();
        expect(after).toEqual(await createPostgresStore(url).load());
        expect(after).not.toBe(before);
        const previous = new Map(before.stories.map((story) => [story.id, story]));
        const renewed = after.stories.filter((story) => previous.get(story.id) !== story).map((story) => story.id);
        expect(renewed.sort()).toEqual([changed.id, sampleStory(99).id].sort());
        // what it read is held like a whole read: its copies frozen, and its next save writes only what it changes
        expect(Object.isFrozen(after.stories.find((story) => story.id === changed.id)!.copies.at(-1))).toBe(true);
        after.stories[0]!.categories = ['kinh-te'];
        await reader.save(after, { stories: new Set([after.stories[0]!.id]), removed: new Set() });
        expect(reader.lastWrite()).toMatchObject({ stories: 1, removed: 0 });
        expect(await createPostgresStore(url).load()).toEqual(after);
      } finally {
        await Promise.all([writer.close(), reader.close()]);
      }
    });

    it('reads the whole store again when another process rewrote it whole', async () => {
      const url = await createTestDatabase();
      const [writer, reader] = [createPostgresStore(url), createPostgresStore(url)];
      try {
        await writer.save(sampleStoreData());
        const before = await reader.load();
        // Not the data it holds: a whole save, every row deleted and written again (store:copy does this).
        const whole = sampleStoreData();
        whole.stories.splice(1, 1);
        whole.stories.push(sampleStory(8));
        delete whole.aliases;
        await writer.save(whole);
        const after = await reader.load();
        expect(after).toEqual(whole);
        expect(after.stories.some((story) => before.stories.includes(story))).toBe(false);
      } finally {
        await Promise.all([writer.close(), reader.close()]);
      }
    });

    it('prunes removals older than the saves it keeps them for; a reader further behind reads whole, one within reads only changes', async () => {
      const url = await createTestDatabase();
      const [writer, behind, within, fresh] = [createPostgresStore(url, { removalsKeptRevisions: 2 }), createPostgresStore(url), createPostgresStore(url), createPostgresStore(url)];
      const removals = () =>
        onDatabase(url, async (client) => {
          const stories = await client.query<{ id: string }>('SELECT id FROM story_removals');
          const records = await client.query<{ key: string }>('SELECT key FROM record_removals');
          return [...stories.rows.map((row) => row.id), ...records.rows.map((row) => row.key)];
        });
      try {
        const data = sampleStoreData();
        await writer.save(data); // revision 1
        await behind.load();
        const [, second] = data.stories;
        data.stories.splice(1, 1);
        delete data.sources['bao-hoa-binh'];
        await writer.save(data, { stories: new Set(), removed: new Set([second!.id]) }); // revision 2: a story and a source removed
        expect(await removals()).toEqual([second!.id, 'bao-hoa-binh']);
        await writer.save(data, { stories: new Set(), removed: new Set() }); // 3
        const held = await within.load();
        data.stories[0]!.dateModified = '2026-12-04T09:00:00.000Z';
        await writer.save(data, { stories: new Set([data.stories[0]!.id]), removed: new Set() }); // 4: removals at 2 and below go
        expect(await removals()).toEqual([]);

        const expected = await fresh.load();
        // Held revision 1: the removal at 2 is gone, so only a whole read is right.
        expect(await behind.load()).toEqual(expected);
        // Held revision 3: reads what changed since, the unchanged story the same object.
        const patched = await within.load();
        expect(patched).toEqual(expected);
        expect(patched.stories[1]).toBe(held.stories[1]);
      } finally {
        await Promise.all([writer, behind, within, fresh].map((store) => store.close()));
      }
    });

    it('migrates once when several processes start on an empty database together', async () => {
      const url = await createTestDatabase();
      const stores = Array.from({ length: 4 }, () => createPostgresStore(url));
      try {
        await Promise.all(stores.map((store) => store.load()));
        const versions = await onDatabase(url, (client) => client.query<{ version: number }>('SELECT version FROM bantin_schema ORDER BY version'));
        expect(versions.rows.map((row) => row.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('refuses data of a newer bantin store schema, as the file store does', async () => {
      const url = await createTestDatabase();
      const store = createPostgresStore(url);
      try {
        await store.save(sampleStoreData());
        await onDatabase(url, (client) => client.query('UPDATE store_state SET data_version = 7'));
        const error = await rejectionOf(createPostgresStore(url).load(), StoreError);
        expect(error.code).toBe('SCHEMA');
        expect(error.message).toContain('schema version 7, newer than this bantin knows');
      } finally {
        await store.close();
      }
    });

    it('names an unreachable database in an UNREADABLE error, without its password', async () => {
      // Port 1 on loopback: nothing listens there.
      const store = createPostgresStore('postgres://bantin:s3cret@127.0.0.1:1/bantin');
      try {
        const error = await rejectionOf(store.load(), StoreError);
        expect(error.code).toBe('UNREADABLE');
        expect(error.message).toContain('postgres://bantin@127.0.0.1:1/bantin');
        expect(error.message).toContain('ECONNREFUSED');
        expect(error.message).not.toContain('s3cret');
      } finally {
        await store.close();
      }
    });
  });
}

describe('withoutPassword', () => {
  it.each([
    { url: 'postgres://bantin:s3cret@db.example:5432/bantin', shown: 'postgres://bantin@db.example:5432/bantin' },
    { url: 'postgresql://bantin@localhost/bantin?sslmode=require', shown: 'postgresql://bantin@localhost/bantin?sslmode=require' },
    { url: 'postgres:///bantin?host=/var/run/postgresql', shown: 'postgres:///bantin?host=/var/run/postgresql' },
  ])('shows $url as $shown', ({ url, shown }) => {
    expect(withoutPassword(url)).toBe(shown);
  });
});
