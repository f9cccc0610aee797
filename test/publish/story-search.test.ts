/** Search over titles and text under the comparison rules: tone placement folded, diacritics significant, newest first, paged. */
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/model/types.ts';
import { createStoryIndex, SEARCH_PAGE_SIZE } from '../../src/publish/story-lookup.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { makeCopy, makeSource } from '../helpers/make-copy.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const config = makeTestConfig('/tmp/bantin-search', { sources: [makeSource('congan-hoabinh', { name: 'Công an tỉnh Hòa Bình' })] });

function story(n: number, title: string, text: string, date: string): Story {
  const copy = makeCopy({ sourceId: 'congan-hoabinh', title, text, datePublished: date, key: `guid:${n}` });
  return { id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, copies: [copy], categories: [], datePublished: date, dateModified: date };
}

function indexOf(stories: Story[]) {
  return createStoryIndex({ ...createEmptyStoreData(), stories }, config);
}

describe('search', () => {
  const drugs = story(1, 'Triệt phá đường dây ma túy ở Lạc Sơn', 'Công an huyện thu giữ 2 bánh heroin.', '2026-11-20T01:00:00.000Z');
  const whatever = story(2, 'Người dân tự chọn giờ nộp hồ sơ', 'Người dân có thể đến lúc nào mà tùy ý, bộ phận một cửa làm cả thứ Bảy.', '2026-11-21T01:00:00.000Z');
  const inText = story(3, 'Tuyên truyền phòng chống tệ nạn ở trường học', 'Học sinh được nghe về tác hại của ma tuý và rượu bia.', '2026-11-22T01:00:00.000Z');
  const mai = story(4, 'Hội chợ hoa mai ngày Tết', 'Nhiều gốc mai vàng về chợ hoa.', '2026-11-23T01:00:00.000Z');

  it('finds "ma túy" however the tone is placed, in titles and text, and never "mà tùy"', () => {
    const index = indexOf([drugs, whatever, inText, mai]);
    for (const query of ['ma tuý', 'ma túy', 'MA TÚY']) {
      expect(index.search(query, 1).hits.map((hit) => hit.slug), query).toEqual([inText.id.slice(9), drugs.id.slice(9)]);
    }
    expect(index.search('mà tuỳ', 1).hits.map((hit) => hit.title)).toEqual(['Người dân tự chọn giờ nộp hồ sơ']);
  });

  it('matches whole words: "ma" is not "mai", nor a part of "mà"', () => {
    const index = indexOf([drugs, whatever, inText, mai]);
    expect(index.search('ma', 1).total).toBe(2);
    expect(index.search('mai', 1).hits.map((hit) => hit.title)).toEqual(['Hội chợ hoa mai ngày Tết']);
  });

  it('lists newest first and pages them', () => {
    const many = Array.from({ length: SEARCH_PAGE_SIZE + 5 }, (_, n) => story(100 + n, `Bắt giữ đối tượng vận chuyển ma túy số ${n}`, '', new Date(Date.UTC(2026, 10, 1, n)).toISOString()));
    const index = indexOf(many);
    const first = index.search('ma túy', 1);
    const second = index.search('ma túy', 2);
    expect(first.total).toBe(SEARCH_PAGE_SIZE + 5);
    expect(first.lastPage).toBe(2);
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(second.hits).toHaveLength(5);
    const dates = [...first.hits, ...second.hits].map((hit) => hit.datePublished);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(index.search('ma túy', 3).hits).toEqual([]);
  });

  it('answers from the stories the state holds now when a cycle replaces them in place before a first search', () => {
    const data = { ...createEmptyStoreData(), stories: [drugs] };
    const index = createStoryIndex(data, config);
    // What run-ingestion does to the state the serving thread's index was built on, before it hands over the new one.
    data.stories = [drugs, inText];
    expect(index.search('ma túy', 1).hits.map((hit) => hit.slug)).toEqual([inText.id.slice(9), drugs.id.slice(9)]);
    expect(index.story(inText.id.slice(9)).status).toBe('found');
  });

  it('finds nothing for a query of punctuation alone', () => {
    expect(indexOf([drugs]).search(' …!? ', 1).total).toBe(0);
  });
});
