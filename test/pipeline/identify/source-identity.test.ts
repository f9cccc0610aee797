// A portal that mints a new guid for every item on every fetch: ingestion falls back to canonical
// links, records it on the source, and keeps one story per article with unchanged ids.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/logger.ts';
import type { Config } from '../../../src/model/types.ts';
import { runIngestion } from '../../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../../src/store/lowdb-store.ts';
import { buildRss, type TestItem } from '../../helpers/build-rss.ts';
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.ts';
import { makeSource } from '../../helpers/make-copy.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const ARTICLES = [
  { title: 'Bắt giữ đối tượng vận chuyển 2 bánh heroin tại xã Mai Hạ', body: 'Công an huyện Mai Châu bắt quả tang đối tượng vận chuyển trái phép 2 bánh heroin.', link: 'https://congan.example.gov.vn/tin/101.html' },
  { title: 'Xử lý 30 trường hợp vi phạm nồng độ cồn', body: 'Đội Cảnh sát giao thông kiểm tra nồng độ cồn trên Quốc lộ 6 trong đêm cuối tuần.', link: 'https://congan.example.gov.vn/tin/102.html' },
  { title: 'Cháy nhà sàn ở xã Tân Lập', body: 'Ngôi nhà sàn của một gia đình ở xã Tân Lập bốc cháy, không có thiệt hại về người.', link: 'https://congan.example.gov.vn/tin/103.html' },
];

let servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function setUp(items: (fetch: number) => TestItem[]) {
  const dir = await makeTempDir();
  let fetches = 0;
  const server = await startFixtureServer({
    '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss('Công an tỉnh', items(++fetches))),
  });
  servers.push(server);
  const config: Config = {
    port: 0, baseUrl: 'http://bantin.test', schedule: '*/15 * * * *', timezone: 'Asia/Ho_Chi_Minh',
    store: path.join(dir, 'db.json'), outDir: path.join(dir, 'feeds'), feedSize: 50, retentionDays: 90,
    fetchTimeoutSeconds: 5, maxFeedBytes: 1_000_000, maxItemsPerFetch: 500, categories: [],
    sources: [makeSource('cong-an-tinh', { url: `${server.url}/rss` })],
  };
  const store = createLowdbStore(config.store);
  const run = () => runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => new Date('2026-11-25T03:00:00.000Z') });
  return { run };
}

describe('copy identity of a source', () => {
  it('falls back to links for guids minted anew on every fetch', async () => {
    const { run } = await setUp((fetch) => ARTICLES.map((article, index) => ({ ...article, guid: `phien-${fetch}-${index}` })));
    const first = await run();
    expect(first.data.sources['cong-an-tinh']!.identity).toBe('guid');
    const ids = first.data.stories.map((story) => story.id).sort();
    const second = await run();
    expect(second.data.sources['cong-an-tinh']!.identity).toBe('link');
    expect(second.summary).toMatchObject({ storiesAdded: 0, storiesUpdated: 0 });
    const third = await run();
    expect(third.data.stories.map((story) => story.id).sort()).toEqual(ids);
    expect(third.data.stories.every((story) => story.copies.length === 1 && story.copies[0]!.key.startsWith('link:'))).toBe(true);
  });

  it('keeps every item of a feed that gives them all the same guid', async () => {
    const { run } = await setUp(() => ARTICLES.map((article) => ({ ...article, guid: '0' })));
    const result = await run();
    expect(result.data.sources['cong-an-tinh']!.identity).toBe('link');
    expect(result.data.stories).toHaveLength(3);
  });

  it('stays on guids for a well-behaved source', async () => {
    const { run } = await setUp(() => ARTICLES.map((article, index) => ({ ...article, guid: `ca-${index}` })));
    await run();
    const second = await run();
    expect(second.data.sources['cong-an-tinh']!.identity).toBe('guid');
    expect(second.data.stories.map((story) => story.copies[0]!.key).sort()).toEqual(['guid:ca-0', 'guid:ca-1', 'guid:ca-2']);
  });
});
