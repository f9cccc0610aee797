// Replays a portal whose items carry no date or one that cannot be read, polled cycle after cycle: each such item must keep the time it was first seen.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/model/types.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import type { SourceHealth } from '../../src/server/health-report.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { capturingLogger } from '../helpers/capturing-logger.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { serveIngestion, type ServedIngestion } from '../helpers/serve-ingestion.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const DATED: TestItem = {
  guid: 'ca-3001',
  title: 'Xử lý 30 trường hợp vi phạm nồng độ cồn trên Quốc lộ 6',
  body: 'Đội Cảnh sát giao thông Công an huyện kiểm tra nồng độ cồn trong đêm cuối tuần, lập biên bản 30 trường hợp.',
};
const NO_DATE: TestItem = {
  guid: 'ca-3002',
  title: 'Cảnh báo thủ đoạn lừa đảo giả danh nhân viên điện lực',
  body: 'Công an tỉnh cảnh báo người dân về các cuộc gọi giả danh nhân viên điện lực yêu cầu thanh toán tiền điện qua đường link lạ.',
  date: null,
};
const UNREADABLE_DATE: TestItem = {
  guid: 'ca-3003',
  title: 'Phường Tân Hòa ra mắt mô hình camera an ninh khu dân cư',
  body: 'Mô hình gồm 24 camera do người dân đóng góp, kết nối với trụ sở Công an phường để phòng ngừa trộm cắp tài sản.',
  date: 'Đang cập nhật',
};
const START = new Date('2026-11-25T03:00:00.000Z');

const closing: (FixtureServer | ServedIngestion)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((server) => server.close()));
});

/** A portal that answers its whole feed every time, with no validators, as many provincial portals do. */
async function setUp(overrides: Partial<Config> = {}) {
  const dir = await makeTempDir();
  const portal = { items: [DATED, NO_DATE, UNREADABLE_DATE] };
  const server = await startFixtureServer({
    '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss('Công an tỉnh', portal.items)),
  });
  closing.push(server);
  const config = makeTestConfig(dir, { sources: [makeSource('cong-an-tinh', { url: `${server.url}/rss` })], ...overrides });
  const store = createLowdbStore(config.store);
  const logs: Record<string, unknown>[] = [];
  let clock = START;
  // As `npm start` runs it: a cycle that changed nothing durable leaves the store file alone.
  const run = () => runIngestion({ config, store, logger: capturingLogger(logs), mode: 'all', now: () => clock, saveWhenOnlyHealthChanged: false });
  const advanceMinutes = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  return { config, portal, store, run, advanceMinutes, logs };
}

const dateOf = (result: Awaited<ReturnType<typeof runIngestion>>, guid: string) =>
  result.data.stories.find((story) => story.copies[0]!.key === `guid:${guid}`)!.datePublished;

describe('an item whose date cannot be read', () => {
  it('keeps the time it was first seen across cycles: same story dates, same feed bytes and ETag, store not rewritten', async () => {
    const { config, run, advanceMinutes } = await setUp();
    const first = await run();
    expect(dateOf(first, NO_DATE.guid)).toBe(START.toISOString());
    expect(dateOf(first, UNREADABLE_DATE.guid)).toBe(START.toISOString());
    const feedBefore = first.catalog.feeds.get('all.rss')!;
    const storeBefore = await stat(config.store);
    const bytesBefore = await readFile(config.store);

    advanceMinutes(15);
    const second = await run();

    expect(second.summary).toMatchObject({ storiesAdded: 0, storiesUpdated: 0 });
    expect(second.summary.sources[0]).toMatchObject({ status: 'ok', added: 0, updated: 0 });
    for (const story of first.data.stories) {
      const again = second.data.stories.find((candidate) => candidate.id === story.id)!;
      expect({ id: again.id, datePublished: again.datePublished, dateModified: again.dateModified }).toEqual({
        id: story.id,
        datePublished: story.datePublished,
        dateModified: story.dateModified,
      });
    }
    expect(dateOf(second, NO_DATE.guid)).toBe(START.toISOString());
    const feedAfter = second.catalog.feeds.get('all.rss')!;
    expect(feedAfter.etag).toBe(feedBefore.etag);
    expect(feedAfter.body.equals(feedBefore.body)).toBe(true);
    const storeAfter = await stat(config.store);
    expect({ ino: storeAfter.ino, mtimeMs: storeAfter.mtimeMs }).toEqual({ ino: storeBefore.ino, mtimeMs: storeBefore.mtimeMs });
    expect((await readFile(config.store)).equals(bytesBefore)).toBe(true);
  });

  it('is counted in its source /healthz entry (undatedItems) and logged with its stage', async () => {
    const { config, run, logs } = await setUp();
    const result = await run();
    const served = await serveIngestion(config, result);
    closing.push(served);
    const health = (await (await fetch(`${served.url}/healthz`)).json()) as { sources: (SourceHealth & { undatedItems: number })[] };
    expect(health.sources[0]).toMatchObject({ id: 'cong-an-tinh', status: 'ok', undatedItems: 2 });
    const logged = logs.filter((line) => line.undated_items !== undefined);
    expect(logged).toEqual([expect.objectContaining({ stage: 'normalize', source_id: 'cong-an-tinh', undated_items: 2 })]);
  });

  it('is pruned once its first-seen time is past retention, as a dated story is', async () => {
    const { run, advanceMinutes, portal } = await setUp({ retentionDays: 1, feedSize: 1 });
    const first = await run();
    const undatedIds = [NO_DATE.guid, UNREADABLE_DATE.guid].map((guid) => first.data.stories.find((story) => story.copies[0]!.key === `guid:${guid}`)!.id);
    // Three days on, the portal still lists both, above a newer dated report every feed shows first.
    advanceMinutes(3 * 24 * 60);
    const newer: TestItem = {
      guid: 'ca-3100',
      title: 'Khởi tố nhóm đối tượng lừa đảo bán hàng qua mạng xã hội',
      body: 'Cơ quan Cảnh sát điều tra khởi tố 4 bị can về tội lừa đảo chiếm đoạt tài sản của hơn 200 người mua hàng.',
      date: 'Sat, 28 Nov 2026 09:00:00 +0700',
    };
    portal.items = [NO_DATE, UNREADABLE_DATE, newer];
    const later = await run();
    expect(later.data.stories.map((story) => story.id)).not.toContain(undatedIds[0]);
    expect(later.data.stories.map((story) => story.id)).not.toContain(undatedIds[1]);
    expect(later.summary.storiesPruned).toBeGreaterThanOrEqual(2);
  });
});
