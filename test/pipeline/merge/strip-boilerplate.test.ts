import { describe, expect, it } from 'vitest';
import { stripTextBoilerplate, stripTitleBoilerplate, wordCount } from '../../../src/pipeline/merge/strip-boilerplate.ts';

describe('stripTitleBoilerplate', () => {
  it.each([
    { input: '[Clip] Cứu 5 ngư dân gặp nạn trên biển Sầm Sơn', expected: 'Cứu 5 ngư dân gặp nạn trên biển Sầm Sơn' },
    { input: '[Video] Lộc Hà: Bắt quả tang 6 đối tượng đánh bạc', expected: 'Lộc Hà: Bắt quả tang 6 đối tượng đánh bạc' },
    { input: '(Ảnh) Phiên giao dịch việc làm đầu năm', expected: 'Phiên giao dịch việc làm đầu năm' },
    { input: 'Infographic: Khánh Hoà đón hơn 9 triệu lượt khách (Ảnh)', expected: 'Khánh Hoà đón hơn 9 triệu lượt khách' },
    { input: 'Video: Mặn xâm nhập sâu', expected: 'Mặn xâm nhập sâu' },
    { input: 'Cháy kho xưởng may [VIDEO]', expected: 'Cháy kho xưởng may' },
    // NFD input: the tag is still found.
    { input: '[Ảnh] Lễ hội Hoa Lư'.normalize('NFD'), expected: 'Lễ hội Hoa Lư' },
    // Words that only look like tags stay.
    { input: 'Clip ghi lại cảnh xe tải lật trên đèo', expected: 'Clip ghi lại cảnh xe tải lật trên đèo' },
    { input: 'Ảnh hưởng của bão số 5 đến sản xuất', expected: 'Ảnh hưởng của bão số 5 đến sản xuất' },
  ])('$input', ({ input, expected }) => {
    expect(stripTitleBoilerplate(input)).toBe(expected);
  });
});

describe('stripTextBoilerplate', () => {
  it.each([
    { name: 'a newspaper site tag', input: '(Baothanhhoa.vn) - Khoảng 2h sáng 9/9, tàu cá bị hỏng máy.', expected: 'Khoảng 2h sáng 9/9, tàu cá bị hỏng máy.' },
    { name: 'an abbreviation site tag', input: 'HBĐT - Ngày 23/11, Công an tỉnh cho biết.', expected: 'Ngày 23/11, Công an tỉnh cho biết.' },
    {
      name: 'an inline photo credit in a paragraph',
      input: 'Khoảng 2h sáng 9/9, tàu cá TH 90579 TS của ông Lê Văn Thuỷ bị hỏng máy, trôi dạt cách bờ khoảng 12 hải lý khi đang có gió cấp 6. (Ảnh: Biên phòng cung cấp)\nLực lượng cứu hộ đã tiếp cận.',
      expected: 'Khoảng 2h sáng 9/9, tàu cá TH 90579 TS của ông Lê Văn Thuỷ bị hỏng máy, trôi dạt cách bờ khoảng 12 hải lý khi đang có gió cấp 6.\nLực lượng cứu hộ đã tiếp cận.',
    },
    { name: 'a caption line with a credit', input: 'Ngày 23/11, Công an tỉnh triệt phá đường dây ma túy.\nTang vật do lực lượng chức năng thu giữ. Ảnh: Công an tỉnh cung cấp\nCác đối tượng khai nhận.', expected: 'Ngày 23/11, Công an tỉnh triệt phá đường dây ma túy.\nCác đối tượng khai nhận.' },
    { name: 'a caption whose credit has initials', input: 'Du khách tắm biển bị sóng cuốn.\nLực lượng cứu hộ đưa du khách vào bờ. Ảnh: T.L\nCả 3 người đều an toàn.', expected: 'Du khách tắm biển bị sóng cuốn.\nCả 3 người đều an toàn.' },
    { name: 'a caption in parentheses', input: 'Phiên giao dịch có 46 doanh nghiệp.\nQuang cảnh phiên giao dịch (Ảnh: Thu Hà)', expected: 'Phiên giao dịch có 46 doanh nghiệp.' },
    { name: 'a "Tin liên quan" list', input: 'Lực lượng cứu hộ đã lai dắt tàu vào bờ.\nTin liên quan:\nNgư dân Hậu Lộc trúng đậm\nSầm Sơn dọn vệ sinh bãi biển', expected: 'Lực lượng cứu hộ đã lai dắt tàu vào bờ.' },
    { name: 'a "Các tin tức khác" list', input: 'Doanh thu du lịch ước đạt 42.500 tỷ đồng.\nCác tin tức khác\nNha Trang khai trương phố đi bộ', expected: 'Doanh thu du lịch ước đạt 42.500 tỷ đồng.' },
    { name: 'a "Nguồn:" trailer', input: 'Tang vật thu giữ gồm 8,6 triệu đồng.\nNguồn: Công an huyện Lộc Hà', expected: 'Tang vật thu giữ gồm 8,6 triệu đồng.' },
    { name: 'a bare "Theo Báo …" credit', input: 'Dự báo đỉnh mặn sẽ xuất hiện vào giữa tháng 3.\nTheo Báo Ấp Bắc', expected: 'Dự báo đỉnh mặn sẽ xuất hiện vào giữa tháng 3.' },
    { name: 'a byline', input: 'Vụ việc đang được điều tra làm rõ.\nMinh Anh (TTXVN)', expected: 'Vụ việc đang được điều tra làm rõ.' },
    { name: 'a "Xem chi tiết" pointer', input: 'UBND tỉnh vừa trao quyết định chủ trương đầu tư cho 7 dự án.\nXem chi tiết tại Báo Bình Định.', expected: 'UBND tỉnh vừa trao quyết định chủ trương đầu tư cho 7 dự án.' },
    // Body sentences that merely start alike stay.
    { name: 'a sentence starting "Theo cáo trạng,"', input: 'Ngày 20/6, Toà án xét xử bị cáo.\nTheo cáo trạng, Hoa nhận 5 tỷ đồng.', expected: 'Ngày 20/6, Toà án xét xử bị cáo.\nTheo cáo trạng, Hoa nhận 5 tỷ đồng.' },
    { name: 'a sentence mentioning a photo', input: 'Hình ảnh: vụ cháy được người dân ghi lại và đăng lên mạng xã hội, thu hút hàng nghìn lượt xem trong buổi sáng.', expected: 'Hình ảnh: vụ cháy được người dân ghi lại và đăng lên mạng xã hội, thu hút hàng nghìn lượt xem trong buổi sáng.' },
  ])('removes $name', ({ input, expected }) => {
    expect(stripTextBoilerplate(input)).toBe(expected);
  });
});

describe('wordCount', () => {
  it('counts as split(/\\s+/) does, for every BMP character as a separator and as a letter', () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      for (const line of [`Ảnh${char}Công an`, `${char}${char}tỉnh`, `cung cấp${char}`]) {
        if (wordCount(line) !== line.split(/\s+/).length) differing.push(`U+${code.toString(16)} in ${JSON.stringify(line)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it.each(['', ' ', 'Minh Anh (TTXVN)', '  Tang vật\tthu giữ.\u00a0Ảnh: T.L  ', '\u3000Hà\u2028Nội'])('counts %j as split does', (line) => {
    expect(wordCount(line)).toBe(line.split(/\s+/).length);
  });
});
