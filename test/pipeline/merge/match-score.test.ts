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

  it('keeps apart two items of one template that differ in their day and in what they name by number, not a re-post a day on', () => {
    const notice = (day: string, number: string) =>
      profileCopy({
        title: 'Thông báo tìm người bị hại trong vụ việc lừa đảo chiếm đoạt tài sản',
        contentHtml: htmlOfText(
          `Ngày ${day}, Cơ quan Cảnh sát điều tra Công an tỉnh cho biết đang thụ lý vụ việc số ${number} về hành vi lừa đảo chiếm đoạt tài sản qua mạng xã hội. ` +
            'Cơ quan Cảnh sát điều tra đề nghị ai là bị hại của đối tượng liên quan đến vụ việc trên liên hệ với cán bộ thụ lý để được hướng dẫn giải quyết theo quy định.',
        ),
      });
    const first = notice('20/12', '12/2026');
    const only = (shingle: number) => (first.shingles.has(shingle) ? 1 : 0);
    // "12/2026" reads as a day and "13" names: neither is a figure, so the template's wording alone decided.
    const next = judgeMatch({ copy: notice('21/12', '13/2026'), story: first, storiesWith: only, gapMs: 24 * HOUR_MS });
    expect(next).toMatchObject({ figures: { missing: ['số 13'], agree: false }, same: false });
    // The same notice re-posted the next day with its day changed joins.
    expect(judgeMatch({ copy: notice('21/12', '12/2026'), story: first, storiesWith: only, gapMs: 24 * HOUR_MS }).same).toBe(true);
  });

  it('asks a copy two and a half days later to be a near-verbatim repost', () => {
    expect(judgeMatch({ copy: brief, story: full, storiesWith: alone, gapMs: 60 * HOUR_MS }).same).toBe(false);
  });
});
