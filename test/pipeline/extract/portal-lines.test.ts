// Tables of the lines Vietnamese portals print: dates beside a title, closing bylines, related-news headings, widgets.
import { describe, expect, it } from 'vitest';
import { readByline } from '../../../src/pipeline/extract/find-byline.ts';
import { findDateText } from '../../../src/pipeline/extract/find-date.ts';
import { isRelatedHeading, isSidebarTitle, isViewCounter, isWidgetText } from '../../../src/pipeline/extract/portal-words.ts';
import { parseFeedDate } from '../../../src/pipeline/normalize/parse-date.ts';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('findDateText', () => {
  it.each([
    { line: 'Thứ Ba, 12/03/2019 - 16:45', iso: '2019-03-12T09:45:00.000Z' },
    { line: '12/03/2019 | 16:45 | Lượt xem: 120', iso: '2019-03-12T09:45:00.000Z' },
    { line: 'Cập nhật: 12/03/2019 16:45', iso: '2019-03-12T09:45:00.000Z' },
    { line: 'Đăng lúc 08:30 ngày 05/12/2026 (GMT+7)', iso: '2026-12-05T01:30:00.000Z' },
    { line: '19h40 ngày 19/11/2024', iso: '2024-11-19T12:40:00.000Z' },
    { line: 'Ngày 5-12-2026', iso: '2026-12-04T17:00:00.000Z' },
    { line: 'Thứ sáu, 4 Tháng 12 2026 07:30', iso: '2026-12-04T00:30:00.000Z' },
    { line: 'ngày 4 tháng 12 năm 2026', iso: '2026-12-03T17:00:00.000Z' },
  ])('reads "$line"', ({ line, iso }) => {
    const found = findDateText(line, ZONE);
    expect(found && parseFeedDate(found, ZONE)?.toISOString()).toBe(iso);
  });

  it.each(['Số 12/2019/NĐ-CP', 'Thực hiện Kế hoạch 45/KH-UBND', 'Tin tức - Sự kiện'])('finds no date in "%s"', (line) => {
    expect(findDateText(line, ZONE)).toBeUndefined();
  });
});

describe('readByline', () => {
  it.each([
    { line: 'Minh Anh', name: 'Minh Anh' },
    { line: 'Hoàng Long - Thu Hà.', name: 'Hoàng Long - Thu Hà' },
    { line: 'Minh Anh (Công an xã Hòa An)', name: 'Minh Anh' },
    { line: 'Thu Hà (Phòng Văn hóa)', name: 'Thu Hà' },
    { line: 'K.V.L', name: 'K.V.L' },
    { line: 'Ph.Đ.H.', name: 'Ph.Đ.H' },
    { line: 'K.V.L (Trung tâm Y tế khu vực)', name: 'K.V.L' },
    { line: 'K.V.L - Hội Nông dân xã', name: 'K.V.L' },
    { line: 'Bài, ảnh: K.V.L – Trường THCS Hòa An 2', name: 'K.V.L' },
    { line: 'Tin: K.V.L – Ban Chỉ huy Quân sự xã', name: 'K.V.L' },
    { line: 'Tin, ảnh: Hoàng Long - Thu Hà', name: 'Hoàng Long - Thu Hà' },
    { line: 'Nguồn: Báo Cao Bằng', name: 'Báo Cao Bằng' },
    { line: 'Theo TTXVN', name: 'TTXVN' },
    { line: 'Theo baocaobang.vn', name: 'baocaobang.vn' },
    { line: 'Tin, ảnh: Hoàng Long', name: 'Hoàng Long' },
    { line: 'PV', name: 'PV' },
  ])('takes "$name" from "$line"', ({ line, name }) => {
    expect(readByline(line)).toBe(name);
  });

  it.each(['Đây là hoạt động thiết thực.', 'Theo kế hoạch, xã sẽ tập huấn', 'Ảnh: Minh Anh', 'Lượt xem: 12', 'Kết quả', 'TP.HCM', 'Q.1'])('reads no byline in "%s"', (line) => {
    expect(readByline(line)).toBeUndefined();
  });
});

describe('portal words', () => {
  it.each(['Các tin tức khác', 'TIN LIÊN QUAN', 'Tin cùng chuyên mục:', 'Bài viết liên quan', 'Xem thêm: Bắt giữ đối tượng'])('"%s" opens a related-news block', (line) => {
    expect(isRelatedHeading(line)).toBe(true);
  });
  it('a sentence that mentions related news is not a heading', () => {
    expect(isRelatedHeading('Tin liên quan đến vụ việc được Công an xã xác minh, làm rõ.')).toBe(false);
  });
  it.each(['Tin nổi bật', 'Tin xem nhiều', 'TIN ĐỌC NHIỀU'])('"%s" titles a sidebar', (line) => expect(isSidebarTitle(line)).toBe(true));
  it.each(['Lượt xem: 152', 'Số lượt xem 1.204'])('"%s" is a view counter', (line) => expect(isViewCounter(line)).toBe(true));
  it.each(['Chia sẻ | In bài | Gửi email', 'Facebook Zalo', 'A- A A+', 'Quảng cáo', 'ADVERTISEMENT'])('"%s" is a widget', (line) => expect(isWidgetText(line)).toBe(true));
  it.each(['Ủy ban nhân dân xã', 'In ấn tài liệu tuyên truyền', 'Quảng cáo sai sự thật'])('"%s" is not a widget', (line) => expect(isWidgetText(line)).toBe(false));
});
