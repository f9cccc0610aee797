import { readFile, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config } from '../../src/model/types.ts';
import { runIngestion, type IngestionResult } from '../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const DRUG_BUST: TestItem = {
  guid: 'ca-101',
  title: 'Bắt giữ đối tượng vận chuyển 2 bánh heroin tại xã Mai Hạ',
  body: 'Công an huyện Mai Châu phối hợp bắt quả tang đối tượng vận chuyển trái phép 2 bánh heroin, thu giữ điện thoại và xe máy.',
  category: 'An ninh trật tự',
};
const TRAFFIC: TestItem = {
  guid: 'ca-102',
  title: 'Xử lý 30 trường hợp vi phạm nồng độ cồn',
  body: 'Đội Cảnh sát giao thông kiểm tra nồng độ cồn trên Quốc lộ 6 trong đêm cuối tuần.',
  category: 'An ninh trật tự',
};

/** A portal whose answer each test sets; it honours If-None-Match like a real one. */
class Portal {
  items: TestItem[] = [DRUG_BUST, TRAFFIC];
  status = 200;
  handle = (req: IncomingMessage, res: ServerResponse) => {
    if (this.status !== 200) {
      res.writeHead(this.status).end('lỗi');
      return;
    }
    const body = buildRss('Công an tỉnh', this.items);
    const etag = `"${Buffer.from(body).length}-${this.items.map((item) => item.title.length).join('.')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  };
}

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setUp(overrides: Partial<Config> = {}) {
  const dir = await makeTempDir();
  const portal = new Portal();
  const server = await startFixtureServer({ '/rss': portal.handle });
  servers.push(server);
  const config = makeTestConfig(dir, {
    maxFeedBytes: 1_000_000,
    categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy', 'heroin', 'nồng độ cồn'] }],
    sources: [makeSource('cong-an-tinh', { url: `${server.url}/rss` })],
    ...overrides,
  });
  const store = createLowdbStore(config.store);
  let clock = new Date('2026-11-25T03:00:00.000Z');
  const run = (mode: 'all' | 'due' = 'all') => runIngestion({ config, store, logger: createSilentLogger(), mode, now: () => clock });
  const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  return { config, portal, server, store, run, advance, clock: () => clock };
}

describe('runIngestion', () => {
  it('keeps every stored story when the portal answers 304', async () => {
    const { run, advance, server } = await setUp();
    const first = await run();
    advance(15);
    const second = await run();
    expect(server.requests[1]!.headers['if-none-match']).toMatch(/^"/);
    expect(second.summary.sources[0]).toMatchObject({ status: 'not-modified' });
    expect(second.data.stories.map((story) => story.id)).toEqual(first.data.stories.map((story) => story.id));
    expect(second.catalog.feeds.get('an-ninh-trat-tu.rss')!.etag).toBe(first.catalog.feeds.get('an-ninh-trat-tu.rss')!.etag);
  });

  it('records a failing portal, keeps its stories, backs off on schedule but not when run by hand', async () => {
    const { run, advance, portal, server } = await setUp();
    await run();
    portal.status = 503;
    advance(15);
    const failed = await run();
    expect(failed.data.stories).toHaveLength(2);
    expect(failed.data.sources['cong-an-tinh']).toMatchObject({ lastError: 'HTTP 503', errorCode: 'HTTP_STATUS', consecutiveFailures: 1 });
    expect(Date.parse(failed.data.sources['cong-an-tinh']!.nextAttemptAt!)).toBeGreaterThan(Date.parse('2026-11-25T03:15:00.000Z'));
    const requestsBefore = server.requests.length;
    await run('due');
    expect(server.requests.length).toBe(requestsBefore);
    const manual = await run('all');
    expect(server.requests.length).toBe(requestsBefore + 1);
    expect(manual.data.sources['cong-an-tinh']!.consecutiveFailures).toBe(2);
  });

  it('updates a re-titled copy in place: same id, later date_modified, new bytes and a later Last-Modified', async () => {
    const { run, advance, portal } = await setUp();
    const first = await run();
    advance(30);
    portal.items = [{ ...DRUG_BUST, title: 'Bắt giữ đối tượng vận chuyển 2 bánh heroin, thu giữ xe máy' }, TRAFFIC];
    const second = await run();
    const before = first.data.stories.find((story) => story.copies[0]!.key === 'guid:ca-101')!;
    const after = second.data.stories.find((story) => story.copies[0]!.key === 'guid:ca-101')!;
    expect(after.id).toBe(before.id);
    expect(after.dateModified).toBe('2026-11-25T03:30:00.000Z');
    expect(second.summary).toMatchObject({ storiesAdded: 0, storiesUpdated: 1 });
    const rssBefore = first.catalog.feeds.get('an-ninh-trat-tu.rss')!;
    const rssAfter = second.catalog.feeds.get('an-ninh-trat-tu.rss')!;
    expect(rssAfter.etag).not.toBe(rssBefore.etag);
    expect(rssAfter.lastModified.getTime()).toBeGreaterThan(rssBefore.lastModified.getTime());
  });

  it('prunes a story past retention that no feed shows, and it does not come back while the portal lists it', async () => {
    const old: TestItem = { guid: 'ca-001', title: 'Tin cũ về ma túy', body: 'Một vụ việc từ năm trước.', date: '10/01/2026 08:00' };
    const { run, portal } = await setUp({ feedSize: 2, retentionDays: 30 });
    portal.items = [DRUG_BUST, TRAFFIC, old];
    const first = await run();
    // Added and pruned in one cycle: /api/changes reports it removed only, and so does the summary.
    expect(first.summary).toMatchObject({ storiesAdded: 2, storiesPruned: 1 });
    expect(first.data.stories).toHaveLength(2);
    portal.items = [DRUG_BUST, TRAFFIC, { ...old, title: 'Tin cũ về ma túy (cập nhật)' }];
    const second = await run();
    // Nothing added and nothing pruned: the tombstone kept it out, not a second prune.
    expect(second.summary).toMatchObject({ storiesAdded: 0, storiesPruned: 0 });
    expect(second.data.stories).toHaveLength(2);
    expect(second.data.tombstones['cong-an-tinh guid:ca-001']).toBeDefined();
  });

  it('counts in its summary what /api/changes reports: a story updated and pruned in one cycle is pruned, not updated', async () => {
    // Within retention (30 days) at the first run, past it three days later, when the portal re-titles it.
    const aging: TestItem = { guid: 'ca-002', title: 'Triệt phá điểm mua bán ma túy ở bản Nà Phòn', body: 'Công an xã lập hồ sơ xử lý hai đối tượng.', date: '27/10/2026 08:00' };
    const { run, advance, portal } = await setUp({ feedSize: 2, retentionDays: 30 });
    portal.items = [DRUG_BUST, TRAFFIC, aging];
    const first = await run();
    expect(first.summary).toMatchObject({ storiesAdded: 3, storiesUpdated: 0, storiesPruned: 0 });
    advance(3 * 24 * 60);
    portal.items = [DRUG_BUST, TRAFFIC, { ...aging, title: 'Triệt phá điểm mua bán ma túy ở bản Nà Phòn, bắt hai đối tượng' }];
    const second = await run();
    const thisCycle = second.data.changes!.records.filter((change) => change.at === second.summary.startedAt);
    expect(thisCycle.map((change) => change.type)).toEqual(['removed']);
    expect(second.summary).toMatchObject({ storiesAdded: 0, storiesUpdated: 0, storiesRefiled: 0, storiesPruned: 1 });
  });

  it('pings the WebSub hub for changed feeds only, and a failing hub never fails the run', async () => {
    const pings: string[] = [];
    let hubStatus = 204;
    const hub = await startFixtureServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      pings.push(new URLSearchParams(body).get('hub.url')!);
      res.writeHead(hubStatus).end();
    });
    servers.push(hub);
    const { run, advance, portal } = await setUp({ websubHub: `${hub.url}/hub` });
    await run();
    expect(pings.sort()).toEqual(
      ['all.atom', 'all.json', 'all.rss', 'an-ninh-trat-tu.atom', 'an-ninh-trat-tu.json', 'an-ninh-trat-tu.rss'].map((name) => `http://bantin.test/feeds/${name}`),
    );
    pings.length = 0;
    advance(15);
    await run();
    expect(pings).toEqual([]);
    hubStatus = 500;
    portal.items = [TRAFFIC];
    portal.items.push({ ...DRUG_BUST, guid: 'ca-103', title: 'Phát hiện 3 đối tượng tàng trữ ma túy tại phường Thái Bình', body: 'Nội dung khác hẳn.' });
    advance(15);
    const result = await run();
    expect(result.summary.storiesAdded).toBe(1);
    expect(pings.length).toBeGreaterThan(0);
  });
});

describe('runIngestion in a long-running process (previous catalog, health kept in memory)', () => {
  async function setUpServing() {
    const setup = await setUp();
    let previous: IngestionResult | undefined;
    const serve = async () => {
      previous = await runIngestion({
        config: setup.config,
        store: setup.store,
        logger: createSilentLogger(),
        mode: 'all',
        now: () => setup.clock(),
        previousCatalog: previous?.catalog,
        saveWhenOnlyHealthChanged: false,
      });
      return previous;
    };
    const fileState = async () => {
      const info = await stat(setup.config.store);
      return { ino: info.ino, mtimeMs: info.mtimeMs, size: info.size };
    };
    return { ...setup, serve, fileState };
  }

  it('neither writes the store nor renders a feed when every portal answers 304, yet shows the new fetch time', async () => {
    const { serve, advance, fileState, config } = await setUpServing();
    const first = await serve();
    const fileBefore = await fileState();
    advance(15);
    const second = await serve();
    expect(second.summary.sources[0]).toMatchObject({ status: 'not-modified' });
    expect(await fileState()).toEqual(fileBefore);
    for (const [name, feed] of first.catalog.feeds) expect(second.catalog.feeds.get(name)!.body, name).toBe(feed.body);
    expect(second.catalog.opml.gzip).toBe(first.catalog.opml.gzip);
    expect(second.data.sources['cong-an-tinh']!.lastFetchAt).toBe('2026-11-25T03:15:00.000Z');
    expect(second.data.lastRun!.startedAt).toBe('2026-11-25T03:15:00.000Z');
    // The file still holds the first cycle's fetch time; the next real write carries the new one.
    const onDisk = await createLowdbStore(config.store).load();
    expect(onDisk.sources['cong-an-tinh']!.lastFetchAt).toBe('2026-11-25T03:00:00.000Z');
  });

  it('writes the store when a portal fails, so the backoff survives a restart', async () => {
    const { serve, advance, portal, config } = await setUpServing();
    await serve();
    portal.status = 503;
    advance(15);
    await serve();
    const onDisk = await createLowdbStore(config.store).load();
    expect(onDisk.sources['cong-an-tinh']).toMatchObject({ lastError: 'HTTP 503', consecutiveFailures: 1 });
  });

  it('writes the store and renders the changed feeds when a portal posts a story', async () => {
    const { serve, advance, portal, fileState, config } = await setUpServing();
    const first = await serve();
    const fileBefore = await fileState();
    portal.items = [...portal.items, { guid: 'ca-103', title: 'Triệt phá ổ nhóm trộm cắp xe máy ở Lương Sơn', body: 'Công an huyện Lương Sơn bắt giữ 3 đối tượng trộm cắp xe máy.', category: 'An ninh trật tự' }];
    advance(15);
    const second = await serve();
    expect(await fileState()).not.toEqual(fileBefore);
    expect(second.catalog.feeds.get('all.rss')!.body.toString()).toContain('Triệt phá ổ nhóm trộm cắp xe máy ở Lương Sơn');
    expect(second.catalog.feeds.get('all.rss')!.etag).not.toBe(first.catalog.feeds.get('all.rss')!.etag);
    const onDisk = await createLowdbStore(config.store).load();
    expect(onDisk.stories).toHaveLength(3);
    expect(onDisk.sources['cong-an-tinh']!.lastFetchAt).toBe('2026-11-25T03:15:00.000Z');
  });

  it('writes the store on every cycle when run from the command line', async () => {
    const { run, advance, config } = await setUp();
    await run();
    const before = await stat(config.store);
    advance(15);
    await run();
    expect((await stat(config.store)).ino).not.toBe(before.ino);
  });
});

describe('runIngestion and category rules', () => {
  it('re-files every stored story when the keywords change, even if no source changed', async () => {
    const { run, config } = await setUp();
    const first = await run();
    expect(first.data.stories.every((story) => story.categories.includes('an-ninh-trat-tu'))).toBe(true);
    const narrower: Config = { ...config, categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['nồng độ cồn'] }] };
    const second = await runIngestion({ config: narrower, store: createLowdbStore(config.store), logger: createSilentLogger(), mode: 'all' });
    expect(second.summary.sources[0]!.status).toBe('not-modified');
    const filed = second.data.stories.filter((story) => story.categories.includes('an-ninh-trat-tu'));
    expect(filed.map((story) => story.copies[0]!.title)).toEqual([TRAFFIC.title]);
  });

  it.each<{ change: string; apply: (config: Config) => Config; category: string; filed: string[] }>([
    {
      change: 'an exclude phrase',
      apply: (config) => ({ ...config, categories: [{ ...config.categories[0]!, exclude: ['heroin'] }, ...config.categories.slice(1)] }),
      category: 'an-ninh-trat-tu',
      filed: [TRAFFIC.title],
    },
    {
      change: 'a urlMap entry',
      apply: (config) => ({ ...config, sources: [{ ...config.sources[0]!, urlMap: { '/': 'tin-tuc' } }] }),
      category: 'tin-tuc',
      filed: [DRUG_BUST.title, TRAFFIC.title],
    },
  ])('re-files every stored story when $change changes, even if no source changed', async ({ apply, category, filed }) => {
    const categories = [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy', 'heroin', 'nồng độ cồn'] }, { id: 'tin-tuc', title: 'Tin tức', keywords: [] }];
    const { run, config } = await setUp({ categories });
    await run();
    const second = await runIngestion({ config: apply(config), store: createLowdbStore(config.store), logger: createSilentLogger(), mode: 'all' });
    expect(second.summary.sources[0]!.status).toBe('not-modified');
    const inCategory = second.data.stories.filter((story) => story.categories.includes(category)).map((story) => story.copies[0]!.title);
    expect(inCategory.sort()).toEqual([...filed].sort());
  });

  it('stores the rule that filed each category, and files again a store written before rules were remembered', async () => {
    const { run, config } = await setUp();
    const first = await run();
    const drugs = first.data.stories.find((story) => story.copies[0]!.title === DRUG_BUST.title)!;
    expect(drugs.filedBy).toEqual({ 'an-ninh-trat-tu': { rule: 'keyword', detail: 'heroin', sourceId: 'cong-an-tinh', url: drugs.copies[0]!.url } });

    // As an older bantin wrote it: no filedBy, and the fingerprint of its own rules.
    const raw = JSON.parse(await readFile(config.store, 'utf8')) as { stories: Record<string, unknown>[]; categoryRules: string };
    for (const story of raw.stories) delete story.filedBy;
    raw.categoryRules = 'older-rules';
    await writeFile(config.store, JSON.stringify(raw));
    const second = await runIngestion({ config, store: createLowdbStore(config.store), logger: createSilentLogger(), mode: 'all' });
    expect(second.data.stories.map((story) => story.filedBy?.['an-ninh-trat-tu']?.detail).sort()).toEqual(['heroin', 'nồng độ cồn']);
  });
});
