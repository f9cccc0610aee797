// Ingestion cycles on the PostgreSQL store: each cycle writes the stories it touched and no other
// (the dirty set runIngestion hands the store), and what another process reads is what the cycle left.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config } from '../../src/model/types.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import type { Store } from '../../src/store/store.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { capturingLogger } from '../helpers/capturing-logger.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { asCurrentBantin, createTestDatabase, onDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const ITEMS: TestItem[] = [
  { guid: 'ca-201', title: 'Bắt giữ đối tượng vận chuyển ma túy tại xã Tân Lạc', body: 'Công an huyện Tân Lạc bắt quả tang đối tượng vận chuyển trái phép 300 gam ma túy tổng hợp.' },
  { guid: 'ca-202', title: 'Xử lý 25 trường hợp vi phạm nồng độ cồn', body: 'Đội Cảnh sát giao thông kiểm tra nồng độ cồn trên Quốc lộ 12B trong đêm thứ Bảy.' },
];

const servers: FixtureServer[] = [];
const stores: PostgresStore[] = [];
afterEach(async () => {
  await Promise.all([...servers.splice(0).map((server) => server.close()), ...stores.splice(0).map((store) => store.close())]);
});

/** A portal serving `items` as one RSS feed, a new database, and a config reading the one from the other. */
async function portalAndDatabase(items: () => TestItem[] = () => ITEMS): Promise<{ server: FixtureServer; url: string; config: Config }> {
  const server = await startFixtureServer({
    '/rss': (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss('Công an tỉnh', items())),
  });
  servers.push(server);
  const url = await createTestDatabase();
  const config: Config = { ...makeTestConfig(await makeTempDir()), store: url, sources: [makeSource('cong-an', { url: `${server.url}/rss` })] };
  return { server, url, config };
}

async function revisions(url: string): Promise<Record<string, number>> {
  return onDatabase(url, async (client) => {
    const { rows } = await client.query<{ id: string; revision: string }>('SELECT id, revision FROM stories');
    return Object.fromEntries(rows.map((row) => [row.id, Number(row.revision)]));
  });
}

if (!(await skipWithoutPostgres('ingestion on PostgreSQL'))) {
  describe('runIngestion on the PostgreSQL store', () => {
    it('writes the stories a cycle touched, all of them when re-filed, and drops pruned ones', async () => {
      let items = [...ITEMS];
      const portal = await portalAndDatabase(() => items);
      const { url } = portal;
      const store = createPostgresStore(url);
      stores.push(store);
      let { config } = portal;
      let clock = new Date('2026-11-25T03:00:00.000Z');
      const run = async () => {
        const result = await runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => clock });
        const reader = createPostgresStore(url);
        stores.push(reader);
        expect(await reader.load()).toEqual(result.data);
        return result;
      };

      const first = await run();
      const [drugs, traffic] = first.data.stories.map((story) => story.id);
      expect(await revisions(url)).toEqual({ [drugs!]: 1, [traffic!]: 1 });

      items = [ITEMS[0]!, { ...ITEMS[1]!, title: 'Xử lý 27 trường hợp vi phạm nồng độ cồn trên Quốc lộ 12B' }, {
        guid: 'ca-203', title: 'Triệt phá ổ nhóm lừa đảo qua mạng xã hội', body: 'Phòng Cảnh sát hình sự triệt phá nhóm đối tượng lừa đảo chiếm đoạt tài sản qua mạng xã hội.',
      }];
      clock = new Date(clock.getTime() + 15 * 60_000);
      const second = await run();
      const added = second.data.stories.find((story) => story.id !== drugs && story.id !== traffic)!.id;
      expect(await revisions(url)).toEqual({ [drugs!]: 1, [traffic!]: 2, [added]: 2 });
      expect(store.lastWrite()).toMatchObject({ stories: 2, removed: 0 });

      config = { ...config, categories: [...config.categories, { id: 'giao-thong', title: 'Giao thông', keywords: ['nồng độ cồn'] }] };
      clock = new Date(clock.getTime() + 15 * 60_000);
      await run();
      expect(Object.values(await revisions(url))).toEqual([3, 3, 3]);

      // A hundred days on, with one story per feed kept, retention drops the others.
      config = { ...config, feedSize: 1, categories: config.categories.slice(0, 1) };
      items = [];
      clock = new Date(clock.getTime() + 100 * 86_400_000);
      const pruned = await run();
      expect(pruned.summary.storiesPruned).toBeGreaterThan(0);
      const left = await revisions(url);
      expect(Object.keys(left)).toEqual(pruned.data.stories.map((story) => story.id));
      const removals = await onDatabase(url, (client) => client.query<{ id: string }>('SELECT id FROM story_removals'));
      expect(removals.rows.map((row) => row.id).sort()).toEqual([drugs!, traffic!, added].filter((id) => !(id in left)).sort());
    });

    it('leaves a source another process took since this cycle was due, and fetches it the cycle after', async () => {
      const { server, url, config } = await portalAndDatabase();
      const store = createPostgresStore(url);
      stores.push(store);
      await store.load(); // migrates
      const due = new Date('2026-12-04T08:15:00.000Z');
      await asCurrentBantin(url, (client) => client.query(`INSERT INTO source_fetches VALUES ('cong-an', '2026-12-04T08:15:00.400Z', 'may-khac pid 7')`));
      const clock = new Date(due.getTime() + 1500);
      const cycle = (since: Date) => runIngestion({ config, store, logger: createSilentLogger(), mode: 'due', now: () => clock, since });

      const skipped = await cycle(due);
      expect(skipped.skipped).toEqual(['cong-an']);
      expect(skipped.summary.sources).toEqual([]);
      expect(server.requests).toHaveLength(0);

      const next = await cycle(new Date(due.getTime() + 15 * 60_000));
      expect(next.skipped).toEqual([]);
      expect(server.requests).toHaveLength(1);
      expect(next.data.stories).toHaveLength(ITEMS.length);
    });

    it('leaves the sources of a cycle whose save failed to another process due at the same tick', async () => {
      const { server, url, config } = await portalAndDatabase();
      // Three processes on one database.
      const [first, second, third] = ['a', 'b', 'c'].map((instance) => createPostgresStore(url, { instance }));
      stores.push(first!, second!, third!);
      // The first process fetched, then its save failed.
      const failing: Store = { ...first!, save: () => Promise.reject(new StoreError('WRITE', 'store: cannot write (the test refuses this save)')) };
      const due = new Date('2026-12-04T08:15:00.000Z');
      const cycle = (store: Store, at: number) => runIngestion({ config, store, logger: createSilentLogger(), mode: 'due', now: () => new Date(due.getTime() + at), since: due });

      await expect(cycle(failing, 1000)).rejects.toThrow('the test refuses this save');
      expect(server.requests).toHaveLength(1);
      expect(await onDatabase(url, (client) => client.query('SELECT * FROM source_fetches')).then((result) => result.rows)).toEqual([]);

      const retried = await cycle(second!, 5000);
      expect(retried.skipped).toEqual([]);
      expect(server.requests).toHaveLength(2);
      expect(retried.data.stories).toHaveLength(ITEMS.length);
      const taken = await onDatabase(url, (client) => client.query<{ source_id: string; taken_at: Date }>('SELECT source_id, taken_at FROM source_fetches'));
      expect(taken.rows).toEqual([{ source_id: 'cong-an', taken_at: new Date(due.getTime() + 5000) }]);
      // Fetched and saved this cycle: a process due at the same tick leaves it.
      const late = await cycle(third!, 9000);
      expect(late.skipped).toEqual(['cong-an']);
      expect(server.requests).toHaveLength(2);
    });

    it('keeps a saved cycle when its sources cannot be recorded as fetched, and says so in the log', async () => {
      const { url, config } = await portalAndDatabase();
      const store = createPostgresStore(url);
      stores.push(store);
      // The lease connection ends between the save and the record (here: the record fails as it then would).
      const unrecorded: Store = {
        ...store,
        leaseSources: async (ids, since, now) => ({
          ...(await store.leaseSources(ids, since, now)),
          recordFetched: () => Promise.reject(new StoreError('WRITE', 'store: cannot record this cycle’s sources as fetched (connection ended)')),
        }),
      };
      const lines: Record<string, unknown>[] = [];
      const result = await runIngestion({ config, store: unrecorded, logger: capturingLogger(lines), mode: 'all' });
      expect(result.data.stories).toHaveLength(ITEMS.length);
      const reader = createPostgresStore(url);
      stores.push(reader);
      expect((await reader.load()).stories).toHaveLength(ITEMS.length);
      expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
        "could not record this cycle's sources as fetched; another bantin may fetch them again this cycle",
      ]);
    });
  });
}
