// Classes of different events the sixth blind set showed the rules joining, once it was released (issue 13): a
// commune's visit to a family the day after the accident, matched through the portal's own re-post of the
// accident that morning; and a second crash on one road in one commune the same day, whose copy recalls the first
// one's morning ("sáng cùng ngày"). The first sits beside the re-post that must still join; the second pair is
// only kept apart (rewrite-match.test.ts holds what "cùng ngày" still joins).
import { describe, expect, it } from 'vitest';
import type { Copy, Story } from '../../../src/model/types.ts';
import { makeCopy, makeSource } from '../../helpers/make-copy.ts';
import { mergeOneByOne as mergeInCycles } from '../../helpers/merge-cycles.ts';

const sources = new Map(['cong-an', 'bao', 'xa'].map((id) => [id, makeSource(id, { priority: id === 'cong-an' ? 3 : 1 })]));
const mergeOneByOne = (copies: readonly Copy[]): Story[] => mergeInCycles(copies, sources);
const keysOf = (stories: Story[]) => stories.map((story) => story.copies.map((copy) => copy.key));

// A boy drowns in a pond one afternoon; the paper tells it that evening, the commune portal re-posts the paper's
// text the next morning, and that afternoon posts its leaders' visit to the family, recalling the day it happened.
const DROWNING_STORY = 'Chiều 14/7, một bé trai 9 tuổi ở xã Yên Lãng Tây đã tử vong sau khi trượt chân xuống ao sen cạnh nhà.\nKhoảng 5 giờ chiều, người nhà đi tìm thì thấy chiếc mũ của cháu nổi trên mặt ao.';
const DROWNING = makeCopy({
  sourceId: 'bao',
  key: 'guid:bao-drowning',
  title: 'Bé trai 9 tuổi tử vong dưới ao sen cạnh nhà',
  text: `(BVP) - ${DROWNING_STORY}`,
  datePublished: '2026-07-14T14:20:00.000Z',
});
const COMMUNE_REPOST = makeCopy({
  sourceId: 'xa',
  key: 'guid:xa-drowning',
  title: 'Bé trai 9 tuổi tử vong dưới ao sen cạnh nhà',
  text: `UBND xã nhắc các gia đình trông giữ trẻ trong dịp nghỉ hè.\n${DROWNING_STORY}\nNguồn: Báo Vĩnh Phúc`,
  datePublished: '2026-07-15T00:30:00.000Z',
});
const VISIT = makeCopy({
  sourceId: 'xa',
  key: 'guid:xa-visit',
  title: 'Lãnh đạo xã đến chia buồn với gia đình có con bị đuối nước',
  text: 'Chiều 15/7/2026, lãnh đạo Đảng ủy, UBND xã Yên Lãng Tây đến thăm hỏi, trao 5 triệu đồng hỗ trợ gia đình có cháu nhỏ bị đuối nước tại xóm Gò Sen chiều 14/7.',
  datePublished: '2026-07-15T09:30:00.000Z',
});

describe('a copy whose lead opens on a later day than the event, sharing one place with it', () => {
  it('stays apart from the event\'s story, though it names the event\'s day and the portal re-posted the event that morning', () => {
    expect(keysOf(mergeOneByOne([DROWNING, COMMUNE_REPOST, VISIT]))).toEqual([['guid:bao-drowning', 'guid:xa-drowning'], ['guid:xa-visit']]);
  });

  it('stays apart when its title recalls the event\'s day before its lead opens on the visit\'s', () => {
    const titled = { ...VISIT, title: 'Lãnh đạo xã thăm gia đình có con bị đuối nước chiều 14/7' };
    expect(keysOf(mergeOneByOne([DROWNING, COMMUNE_REPOST, titled]))).toEqual([['guid:bao-drowning', 'guid:xa-drowning'], ['guid:xa-visit']]);
  });
});

// Two crashes on national road 1 in one commune on one day: the police brief of the morning's, and the paper's
// account of the afternoon's, which recalls the morning's.
const MORNING_CRASH = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-crash',
  title: 'TNGT trên QL1, một người bị thương',
  text: 'Khoảng 06h40 ngày 03/8/2026, tại Km 1.410+200 QL1 thuộc xã Hòa Xuân Bắc, xe tải BKS 78C-112.40 va chạm với xe mô tô BKS 78G1-305.17. Hậu quả: người đi xe mô tô bị thương, được đưa đi cấp cứu.',
  datePublished: '2026-08-03T02:30:00.000Z',
});
const AFTERNOON_CRASH = makeCopy({
  sourceId: 'bao',
  key: 'guid:bao-crash',
  title: 'Xe con tông xe đạp trên quốc lộ 1, cụ bà bị thương nặng',
  text: '(PY) - Chiều 3/8, trên quốc lộ 1 đoạn qua xã Hòa Xuân Bắc, một ô tô con tông vào cụ bà đi xe đạp sang đường khiến bà bị thương nặng.\nVụ tai nạn xảy ra lúc khoảng 16 giờ 10, cách nơi xảy ra va chạm giữa xe tải và xe máy sáng cùng ngày chưa đầy 1 km.',
  datePublished: '2026-08-03T12:00:00.000Z',
});

describe('a part of the day said of "the same day" ("sáng cùng ngày")', () => {
  it('is another moment of that day, not the event\'s time: the afternoon\'s crash stays apart from the morning\'s', () => {
    expect(keysOf(mergeOneByOne([MORNING_CRASH, AFTERNOON_CRASH]))).toEqual([['guid:ca-crash'], ['guid:bao-crash']]);
  });
});
