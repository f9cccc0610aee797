// The other forms a copy gives its figures in (figure-forms.ts), and the figure check that lets them
// vouch for another copy's digits (match-score.ts compareFigures).
import { describe, expect, it } from 'vitest';
import { readFigureForms } from '../../../src/pipeline/merge/figure-forms.ts';
import { copyFigures, profileCopy } from '../../../src/pipeline/merge/match-profile.ts';
import { compareFigures } from '../../../src/pipeline/merge/match-score.ts';
import { LineWords } from '../../../src/pipeline/merge/text-tokens.ts';
import { htmlOfText } from '../../helpers/make-copy.ts';

const formsOf = (text: string) => readFigureForms(text.split('\n').map((line) => new LineWords(line)));

describe('readFigureForms', () => {
  it.each([
    { text: 'khiến hai vợ chồng tử vong', spelled: '2' },
    { text: 'tuyên phạt bị cáo hai mươi năm tù', spelled: '20' },
    { text: 'tạo việc làm cho khoảng ba nghìn rưỡi lao động', spelled: '3500' },
    { text: 'hơn ba trăm năm mươi triệu đồng', spelled: '350' },
    { text: 'Mười hai cây dầu bị cưa hạ', spelled: '12' },
    { text: 'vốn hơn 6,5 nghìn tỷ đồng', spelled: '6500' },
    { text: 'chở 2,4 tấn nội tạng', spelled: '2400' },
    { text: 'thu giữ 2.400 kg nội tạng', spelled: '2,4' },
    { text: 'chở 45 m³ dầu không giấy tờ', spelled: '45000' },
    { text: 'khoảng 4 giờ chiều, người dân nghe tiếng kêu', spelled: '16' },
  ])('$text stands for $spelled', ({ text, spelled }) => {
    expect([...formsOf(text).spelled]).toContain(spelled);
  });

  it('counts people as one thing, whatever the noun, but not a boat or a school', () => {
    const forms = formsOf('2 người bị thương, 3 nạn nhân, 4 trường hợp, 5 đối tượng, 6 cháu, 7 học sinh; 8 ca nô, 9 trường học');
    expect(Object.fromEntries(forms.counts)).toEqual({ '2': 'người', '3': 'người', '4': 'người', '5': 'người', '6': 'người', '7': 'người', '8': 'ca', '9': 'trường' });
  });

  it('notes what the text names by number, not what it counts after "tổng số" or a comma', () => {
    const forms = formsOf('thụ lý vụ việc số 12/2026, Tờ trình số 45/TTr-UBND và Đội CSGT số 06; tổng số 137 hộ, số 45 hộ');
    expect(Object.fromEntries([...forms.numbered].map(([noun, numbers]) => [noun, [...numbers]]))).toEqual({ việc: ['12'], trình: ['45'], csgt: ['6'] });
  });

  it('notes rounded values, ages and birth years', () => {
    const forms = formsOf('gần 19 m³ gỗ; Rơ Châm B. (36 tuổi) và Siu H. (SN 1994), Nguyễn Văn Đ. sinh năm 1985');
    expect(forms.approximate).toContainEqual({ value: 19, low: 19 * 0.8, high: 19 });
    expect([...forms.ages]).toEqual([36]);
    expect([...forms.birthYears].sort()).toEqual([1985, 1994]);
  });
});

describe('copyFigures', () => {
  it.each([
    { input: 'bắt giữ 09 đối tượng, 03 ghe', expected: ['9', '3'] },
    { input: 'truy nã từ năm 2022, nhiệm kỳ 2026 - 2031', expected: [] },
    { input: 'Võ Văn L. (SN 1987) chở 1.500 viên', expected: ['1987', '1500'] },
  ])('$input', ({ input, expected }) => {
    expect([...copyFigures(input)]).toEqual(expected);
  });
});

describe('compareFigures, with the figures of both copies in every form', () => {
  const side = (text: string) => profileCopy({ title: 'Tin', contentHtml: htmlOfText(text) });
  const years = () => ({ contained: 2026, other: 2026 });

  it.each([
    { name: 'words for digits', brief: 'Va chạm làm 2 người tử vong, 1 xe hư hỏng.', full: 'Va chạm khiến hai vợ chồng tử vong, một xe máy hư hỏng nặng, xe tải bị móp.' },
    { name: 'another unit', brief: 'Thu giữ 2,4 tấn nội tạng và 1 xe tải.', full: 'Lực lượng chức năng thu giữ 2.400 kg nội tạng động vật cùng một xe tải.' },
    { name: 'the afternoon for 24-hour time', brief: 'Khoảng 16h, tàu cá gặp nạn, 6 thuyền viên.', full: 'Khoảng 4 giờ chiều, tàu cá cùng 6 thuyền viên gặp nạn.' },
    { name: 'a rounded amount', brief: 'Tổng khối lượng gỗ bị khai thác gần 19 m³, 12 cây dầu.', full: 'Phát hiện 12 cây gỗ dầu bị cưa hạ với tổng khối lượng 18,6 m³.' },
    { name: 'ages for birth years', brief: 'Rơ Châm B. (36 tuổi), Siu H. (32 tuổi) và Nguyễn Văn Đ. (41 tuổi).', full: 'Rơ Châm B. (SN 1990), Siu H. (SN 1994) và Nguyễn Văn Đ. (SN 1985).' },
  ])('finds every figure of the brief in the full copy through $name', ({ brief, full }) => {
    expect(compareFigures(side(brief), side(full), years)).toMatchObject({ missing: [], agree: true });
  });

  it('finds a figure given whole where the other gives its decimals, from 10 up', () => {
    expect(compareFigures(side('Cầu dài 312 m.'), side('Cầu dài 312,5 m.'), years).missing).toEqual([]);
    expect(compareFigures(side('Cầu dài 312,5 m.'), side('Cầu dài 312 m.'), years).missing).toEqual([]);
    expect(compareFigures(side('Thiệt hại 2 tỷ đồng.'), side('Thiệt hại 2,5 tỷ đồng.'), years).missing).toEqual(['2']);
  });

  it('leaves out ages when the other copy gives nobody\'s age, but weighs them against the ages it gives', () => {
    const brief = side('Anh Trần Đức Th. (42 tuổi) và vợ (39 tuổi) được cứu sau 16 giờ.');
    expect(compareFigures(brief, side('Lực lượng cứu hộ cứu 3 người sau 16 giờ.'), years)).toMatchObject({ compared: 1, agree: true });
    expect(compareFigures(brief, side('Anh Trần Đức Th. (SN 1970) được cứu sau 16 giờ.'), years).missing).toEqual(['42', '39']);
  });

  it('still finds the figures a template sibling changed', () => {
    const check = compareFigures(side('Phát hiện 46 trường hợp vi phạm, tạm giữ 44 xe mô tô, 2 xe ô tô.'), side('Phát hiện 12 trường hợp vi phạm, tạm giữ 12 xe mô tô.'), years);
    expect(check).toMatchObject({ agree: false });
    expect(check.missing).toEqual(['46', '44', '2']);
  });
});
