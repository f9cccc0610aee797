// `npm start` on PostgreSQL: it serves the demo from the database, picks up another process's write
// within seconds, and when the database goes away a cycle fails in /healthz while the feeds are
// still served, and the next cycle after it comes back succeeds.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { processInstanceId } from '../../src/store/process-instance.ts';
import { createTestDatabase, onDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { startDemoService, type DemoService } from '../helpers/running-service.ts';

const services: DemoService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not happen within ${ms} ms`);
}

/** Refuses or allows new connections, and ends the ones bantin holds (as a restart of the server would). */
async function setDatabaseUp(url: string, up: boolean): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await onDatabase(admin.toString(), async (client) => {
    await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${up}`);
    if (!up) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  });
}

if (!(await skipWithoutPostgres('npm start on PostgreSQL'))) {
  describe('npm start on PostgreSQL', () => {
    it('serves from the database and picks up another process’s write within seconds', async () => {
      const url = await createTestDatabase();
      const running = await startDemoService({ config: { store: url } });
      services.push(running);
      const first = await fetch(`${running.base}/feeds/all.rss`);
      expect(first.status).toBe(200);
      const other = openStore(url);
      try {
        await other.withWriteLock(async () => {
          const data = await other.load();
          const story = data.stories[0]!;
          story.copies = story.copies.map((copy) => ({ ...copy, title: 'Đính chính: Hòa Bình khánh thành cầu Hang Kia' }));
          story.datePublished = story.dateModified = new Date(Date.now() + 60_000).toISOString();
          await other.save(data, { stories: new Set([story.id]), removed: new Set() });
        });
      } finally {
        await other.close();
      }
      await until(async () => (await (await fetch(`${running.base}/feeds/all.rss`)).text()).includes('Đính chính: Hòa Bình khánh thành cầu Hang Kia'), 15_000, 'the other write showing');
    }, 60_000);

    it('records the sources its ingestion thread fetched under the id its process chose, not one of the thread’s own', async () => {
      const url = await createTestDatabase();
      const running = await startDemoService({ config: { store: url } });
      services.push(running);
      const takers = await onDatabase(url, (client) => client.query<{ taken_by: string }>('SELECT DISTINCT taken_by FROM source_fetches'));
      expect(takers.rows).toEqual([{ taken_by: processInstanceId() }]);
    }, 60_000);

    it('fails a cycle in /healthz while the database is away, keeps serving, and recovers with it', async () => {
      const url = await createTestDatabase();
      const running = await startDemoService({ config: { store: url } });
      services.push(running);
      const before = await (await fetch(`${running.base}/feeds/all.rss`)).text();
      await setDatabaseUp(url, false);
      try {
        await running.service.ingestNow();
        const health = (await (await fetch(`${running.base}/healthz`)).json()) as { status: string; ingestion: { lastCycle: { error: string | null } } };
        expect(health.status).toBe('degraded');
        // Which the cycle meets first depends on timing: a pooled connection the server has just ended, or a new one it refuses.
        expect(health.ingestion.lastCycle.error).toMatch(
          /^store: cannot read postgres:\/\/postgres@127\.0\.0\.1:5432\/bantin_test_\w+ \((.*not currently accepting connections|terminating connection due to administrator command)\)$/,
        );
        const during = await fetch(`${running.base}/feeds/all.rss`);
        expect(during.status).toBe(200);
        expect(await during.text()).toBe(before);
      } finally {
        await setDatabaseUp(url, true);
      }
      await running.service.ingestNow();
      const after = (await (await fetch(`${running.base}/healthz`)).json()) as { ingestion: { lastCycle: { error: string | null } } };
      expect(after.ingestion.lastCycle.error).toBeNull();
    }, 60_000);
  });
}
