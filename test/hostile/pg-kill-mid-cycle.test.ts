// kill -9 of one of two `npm start` processes on one PostgreSQL database while a portal holds its response:
// nothing committed is lost, no lease or lock is left behind, and the other process, which skipped the
// sources while they were leased, fetches them in its next cycle.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../src/server/health-report.ts';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import type { TestItem } from '../helpers/build-rss.ts';
import { waitForIngestedHealth, type WatchedProcess } from '../helpers/child-process.ts';
import { findClosedPort, startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { advisoryLocks, harvestItem, rss, sessionsOf, startBantin, waitUntil, writeInstanceConfig } from '../helpers/pg-instances.ts';
import { createTestDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Both processes tick every 2 s: each cycle is due at once, and "next cycle" comes soon.
const EVERY_TWO_SECONDS = '*/2 * * * * *';

const servers: FixtureServer[] = [];
const processes: WatchedProcess[] = [];
afterEach(async () => {
  for (const watched of processes.splice(0)) watched.child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function health(base: string): Promise<HealthReport> {
  return (await fetch(`${base}/healthz`)).json() as Promise<HealthReport>;
}

async function allTitles(base: string): Promise<string[]> {
  const feed = (await (await fetch(`${base}/feeds/all.json`)).json()) as { items: { title: string }[] };
  return feed.items.map((item) => item.title).sort();
}

if (!(await skipWithoutPostgres('kill -9 of one of two instances'))) {
  describe('kill -9 of one of two processes on one database, mid-cycle', () => {
    it('loses nothing committed, leaves no lease or lock, and the other process fetches the dead one’s sources next cycle', async () => {
      const url = await createTestDatabase();
      const dir = await makeTempDir();
      const items: Record<string, TestItem[]> = { 'bao-gia-lai': [harvestItem('bao-gia-lai', 1)], 'cong-an': [harvestItem('cong-an', 2)] };
      let hold = false;
      const held: ServerResponse[] = [];
      const asked = { 'bao-gia-lai': 0, 'cong-an': 0 };
      const portals = await Promise.all(
        (['bao-gia-lai', 'cong-an'] as const).map((portal) =>
          startFixtureServer((_req, res: ServerResponse) => {
            asked[portal]++;
            if (hold && portal === 'bao-gia-lai') return void held.push(res); // never answered
            res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(portal, items[portal]!));
          }),
        ),
      );
      servers.push(...portals);
      const sources = Object.keys(items).map((id, index) => ({ id, url: `${portals[index]!.url}/rss` }));
      const ports = [await findClosedPort(), await findClosedPort()];
      const bases = ports.map((port) => `http://127.0.0.1:${port}`);
      const configs = await Promise.all(
        ports.map((port, index) => writeInstanceConfig(dir, `instance-${index}`, { store: url, sources, port, schedule: EVERY_TWO_SECONDS })),
      );

      // The first process alone commits both portals' stories, then gets stuck on a held response.
      const doomed = startBantin('serve', configs[0]!);
      processes.push(doomed);
      await waitForIngestedHealth(bases[0]!, doomed, 60_000);
      const committed = await allTitles(bases[0]!);
      expect(committed).toHaveLength(2);
      hold = true;
      await waitUntil(() => held.length === 1, 15_000, 'the first process asks the held portal');
      const askedBefore = { ...asked };

      // The second process starts while the first holds both sources' leases: it skips them and serves the store.
      const survivor = startBantin('serve', configs[1]!);
      processes.push(survivor);
      await waitForIngestedHealth(bases[1]!, survivor, 60_000);
      await waitUntil(async () => (await health(bases[1]!)).ingestion?.lastCycle?.error === null, 30_000, 'the second process finishes a cycle');
      expect(held).toHaveLength(1);
      expect(asked).toEqual(askedBefore); // the second process asked neither leased portal
      expect(await allTitles(bases[1]!)).toEqual(committed);

      items['bao-gia-lai']!.push(harvestItem('bao-gia-lai', 4));
      doomed.child.kill('SIGKILL');
      await doomed.endedWithin(10_000);
      hold = false;
      // The server ends the dead process's sessions, and its leases with them.
      await waitUntil(async () => (await sessionsOf(url, doomed.child.pid!)) === 0, 10_000, 'the killed process’s sessions end');
      const left = await advisoryLocks(url);
      expect(left.filter((lock) => lock.application_name === `bantin pid ${doomed.child.pid}`)).toEqual([]);

      // The next cycle of the second process fetches the held portal again, and serves what it brought.
      await waitUntil(async () => (await allTitles(bases[1]!)).length === 3, 30_000, 'the second process fetches the dead one’s source');
      const titles = await allTitles(bases[1]!);
      expect(titles).toEqual(expect.arrayContaining(committed));
      expect(titles).toContain(harvestItem('bao-gia-lai', 4).title);
      const store = createPostgresStore(url);
      try {
        expect((await store.load()).stories).toHaveLength(3);
      } finally {
        await store.close();
      }
      expect((await health(bases[1]!)).status).toBe('ok');
    }, 180_000);
  });
}
