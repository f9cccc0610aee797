/**
 * The merge evidence on the story page and in the story API, from what real ingestion cycles over
 * loopback portals stored: a copy that started the story, one matched by text (with its numbers),
 * one by link, and one whose own story was joined in; then the same store with the records stripped,
 * as a store written before merging kept them, still renders and says they were not recorded.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config, Copy, CopyMatch, StoreData } from '../../src/model/types.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { buildFeedCatalog } from '../../src/publish/feed-catalog.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { serveIngestion, type ServedIngestion } from '../helpers/serve-ingestion.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

// Invented news, written for this test.
const FLOOD_TEXT =
  'Sáng 3/12, Ủy ban nhân dân xã Mường Bi, tỉnh Phú Thọ cho biết mưa lớn kéo dài hai ngày qua đã làm sạt lở 14 điểm trên tuyến đường liên xã, vùi lấp 2 ngôi nhà của hộ ông Bùi Văn Khánh và hộ bà Đinh Thị Lan. ' +
  'Lực lượng dân quân, công an xã đã di dời 37 hộ dân với 126 nhân khẩu ở vùng nguy hiểm đến nơi an toàn, không có thiệt hại về người. ' +
  'Ước tính thiệt hại ban đầu khoảng 1,8 tỷ đồng; xã đã huy động 3 máy xúc để thông tuyến trong ngày 4/12. ' +
  'Chủ tịch Ủy ban nhân dân xã đề nghị người dân không qua lại các đoạn ngầm tràn khi nước lên, theo dõi thông báo trên loa truyền thanh của thôn.';
const TEASER_LINK = 'https://congtt.example.gov.vn/tin/sat-lo-muong-bi.html';

const servers: FixtureServer[] = [];
const served: ServedIngestion[] = [];
afterEach(async () => {
  await Promise.all([...served.splice(0).map((app) => app.close()), ...servers.splice(0).map((server) => server.close())]);
});

interface MatchJson {
  by: string;
  at: string;
  copy?: 'story' | { source: { id: string; name: string }; url: string };
  via?: { source: { id: string; name: string }; url: string };
  through?: string;
  numbers?: { rule: string; containment: number; required: number; shared_weight: number; figures: { compared: number; missing: string[]; telling?: number }; anchors?: { same_time?: string }; gap_hours: number };
}
interface StoryJson {
  copies: { source: { id: string }; url: string; match: MatchJson | null }[];
}

describe('merge evidence on the story page and the story API', () => {
  it('shows each copy’s match record with its numbers, and a store without records still renders', async () => {
    const dir = await makeTempDir();
    const feeds: Record<string, TestItem[]> = {
      baophutho: [{ guid: 'bpt-1', title: 'Sạt lở vùi lấp 2 nhà dân ở xã Mường Bi', body: FLOOD_TEXT, date: 'Thu, 03 Dec 2026 09:00:00 +0700', link: 'https://baophutho.example.vn/sat-lo-muong-bi.html' }],
      congan: [{ guid: 'ca-1', title: 'Mưa lớn gây sạt lở tại xã Mường Bi', body: FLOOD_TEXT, date: 'Thu, 03 Dec 2026 10:30:00 +0700', link: 'https://congan.example.vn/mua-lon-sat-lo.html' }],
      // Too short to match by text: a story of its own until a copy with its link and the full text arrives.
      congtt: [{ guid: 'tt-1', title: 'Sạt lở ở Mường Bi', body: 'Xem chi tiết tại Cổng thông tin.', date: 'Thu, 03 Dec 2026 11:00:00 +0700', link: TEASER_LINK }],
      truyenhinh: [],
    };
    const server = await startFixtureServer(
      Object.fromEntries(Object.keys(feeds).map((id) => [`/${id}`, (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss(id, feeds[id]!))])),
    );
    servers.push(server);
    const names: Record<string, string> = { baophutho: 'Báo Phú Thọ', congan: 'Công an tỉnh Phú Thọ', congtt: 'Cổng TTĐT tỉnh', truyenhinh: 'Đài PT-TH Phú Thọ' };
    const config: Config = makeTestConfig(dir, { sources: Object.keys(feeds).map((id) => makeSource(id, { name: names[id]!, url: `${server.url}/${id}`, priority: id === 'baophutho' ? 1 : 0 })) });
    const store = createLowdbStore(config.store);
    let clock = new Date('2026-12-03T06:00:00.000Z');
    const cycle = async () => {
      const result = await runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => clock });
      clock = new Date(clock.getTime() + 3_600_000);
      return result;
    };
    await cycle();
    // Same link as the teaser and the newspaper's text: the teaser's story is joined into the newspaper's.
    feeds.truyenhinh = [{ guid: 'th-1', title: 'Phú Thọ: sạt lở vùi nhà dân ở Mường Bi', body: FLOOD_TEXT, date: 'Thu, 03 Dec 2026 12:00:00 +0700', link: TEASER_LINK }];
    const result = await cycle();
    expect(result.data.stories).toHaveLength(1);
    const [story] = result.data.stories;
    const matchOf = (sourceId: string) => story!.copies.find((copy) => copy.sourceId === sourceId)!.match!;
    expect(matchOf('baophutho').by).toBe('first');
    expect(matchOf('congan').by).toBe('text');
    expect(matchOf('truyenhinh').by).toBe('link');
    expect(matchOf('congtt').by).toBe('joined');
    const slug = story!.id.slice('urn:uuid:'.length);

    const app = await serveIngestion(config, result);
    served.push(app);
    const api = (await (await fetch(`${app.url}/api/stories/${slug}`)).json()) as StoryJson;
    const apiMatch = (sourceId: string) => api.copies.find((copy) => copy.source.id === sourceId)!.match!;
    const text = matchOf('congan') as Extract<CopyMatch, { by: 'text' }>;
    expect(apiMatch('congan')).toMatchObject({
      by: 'text',
      at: text.at,
      numbers: { rule: text.numbers.rule, containment: text.numbers.containment, required: text.numbers.required, shared_weight: text.numbers.sharedWeight, figures: text.numbers.figures, gap_hours: text.numbers.gapHours },
    });
    expect(text.numbers.containment).toBeGreaterThan(0);
    expect(apiMatch('truyenhinh')).toEqual({ by: 'link', at: expect.any(String), copy: { source: { id: 'congtt', name: 'Cổng TTĐT tỉnh' }, url: TEASER_LINK } });
    expect(apiMatch('congtt')).toMatchObject({ by: 'joined', through: 'link', via: { source: { id: 'truyenhinh' }, url: TEASER_LINK }, numbers: { rule: expect.any(String) } });
    expect(apiMatch('baophutho')).toEqual({ by: 'first', at: expect.any(String) });
    const check = await storySchemaCheck(app);
    expect(check(api)).toEqual([]);

    const page = await (await fetch(`${app.url}/stories/${slug}`)).text();
    const joins = page.slice(page.indexOf('id="vi-sao-gop"'), page.indexOf('id="chuyen-muc"'));
    expect(joins).toContain('<strong>Báo Phú Thọ</strong> (bản đang hiển thị): bản đầu tiên, mở ra tin này.');
    expect(joins).toMatch(/<strong>Công an tỉnh Phú Thọ<\/strong>: nội dung khớp với (bản của <a href="[^"]+">Báo Phú Thọ<\/a>|các bản đã có của tin), theo quy tắc trùng lời văn/);
    expect(joins).toContain(`<dt>Tỷ lệ trùng</dt><dd>${vietnameseNumber(text.numbers.containment)} (cần ít nhất ${vietnameseNumber(text.numbers.required)})</dd>`);
    expect(joins).toContain(`<dt>Con số đã so</dt><dd>${text.numbers.figures.compared}; `);
    expect(joins).toContain(`<strong>Đài PT-TH Phú Thọ</strong>: cùng đường dẫn với bản của <a href="${TEASER_LINK}">Cổng TTĐT tỉnh</a>.`);
    expect(joins).toContain('<strong>Cổng TTĐT tỉnh</strong>: bản này mở ra một tin riêng, sau được gộp vào đây: bản của');
    expect(joins).not.toContain('chưa ghi lại');

    // A store written before merging recorded how copies joined: the same story without any record.
    await store.withWriteLock(async () => {
      const data: StoreData = await store.load();
      data.stories = data.stories.map((held) => ({ ...held, copies: held.copies.map(withoutMatch) }));
      await store.save(data);
    });
    const older = await store.load();
    const olderApp = await serveIngestion(config, { ...result, data: older, catalog: await buildFeedCatalog(older, config, clock) });
    served.push(olderApp);
    const olderPage = await fetch(`${olderApp.url}/stories/${slug}`);
    expect(olderPage.status).toBe(200);
    const olderJoins = await olderPage.text();
    expect(olderJoins.match(/chưa ghi lại cách bản này vào tin/g)).toHaveLength(4);
    // What the store still tells without a record: each copy against the shown one.
    expect(olderJoins.match(/Theo những gì còn lưu: nội dung khớp với bản đang hiển thị\./g)).toHaveLength(3);
    expect(olderJoins).not.toContain('<dl class="numbers">');
    const olderApi = (await (await fetch(`${olderApp.url}/api/stories/${slug}`)).json()) as StoryJson;
    expect(olderApi.copies.map((copy) => copy.match)).toEqual([null, null, null, null]);
    expect(check(olderApi)).toEqual([]);
  }, 60_000);
});

// Invented news, written for this test: the police brief names the commune and the hamlet, the paper the
// hamlet and the owner; one shared place, the same day and the same hour make them one story.
const WORKSHOP_BRIEF =
  'Khoảng 14h30 ngày 3/12/2026, tại xưởng mộc ở thôn Đồng Giang, xã Yên Lập Tây xảy ra cháy. Đội Cảnh sát PCCC&CNCH điều 2 xe chữa cháy cùng 15 CBCS đến hiện trường, đến 15h20 đám cháy được dập tắt. Vụ cháy không gây thiệt hại về người, thiêu rụi khoảng 120 m2 nhà xưởng cùng nhiều gỗ thành phẩm.';
const WORKSHOP_STORY =
  '(BPT) - Khoảng 2 giờ 30 phút chiều 3/12, người dân thôn Đồng Giang phát hiện khói đen bốc lên từ xưởng mộc của gia đình anh Hà Văn Tường. Chỉ ít phút sau, lửa bao trùm nhà xưởng rộng chừng 120 m2. Lực lượng chữa cháy có mặt, sau gần một giờ thì khống chế được ngọn lửa. Vụ cháy không gây thiệt hại về người.';

describe('the hour rule\'s evidence on the story page and the story API', () => {
  it('shows the day and hour both copies give when one shared place stood for a second name', async () => {
    const dir = await makeTempDir();
    const feeds: Record<string, TestItem[]> = {
      congan: [{ guid: 'ca-2', title: '[Clip] Cháy xưởng mộc tại xã Yên Lập Tây', body: WORKSHOP_BRIEF, date: 'Thu, 03 Dec 2026 17:00:00 +0700', link: 'https://congan.example.vn/chay-xuong-moc.html' }],
      baophutho: [{ guid: 'bpt-2', title: 'Lửa bùng lên giữa buổi chiều, xưởng gỗ ven đường bị thiêu rụi', body: WORKSHOP_STORY, date: 'Thu, 03 Dec 2026 20:00:00 +0700', link: 'https://baophutho.example.vn/xuong-go-bi-thieu-rui.html' }],
    };
    const server = await startFixtureServer(
      Object.fromEntries(Object.keys(feeds).map((id) => [`/${id}`, (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss(id, feeds[id]!))])),
    );
    servers.push(server);
    const names: Record<string, string> = { congan: 'Công an tỉnh Phú Thọ', baophutho: 'Báo Phú Thọ' };
    const config: Config = makeTestConfig(dir, { sources: Object.keys(feeds).map((id) => makeSource(id, { name: names[id]!, url: `${server.url}/${id}` })) });
    const store = createLowdbStore(config.store);
    const result = await runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => new Date('2026-12-03T14:00:00.000Z') });
    expect(result.data.stories).toHaveLength(1);
    const [story] = result.data.stories;
    const joined = story!.copies.find((copy) => copy.match?.by === 'text')!.match as Extract<CopyMatch, { by: 'text' }>;
    expect(joined.numbers).toMatchObject({ rule: 'rewrite', anchors: { shared: ['đồng giang'], sameTime: '3/12 14h' } });

    const app = await serveIngestion(config, result);
    served.push(app);
    const slug = story!.id.slice('urn:uuid:'.length);
    const api = (await (await fetch(`${app.url}/api/stories/${slug}`)).json()) as StoryJson;
    expect(api.copies.map((copy) => copy.match?.numbers?.anchors?.same_time).filter(Boolean)).toEqual(['3/12 14h']);
    expect((await storySchemaCheck(app))(api)).toEqual([]);
    const page = await (await fetch(`${app.url}/stories/${slug}`)).text();
    expect(page).toContain('<dt>Cùng nơi, cùng thời điểm</dt><dd>cả hai đặt sự việc vào ngày 3/12, lúc 14 giờ — thay cho tên riêng chung thứ hai</dd>');
  }, 60_000);
});

// Invented figures, written for this test: a data release names no commune; its figures tell it.
const RESULTS_RELEASE =
  'Ngày 1/7/2026, Sở Giáo dục và Đào tạo tỉnh công bố kết quả kỳ thi tuyển sinh vào lớp 10: có 28.417 thí sinh dự thi, điểm trung bình môn Toán là 6,27; môn Ngữ văn 6,73; môn Tiếng Anh 5,81. Thí sinh tra cứu kết quả trên cổng thông tin của Sở.';
const RESULTS_STORY =
  '(BPT) - Chiều 1/7, Sở GD&ĐT công bố điểm thi vào lớp 10 công lập. Điểm trung bình môn Toán năm nay đạt 6,27, tăng nhẹ so với năm trước; Ngữ văn 6,73; Tiếng Anh 5,81. Nhiều phụ huynh cho biết đề thi vừa sức, phân loại tốt học sinh.';

describe('figures that tell a data release, on the story page and in the story API', () => {
  it('shows how many distinctive figures stood for the place neither copy names', async () => {
    const dir = await makeTempDir();
    const feeds: Record<string, TestItem[]> = {
      congtt: [{ guid: 'tt-3', title: 'Công bố kết quả kỳ thi tuyển sinh vào lớp 10', body: RESULTS_RELEASE, date: 'Wed, 01 Jul 2026 17:30:00 +0700', link: 'https://congtt.example.gov.vn/ket-qua-thi-lop-10.html' }],
      baophutho: [{ guid: 'bpt-3', title: 'Biết điểm thi lớp 10, môn Ngữ văn cao nhất', body: RESULTS_STORY, date: 'Wed, 01 Jul 2026 19:40:00 +0700', link: 'https://baophutho.example.vn/diem-thi-lop-10.html' }],
    };
    const server = await startFixtureServer(
      Object.fromEntries(Object.keys(feeds).map((id) => [`/${id}`, (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss(id, feeds[id]!))])),
    );
    servers.push(server);
    const names: Record<string, string> = { congtt: 'Cổng TTĐT tỉnh', baophutho: 'Báo Phú Thọ' };
    const config: Config = makeTestConfig(dir, { sources: Object.keys(feeds).map((id) => makeSource(id, { name: names[id]!, url: `${server.url}/${id}` })) });
    const result = await runIngestion({ config, store: createLowdbStore(config.store), logger: createSilentLogger(), mode: 'all', now: () => new Date('2026-07-01T14:00:00.000Z') });
    expect(result.data.stories).toHaveLength(1);
    const [story] = result.data.stories;
    const joined = story!.copies.find((copy) => copy.match?.by === 'text')!.match as Extract<CopyMatch, { by: 'text' }>;
    expect(joined.numbers).toMatchObject({ rule: 'rewrite', figures: { telling: 3 }, anchors: { shared: [] } });

    const app = await serveIngestion(config, result);
    served.push(app);
    const slug = story!.id.slice('urn:uuid:'.length);
    const api = (await (await fetch(`${app.url}/api/stories/${slug}`)).json()) as StoryJson;
    expect(api.copies.map((copy) => copy.match?.numbers?.figures.telling).filter(Boolean)).toEqual([3]);
    expect((await storySchemaCheck(app))(api)).toEqual([]);
    const page = await (await fetch(`${app.url}/stories/${slug}`)).text();
    expect(page).toContain('<dt>Con số riêng của sự việc</dt><dd>3 con số lẻ giống nhau cùng một ngày — thay cho tên riêng chung</dd>');
  }, 60_000);
});

// Invented news, written for this test: the police brief and the paper's rewrite share one commune and a day,
// no hour and no figure (two stories), until the e-portal's roundup, holding both texts, matches both.
const SLIDE_BRIEF =
  'Khoảng 4h ngày 3/7, mưa lớn kéo dài gây sạt lở đất tại bản Huổi Lếch, xã Nậm Khoá, vùi lấp một phần căn nhà của anh Lò Văn S. Công an xã đã huy động 25 cán bộ, chiến sĩ giúp gia đình di chuyển tài sản đến nơi an toàn, không có thiệt hại về người.';
const SLIDE_STORY =
  'Ngày 3/7, sau một đêm mưa như trút, khối đất đá từ sườn đồi phía sau đổ ập xuống một nhà sàn ở xã Nậm Khoá. Cả gia đình sáu người kịp chạy ra ngoài trước khi vách nhà bị đè sập. Chính quyền địa phương đang dọn dẹp hiện trường và lo chỗ ở tạm cho các hộ lân cận.';

describe('a bridge join on the story page and in the story API', () => {
  it('shows the copy that matched both stories and the two copies that corroborate each other', async () => {
    const dir = await makeTempDir();
    const feeds: Record<string, TestItem[]> = {
      congan: [{ guid: 'ca-4', title: '[Clip] Sạt lở đất vùi lấp nhà dân tại xã Nậm Khoá', body: SLIDE_BRIEF, date: 'Fri, 03 Jul 2026 05:00:00 +0700', link: 'https://congan.example.vn/sat-lo-nam-khoa.html' }],
      baodienbien: [{ guid: 'bdb-4', title: 'Đêm mưa như trút, một nhà sàn vùng cao bị đất đá đè sập', body: SLIDE_STORY, date: 'Fri, 03 Jul 2026 10:00:00 +0700', link: 'https://baodienbien.example.vn/nha-san-bi-de-sap.html' }],
      congtt: [],
    };
    const server = await startFixtureServer(
      Object.fromEntries(Object.keys(feeds).map((id) => [`/${id}`, (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss(id, feeds[id]!))])),
    );
    servers.push(server);
    const names: Record<string, string> = { congan: 'Công an tỉnh Điện Biên', baodienbien: 'Báo Điện Biên', congtt: 'Cổng TTĐT tỉnh' };
    const config: Config = makeTestConfig(dir, { sources: Object.keys(feeds).map((id) => makeSource(id, { name: names[id]!, url: `${server.url}/${id}` })) });
    const store = createLowdbStore(config.store);
    const first = await runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => new Date('2026-07-03T04:00:00.000Z') });
    expect(first.data.stories).toHaveLength(2);
    feeds.congtt = [{ guid: 'tt-4', title: 'Mưa lớn gây sạt lở tại xã Nậm Khoá', body: `${SLIDE_BRIEF} ${SLIDE_STORY}`, date: 'Fri, 03 Jul 2026 13:00:00 +0700', link: 'https://congtt.example.gov.vn/sat-lo-nam-khoa.html' }];
    const result = await runIngestion({ config, store, logger: createSilentLogger(), mode: 'all', now: () => new Date('2026-07-03T07:00:00.000Z') });
    expect(result.data.stories).toHaveLength(1);
    const [story] = result.data.stories;
    const bridged = story!.copies.find((copy) => copy.match?.by === 'joined')!;
    expect(bridged.match).toMatchObject({ through: 'bridge', via: { sourceId: 'congtt' }, corroboration: { anchors: { shared: ['nậm khoá'] }, sameTime: '3/7' } });

    const app = await serveIngestion(config, result);
    served.push(app);
    const slug = story!.id.slice('urn:uuid:'.length);
    const api = (await (await fetch(`${app.url}/api/stories/${slug}`)).json()) as StoryJson & { copies: { match: { corroboration?: unknown } | null }[] };
    const joined = api.copies.find((copy) => copy.match?.by === 'joined')!.match!;
    expect(joined).toMatchObject({
      through: 'bridge',
      via: { source: { id: 'congtt', name: 'Cổng TTĐT tỉnh' } },
      corroboration: { copies: [{ source: { id: expect.any(String) } }, { source: { id: expect.any(String) } }], anchors: { shared: ['nậm khoá'], weight: 1 }, same_time: '3/7', gap_hours: 5 },
    });
    expect((await storySchemaCheck(app))(api)).toEqual([]);
    const page = await (await fetch(`${app.url}/stories/${slug}`)).text();
    expect(page).toMatch(/bản này mở ra một tin riêng, sau được gộp vào đây: bản của <a href="https:\/\/congtt\.example\.gov\.vn\/sat-lo-nam-khoa\.html">Cổng TTĐT tỉnh<\/a> có nội dung khớp với cả hai tin/);
    expect(page).toContain('nêu cùng địa danh (nậm khoá) và cùng ngày (3/7), không mâu thuẫn về giờ, ngày hay con số');
  }, 60_000);
});

function withoutMatch(copy: Copy): Copy {
  const { match: _match, ...rest } = copy;
  return rest;
}

function vietnameseNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** The served OpenAPI document's Story schema as a check of a body. */
async function storySchemaCheck(app: ServedIngestion): Promise<(value: unknown) => string[]> {
  const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  formatsPlugin.default(ajv);
  ajv.addSchema({ ...document, $id: 'urn:bantin:openapi' });
  const validate = ajv.getSchema('urn:bantin:openapi#/components/schemas/Story')!;
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`));
}
