// Two `npm start` processes on one PostgreSQL database serve the same bytes and ETags for the same stories,
// and each picks up what another process wrote within seconds (the ingestion thread polls the store's revision).
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestItem } from '../helpers/build-rss.ts';
import { waitForIngestedHealth, type WatchedProcess } from '../helpers/child-process.ts';
import { findClosedPort, startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { fireCopy, harvestItem, rss, startBantin, writeInstanceConfig } from '../helpers/pg-instances.ts';
import { createTestDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const FEEDS = ['all', 'thoi-su'].flatMap((category) => ['rss', 'atom', 'json'].map((format) => `/feeds/${category}.${format}`)).concat('/feeds.opml');
// No scheduled cycle while the test runs: only the start-up cycles and the third process write.
const NEVER_DURING_THE_TEST = '0 0 1 1 *';

const servers: FixtureServer[] = [];
const processes: WatchedProcess[] = [];
afterEach(async () => {
  for (const watched of processes.splice(0)) watched.child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Served {
  etag: string | null;
  lastModified: string | null;
  body: string;
}

async function served(base: string, path: string): Promise<Served> {
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
  if (!response.ok) throw new Error(`${base}${path} answered ${response.status}`);
  return { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), body: await response.text() };
}

/** Polls until every feed is the same on both processes; what they serve then. */
async function sameOnBoth(bases: readonly string[], ms: number): Promise<Served[][]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const feeds = await Promise.all(bases.map((base) => Promise.all(FEEDS.map((path) => served(base, path)))));
    if (JSON.stringify(feeds[0]) === JSON.stringify(feeds[1])) return feeds;
    if (Date.now() > deadline) return feeds; // the caller's expect shows the difference
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Milliseconds from now until `base` serves a feed holding `text` (at most `ms`). */
async function msUntilServed(base: string, text: string, ms: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if ((await served(base, '/feeds/all.json')).body.includes(text)) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${base} did not serve "${text}" within ${ms} ms`);
}

if (!(await skipWithoutPostgres('several instances on one database'))) {
  describe('two `npm start` processes on one PostgreSQL database', () => {
    it('serve the same bytes and ETags for every feed, and pick up a third process’s write within seconds', async () => {
      const url = await createTestDatabase();
      const dir = await makeTempDir();
      const items: Record<string, TestItem[]> = {
        'bao-gia-lai': [fireCopy('bao-gia-lai'), harvestItem('bao-gia-lai', 1)],
        'cong-an': [fireCopy('cong-an'), harvestItem('cong-an', 2)],
      };
      const portals = await Promise.all(
        Object.keys(items).map((portal) =>
          startFixtureServer((_req, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(portal, items[portal]!))),
        ),
      );
      servers.push(...portals);
      const sources = Object.keys(items).map((id, index) => ({ id, url: `${portals[index]!.url}/rss` }));
      const ports = [await findClosedPort(), await findClosedPort()];
      const bases = ports.map((port) => `http://127.0.0.1:${port}`);
      const configs = await Promise.all(
        ports.map((port, index) => writeInstanceConfig(dir, `instance-${index}`, { store: url, sources, port, schedule: NEVER_DURING_THE_TEST })),
      );
      const running = configs.map((config) => startBantin('serve', config));
      processes.push(...running);
      await Promise.all(bases.map((base, index) => waitForIngestedHealth(base, running[index]!, 60_000)));

      const [first, second] = await sameOnBoth(bases, 20_000);
      expect(second).toEqual(first);
      const all = JSON.parse(first![FEEDS.indexOf('/feeds/all.json')]!.body) as { items: unknown[] };
      // The fire from both portals is one story; each portal's harvest news another.
      expect(all.items).toHaveLength(3);

      // A third process (`npm run ingest`) writes a new story; both serving processes must show it.
      items['cong-an']!.push(harvestItem('cong-an', 3));
      const ingestConfig = await writeInstanceConfig(dir, 'ingest', { store: url, sources });
      const ingest = startBantin('ingest', ingestConfig);
      processes.push(ingest);
      expect(await ingest.endedWithin(60_000), ingest.stderr).toEqual({ code: 0, signal: null });
      const pickedUpMs = await Promise.all(bases.map((base) => msUntilServed(base, 'vụ mùa thứ 3', 15_000)));
      console.log(`picked up another process's write after ${pickedUpMs.join(' ms and ')} ms (store revision polled every 2 s)`);
      const [after0, after1] = await sameOnBoth(bases, 10_000);
      expect(after1).toEqual(after0);
      expect(after0![0]!.etag).not.toBe(first![0]!.etag);
    }, 180_000);
  });
}
