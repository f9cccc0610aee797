import { describe, expect, it } from 'vitest';
import type { Copy, Story } from '../../../src/model/types.ts';
import { createMergeCache, type MergeCache } from '../../../src/pipeline/merge/merge-cache.ts';
import { mergeCopies, type MergeContext } from '../../../src/pipeline/merge/merge-copies.ts';
import { htmlOfText, makeCopy, makeSource } from '../../helpers/make-copy.ts';

const BUST_TEXT =
  'Ngày 24/11, Công an tỉnh Hòa Bình cho biết đã triệt phá thành công đường dây mua bán trái phép chất ma túy ' +
  'xuyên tỉnh do Bùi Văn Tâm cầm đầu, thu giữ 3,2 kg ma túy tổng hợp, hai xe máy và 45 triệu đồng. ' +
  'Các đối tượng khai nhận đã nhiều lần vận chuyển ma túy từ Sơn La về tiêu thụ tại thành phố Hòa Bình.';
const FLOOD_TEXT =
  'Mưa lớn kéo dài từ đêm 23/11 gây sạt lở đất tại xóm Mít, xã Tú Lý, làm hư hỏng 7 ngôi nhà và vùi lấp 2 ha lúa. ' +
  'Chính quyền xã đã di dời 21 hộ dân đến nơi an toàn, huy động lực lượng dân quân dọn dẹp bùn đất trên tuyến đường liên xóm.';

const sources = new Map(['bao', 'cong-an', 'cong-tt'].map((id) => [id, makeSource(id)]));

function context(now: string, cache: MergeCache): MergeContext {
  return { now: new Date(now), sources, tombstones: {}, cache };
}

/** What each cycle of `npm start` sees: the store read again from its JSON file. */
function reload(stories: Story[]): Story[] {
  return JSON.parse(JSON.stringify(stories)) as Story[];
}

function copyOf(sourceId: string, text: string, datePublished: string): Copy {
  return makeCopy({ sourceId, title: `Tin của ${sourceId}`, text, datePublished });
}

describe('mergeCopies with a cache kept across cycles', () => {
  it('joins a copy to a story stored by an earlier cycle, read again from the file', () => {
    const cache = createMergeCache();
    let stories: Story[] = [];
    mergeCopies(stories, [copyOf('bao', BUST_TEXT, '2026-11-24T05:00:00.000Z')], context('2026-11-24T06:00:00.000Z', cache));
    stories = reload(stories);
    const result = mergeCopies(stories, [copyOf('cong-an', BUST_TEXT, '2026-11-24T07:00:00.000Z')], context('2026-11-24T08:00:00.000Z', cache));
    expect(result.added).toEqual([]);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.copies.map((copy) => copy.sourceId)).toEqual(['bao', 'cong-an']);
  });

  it('matches on the stored text when another writer changed it since the last cycle', () => {
    const cache = createMergeCache();
    let stories: Story[] = [];
    mergeCopies(stories, [copyOf('bao', BUST_TEXT, '2026-11-24T05:00:00.000Z')], context('2026-11-24T06:00:00.000Z', cache));
    // `npm run ingest` beside the server replaced the copy's text with another report.
    stories = reload(stories);
    stories[0]!.copies[0]!.contentHtml = htmlOfText(FLOOD_TEXT);
    mergeCopies(stories, [copyOf('cong-an', BUST_TEXT, '2026-11-24T07:00:00.000Z')], context('2026-11-24T08:00:00.000Z', cache));
    expect(stories).toHaveLength(2);
    const joined = mergeCopies(stories, [copyOf('cong-tt', FLOOD_TEXT, '2026-11-24T07:30:00.000Z')], context('2026-11-24T08:00:00.000Z', cache));
    expect(joined.added).toEqual([]);
    expect(stories[0]!.copies.map((copy) => copy.sourceId)).toEqual(['bao', 'cong-tt']);
  });

  it('forgets stories that left the time window and stories pruned from the store', () => {
    const cache = createMergeCache();
    let stories: Story[] = [];
    mergeCopies(stories, [copyOf('bao', BUST_TEXT, '2026-11-01T05:00:00.000Z')], context('2026-11-01T06:00:00.000Z', cache));
    stories = reload(stories);
    mergeCopies(stories, [copyOf('cong-an', BUST_TEXT, '2026-11-20T05:00:00.000Z')], context('2026-11-20T06:00:00.000Z', cache));
    expect(stories).toHaveLength(2);
    // Retention dropped the newer story: a third portal's copy must not join a story no longer stored.
    stories = reload(stories).slice(0, 1);
    mergeCopies(stories, [copyOf('cong-tt', BUST_TEXT, '2026-11-20T07:00:00.000Z')], context('2026-11-20T08:00:00.000Z', cache));
    expect(stories).toHaveLength(2);
    expect(stories[1]!.copies.map((copy) => copy.sourceId)).toEqual(['cong-tt']);
    expect(cache.size).toBe(1);
  });

  it('gives the same stories as merging every cycle from nothing', () => {
    const cycles = [
      [copyOf('bao', BUST_TEXT, '2026-11-24T05:00:00.000Z'), copyOf('bao', FLOOD_TEXT, '2026-11-24T05:10:00.000Z')],
      [copyOf('cong-an', BUST_TEXT.slice(0, 180), '2026-11-24T06:00:00.000Z')],
      [copyOf('cong-tt', FLOOD_TEXT, '2026-11-24T09:00:00.000Z'), copyOf('cong-tt', BUST_TEXT, '2026-11-24T09:30:00.000Z')],
    ];
    const run = (cache: MergeCache | undefined) => {
      let stories: Story[] = [];
      let id = 0;
      for (const copies of cycles) {
        mergeCopies(stories, copies, { now: new Date('2026-11-24T10:00:00.000Z'), sources, tombstones: {}, cache, newStoryId: () => `urn:test:${++id}` });
        stories = reload(stories);
      }
      return stories;
    };
    expect(run(createMergeCache())).toEqual(run(undefined));
  });
});
