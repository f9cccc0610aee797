/**
 * The syllable index finds exactly what a scan of every story's key finds, page by page, on a few
 * hundred stories in Vietnamese (NFD text, old and new tone placement), and still does after the
 * store's stories are updated, created, merged and removed as the change log records it.
 */
import { describe, expect, it } from 'vitest';
import { compareStoriesNewestFirst } from '../../src/model/story.ts';
import type { StoreData, Story } from '../../src/model/types.ts';
import { recordChanges, type CycleChanges } from '../../src/pipeline/record-changes.ts';
import { copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { comparisonKey } from '../../src/pipeline/normalize/vietnamese-text.ts';
import { createSearchIndex, type SearchIndex } from '../../src/publish/search-index.ts';
import { createStoryIndex, SEARCH_PAGE_SIZE, type SearchPage } from '../../src/publish/story-lookup.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { htmlOfText, makeCopy, makeSource } from '../helpers/make-copy.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const SOURCES = ['congan-phutho', 'baotinh-thanhhoa', 'cong-xa-kimboi'];
const config = makeTestConfig('/tmp/bantin-search-index', { sources: SOURCES.map((id) => makeSource(id, { name: `Cổng ${id}` })) });

// Invented provincial news; old-style (hòa, thủy, khỏe) and new-style (hoà, thuỷ, khoẻ) tone placement both occur.
const TITLES = [
  'Triệt phá đường dây ma túy ở xã Kim Bôi',
  'Tuyên truyền phòng chống ma tuý trong trường học',
  'Người dân tùy ý chọn giờ làm thủ tục ở phường Thống Nhất',
  'Mà tùy nơi, giá lúa ở xã Mường Lát lại khác',
  'Hòa giải thành vụ tranh chấp đất ở phường Hạc Thành',
  'Hoà giải ở cơ sở: tổ hoà giải xã Kim Bôi được khen',
  'Kiểm tra công trình thủy lợi trước mùa mưa',
  'Nạo vét kênh thuỷ lợi cho vụ đông xuân',
  'Khám sức khỏe miễn phí cho người cao tuổi',
  'Sức khoẻ học đường: tẩy giun cho học sinh',
  'Đường tỉnh 435 sạt lở sau mưa lớn',
  'Hội chợ hoa mai ngày Tết ở phường Việt Trì',
  'Công an tỉnh Phú Thọ bắt giữ đối tượng trộm cắp xe máy',
  'Quý khách lưu ý lịch cắt điện ở xã Thạch Thành',
  'Giá phân bón dần ổn định ở xã Kim Bôi',
];
const SENTENCES = [
  'Lực lượng chức năng thu giữ 2 bánh heroin và nhiều ma túy tổng hợp.',
  'Người dân có thể đến lúc nào mà tùy ý, bộ phận một cửa làm cả thứ Bảy.',
  'Tổ hòa giải đã gặp hai gia đình ba lần trước khi họ đồng ý.',
  'Ủy ban nhân dân xã giao cán bộ địa chính đo lại thửa đất.',
  'Mưa lớn kéo dài khiến taluy dương sạt xuống mặt đường.',
  'Trạm y tế phường khám sức khoẻ và cấp thuốc cho hơn 300 cụ.',
  'Nhiều gốc mai vàng về chợ hoa từ sớm.',
  'Kênh thủy lợi Bái Thượng được nạo vét hơn 4 km.',
  'Cơ quan công an đề nghị ai biết thông tin thì báo cho Công an xã Kim Bôi.',
  'Giá lúa tùy nơi, có nơi 7.500 đồng một cân.',
  'Học sinh được nghe về tác hại của ma tuý, rượu bia và thuốc lá điện tử.',
  'Đối tượng khai nhận đã lấy trộm ba xe máy ở khu chợ.',
  'Mực nước sông dần dần rút, người dân từ từ trở về nhà.',
];
const QUERIES = [
  'ma túy', 'ma tuý', 'MA TÚY', 'ma tu\u0301y', 'mà tùy', 'tùy', 'tuỳ ý', 'ma', 'mai', 'hòa giải', 'hoà giải', 'hoa',
  'thủy lợi', 'thuỷ', 'sức khỏe', 'sức khoẻ'.normalize('NFD'), 'Kim Bôi', 'bôi', 'xã', 'ở xã', 'xã Kim Bôi', 'phường',
  '435', '7.500', 'của', 'công an xã', 'không có ở đâu', 'đường dây ma túy ở xã Kim Bôi', ' …!? ', 'ủy ban', 'uỷ ban',
  'dần dần', 'từ từ', 'dần',
];

/** Deterministic choices, so a failure can be replayed. */
function randomOf(seed: number) {
  // mulberry32: 32-bit integer steps only, so no precision is lost on the way.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, chance: (p: number) => next() < p };
}

function makeStories(count: number, seed: number, firstNumber: number): Story[] {
  const random = randomOf(seed);
  // NFD in about a third of the texts: the keys compose it, the index must too.
  const maybeNfd = (s: string) => (random.chance(0.3) ? s.normalize('NFD') : s);
  return Array.from({ length: count }, (_, n) => {
    const number = firstNumber + n;
    // Few distinct days and hours: many stories share a date, and the id decides their order.
    const date = new Date(Date.UTC(2026, 10, 1 + Math.floor(random.next() * 10), Math.floor(random.next() * 3))).toISOString();
    const copies = Array.from({ length: 1 + Math.floor(random.next() * 3) }, (_, c) =>
      makeCopy({
        sourceId: SOURCES[c]!,
        key: `guid:${number}-${c}`,
        title: maybeNfd(random.pick(TITLES)),
        text: Array.from({ length: Math.floor(random.next() * 4) }, () => maybeNfd(random.pick(SENTENCES))).join('\n'),
        datePublished: date,
      }),
    );
    return { id: `urn:uuid:00000000-0000-4000-8000-${String(number).padStart(12, '0')}`, copies, categories: [], datePublished: date, dateModified: date };
  });
}

/** Search as it was before the index: every story's key scanned for the phrase, newest first. */
function scanSearch(data: StoreData, query: string, page: number): Pick<SearchPage, 'total' | 'lastPage'> & { slugs: string[] } {
  const key = comparisonKey(query);
  const keyOf = (story: Story) => ` ${story.copies.map((copy) => `${comparisonKey(copy.title)} ${comparisonKey(copyText(copy))}`).join(' ')} `;
  const matches = key === '' ? [] : [...data.stories].sort(compareStoriesNewestFirst).filter((story) => keyOf(story).includes(` ${key} `));
  const lastPage = Math.max(1, Math.ceil(matches.length / SEARCH_PAGE_SIZE));
  return { total: matches.length, lastPage, slugs: matches.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE).map((story) => story.id.slice(9)) };
}

/** Every query, every page and the one past the last: the index's answer equals the scan's. */
function expectSameAsScan(data: StoreData, index: SearchIndex): number {
  const stories = createStoryIndex(data, config, index);
  let found = 0;
  for (const query of QUERIES) {
    const first = stories.search(query, 1);
    for (let page = 1; page <= first.lastPage + 1; page++) {
      const indexed = page === 1 ? first : stories.search(query, page);
      const scanned = scanSearch(data, query, page);
      expect({ total: indexed.total, lastPage: indexed.lastPage, slugs: indexed.hits.map((hit) => hit.slug) }, `${query} page ${page}`).toEqual(scanned);
    }
    found += first.total;
  }
  return found;
}

/** Warms `index` slice by slice as the ingestion thread does; gives the number of slices it took. */
function sliceUntilDone(index: SearchIndex, data: StoreData, budget: number): number {
  for (let slices = 1; slices <= 10_000; slices++) if (index.syncSlice(data, budget)) return slices;
  throw new Error('the warm-up never finished');
}

/** A cycle's changes to the data, in place as the file store's held data is changed, then logged as ingestion logs them. */
function logCycle(data: StoreData, cycle: Partial<CycleChanges>): void {
  data.changes = recordChanges(data.changes, { created: [], updated: [], merged: [], removed: [], ...cycle }, '2026-11-12T00:00:00.000Z');
}

function removeStories(data: StoreData, ids: ReadonlySet<string>): void {
  const kept = data.stories.filter((story) => !ids.has(story.id));
  data.stories.length = 0;
  data.stories.push(...kept);
}

describe('the syllable index', () => {
  it('finds what the scan finds, page by page, as stories are created, updated, merged and removed', () => {
    const data: StoreData = { ...createEmptyStoreData(), stories: makeStories(300, 7, 1) };
    logCycle(data, { created: data.stories.map((story) => story.id) });
    // Slots re-numbered as soon as the dead ones outnumber the live, so that path is compared too.
    const index = createSearchIndex(10);
    // The queries must find something, or this compares empty lists.
    expect(expectSameAsScan(data, index)).toBeGreaterThan(500);

    // Updated: a copy replaced with another title and text (stored copies are replaced, never edited); created: new stories.
    const random = randomOf(11);
    const updated = data.stories.filter((_, n) => n % 13 === 0);
    for (const story of updated) story.copies[0] = makeCopy({ ...story.copies[0]!, title: random.pick(TITLES).normalize('NFD'), contentHtml: htmlOfText(random.pick(SENTENCES)) });
    const created = makeStories(40, 12, 1000);
    data.stories.push(...created);
    logCycle(data, { created: created.map((story) => story.id), updated: updated.map((story) => story.id) });
    expectSameAsScan(data, index);

    // Merged: the absorbed story's copies join the survivor, which may now match a phrase neither held alone.
    const merged: { id: string; into: string }[] = [];
    for (let n = 0; n + 1 < 60; n += 2) {
      const [survivor, absorbed] = [data.stories[n * 3]!, data.stories[n * 3 + 1]!];
      survivor.copies.push(...absorbed.copies);
      merged.push({ id: absorbed.id, into: survivor.id });
    }
    removeStories(data, new Set(merged.map(({ id }) => id)));
    logCycle(data, { updated: merged.map(({ into }) => into), merged });
    expectSameAsScan(data, index);

    // Removed by retention: most of them, so the dead slots outnumber the live ones.
    const removed = new Set(data.stories.filter((_, n) => n % 7 !== 3).map((story) => story.id));
    removeStories(data, removed);
    logCycle(data, { removed: [...removed] });
    expectSameAsScan(data, index);

    // And changed again after that: the re-numbered slots are the ones replaced and removed.
    const again = data.stories.filter((_, n) => n % 3 === 0);
    for (const story of again) story.copies[0] = makeCopy({ ...story.copies[0]!, title: random.pick(TITLES), contentHtml: htmlOfText(random.pick(SENTENCES)) });
    const last = data.stories.filter((_, n) => n % 3 === 1).map((story) => story.id);
    removeStories(data, new Set(last));
    logCycle(data, { updated: again.map((story) => story.id), removed: last });
    expectSameAsScan(data, index);
  });

  it('is built a slice at a time while idle, and finds the same as a scan once done or when a search comes mid-way', () => {
    const data: StoreData = { ...createEmptyStoreData(), stories: makeStories(250, 31, 1) };
    logCycle(data, { created: data.stories.map((story) => story.id) });
    const index = createSearchIndex();
    const slices = sliceUntilDone(index, data, 40);
    expect(slices).toBe(Math.ceil(250 / 40));
    expectSameAsScan(data, index);
    // In step now: a later slice costs nothing and says so.
    expect(index.syncSlice(data, 1)).toBe(true);

    // A cycle after it: what the log names is done in one call, not a rebuild of every story.
    const created = makeStories(30, 32, 900);
    data.stories.push(...created);
    logCycle(data, { created: created.map((story) => story.id) });
    expect(index.syncSlice(data, 1)).toBe(true);
    expectSameAsScan(data, index);

    // A search half-way through a warm-up of a fresh state finishes it, and the next slice finds it done.
    const fresh: StoreData = { ...createEmptyStoreData(), stories: makeStories(200, 33, 3000) };
    logCycle(fresh, { created: fresh.stories.map((story) => story.id) });
    expect(index.syncSlice(fresh, 50)).toBe(false);
    expectSameAsScan(fresh, index);
    expect(index.syncSlice(fresh, 1)).toBe(true);
  });

  it('starts a warm-up again when the state changes under it between slices', () => {
    const data: StoreData = { ...createEmptyStoreData(), stories: makeStories(150, 41, 1) };
    logCycle(data, { created: data.stories.map((story) => story.id) });
    const index = createSearchIndex();
    expect(index.syncSlice(data, 60)).toBe(false);
    // A cycle changed the same object in place (the file store does), stories already indexed among them:
    // the slices done so far describe texts that are gone.
    const random = randomOf(43);
    const updated = data.stories.slice(0, 40);
    for (const story of updated) story.copies[0] = makeCopy({ ...story.copies[0]!, title: random.pick(TITLES), contentHtml: htmlOfText(random.pick(SENTENCES)) });
    logCycle(data, { updated: updated.map((story) => story.id) });
    sliceUntilDone(index, data, 60);
    expectSameAsScan(data, index);
  });

  it('keeps answering from the last complete build while a warm-up is under way, and leaves a store with no log alone once built', () => {
    const first: StoreData = { ...createEmptyStoreData(), stories: makeStories(120, 51, 1), changes: undefined };
    const index = createSearchIndex();
    sliceUntilDone(index, first, 50);
    const before = index.matching(comparisonKey('ma túy'));
    expect(before.size).toBeGreaterThan(5);
    // No log to follow, but nothing changed: in step, no rebuild every time the thread is idle (a reload every 2 s).
    expect(index.syncSlice(first, 10)).toBe(true);
    // A warm-up of another state, one slice in: queries still read the whole of the last build, not a tenth of the next.
    const second: StoreData = { ...createEmptyStoreData(), stories: makeStories(120, 52, 500), changes: undefined };
    expect(index.syncSlice(second, 10)).toBe(false);
    expect(index.matching(comparisonKey('ma túy'))).toEqual(before);
    expectSameAsScan(second, index);
  });

  it('reads every story again when the log cannot account for the changes since it last looked', () => {
    const data: StoreData = { ...createEmptyStoreData(), stories: makeStories(120, 21, 1) };
    logCycle(data, { created: data.stories.map((story) => story.id) });
    const index = createSearchIndex();
    expectSameAsScan(data, index);

    // More changes than the log holds: the ones the index has not seen were forgotten.
    const created = makeStories(30, 22, 500);
    data.stories.push(...created);
    data.changes = recordChanges(data.changes, { created: created.map((story) => story.id), updated: [], merged: [], removed: [] }, '2026-11-12T00:00:00.000Z', 10);
    expectSameAsScan(data, index);

    // A story gone without a record (a writer that logged nothing): the count no longer agrees.
    removeStories(data, new Set([data.stories[5]!.id]));
    expectSameAsScan(data, index);

    // A store with no log at all.
    expectSameAsScan({ ...data, stories: makeStories(80, 23, 2000), changes: undefined }, index);
  });
});
