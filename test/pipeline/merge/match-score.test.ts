import { describe, expect, it } from 'vitest';
import { copyFigures, profileCopy } from '../../../src/pipeline/merge/match-profile.ts';
import { htmlOfText } from '../../helpers/make-copy.ts';
import { figuresContained, judgeMatch, requiredContainment } from '../../../src/pipeline/merge/match-score.ts';

const HOUR_MS = 3600 * 1000;

describe('copyFigures', () => {
  it.each([
    { input: 'thu giữ 2.400 viên ma túy và 2400 viên khác', expected: ['2400'] },
    { input: 'chiếm đoạt 8,7 tỷ đồng của 14 người', expected: ['8,7', '14'] },
    // A km post and a road number are anchors (event-anchors.ts), not figures.
    { input: 'Ngày 24/11, tại km 312+500 Quốc lộ 1A', expected: [] },
    { input: 'khởi công từ tháng 10/2026, dài 520 m', expected: ['520'] },
    { input: 'Không có con số nào', expected: [] },
  ])('$input', ({ input, expected }) => {
    expect([...copyFigures(input)]).toEqual(expected);
  });
});

describe('figuresContained', () => {
  it.each([
    { contained: [], other: ['5'], expected: true },
    { contained: ['5', '12', '3,5'], other: ['5', '12', '3,5', '7'], expected: true },
    { contained: ['5', '12', '3,5', '40'], other: ['5', '12', '3,5'], expected: true },
    { contained: ['5', '12', '3,5'], other: ['5', '12'], expected: false },
    { contained: ['47', '26', '45', '2', '39', '260'], other: ['31', '18', '30', '1', '22', '170'], expected: false },
    { contained: ['1', '2', '3', '4', '5', '6', '7', '8'], other: ['1', '2', '3', '4', '5', '6'], expected: false },
  ])('$contained within $other: $expected', ({ contained, other, expected }) => {
    expect(figuresContained(new Set(contained), new Set(other))).toBe(expected);
  });
});

describe('requiredContainment', () => {
  it.each([
    { hours: 0, expected: 0.6 },
    { hours: 24, expected: 0.6 },
    { hours: 48, expected: 0.75 },
    { hours: 72, expected: 0.9 },
  ])('$hours h apart: $expected', ({ hours, expected }) => {
    expect(requiredContainment(hours * HOUR_MS)).toBeCloseTo(expected);
  });
});

describe('judgeMatch', () => {
  const full = profileCopy({
    title: 'Bắt 2 đối tượng vận chuyển 12 bánh heroin qua biên giới',
    contentHtml: htmlOfText(
      'Lực lượng Đồn Biên phòng Nậm Cắn phối hợp với Công an huyện Kỳ Sơn vừa bắt quả tang 2 đối tượng vận chuyển trái phép 12 bánh heroin.\n' +
      'Kiểm tra, tổ công tác thu giữ trong ba lô 12 bánh heroin, 2 điện thoại di động và 3,5 triệu đồng.',
    ),
  });
  const brief = profileCopy({
    title: 'Thu giữ 12 bánh heroin tại Kỳ Sơn',
    contentHtml: htmlOfText('Lực lượng Đồn Biên phòng Nậm Cắn phối hợp với Công an huyện Kỳ Sơn vừa bắt quả tang 2 đối tượng vận chuyển trái phép 12 bánh heroin.'),
  });
  const alone = (shingle: number) => (full.shingles.has(shingle) ? 1 : 0);

  it('recognises a shortened copy by containment, not symmetric overlap', () => {
    const verdict = judgeMatch({ copy: brief, story: full, storiesWith: alone, gapMs: 2 * HOUR_MS });
    expect(verdict.containment).toBeGreaterThan(0.6);
    expect(verdict.same).toBe(true);
  });

  it('discounts shingles that other stories in the window hold', () => {
    // The same brief, but every shingle it shares with the story is also held by nine other stories.
    const crowded = (shingle: number) => (full.shingles.has(shingle) ? 10 : 0);
    const verdict = judgeMatch({ copy: brief, story: full, storiesWith: crowded, gapMs: 2 * HOUR_MS });
    expect(verdict.containment).toBeLessThan(0.6);
    expect(verdict.same).toBe(false);
  });

  it('asks a copy two and a half days later to be a near-verbatim repost', () => {
    expect(judgeMatch({ copy: brief, story: full, storiesWith: alone, gapMs: 60 * HOUR_MS }).same).toBe(false);
  });
});
