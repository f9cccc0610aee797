// Several processes on one PostgreSQL database: each source is fetched by one process per cycle (a lease per
// source, given up with its connection), a source another process already fetched this cycle is skipped, and
// two processes ingesting copies of one event at the same moment make one story, never two.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { advisoryLocks, fireCopy, rss, startBantin, writeInstanceConfig } from '../helpers/pg-instances.ts';
import { asCurrentBantin, createTestDatabase, onDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { rejectionOf } from '../helpers/rejection.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const stores: PostgresStore[] = [];
const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all([...stores.splice(0).map((store) => store.close()), ...servers.splice(0).map((server) => server.close())]);
});

function openStores(url: string, count: number, instances: readonly (string | undefined)[] = []): PostgresStore[] {
  const opened = Array.from({ length: count }, (_, n) => createPostgresStore(url, { instance: instances[n] }));
  stores.push(...opened);
  return opened;
}

if (!(await skipWithoutPostgres('per-source leases'))) {
  describe('per-source leases on PostgreSQL', () => {
    it('gives each source to one process: the other skips what is leased, and takes it once it is released', async () => {
      const url = await createTestDatabase();
      const [one, two] = openStores(url, 2);
      const cycle = new Date();
      const first = await one!.leaseSources(['bao-gia-lai', 'cong-an', 'tinh-uy'], cycle, cycle);
      const second = await two!.leaseSources(['cong-an', 'tinh-uy', 'so-y-te'], cycle, cycle);
      expect([...first.claimed].sort()).toEqual(['bao-gia-lai', 'cong-an', 'tinh-uy']);
      expect([...second.claimed]).toEqual(['so-y-te']);
      expect(second.skipped).toEqual(['cong-an', 'tinh-uy']);
      expect(await advisoryLocks(url)).toHaveLength(4);

      await Promise.all([first.release(), second.release()]);
      expect(await advisoryLocks(url)).toEqual([]);
      // The next cycle (a later scheduled time): free again.
      const next = new Date(cycle.getTime() + 60_000);
      const third = await two!.leaseSources(['cong-an'], next, next);
      expect([...third.claimed]).toEqual(['cong-an']);
      await third.release();
    });

    it('skips a source another process took since this cycle was due, and not one it took before', async () => {
      const url = await createTestDatabase();
      const [store] = openStores(url, 1);
      const due = new Date('2026-12-04T08:15:00.000Z');
      await store!.load(); // migrates
      // Another bantin took one source a second after the tick, another the cycle before.
      await asCurrentBantin(url, (client) =>
        client.query(
          `INSERT INTO source_fetches (source_id, taken_at, taken_by) VALUES ('cong-an', '2026-12-04T08:15:01Z', 'may-khac pid 7'), ('tinh-uy', '2026-12-04T08:00:01Z', 'may-khac pid 7')`,
        ),
      );
      const lease = await store!.leaseSources(['cong-an', 'tinh-uy'], due, new Date(due.getTime() + 2000));
      expect([...lease.claimed]).toEqual(['tinh-uy']);
      expect(lease.skipped).toEqual(['cong-an']);
      // Only what is fetched stays leased.
      expect(await advisoryLocks(url)).toHaveLength(1);
      await lease.release();
    });

    it('leaves a source to another process due at the same tick when the cycle that claimed it recorded nothing (it failed)', async () => {
      const url = await createTestDatabase();
      const [one, two] = openStores(url, 2, ['container-a', 'container-b']);
      const tick = new Date('2026-12-04T08:15:00.000Z');
      const failed = await one!.leaseSources(['cong-an', 'tinh-uy'], tick, new Date(tick.getTime() + 300));
      await failed.release();
      const retry = await two!.leaseSources(['cong-an', 'tinh-uy'], tick, new Date(tick.getTime() + 900));
      expect([...retry.claimed].sort()).toEqual(['cong-an', 'tinh-uy']);
      await retry.recordFetched();
      await retry.release();
      const taken = await onDatabase(url, (client) => client.query('SELECT source_id, taken_at, taken_by FROM source_fetches ORDER BY source_id'));
      expect(taken.rows).toEqual(['cong-an', 'tinh-uy'].map((id) => ({ source_id: id, taken_at: new Date(tick.getTime() + 900), taken_by: 'container-b' })));
      const late = await one!.leaseSources(['cong-an', 'tinh-uy'], tick, new Date(tick.getTime() + 2000));
      expect(late.skipped).toEqual(['cong-an', 'tinh-uy']);
      await late.release();
    });

    it('keeps the sources of a cycle that overruns into the next tick: skipped then, free once it has ended', async () => {
      const url = await createTestDatabase();
      const [slow, other] = openStores(url, 2, ['container-a', 'container-b']);
      const tick = new Date('2026-12-04T08:15:00.000Z');
      const next = new Date(tick.getTime() + 15 * 60_000);
      const overrunning = await slow!.leaseSources(['cong-an'], tick, new Date(tick.getTime() + 300));
      // The next tick comes while it still fetches: another process leaves the source alone (no second request to the portal).
      const meanwhile = await other!.leaseSources(['cong-an'], next, new Date(next.getTime() + 300));
      expect(meanwhile.skipped).toEqual(['cong-an']);
      await meanwhile.release();
      await overrunning.recordFetched();
      await overrunning.release();
      // Its take dates from the tick before: a cycle of the next tick that starts now fetches the source.
      const late = await other!.leaseSources(['cong-an'], next, new Date(next.getTime() + 90_000));
      expect([...late.claimed]).toEqual(['cong-an']);
      await late.release();
    });

    it('tells two processes apart that share a hostname and pid, as containers do (pid 1 in each)', async () => {
      const url = await createTestDatabase();
      // Two stores in one test process: the same hostname and pid, as two containers may have; one instance id each.
      const [one, two] = openStores(url, 2, ['container-a', 'container-b']);
      const tick = new Date('2026-12-04T08:15:00.000Z');
      const first = await one!.leaseSources(['cong-an'], tick, new Date(tick.getTime() + 300));
      await first.recordFetched();
      await first.release();
      const second = await two!.leaseSources(['cong-an'], tick, new Date(tick.getTime() + 900));
      expect(second.skipped).toEqual(['cong-an']);
      await second.release();
      // The same instance (a cycle run again by this process) is not another's take.
      const again = await one!.leaseSources(['cong-an'], tick, new Date(tick.getTime() + 1200));
      expect([...again.claimed]).toEqual(['cong-an']);
      await again.release();
    });

    it('fails the cycle when its leases went with their connection, and lets them go', async () => {
      const url = await createTestDatabase();
      const [store] = openStores(url, 1);
      const now = new Date();
      const lease = await store!.leaseSources(['cong-an'], now, now);
      await onDatabase(url, (client) =>
        client.query("SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"),
      );
      const error = await rejectionOf(lease.check(), StoreError);
      expect(error.message).toContain(`lost this cycle's source leases on ${url}`);
      await lease.release();
      expect(await advisoryLocks(url)).toEqual([]);
      // The store goes on with a new connection.
      const later = new Date(now.getTime() + 1000);
      const next = await store!.leaseSources(['cong-an'], later, later);
      expect([...next.claimed]).toEqual(['cong-an']);
      await next.check();
      await next.release();
    });

    it('two `npm run ingest` processes on overlapping sources carrying one event, at the same moment: each source fetched once, one story', async () => {
      const url = await createTestDatabase();
      const dir = await makeTempDir();
      const portals = ['bao-gia-lai', 'cong-an', 'tinh-uy', 'so-y-te'];
      const waiting: (() => void)[] = [];
      const asked = new Map<string, number>();
      let released = false;
      const release = () => {
        released = true;
        for (const answer of waiting.splice(0)) answer();
      };
      // Every answer waits until every portal has been asked: both processes are then mid-fetch, and both merge at once.
      // A server per portal: a process asks one host two requests at a time, and held answers must not queue the third.
      const portalServers = await Promise.all(
        portals.map((portal) =>
          startFixtureServer((_req, res: ServerResponse) => {
            asked.set(portal, (asked.get(portal) ?? 0) + 1);
            const answer = () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(portal, [fireCopy(portal)]));
            if (released) return answer();
            waiting.push(answer);
            if (asked.size === portals.length) release();
          }),
        ),
      );
      servers.push(...portalServers);
      const safety = setTimeout(release, 30_000);
      const source = (portal: string) => ({ id: portal, url: `${portalServers[portals.indexOf(portal)]!.url}/rss` });
      const configs = await Promise.all([
        writeInstanceConfig(dir, 'a', { store: url, sources: portals.slice(0, 3).map(source) }),
        writeInstanceConfig(dir, 'b', { store: url, sources: portals.slice(1).map(source) }),
      ]);
      // Migrated before, so neither process waits on the other's migration and both start fetching together.
      await openStores(url, 1)[0]!.load();
      try {
        const runs = configs.map((config) => startBantin('ingest', config));
        const ended = await Promise.all(runs.map((run) => run.endedWithin(90_000)));
        expect(ended, runs.map((run) => run.stderr).join('\n')).toEqual([
          { code: 0, signal: null },
          { code: 0, signal: null },
        ]);
        expect(Object.fromEntries(asked)).toEqual(Object.fromEntries(portals.map((portal) => [portal, 1])));
        const [reader] = openStores(url, 1);
        const data = await reader!.load();
        expect(data.stories).toHaveLength(1);
        expect(data.stories[0]!.copies.map((copy) => copy.sourceId).sort()).toEqual([...portals].sort());
        expect(await advisoryLocks(url)).toEqual([]);
      } finally {
        clearTimeout(safety);
      }
    }, 120_000);
  });
}
