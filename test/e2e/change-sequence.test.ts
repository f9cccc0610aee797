/**
 * /api/changes through the real express app after real ingestion cycles over loopback portals:
 * a publish, a merge of two published stories, an update and a prune give their change records
 * in order, and the absorbed id answers 301 on the story API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config } from '../../src/model/types.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { serveIngestion, type ServedIngestion } from '../helpers/serve-ingestion.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const BUST_TEXT =
  'Ngày 24/11, Công an tỉnh Hòa Bình cho biết đã triệt phá đường dây mua bán trái phép chất ma túy xuyên tỉnh do Bùi Văn Tâm, 41 tuổi, trú tại xã Phú Cường, huyện Tân Lạc cầm đầu. ' +
  'Lực lượng chức năng bắt quả tang 6 đối tượng, thu giữ 12 bánh heroin, 3.000 viên ma túy tổng hợp, 4 xe máy và nhiều điện thoại di động. ' +
  'Theo cơ quan điều tra, nhóm này vận chuyển ma túy từ tỉnh Sơn La về tiêu thụ tại các huyện phía nam tỉnh từ đầu năm 2026. ' +
  'Vụ án đang được tiếp tục điều tra, mở rộng để xử lý theo quy định của pháp luật.';
const TEASER_LINK = 'https://congtt.example.gov.vn/tin/trieu-pha-duong-day.html';

const servers: FixtureServer[] = [];
const served: ServedIngestion[] = [];
afterEach(async () => {
  await Promise.all([...served.splice(0).map((app) => app.close()), ...servers.splice(0).map((server) => server.close())]);
});

interface Changes {
  changes: { cursor: number; type: string; id: string; into?: string; at: string }[];
  next: number;
}

describe('the change stream after real ingestion cycles', () => {
  it('reports created, merged and updated, then removed, in order, each cycle after the last', async () => {
    const dir = await makeTempDir();
    const feeds: Record<string, TestItem[]> = {
      bao: [{ guid: 'bao-1', title: 'Bắt nhóm buôn ma túy xuyên tỉnh', body: BUST_TEXT, date: 'Tue, 24 Nov 2026 12:00:00 +0700', link: 'https://baohoabinh.example.vn/bat-nhom-buon-ma-tuy.html' }],
      // A teaser too short to match by text: published as a story of its own.
      congtt: [{ guid: 'tt-1', title: 'Triệt phá đường dây ma túy', body: 'Xem chi tiết tại Cổng thông tin.', date: 'Tue, 24 Nov 2026 14:00:00 +0700', link: TEASER_LINK }],
      congan: [],
    };
    const server = await startFixtureServer(
      Object.fromEntries(Object.keys(feeds).map((id) => [`/${id}`, (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss(id, feeds[id]!))])),
    );
    servers.push(server);
    const config: Config = makeTestConfig(dir, {
      feedSize: 2,
      retentionDays: 30,
      maxFeedBytes: 1_000_000,
      categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy'] }],
      sources: Object.keys(feeds).map((id) => makeSource(id, { url: `${server.url}/${id}` })),
    });
    const store = createLowdbStore(config.store);
    let clock = new Date('2026-11-24T08:00:00.000Z');
    const cycle = async () => {
      const result = await runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => clock });
      clock = new Date(clock.getTime() + 3_600_000);
      const app = await serveIngestion(config, result);
      served.push(app);
      return { result, app };
    };
    const read = async (app: ServedIngestion, since?: number) => (await (await fetch(`${app.url}/api/changes${since === undefined ? '' : `?since=${since}`}`)).json()) as Changes;

    const first = await cycle();
    const [older, younger] = first.result.data.stories.map((story) => story.id);
    const published = await read(first.app);
    expect(published.changes.map(({ type, id }) => ({ type, id }))).toEqual([
      { type: 'created', id: older },
      { type: 'created', id: younger },
    ]);

    // Same link as the teaser, same text as the newspaper's copy: the two stories are one.
    feeds.congan = [{ guid: 'ca-1', title: 'Triệt phá đường dây ma túy do Bùi Văn Tâm cầm đầu', body: BUST_TEXT, date: 'Tue, 24 Nov 2026 13:00:00 +0700', link: TEASER_LINK }];
    const second = await cycle();
    const joined = await read(second.app, published.next);
    expect(joined.changes.map(({ type, id, into }) => ({ type, id, into }))).toEqual([
      { type: 'updated', id: older, into: undefined },
      { type: 'merged', id: younger, into: older },
    ]);
    expect(joined.changes.every((change) => change.at === '2026-11-24T09:00:00.000Z')).toBe(true);
    const moved = await fetch(`${second.app.url}/api/stories/${younger!.slice('urn:uuid:'.length)}`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`http://bantin.test/api/stories/${older!.slice('urn:uuid:'.length)}`);

    // Weeks later two newer stories fill every feed's first page and retention drops the merged one.
    clock = new Date('2027-01-10T08:00:00.000Z');
    feeds.bao = [
      { guid: 'bao-2', title: 'Bắt quả tang đối tượng tàng trữ ma túy ở Kim Bôi', body: 'Công an huyện thu giữ 5 gói ma túy đá.', date: 'Sun, 10 Jan 2027 12:00:00 +0700' },
      { guid: 'bao-3', title: 'Khởi tố 3 đối tượng mua bán ma túy ở Lương Sơn', body: 'Các đối tượng bị bắt khi đang giao ma túy.', date: 'Sun, 10 Jan 2027 13:00:00 +0700' },
    ];
    feeds.congtt = [];
    feeds.congan = [];
    const third = await cycle();
    const later = await read(third.app, joined.next);
    expect(later.changes.map(({ type }) => type)).toEqual(['created', 'created', 'removed']);
    expect(later.changes.at(-1)!.id).toBe(older);
    expect((await fetch(`${third.app.url}/api/stories/${older!.slice('urn:uuid:'.length)}`)).status).toBe(410);
    const cursors = [...published.changes, ...joined.changes, ...later.changes].map((change) => change.cursor);
    expect(cursors).toEqual(cursors.map((_, index) => index + 1));
  });

  it('reports a story re-filed into other categories after the rules changed as updated, and one whose categories stayed not at all', async () => {
    const dir = await makeTempDir();
    // Invented news, written for this test.
    const items: TestItem[] = [
      { guid: 'pt-1', title: 'Sạt lở đất vùi lấp đường liên xã ở Mường Bi', body: 'Mưa lớn gây sạt lở tại xã Mường Bi, tỉnh Phú Thọ; xã đã di dời 12 hộ dân.', date: 'Thu, 03 Dec 2026 09:00:00 +0700' },
      { guid: 'pt-2', title: 'Bắt đối tượng tàng trữ ma túy ở phường Hòa Bình', body: 'Công an phường thu giữ 3 gói ma túy đá.', date: 'Thu, 03 Dec 2026 10:00:00 +0700' },
    ];
    const server = await startFixtureServer({ '/phutho': (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss('phutho', items)) });
    servers.push(server);
    const sources = [makeSource('phutho', { url: `${server.url}/phutho` })];
    const security = { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy'] };
    const before: Config = makeTestConfig(dir, { categories: [security, { id: 'thien-tai', title: 'Thiên tai', keywords: ['lũ quét'] }], sources });
    const clock = new Date('2026-12-03T06:00:00.000Z');
    const first = await runIngestion({ config: before, store: createLowdbStore(before.store), logger: createSilentLogger(), mode: 'all', now: () => clock });
    const [landslide, arrest] = first.data.stories.map((story) => story.id);
    const firstApp = await serveIngestion(before, first);
    served.push(firstApp);
    const published = await read(firstApp);
    expect(published.changes.map(({ type }) => type)).toEqual(['created', 'created']);

    // The operator adds a keyword to a category and restarts: the same store, read again, under the new rules.
    const after: Config = { ...before, categories: [security, { id: 'thien-tai', title: 'Thiên tai', keywords: ['lũ quét', 'sạt lở'] }] };
    const later = new Date(clock.getTime() + 3_600_000);
    const second = await runIngestion({ config: after, store: createLowdbStore(after.store), logger: createSilentLogger(), mode: 'all', now: () => later });
    expect(second.data.stories.find((story) => story.id === landslide)!.categories).toEqual(['thien-tai']);
    const secondApp = await serveIngestion(after, second);
    served.push(secondApp);
    const refiled = await read(secondApp, published.next);
    expect(refiled.changes.map(({ type, id, at }) => ({ type, id, at }))).toEqual([{ type: 'updated', id: landslide, at: later.toISOString() }]);
    expect(refiled.changes.map(({ id }) => id)).not.toContain(arrest);
    const story = (await (await fetch(`${secondApp.url}/api/stories/${landslide!.slice('urn:uuid:'.length)}`)).json()) as { categories: { id: string }[] };
    expect(story.categories.map(({ id }) => id)).toEqual(['thien-tai']);
  });
});

async function read(app: ServedIngestion, since?: number): Promise<Changes> {
  return (await (await fetch(`${app.url}/api/changes${since === undefined ? '' : `?since=${since}`}`)).json()) as Changes;
}
