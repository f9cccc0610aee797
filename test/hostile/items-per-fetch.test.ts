// Replays a runaway portal whose feed lists thousands of items in every fetch (issue 10: one 7.8 MB feed added 100,000 stories a cycle).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/commands/ingest-command.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import type { HealthReport } from '../../src/server/health-report.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { serveIngestion, type ServedIngestion } from '../helpers/serve-ingestion.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const LISTED = 2000;
const CAP = 50;
const FIRST_ITEM_MS = Date.parse('2026-11-20T00:00:00.000Z');
const NOW = new Date('2026-11-25T03:00:00.000Z');

const COMMUNES = ['Tân Hòa', 'Yên Mông', 'Mai Hạ', 'Thống Nhất', 'Hợp Thịnh', 'Dân Chủ', 'Quỳnh Lâm', 'Trung Minh'];

/** Item `n`, dated `n` minutes after the first: the higher `n`, the newer. */
function itemNumber(n: number): TestItem {
  const commune = COMMUNES[n % COMMUNES.length]!;
  return {
    guid: `ca-${n}`,
    title: `Tuần tra kiểm soát đêm số ${n} tại xã ${commune}`,
    body: `Tổ công tác Công an xã ${commune} tuần tra đêm số ${n}, nhắc nhở ${n % 17} trường hợp tụ tập gây mất trật tự.`,
    date: new Date(FIRST_ITEM_MS + n * 60_000).toUTCString(),
  };
}

/** Every item once, in an order that is neither newest nor oldest first, so the feed's order proves nothing. */
function scrambledItems(): TestItem[] {
  return Array.from({ length: LISTED }, (_, index) => itemNumber((index * 7919) % LISTED));
}

const closing: (FixtureServer | ServedIngestion)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((server) => server.close()));
});

async function setUp(configKeys: Record<string, unknown>) {
  const dir = await makeTempDir();
  const body = buildRss('Công an tỉnh', scrambledItems());
  const server = await startFixtureServer({
    '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body),
  });
  closing.push(server);
  const configFile = path.join(dir, 'bantin.json');
  const source = { id: 'cong-an-tinh', name: 'Công an tỉnh', url: `${server.url}/rss` };
  await writeFile(configFile, JSON.stringify({ baseUrl: 'http://bantin.test', sources: [source], ...configKeys }));
  const config = loadConfig(configFile);
  const store = createLowdbStore(config.store);
  const run = () => runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => NOW });
  return { config, run };
}

describe('a feed listing more items than maxItemsPerFetch', () => {
  it('takes only the newest maxItemsPerFetch items, cycle after cycle, and warns in its /healthz entry', async () => {
    const { config, run } = await setUp({ maxItemsPerFetch: CAP });
    expect(config.maxItemsPerFetch).toBe(CAP);
    const first = await run();
    const newest = Array.from({ length: CAP }, (_, index) => `guid:ca-${LISTED - 1 - index}`);
    expect(first.data.stories.map((story) => story.copies[0]!.key).sort()).toEqual(newest.sort());
    expect(first.summary.sources[0]).toMatchObject({ status: 'ok', items: CAP, added: CAP, itemsDropped: LISTED - CAP });

    const second = await run();
    expect(second.data.stories).toHaveLength(CAP);
    expect(second.summary).toMatchObject({ storiesAdded: 0, storiesUpdated: 0 });
    const warning = `the feed listed ${LISTED} items; only the newest ${CAP} were taken (maxItemsPerFetch)`;
    const cliLine = formatSummary(second.summary, CAP)[0]!;
    expect(cliLine).toMatch(new RegExp(`^cong-an-tinh\\s+ok\\s+${CAP} items, `));
    expect(cliLine.endsWith(`; warning: ${warning}`)).toBe(true);

    const served = await serveIngestion(config, second);
    closing.push(served);
    const health = (await (await fetch(`${served.url}/healthz`)).json()) as HealthReport;
    expect(health.status).toBe('ok');
    expect(health.sources[0]).toMatchObject({
      id: 'cong-an-tinh',
      status: 'ok',
      lastError: null,
      items: CAP,
      itemsDropped: LISTED - CAP,
      warning,
    });
  });

  it('takes 500 by default, and a feed within the limit has no warning', async () => {
    const { config, run } = await setUp({});
    expect(config.maxItemsPerFetch).toBe(500);
    const result = await run();
    expect(result.data.stories).toHaveLength(500);
    expect(Math.min(...result.data.stories.map((story) => Number(story.copies[0]!.key.slice('guid:ca-'.length))))).toBe(LISTED - 500);

    const roomy = await setUp({ maxItemsPerFetch: LISTED });
    const whole = await roomy.run();
    expect(whole.data.stories).toHaveLength(LISTED);
    const served = await serveIngestion(roomy.config, whole);
    closing.push(served);
    const health = (await (await fetch(`${served.url}/healthz`)).json()) as HealthReport;
    expect(health.sources[0]).toMatchObject({ itemsDropped: 0, warning: null });
  });
});
