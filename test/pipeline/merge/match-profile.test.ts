// profileCopy reuses the copy's per-line comparison keys (shared with categorising) for lines that
// boilerplate stripping leaves alone; its profile must equal the one keyed from the stripped text whole.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFigures, profileCopy } from '../../../src/pipeline/merge/match-profile.ts';
import { stripTextBoilerplate, stripTitleBoilerplate } from '../../../src/pipeline/merge/strip-boilerplate.ts';
import { shingleWords } from '../../../src/pipeline/merge/text-shingles.ts';
import { copyText } from '../../../src/pipeline/normalize/copy-text.ts';
import { syllables } from '../../../src/pipeline/normalize/vietnamese-text.ts';
import { htmlOfText } from '../../helpers/make-copy.ts';
import { seededRandom } from '../../helpers/random-html.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');

/** The profile from the stripped title and text as one string, as it was first computed. */
function profileWhole(copy: { title: string; contentHtml: string }) {
  const body = stripTextBoilerplate(copyText(copy));
  return { shingles: shingleWords(syllables(`${stripTitleBoilerplate(copy.title)}\n${body}`)), figures: copyFigures(body) };
}

const TITLES = ['[Clip] Cứu 5 ngư dân gặp nạn', 'Thủy điện Hòa Bình xả lũ', 'Infographic: Khánh Hoà đón 9 triệu khách (Ảnh)', 'Tai nạn giao thông'];
const LINES = [
  '(Baothanhhoa.vn) - Khoảng 2h sáng 9/9, tàu cá bị hỏng máy.',
  'HBĐT - Ngày 23/11, Công an tỉnh cho biết.',
  'Tàu cá của ông Lê Văn Thuỷ bị hỏng máy, trôi dạt 12 hải lý. (Ảnh: Biên phòng cung cấp)',
  'Tang vật do lực lượng chức năng thu giữ. Ảnh: Công an tỉnh cung cấp',
  'Các đối tượng khai nhận đã vận chuyển 3,2 kg ma túy từ Sơn La về Hòa Bình.',
  'Lực lượng cứu hộ đã lai dắt tàu vào bờ an toàn, sức khỏe ngư dân ổn định.',
  'Theo cáo trạng, bị cáo nhận 5 tỷ đồng.',
  'Nguồn: Công an huyện Lộc Hà',
  'Tin liên quan:',
  'Minh Anh (TTXVN)',
];

function pairsText(): { title: string; text: string }[] {
  const { pairs } = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/merge-eval/pairs.json'), 'utf8')) as {
    pairs: { a: { title: string; text: string }; b: { title: string; text: string } }[];
  };
  return pairs.flatMap(({ a, b }) => [a, b]);
}

describe('profileCopy', () => {
  it('equals the profile of the stripped text keyed whole, for every merge-eval text', () => {
    for (const { title, text } of pairsText()) {
      const copy = { title, contentHtml: htmlOfText(text) };
      expect(profileCopy(copy)).toMatchObject(profileWhole(copy));
    }
  });

  it('equals the profile of the stripped text keyed whole, with site tags, captions, credits and trailers', () => {
    const random = seededRandom(21);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let index = 0; index < 500; index++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(LINES)).join('\n');
      const copy = { title: pick(TITLES), contentHtml: htmlOfText(text) };
      expect(profileCopy(copy)).toMatchObject(profileWhole(copy));
    }
  });
});

describe('copyFigures leaves out times of day and numbers that name', () => {
  it.each([
    { text: 'Khoảng 2h15 ngày 27/2, 4 người mắc kẹt; đến 2h55 đám cháy được dập tắt.', expected: ['4'] },
    { text: 'Lúc 16g30, 3 xe chữa cháy và 18 CBCS có mặt.', expected: ['3', '18'] },
    { text: 'Khoảng 22 giờ, người dân phát hiện 14 xe bị cháy.', expected: ['14'] },
    { text: 'Lúc 10 giờ 15 phút, khoảng 40 phút sau đám cháy được dập tắt.', expected: [] },
    { text: 'Anh Th. được cứu sau 16 giờ, trong 3 giờ đồng hồ.', expected: ['16', '3'] },
    { text: 'Hồi đầu tháng 3, hai học sinh lớp 7 ngã; bị cáo bị xử theo Điều 251, khoản 2.', expected: [] },
    { text: 'Tổ CSGT thuộc Đội CSGT số 6 giúp gia đình ở nhà số 18, tổ 3 đưa 2 người đi cấp cứu.', expected: ['2'] },
    { text: 'Trong 03 ngày, từ ngày 24 đến ngày 26/2 (mùng 8 Tết), đón 15.000 lượt khách.', expected: ['3', '15000'] },
    { text: 'Thu giữ 12g ma túy và 300 triệu đồng.', expected: ['12', '300'] },
    { text: 'Cầu dài 312 m, tải trọng HL93, diện tích 400 m2, trên QL1.', expected: ['312', '400'] },
    { text: 'Xe tải BKS 37C-418.62 tại km 46+300 Quốc lộ 7A chở 5kg hàng.', expected: ['5'] },
    // "số" and "điều" count too: a total, a number of households, fire engines dispatched.
    { text: 'Đội PCCC điều 3 xe chữa cháy, 12 chiến sĩ. Tổng số 137 hộ bị ảnh hưởng, số 45 hộ phải di dời.', expected: ['3', '12', '137', '45'] },
    { text: 'Trạm số 2 và kho số 3 ở số 5 ngõ Chợ Cũ bị cháy; vi phạm khoản 2 Điều 134.', expected: [] },
  ])('$text', ({ text, expected }) => {
    expect([...copyFigures(text)].sort()).toEqual([...expected].sort());
  });
});
