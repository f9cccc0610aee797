// `fullText: true` against real loopback servers: a summary-only feed's items get their page's content under the feed's
// title, date and guid; a failing page publishes the summary and is read again next cycle.
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config } from '../../src/model/types.ts';
import { copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { createIngestionCrawler, runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { startHtmlPortal, type PortalArticle } from '../helpers/html-portal.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ARREST: PortalArticle = {
  slug: 'bat-giu-doi-tuong-ma-tuy-501',
  title: 'Bắt giữ đối tượng tàng trữ trái phép chất ma túy tại phường Tân Giang',
  date: '03/12/2026 15:20',
  paragraphs: [
    'Chiều 3/12, Công an phường Tân Giang phát hiện, bắt quả tang Lục Văn H., 31 tuổi, đang tàng trữ 3 gói heroin.',
    'Tại cơ quan công an, H. khai nhận mua số ma túy trên để sử dụng. Vụ việc đang được điều tra, xử lý theo quy định.',
  ],
  author: 'Hoàng Long',
};
const CAMPAIGN: PortalArticle = {
  slug: 'cao-diem-tan-cong-tran-ap-toi-pham-502',
  title: 'Ra quân đợt cao điểm tấn công, trấn áp tội phạm dịp cuối năm',
  date: '02/12/2026 08:00',
  paragraphs: ['Công an tỉnh tổ chức lễ ra quân đợt cao điểm tấn công, trấn áp tội phạm, bảo đảm an ninh trật tự dịp cuối năm và Tết Nguyên đán.'],
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function setUp({ validators = true } = {}) {
  const portal = await startHtmlPortal([ARREST, CAMPAIGN].map((article) => ({ ...article })));
  closers.push(() => portal.server.close());
  const items: TestItem[] = [
    { guid: 'ca-501', title: 'Tân Giang: bắt quả tang đối tượng tàng trữ heroin', date: 'Thu, 03 Dec 2026 15:30:00 +0700', link: `${portal.url}/tin-tuc/${ARREST.slug}.html`, body: 'Công an phường Tân Giang bắt quả tang một đối tượng tàng trữ heroin.' },
    { guid: 'ca-502', title: 'Ra quân cao điểm trấn áp tội phạm', date: 'Wed, 02 Dec 2026 08:10:00 +0700', link: `${portal.url}/tin-tuc/${CAMPAIGN.slug}.html`, body: 'Công an tỉnh ra quân đợt cao điểm.' },
  ];
  const feedBody = buildRss('Công an tỉnh Cao Bằng', items);
  const feed = await startFixtureServer({
    '/rss': (req: IncomingMessage, res: ServerResponse) =>
      validators && req.headers['if-none-match'] === '"f1"' ? res.writeHead(304, { etag: '"f1"' }).end() : res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"f1"' }).end(feedBody),
  });
  closers.push(() => feed.close());
  const dir = await makeTempDir();
  const config: Config = {
    port: 0, baseUrl: 'http://bantin.test', schedule: '*/15 * * * *', timezone: 'Asia/Ho_Chi_Minh',
    store: path.join(dir, 'db.json'), outDir: path.join(dir, 'feeds'), feedSize: 50, retentionDays: 90,
    fetchTimeoutSeconds: 5, maxFeedBytes: 1_000_000, maxItemsPerFetch: 500, hostDelaySeconds: 0, categories: [],
    sources: [makeSource('cong-an-tinh', { url: `${feed.url}/rss`, fullText: true })],
  };
  const store = createLowdbStore(config.store);
  const crawler = createIngestionCrawler(config);
  const run = () => runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', crawler });
  const copies = async () => (await store.load()).stories.flatMap((story) => story.copies);
  return { portal, feed, run, copies, store };
}

describe('fullText on a summary-only feed', () => {
  it('publishes each item\'s page content with the feed\'s title, date and guid', async () => {
    const { run, copies } = await setUp();
    await run();
    const arrest = (await copies()).find((copy) => copy.key === 'guid:ca-501')!;
    expect(arrest).toMatchObject({ title: 'Tân Giang: bắt quả tang đối tượng tàng trữ heroin', datePublished: '2026-12-03T08:30:00.000Z', author: 'Hoàng Long' });
    expect(copyText(arrest)).toBe(ARREST.paragraphs.join('\n'));
  });

  it('publishes the summary while a page fails, reads it again next cycle and replaces the summary', async () => {
    const { portal, feed, run, copies, store } = await setUp();
    portal.failing.set(ARREST.slug, 500);
    const first = await run();
    expect(first.summary.sources[0]).toMatchObject({ status: 'ok', articleErrors: 1 });
    expect(copyText((await copies()).find((copy) => copy.key === 'guid:ca-501')!)).toBe('Công an phường Tân Giang bắt quả tang một đối tượng tàng trữ heroin.');
    const storyId = (await store.load()).stories.find((story) => story.copies[0]!.key === 'guid:ca-501')!.id;
    portal.failing.clear();
    portal.server.requests.length = 0;
    await run();
    // Only the page left to retry is read; the feed is asked for without validators so its items are there.
    expect(portal.paths()).toEqual([`/tin-tuc/${ARREST.slug}.html`]);
    expect(feed.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
    const arrest = (await copies()).find((copy) => copy.key === 'guid:ca-501')!;
    expect(copyText(arrest)).toBe(ARREST.paragraphs.join('\n'));
    expect((await store.load()).stories.find((story) => story.copies[0]!.key === 'guid:ca-501')!.id).toBe(storyId);
    portal.server.requests.length = 0;
    await run();
    expect(portal.paths()).toEqual([]);
    expect(feed.requests.at(-1)!.headers['if-none-match']).toBe('"f1"');
  });

  it('never overwrites a stored full text with the summary when the feed is read again', async () => {
    // A feed server that ignores validators lists the same items again each cycle.
    const { portal, run, copies } = await setUp({ validators: false });
    await run();
    portal.server.requests.length = 0;
    await run();
    expect(portal.paths()).toEqual([]);
    expect(copyText((await copies()).find((copy) => copy.key === 'guid:ca-502')!)).toBe(CAMPAIGN.paragraphs.join('\n'));
  });
});
