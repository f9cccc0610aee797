// A write reuses the lines of stories that did not change since they were read or written
// (src/store/story-lines.ts); every kind of change a cycle makes must still reach the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Copy, StoreData, Story } from '../../src/model/types.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const TITLES = [
  'Công an huyện Lạc Sơn bắt giữ đối tượng trộm cắp tài sản',
  'Xử phạt 25 trường hợp vi phạm nồng độ cồn trên Quốc lộ 6',
  'Phòng cháy chữa cháy: diễn tập tại khu công nghiệp Lương Sơn',
];

function copyOf(n: number, sourceId = 'cong-an-tinh'): Copy {
  const date = new Date(Date.UTC(2026, 10, 20, 1, n)).toISOString();
  return {
    sourceId, key: `guid:${sourceId}-${n}`, url: `https://${sourceId}.example.vn/tin/${n}`, title: TITLES[n % TITLES.length]!,
    contentHtml: `<p>${TITLES[n % TITLES.length]} — bản tin số ${n} của tỉnh Hòa Bình.</p>`, datePublished: date,
    sourceCategories: ['An ninh trật tự'], firstSeenAt: date,
  };
}

function storeOf(count: number): StoreData {
  const data = createEmptyStoreData();
  for (let n = 0; n < count; n++) {
    const copy = copyOf(n);
    data.stories.push({ id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, copies: [copy], categories: ['an-ninh-trat-tu'], datePublished: copy.datePublished, dateModified: copy.datePublished });
  }
  return data;
}

/** The store as saved by a store object that never saw it: every line serialised afresh. */
async function freshBytes(data: StoreData): Promise<Buffer> {
  const file = path.join(await makeTempDir(), 'db.json');
  await createLowdbStore(file).save(structuredClone(data));
  return readFile(file);
}

async function loadedStore(count: number) {
  const file = path.join(await makeTempDir(), 'db.json');
  await createLowdbStore(file).save(storeOf(count));
  const store = createLowdbStore(file);
  return { file, store, data: await store.load() };
}

describe('story lines kept between writes', () => {
  it('writes a loaded store back byte for byte as a fresh write would', async () => {
    const { file, store, data } = await loadedStore(50);
    await store.save(data);
    expect((await readFile(file)).equals(await freshBytes(data))).toBe(true);
  });

  it.each<[string, (story: Story) => void]>([
    ['a replaced copy', (story) => (story.copies[0] = { ...story.copies[0]!, title: 'Đính chính: Công an huyện Lạc Sơn bắt giữ 2 đối tượng' })],
    ['an added copy', (story) => story.copies.push(copyOf(7, 'bao-tinh'))],
    ['a removed copy', (story) => story.copies.splice(0, 1, copyOf(8, 'bao-tinh'))],
    ['re-filed categories', (story) => (story.categories = ['an-ninh-trat-tu', 'giao-thong'])],
    ['a category added in place', (story) => story.categories.push('phong-chay')],
    ['a later date_modified', (story) => (story.dateModified = '2026-11-27T08:00:00.000Z')],
    ['an earlier date_published', (story) => (story.datePublished = '2026-11-19T08:00:00.000Z')],
  ])('writes %s of a loaded story', async (_, change) => {
    const { file, store, data } = await loadedStore(50);
    change(data.stories[17]!);
    await store.save(data);
    const written = await readFile(file);
    expect(written.equals(await freshBytes(data))).toBe(true);
    expect(await createLowdbStore(file).load()).toEqual(data);
    // And again after that write, which kept the new line.
    change(data.stories[3]!);
    await store.save(data);
    expect((await readFile(file)).equals(await freshBytes(data))).toBe(true);
  });

  it('writes stories edited in place whether or not their writer reports them (the file store compares every story)', async () => {
    const { file, store, data } = await loadedStore(20);
    const reported = data.stories[4]!;
    const unreported = data.stories[11]!;
    reported.categories.push('giao-thong');
    reported.copies = [...reported.copies, copyOf(30, 'bao-tinh')];
    // Not in the change set: written all the same, as the reported one is, because its fields differ from its kept line's.
    unreported.dateModified = '2026-11-28T09:00:00.000Z';
    unreported.categories[0] = 'phong-chay';
    await store.save(data, { stories: new Set([reported.id]), removed: new Set() });
    expect((await readFile(file)).equals(await freshBytes(data))).toBe(true);
    const reread = await createLowdbStore(file).load();
    expect(reread.stories[4]).toEqual(reported);
    expect(reread.stories[11]).toEqual(unreported);
  });

  it('refuses to edit a stored copy in place, so no change can be left out of the file', async () => {
    const { data } = await loadedStore(5);
    expect(() => {
      data.stories[0]!.copies[0]!.title = 'Sửa tại chỗ';
    }).toThrow(TypeError);
    expect(() => data.stories[0]!.copies[0]!.sourceCategories.push('Thời sự')).toThrow(TypeError);
  });

  it('refuses an in-place edit deep inside a stored copy (its match record) instead of writing the old line', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const stored = storeOf(3);
    const origin = { sourceId: 'bao-tinh', url: 'https://bao-tinh.example.vn/tin/1' };
    stored.stories[1]!.copies[0] = { ...stored.stories[1]!.copies[0]!, match: { by: 'link', at: '2026-11-20T01:05:00.000Z', copy: origin } };
    await createLowdbStore(file).save(stored);
    const store = createLowdbStore(file);
    const data = await store.load();
    const match = data.stories[1]!.copies[0]!.match as { copy: { url: string } };
    // A kept line would be written back unchanged: the edit must fail where it is made, not vanish at the save.
    expect(() => {
      match.copy.url = 'https://bao-tinh.example.vn/tin/1-sua';
    }).toThrow(TypeError);
    await store.save(data);
    expect((await readFile(file)).equals(await freshBytes(data))).toBe(true);
  });
});
