// Date strings as Vietnamese portals and common CMSs print them; expected values are UTC.
import { describe, it, expect } from 'vitest';
import { parseFeedDate } from '../../../src/pipeline/normalize/parse-date.ts';

const VN = 'Asia/Ho_Chi_Minh';
const NOV_19_1940_VN = '2024-11-19T12:40:00.000Z';

describe('parseFeedDate', () => {
  it.each([
    // RFC 822 / 1123
    { input: 'Tue, 19 Nov 2024 12:40:00 GMT', expected: NOV_19_1940_VN },
    { input: 'Tue, 19 Nov 2024 19:40:00 +0700', expected: NOV_19_1940_VN },
    { input: 'Tue, 19 Nov 2024 19:40 +0700', expected: NOV_19_1940_VN }, // no seconds
    { input: '19 Nov 2024 19:40:00 +0700', expected: NOV_19_1940_VN }, // no weekday
    { input: 'Mon, 19 Nov 2024 19:40:00 +0700', expected: NOV_19_1940_VN }, // wrong weekday
    { input: 'Tue, 19 Nov 24 12:40:00 UT', expected: NOV_19_1940_VN }, // two-digit year
    { input: 'Tue, 19 Nov 2024 07:40:00 EST', expected: NOV_19_1940_VN },
    { input: 'Tue, 19 Nov 2024 19:40:00 ICT', expected: NOV_19_1940_VN },
    { input: 'Tue, 19 Nov 2024 19:40:00 +07:00', expected: NOV_19_1940_VN },
    { input: 'Tue, 19 Nov 2024 19:40:00 GMT+0700', expected: NOV_19_1940_VN },
    { input: 'Tue, 19 Nov 2024 19:40:00', expected: NOV_19_1940_VN }, // no zone: source zone
    { input: 'Tuesday, 19 November 2024 19:40:00 +0700', expected: NOV_19_1940_VN },
    { input: 'Tue Nov 19 2024 19:40:00 GMT+0700 (Indochina Time)', expected: NOV_19_1940_VN },
    { input: 'Nov 19, 2024 7:40 PM', expected: NOV_19_1940_VN },
    // ISO 8601
    { input: '2024-11-19T19:40:00+07:00', expected: NOV_19_1940_VN },
    { input: '2024-11-19T12:40:00Z', expected: NOV_19_1940_VN },
    { input: '2024-11-19T12:40:00.123456Z', expected: '2024-11-19T12:40:00.123Z' },
    { input: '2024-11-19 19:40:00', expected: NOV_19_1940_VN }, // space, no zone
    { input: '2024-11-19T19:40', expected: NOV_19_1940_VN },
    { input: '2024-11-19T19:40:00+0700', expected: NOV_19_1940_VN },
    { input: '2024-11-19', expected: '2024-11-18T17:00:00.000Z' }, // midnight in Hà Nội
    // Vietnamese portal forms
    { input: 'Thứ Ba, 19/11/2024 - 19:40', expected: NOV_19_1940_VN },
    { input: 'Thứ ba, 19/11/2024, 19:40 (GMT+7)', expected: NOV_19_1940_VN },
    { input: '19/11/2024 19:40 (GMT+7)', expected: NOV_19_1940_VN },
    { input: '19/11/2024 | 19:40', expected: NOV_19_1940_VN },
    { input: '19-11-2024 19:40:00', expected: NOV_19_1940_VN },
    { input: '19.11.2024 19:40', expected: NOV_19_1940_VN },
    { input: '19:40 19/11/2024', expected: NOV_19_1940_VN },
    { input: '19h40 ngày 19/11/2024', expected: NOV_19_1940_VN },
    { input: '19/11/2024 19h40', expected: NOV_19_1940_VN },
    { input: '19/11/2024 - 19h', expected: '2024-11-19T12:00:00.000Z' },
    { input: 'Chủ nhật, 1/12/2024 08:05', expected: '2024-12-01T01:05:00.000Z' },
    { input: 'T3, 5/3/2024 - 7:05', expected: '2024-03-05T00:05:00.000Z' },
    { input: 'Thứ hai 2/12/2024 - 09:15 GMT+7', expected: '2024-12-02T02:15:00.000Z' },
    { input: '19/11/2024 19:40 (UTC+07:00)', expected: NOV_19_1940_VN },
    { input: '19/11/2024 12:40 GMT', expected: NOV_19_1940_VN },
    { input: 'Cập nhật: 19/11/2024 19:40', expected: NOV_19_1940_VN },
    { input: 'ngày 19 tháng 11 năm 2024 19 giờ 40 phút', expected: NOV_19_1940_VN },
    { input: '19/11/2024 07:40 CH', expected: NOV_19_1940_VN }, // chiều = PM
    { input: '19/11/2024', expected: '2024-11-18T17:00:00.000Z' },
    { input: ' 19/11/2024\u00a019:40 ', expected: NOV_19_1940_VN }, // nbsp from scraped HTML
    { input: 'Thứ Ba, 19/11/2024 - 19:40'.normalize('NFD'), expected: NOV_19_1940_VN },
  ])('reads "$input" as $expected', ({ input, expected }) => {
    expect(parseFeedDate(input, VN)?.toISOString()).toBe(expected);
  });

  it.each([
    { input: undefined },
    { input: '' },
    { input: '   ' },
    { input: 'garbage' },
    { input: 'Không rõ' },
    { input: '31/02/2024' },
    { input: '29/02/2023 10:00' }, // not a leap year
    { input: '19/13/2024' },
    { input: '2024-13-01T00:00:00Z' },
    { input: '2024-11-19T25:00:00Z' },
    { input: '19/11/2024 19:61' },
    { input: 'Tue, 19 Foo 2024 12:40:00 GMT' },
    { input: '19/11/2024 bài viết số 5' },
    { input: '1/2' },
  ])('gives undefined, never an Invalid Date, for $input', ({ input }) => {
    expect(parseFeedDate(input, VN)).toBeUndefined();
  });

  it('reads a zone-less date in the given zone, following Berlin summer and winter time', () => {
    const berlin = 'Europe/Berlin';
    expect(parseFeedDate('15/07/2024 12:00', berlin)?.toISOString()).toBe('2024-07-15T10:00:00.000Z');
    expect(parseFeedDate('15/01/2024 12:00', berlin)?.toISOString()).toBe('2024-01-15T11:00:00.000Z');
    // The last day of summer time, and the first day after it.
    expect(parseFeedDate('2024-10-26 12:00', berlin)?.toISOString()).toBe('2024-10-26T10:00:00.000Z');
    expect(parseFeedDate('2024-10-27 12:00', berlin)?.toISOString()).toBe('2024-10-27T11:00:00.000Z');
    // 03:30 on the spring-forward day exists only in summer time.
    expect(parseFeedDate('31.03.2024 03:30', berlin)?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(parseFeedDate('31.03.2024 01:30', berlin)?.toISOString()).toBe('2024-03-31T00:30:00.000Z');
  });

  it('ignores the given zone when the text names one', () => {
    expect(parseFeedDate('19/11/2024 19:40 (GMT+7)', 'Europe/Berlin')?.toISOString()).toBe(NOV_19_1940_VN);
    expect(parseFeedDate('2024-11-19T12:40:00Z', 'Europe/Berlin')?.toISOString()).toBe(NOV_19_1940_VN);
  });

  it('gives undefined rather than throwing for an unknown zone name', () => {
    expect(parseFeedDate('19/11/2024 19:40', 'Not/AZone')).toBeUndefined();
  });
});
