// The database going away mid-cycle (its sessions terminated, new ones refused), on a test database of its
// own: the cycle fails with /healthz naming the database, the feeds are still served from memory, nothing
// half-written is visible, and the next cycle after the database is back succeeds.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/commands/serve-command.ts';
import { createSilentLogger } from '../../src/logger.ts';
import type { HealthReport } from '../../src/server/health-report.ts';
import type { TestItem } from '../helpers/build-rss.ts';
import { findClosedPort, startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { harvestItem, rss, waitUntil } from '../helpers/pg-instances.ts';
import { createTestDatabase, onDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const NEVER_DURING_THE_TEST = '0 0 1 1 *';

const servers: FixtureServer[] = [];
const services: RunningService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const databaseOf = (url: string) => new URL(url).pathname.slice(1);

/** Ends every session on the test database and refuses new ones, from the server's maintenance database. */
async function takeAway(url: string, admin: string): Promise<void> {
  const name = databaseOf(url);
  await onDatabase(admin, async (client) => {
    await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  });
}

async function bringBack(url: string, admin: string): Promise<void> {
  await onDatabase(admin, (client) => client.query(`ALTER DATABASE ${databaseOf(url)} ALLOW_CONNECTIONS true`));
}

/** What a reader of the database sees: the store's revision and its stories' ids. */
function visible(url: string): Promise<{ revision: string; stories: string[]; copies: number }> {
  return onDatabase(url, async (client) => {
    const revision = (await client.query<{ revision: string }>('SELECT revision::text FROM store_state')).rows[0]!.revision;
    const stories = (await client.query<{ id: string }>('SELECT id FROM stories ORDER BY id')).rows.map((row) => row.id);
    const copies = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM copies')).rows[0]!.n);
    return { revision, stories, copies };
  });
}

if (!(await skipWithoutPostgres('the database going away mid-cycle'))) {
  describe('the database going away mid-cycle', () => {
    it('fails the cycle naming the database, serves on from memory, writes nothing, and succeeds once it is back', async () => {
      const setup = await startOnNewDatabase();
      const { url, admin, base, service, portal, before, feedBefore } = setup;

      // A cycle fetches while the database goes away, then gets the portal's answer with a new story.
      portal.hold = true;
      const cycle = service.ingestNow();
      await waitUntil(() => portal.held.length === 1, 15_000, 'the cycle asks the portal');
      try {
        await takeAway(url, admin);
        portal.items.push(harvestItem('cong-an', 2));
        portal.answerHeld();
        await cycle;
        await expectFailedNamingDatabase(base, url);
        // Served from memory, unchanged.
        expect(await servedFeed(base)).toEqual(feedBefore);
      } finally {
        await bringBack(url, admin);
      }
      expect(await visible(url)).toEqual(before);
      await expectNextCycleSucceeds(setup);
    }, 120_000);

    it('leaves nothing of a save whose connection is terminated inside its transaction', async () => {
      const setup = await startOnNewDatabase();
      const { url, admin, base, service, portal, before, feedBefore } = setup;
      // The save's story rows are written, then it waits inside its transaction (only in this test database).
      await onDatabase(url, async (client) => {
        await client.query(`CREATE FUNCTION slow_save() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$`);
        await client.query('CREATE TRIGGER slow_save AFTER INSERT ON stories FOR EACH STATEMENT EXECUTE FUNCTION slow_save()');
      });
      portal.items.push(harvestItem('cong-an', 2));
      const cycle = service.ingestNow();
      await waitUntil(() => sleepingInSave(url, admin), 30_000, 'the save waits inside its transaction');
      // Only the sessions end; the database takes new ones at once.
      await onDatabase(admin, (client) =>
        client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseOf(url)]),
      );
      await cycle;
      await expectFailedNamingDatabase(base, url);
      expect(await servedFeed(base)).toEqual(feedBefore);
      expect(await visible(url)).toEqual(before);
      await onDatabase(url, (client) => client.query('DROP TRIGGER slow_save ON stories'));
      await expectNextCycleSucceeds(setup);
    }, 120_000);
  });
}

interface Setup {
  url: string;
  /** The server's maintenance database, to take the test database away from outside. */
  admin: string;
  base: string;
  service: RunningService;
  portal: Portal;
  before: Awaited<ReturnType<typeof visible>>;
  feedBefore: Awaited<ReturnType<typeof servedFeed>>;
}

interface Portal {
  items: TestItem[];
  hold: boolean;
  held: ServerResponse[];
  answerHeld(): void;
}

/** The real service on a database of its own, over one portal, after its start-up cycle. */
async function startOnNewDatabase(): Promise<Setup> {
  const url = await createTestDatabase();
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const portal: Portal = {
    items: [harvestItem('cong-an', 1)],
    hold: false,
    held: [],
    answerHeld() {
      portal.hold = false;
      for (const res of portal.held.splice(0)) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('cong-an', portal.items));
    },
  };
  const server = await startFixtureServer((_req, res: ServerResponse) => {
    if (portal.hold) return void portal.held.push(res);
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('cong-an', portal.items));
  });
  servers.push(server);
  const port = await findClosedPort();
  const base = `http://127.0.0.1:${port}`;
  const config = makeTestConfig(await makeTempDir(), {
    store: url,
    port,
    baseUrl: base,
    schedule: NEVER_DURING_THE_TEST,
    categories: [{ id: 'thoi-su', title: 'Thời sự', keywords: ['cà phê'] }],
    sources: [makeSource('cong-an', { url: `${server.url}/rss` })],
  });
  const service = await startService(config, createSilentLogger(), { host: '127.0.0.1' });
  services.push(service);
  await service.firstIngestion;
  const before = await visible(url);
  expect(before.stories).toHaveLength(1);
  return { url, admin: admin.toString(), base, service, portal, before, feedBefore: await servedFeed(base) };
}

async function servedFeed(base: string): Promise<{ status: number; etag: string | null; body: string }> {
  const response = await fetch(`${base}/feeds/all.json`);
  return { status: response.status, etag: response.headers.get('etag'), body: await response.text() };
}

async function expectFailedNamingDatabase(base: string, url: string): Promise<void> {
  const report = (await (await fetch(`${base}/healthz`)).json()) as HealthReport;
  expect(report.status).toBe('degraded');
  expect(report.ingestion?.lastCycle?.error).toContain(`postgres://postgres@127.0.0.1:5432/${databaseOf(url)}`);
  expect(report.reasons.join('\n')).toContain(`the last ingestion cycle failed at ${report.ingestion!.lastCycle!.finishedAt}: store: `);
}

async function expectNextCycleSucceeds({ url, base, service }: Setup): Promise<void> {
  await service.ingestNow();
  const report = (await (await fetch(`${base}/healthz`)).json()) as HealthReport;
  expect(report.ingestion?.lastCycle?.error ?? null, JSON.stringify(report)).toBeNull();
  expect(report.status).toBe('ok');
  expect((await visible(url)).stories).toHaveLength(2);
  expect((await servedFeed(base)).body).toContain(harvestItem('cong-an', 2).title);
}

/** Whether a session of the test database is in the trigger's sleep, inside the save. */
function sleepingInSave(url: string, admin: string): Promise<boolean> {
  return onDatabase(admin, async (client) => {
    const { rows } = await client.query("SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event = 'PgSleep'", [databaseOf(url)]);
    return rows.length > 0;
  });
}
