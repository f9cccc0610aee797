// The store file's line layout (src/store/line-layout.ts): one line per story, tombstone and alias,
// still one valid JSON document; older and hand-edited JSON files still load; a file cut short is
// refused with its line number; a big store is written in chunks with the event loop turning between them.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import type { StoreData, Story } from '../../src/model/types.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { rejectionOf } from '../helpers/rejection.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

function storyAbout(n: number, title: string, contentHtml: string): Story {
  const date = new Date(Date.UTC(2026, 10, 20, 1) + n * 60_000).toISOString();
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    categories: ['an-ninh-trat-tu'],
    datePublished: date,
    dateModified: date,
    copies: [{
      sourceId: 'hoa-binh', key: `guid:${n}`, url: `https://hoabinh.example.vn/tin/${n}`, title, contentHtml,
      datePublished: date, sourceCategories: ['An ninh – Trật tự'], firstSeenAt: date,
    }],
  };
}

/** Every container the layout spreads over lines, and text that could break a line-based reader if escaped wrongly. */
function awkwardStore(): StoreData {
  const data = createEmptyStoreData();
  data.stories.push(
    storyAbout(1, 'Công an tỉnh Hòa Bình triệt phá đường dây đánh bạc', '<p>Ngày 20/11, Công an tỉnh Hòa Bình bắt giữ 12 đối tượng.</p>'),
    storyAbout(2, 'Lũ quét ở Mai Châu:\ndòng thứ hai của tiêu đề', '<p>Mưa lớn\r\nkéo dài\u2028ba ngày\u2029liền.</p>'),
    storyAbout(3, 'Phát biểu: "Không có vùng cấm" \\ chống tham nhũng', '<script>alert("x")</script></script><p>Kết thúc</p>'),
  );
  data.sources['hoa-binh'] = { id: 'hoa-binh', consecutiveFailures: 0, etag: '"W/\\"abc\\""', lastSuccessAt: '2026-11-20T01:05:00.000Z' };
  data.tombstones['hoa-binh guid:0'] = { storyId: 'urn:uuid:00000000-0000-4000-8000-000000000000', seenAt: '2026-11-19T00:00:00.000Z' };
  data.tombstones['url https://hoabinh.example.vn/tin/ma-túy'] = { storyId: 'urn:uuid:00000000-0000-4000-8000-000000000000', seenAt: '2026-11-19T00:00:00.000Z' };
  data.aliases = { 'urn:uuid:00000000-0000-4000-8000-000000000009': { storyId: 'urn:uuid:00000000-0000-4000-8000-000000000001', mergedAt: '2026-11-20T02:00:00.000Z' } };
  data.prunedAt = '2026-11-20T00:00:00.000Z';
  return data;
}

async function expectCorrupt(file: string): Promise<StoreError> {
  const error = await rejectionOf(createLowdbStore(file).load(), StoreError);
  expect(error.code).toBe('CORRUPT');
  expect(error.message).toContain(file);
  expect(error.message).toContain('left untouched');
  expect(error.message).toContain(`cp ${file}.bak ${file}`);
  return error;
}

describe('store line layout', () => {
  it('round-trips stories, tombstones, aliases and text with newlines, U+2028, quotes and </script>', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const data = awkwardStore();
    await createLowdbStore(file).save(data);
    expect(await createLowdbStore(file).load()).toEqual(data);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(data);
  });

  it('writes one line per story, tombstone and alias, after the marker line', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await createLowdbStore(file).save(awkwardStore());
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[0]).toBe('{"schemaVersion":1,');
    expect(lines.filter((line) => line.startsWith('{"id":"urn:uuid:'))).toHaveLength(3);
    expect(lines).toContain('"tombstones":{');
    expect(lines.filter((line) => line.startsWith('"hoa-binh guid:0":') || line.startsWith('"url https://'))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('"urn:uuid:00000000-0000-4000-8000-000000000009":'))).toHaveLength(1);
    expect(lines.at(-2)).toBe('}');
    expect(lines.at(-1)).toBe('');
  });

  it('writes an empty store as valid JSON that loads back empty', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    await createLowdbStore(file).save(createEmptyStoreData());
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(createEmptyStoreData());
    expect(await createLowdbStore(file).load()).toEqual(createEmptyStoreData());
  });

  it.each([
    ['pretty-printed by JSON.stringify(data, null, 2)', (data: StoreData) => JSON.stringify(data, null, 2)],
    ['written by JSON.stringify(data), before the line layout', (data: StoreData) => JSON.stringify(data)],
  ])('loads a store %s', async (_, write) => {
    const file = path.join(await makeTempDir(), 'db.json');
    const data = awkwardStore();
    await writeFile(file, write(data));
    expect(await createLowdbStore(file).load()).toEqual(data);
  });

  it('drops the plain text older versions stored beside each copy\'s HTML, and does not write it back', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const data = awkwardStore();
    const legacy = structuredClone(data);
    for (const story of legacy.stories) for (const copy of story.copies) Object.assign(copy, { text: copy.contentHtml.replace(/<[^>]*>/g, '') });
    await writeFile(file, JSON.stringify(legacy));
    const loaded = await createLowdbStore(file).load();
    expect(loaded).toEqual(data);
    expect(loaded.stories.every((story) => story.copies.every((copy) => !('text' in copy)))).toBe(true);
    await createLowdbStore(file).save(loaded);
    expect(await readFile(file, 'utf8')).not.toContain('"text":');
  });

  it('loads a line-layout file edited by hand into other valid JSON (a story spread over lines)', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const data = awkwardStore();
    await createLowdbStore(file).save(data);
    const text = await readFile(file, 'utf8');
    const storyLine = `${JSON.stringify(data.stories[0])},`;
    expect(text).toContain(storyLine);
    await writeFile(file, text.replace(storyLine, `${JSON.stringify(data.stories[0], null, 2)},`));
    expect(await createLowdbStore(file).load()).toEqual(data);
  });

  it.each([
    ['in the middle of a story', (text: string) => text.indexOf('Lũ quét')],
    ['at the end of a whole story line', (text: string) => text.indexOf('\n', text.indexOf('Lũ quét')) + 1],
    ['just before the closing }', (text: string) => text.lastIndexOf('}')],
  ])('refuses a line-layout file cut short %s, naming the line, and leaves it untouched', async (_, cutAt) => {
    const file = path.join(await makeTempDir(), 'db.json');
    await createLowdbStore(file).save(awkwardStore());
    const whole = await readFile(file, 'utf8');
    const cut = whole.slice(0, cutAt(whole));
    await writeFile(file, cut);
    const error = await expectCorrupt(file);
    expect(error.message).toMatch(/\(line \d+: /);
    expect(await readFile(file, 'utf8')).toBe(cut);
  });

  it('refuses a line-layout file missing a comma between stories, naming that line', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const data = awkwardStore();
    await createLowdbStore(file).save(data);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(`${JSON.stringify(data.stories[0])},\n`, `${JSON.stringify(data.stories[0])}\n`));
    const error = await expectCorrupt(file);
    // Line 1 is the marker, line 2 opens the stories, line 3 is the first story: the error shows at the second.
    expect(error.message).toContain('(line 4: ');
  });

  it('writes a big store in chunks, letting timers run while the stories are being serialised', async () => {
    const file = path.join(await makeTempDir(), 'db.json');
    const data = createEmptyStoreData();
    const paragraph = '<p>Công an tỉnh Hòa Bình triệt phá đường dây đánh bạc qua mạng với số tiền giao dịch hàng chục tỷ đồng.</p>';
    let serialised = 0;
    for (let n = 0; n < 3000; n++) {
      const story = storyAbout(n, `Tin số ${n}: Công an tỉnh Hòa Bình triệt phá đường dây đánh bạc`, paragraph.repeat(15));
      // Counts how far serialising has come; JSON.stringify calls toJSON, and the non-enumerable method is not written.
      Object.defineProperty(story, 'toJSON', { value: () => (serialised++, { ...story }) });
      data.stories.push(story);
    }
    const seenAtTicks: number[] = [];
    const timer = setInterval(() => seenAtTicks.push(serialised), 1);
    try {
      await createLowdbStore(file).save(data);
    } finally {
      clearInterval(timer);
    }
    // Ticks that fell between the first and the last story: the loop turned mid-write, more than once.
    const midWrite = new Set(seenAtTicks.filter((count) => count > 0 && count < 3000));
    expect(midWrite.size).toBeGreaterThan(1);
    expect((await createLowdbStore(file).load()).stories).toHaveLength(3000);
  });
});
