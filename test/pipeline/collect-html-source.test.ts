// An HTML source through whole ingestion cycles against a real loopback portal: list page → article pages → stories,
// with per-page conditional GET, failed pages retried without losing the others, robots.txt, and health.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config, SourceConfig } from '../../src/model/types.ts';
import { copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { createIngestionCrawler, runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { buildHealthReport } from '../../src/server/health-report.ts';
import { healthFromStore } from '../../src/server/serve-state.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { buildRss } from '../helpers/build-rss.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startHtmlPortal, type HtmlPortal, type PortalArticle } from '../helpers/html-portal.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const FIRE_DRILL: PortalArticle = {
  slug: 'dien-tap-chua-chay-123',
  title: 'Xã Hòa An diễn tập phòng cháy chữa cháy tại chợ trung tâm',
  date: '04/12/2026 08:30',
  paragraphs: [
    'Sáng 4/12, Ủy ban nhân dân xã Hòa An phối hợp với Công an xã tổ chức diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại chợ trung tâm xã.',
    'Tình huống giả định: tại khu vực bán hàng khô trong chợ xảy ra cháy do chập điện, ngọn lửa lan sang các ki-ốt bên cạnh, có hai người bị mắc kẹt.',
    'Qua 45 phút, đám cháy được dập tắt, hai người mắc kẹt được đưa ra ngoài an toàn. Buổi diễn tập có 120 người tham gia.',
  ],
  author: 'Minh Anh',
};
const THEFT: PortalArticle = {
  slug: 'bat-doi-tuong-trom-xe-122',
  title: 'Công an xã Hòa An bắt giữ đối tượng trộm cắp xe máy',
  date: '03/12/2026 16:45',
  paragraphs: [
    'Công an xã Hòa An vừa bắt giữ Nông Văn T., 24 tuổi, trú tại xóm Nà Pồng, về hành vi trộm cắp tài sản.',
    'Trước đó, ngày 1/12, T. lấy trộm một xe máy dựng trước cửa nhà dân rồi mang đi tiêu thụ ở xã bên cạnh.',
  ],
};
const HOUSE: PortalArticle = {
  slug: 'trao-nha-dai-doan-ket-121',
  title: 'Trao nhà Đại đoàn kết cho hộ nghèo ở xóm Nà Pồng',
  date: '02/12/2026 10:00',
  paragraphs: ['Ủy ban Mặt trận Tổ quốc xã Hòa An trao nhà Đại đoàn kết cho gia đình bà Hoàng Thị M., hộ nghèo ở xóm Nà Pồng, trị giá 60 triệu đồng.'],
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function portalOf(articles: PortalArticle[]): Promise<HtmlPortal> {
  const portal = await startHtmlPortal(articles.map((article) => ({ ...article })));
  closers.push(() => portal.server.close());
  return portal;
}

async function setUp(sources: SourceConfig[], overrides: Partial<Config> = {}) {
  const dir = await makeTempDir();
  const config: Config = {
    port: 0, baseUrl: 'http://bantin.test', schedule: '*/15 * * * *', timezone: 'Asia/Ho_Chi_Minh',
    store: path.join(dir, 'db.json'), outDir: path.join(dir, 'feeds'), feedSize: 50, retentionDays: 90,
    fetchTimeoutSeconds: 5, maxFeedBytes: 1_000_000, maxItemsPerFetch: 500, hostDelaySeconds: 0,
    categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['chữa cháy', 'trộm cắp'] }],
    sources, ...overrides,
  };
  const store = createLowdbStore(config.store);
  let clock = new Date('2026-12-04T03:00:00.000Z');
  // One crawler across cycles, as `npm start` keeps one: robots.txt is read once.
  const crawler = createIngestionCrawler(config);
  const run = () => runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => clock, crawler });
  const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  const health = async () => buildHealthReport({ config, catalog: undefined as never, health: healthFromStore(await store.load()) });
  return { config, run, advance, health };
}

const htmlSource = (portal: HtmlPortal, html: SourceConfig['html'] = { remove: [] }): SourceConfig =>
  makeSource('xa-hoa-an', { name: 'Cổng thông tin xã Hòa An', url: `${portal.url}/tin-tuc`, html });

describe('an HTML source', () => {
  it('turns the list page\'s articles into stories with title, date beside the title, author and clean text', async () => {
    const portal = await portalOf([FIRE_DRILL, THEFT, HOUSE]);
    const { run } = await setUp([htmlSource(portal)]);
    const { data, summary } = await run();
    expect(summary.sources[0]).toMatchObject({ id: 'xa-hoa-an', status: 'ok', items: 3, added: 3 });
    const copy = data.stories.flatMap((story) => story.copies).find((candidate) => candidate.title === FIRE_DRILL.title)!;
    expect(copy).toMatchObject({ url: `${portal.url}/tin-tuc/${FIRE_DRILL.slug}.html`, key: `link:${portal.url}/tin-tuc/${FIRE_DRILL.slug}.html`, datePublished: '2026-12-04T01:30:00.000Z', author: 'Minh Anh' });
    expect(copyText(copy)).toBe(FIRE_DRILL.paragraphs.join('\n'));
  });

  it('reads only the first maxArticles links, in the list page\'s order', async () => {
    const portal = await portalOf([FIRE_DRILL, THEFT, HOUSE]);
    const { run } = await setUp([htmlSource(portal, { remove: [], maxArticles: 2 })]);
    const { data } = await run();
    expect(data.stories.map((story) => story.copies[0]!.title).sort()).toEqual([THEFT.title, FIRE_DRILL.title].sort());
    expect(portal.paths()).not.toContain(`/tin-tuc/${HOUSE.slug}.html`);
  });

  it('fetches a stored article again only when its list entry changes, with the page\'s own validators', async () => {
    const portal = await portalOf([FIRE_DRILL, THEFT]);
    const { run, advance } = await setUp([htmlSource(portal)]);
    await run();
    advance(15);
    portal.server.requests.length = 0;
    await run();
    // The list page answered 304 to its validators: nothing else was asked for.
    expect(portal.paths()).toEqual(['/tin-tuc']);
    expect(portal.server.requests[0]!.headers['if-none-match']).toMatch(/^"/);
    portal.articles[1]!.title = 'Công an xã Hòa An bắt giữ đối tượng trộm cắp xe máy trong đêm';
    portal.server.requests.length = 0;
    advance(15);
    const { data } = await run();
    expect(portal.paths()).toEqual(['/tin-tuc', `/tin-tuc/${THEFT.slug}.html`]);
    expect(portal.server.requests[1]!.headers['if-none-match']).toMatch(/^"/);
    expect(data.stories.flatMap((story) => story.copies).map((copy) => copy.title)).toContain('Công an xã Hòa An bắt giữ đối tượng trộm cắp xe máy trong đêm');
  });

  it('keeps the other articles when one answers 500, counts it in /healthz and reads it next cycle', async () => {
    const portal = await portalOf([FIRE_DRILL, THEFT, HOUSE]);
    portal.failing.set(THEFT.slug, 500);
    const { run, advance, health } = await setUp([htmlSource(portal)]);
    const first = await run();
    expect(first.data.stories).toHaveLength(2);
    expect(first.summary.sources[0]).toMatchObject({ status: 'ok', articleErrors: 1 });
    expect((await health()).sources[0]).toMatchObject({ id: 'xa-hoa-an', status: 'ok', articleErrors: 1, robotsRefused: 0, items: 2 });
    portal.failing.clear();
    portal.server.requests.length = 0;
    advance(15);
    const second = await run();
    // The list page is read afresh (no validators) for the page left to retry; the two stored articles are not.
    expect(portal.paths()).toEqual(['/tin-tuc', `/tin-tuc/${THEFT.slug}.html`]);
    expect(second.data.stories.map((story) => story.copies[0]!.title)).toContain(THEFT.title);
    expect(second.data.stories).toHaveLength(3);
    expect((await health()).sources[0]).toMatchObject({ articleErrors: 0 });
  });

  it('never fetches an article robots.txt refuses, and counts it', async () => {
    const portal = await portalOf([FIRE_DRILL, THEFT]);
    portal.robots = `User-agent: bantin\nDisallow: /tin-tuc/${THEFT.slug}.html\n`;
    const { run, health } = await setUp([htmlSource(portal)]);
    const { data } = await run();
    expect(data.stories).toHaveLength(1);
    expect(portal.paths()).not.toContain(`/tin-tuc/${THEFT.slug}.html`);
    expect((await health()).sources[0]).toMatchObject({ status: 'ok', robotsRefused: 1, articleErrors: 0 });
  });

  it.each([
    { name: 'a list page robots.txt refuses', robots: 'User-agent: *\nDisallow: /tin-tuc\n', articles: [FIRE_DRILL], error: 'robots.txt does not allow bantin to read the list page' },
    { name: 'a list page with no article links', robots: '', articles: [], error: 'no article links found on the list page' },
  ])('reports $name as the source\'s error, in plain words', async ({ robots, articles, error }) => {
    const portal = await portalOf(articles);
    portal.robots = robots;
    const { run, health } = await setUp([htmlSource(portal)]);
    await run();
    const report = await health();
    expect(report.sources[0]).toMatchObject({ status: 'error', lastError: error });
    expect(report.reasons).toContain(`source xa-hoa-an fails: ${error}`);
  });

  it('merges an HTML copy and a feed copy of the same event into one story', async () => {
    const portal = await portalOf([FIRE_DRILL, THEFT]);
    const feed = buildRss('Báo Cao Bằng', [{
      guid: 'bcb-9001', title: 'Hòa An: Diễn tập chữa cháy ở chợ trung tâm xã', link: 'https://baocaobang.example.vn/dien-tap-chua-chay-hoa-an.html',
      date: 'Fri, 04 Dec 2026 10:00:00 +0700', body: FIRE_DRILL.paragraphs.join(' '),
    }]);
    const server: FixtureServer = await startFixtureServer({ '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed) });
    closers.push(() => server.close());
    const { run } = await setUp([htmlSource(portal), makeSource('bao-cao-bang', { url: `${server.url}/rss` })]);
    const { data } = await run();
    expect(data.stories).toHaveLength(2);
    const merged = data.stories.find((story) => story.copies.length === 2)!;
    expect(merged.copies.map((copy) => copy.sourceId).sort()).toEqual(['bao-cao-bang', 'xa-hoa-an']);
    expect(merged.categories).toContain('an-ninh-trat-tu');
  });

  it('keeps a whole crawl to hostDelaySeconds between starts on the portal, robots.txt and list page included (server\'s log)', async () => {
    const articles = Array.from({ length: 5 }, (_, i) => ({ ...HOUSE, slug: `bai-${i}`, title: `${HOUSE.title} (đợt ${i + 1})` }));
    const portal = await portalOf(articles);
    const { run } = await setUp([htmlSource(portal)], { hostDelaySeconds: 0.2 });
    await run();
    const arrivals = portal.server.requests.map((request) => request.at);
    expect(portal.paths()).toHaveLength(7);
    // Arrival times carry the loopback's jitter: a gap may read a little short of the delay the client kept.
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]! - arrivals[i - 1]!).toBeGreaterThan(160);
  });

  it('leaves a slow portal\'s articles it could not start within the fetch timeout for the next cycle, without holding the feeds', async () => {
    const articles = Array.from({ length: 8 }, (_, i) => ({ ...HOUSE, slug: `bai-${i}`, title: `${HOUSE.title} (đợt ${i + 1})` }));
    const portal = await portalOf(articles);
    portal.articleDelayMs = 300;
    const feed = await startFixtureServer({ '/rss': (_req, res) => res.writeHead(200).end(buildRss('Công an tỉnh', [{ guid: 'ca-1', title: 'Tuần tra bảo đảm trật tự an toàn giao thông', body: 'Lực lượng cảnh sát giao thông tăng cường tuần tra trên các tuyến quốc lộ.' }])) });
    closers.push(() => feed.close());
    // One second of timeout, 0.4 s between starts: about three article pages start in time, the rest wait a cycle.
    const { run, advance, health } = await setUp([htmlSource(portal), makeSource('cong-an-tinh', { url: `${feed.url}/rss` })], { fetchTimeoutSeconds: 1, hostDelaySeconds: 0.4 });
    const first = await run();
    const articlePaths = () => portal.paths().filter((p) => p.startsWith('/tin-tuc/'));
    const firstRead = articlePaths().length;
    expect(firstRead).toBeGreaterThan(0);
    expect(firstRead).toBeLessThan(8);
    expect(first.data.stories.some((story) => story.copies[0]!.sourceId === 'cong-an-tinh')).toBe(true);
    expect((await health()).sources[0]).toMatchObject({ status: 'ok', articleErrors: 0 });
    advance(15);
    portal.server.requests.length = 0;
    await run();
    expect(articlePaths().length).toBeGreaterThan(0);
    expect(articlePaths()).not.toContain('/tin-tuc/bai-0.html');
  });
});

describe('robots.txt kept in the store', () => {
  it('is read once a day across processes that each run one cycle (npm run ingest), then read again', async () => {
    const portal = await portalOf([FIRE_DRILL]);
    portal.robots = 'User-agent: *\nAllow: /\n';
    const dir = await makeTempDir();
    const config: Config = {
      port: 0, baseUrl: 'http://bantin.test', schedule: '*/15 * * * *', timezone: 'Asia/Ho_Chi_Minh',
      store: path.join(dir, 'db.json'), outDir: path.join(dir, 'feeds'), feedSize: 50, retentionDays: 90,
      fetchTimeoutSeconds: 5, maxFeedBytes: 1_000_000, maxItemsPerFetch: 500, hostDelaySeconds: 0, categories: [], sources: [htmlSource(portal)],
    };
    const store = createLowdbStore(config.store);
    let clockMs = Date.parse('2026-12-04T03:00:00.000Z');
    // A fresh crawler per run, as each `npm run ingest` process has its own.
    const runAsNewProcess = () => runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => new Date(clockMs), crawler: createIngestionCrawler(config, () => clockMs) });
    const robotsReads = () => portal.paths().filter((p) => p === '/robots.txt').length;
    await runAsNewProcess();
    expect(robotsReads()).toBe(1);
    expect((await store.load()).robots).toEqual({ [portal.url]: { text: 'User-agent: *\nAllow: /\n', readAt: '2026-12-04T03:00:00.000Z' } });
    clockMs += 23 * 3600_000;
    await runAsNewProcess();
    expect(robotsReads()).toBe(1);
    clockMs += 2 * 3600_000;
    await runAsNewProcess();
    expect(robotsReads()).toBe(2);
    expect((await store.load()).robots![portal.url]!.readAt).toBe('2026-12-05T04:00:00.000Z');
  });
});
