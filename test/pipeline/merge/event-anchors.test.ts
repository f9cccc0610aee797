// What readEventAnchors takes from a line as naming an event: places after a place word, people's
// names, plates, km posts, road numbers, numbered places, lettered codes and days — and what it leaves.
import { describe, expect, it } from 'vitest';
import { readEventAnchors } from '../../../src/pipeline/merge/event-anchors.ts';

const anchorsOf = (line: string) => [...readEventAnchors([line]).anchors].sort();

describe('readEventAnchors', () => {
  it.each([
    { line: 'Va chạm tại km 46+300 QL7A (xã Hòa Quân), xe tải BKS 37C-418.62 và xe máy BKS 37H1-552.07.', expected: ['37c-418.62', '37h1-552.07', 'hoà quân', 'km 46+300', 'ql 7a'] },
    { line: 'Trên Quốc lộ 7A đoạn qua xã Hoà Quân, xe máy va chạm xe tải.', expected: ['hoà quân', 'ql 7a'] },
    { line: 'Xe tải do Phan Đình K. (SN 1979, trú xã Nam Lĩnh) điều khiển.', expected: ['nam lĩnh', 'phan đình k'] },
    { line: 'Người bị bắt là Trương Công H. Theo cơ quan công an, H. đổi tên thành "Trương Văn Hải" để lẩn trốn.', expected: ['trương công h', 'trương văn hải'] },
    { line: 'Nhân viên cứu hộ Nguyễn Văn Hòa cùng tổ tuần tra đã ứng cứu tại bãi tắm Hòn Rớ Nam.', expected: ['hòn rớ nam', 'nguyễn văn hoà'] },
    { line: 'Ghe hút cát trên sông Côn, thuộc thôn Vĩnh Lộc, tiểu khu 214.', expected: ['sông côn', 'tiểu khu 214', 'vĩnh lộc'] },
    { line: 'CAX Gio An Bắc phong tỏa khu vực tại khu phố 4.', expected: ['gio an bắc', 'khu phố 4'] },
    { line: 'Xã Quảng Tân: 2 học sinh tử vong do đuối nước tại hồ Khe Mơ', expected: ['khe mơ', 'quảng tân'] },
    { line: 'Trang web cá độ "vn88win" bị triệt phá; tàu QN-6853 bị bắt giữ trên đường tỉnh 354.', expected: ['qn-6853', 'vn88win', 'đt 354'] },
    // A special zone (đặc khu), a unit like a commune since 2025: a paper writes it where the police name the island.
    { line: 'Tàu cá bị chìm ngoài khơi đặc khu Cô Tô, năm thuyền viên được đưa vào bờ.', expected: ['cô tô'] },
    // A person in initials after a word for a person: police and papers both write victims and suspects so.
    { line: 'Tàu cá của ông Tr.V.H. (52 tuổi) bị chìm; chị T.T.H và bị can Đ.Q.T. đã được mời làm việc.', expected: ['t t h', 'tr v h', 'đ q t'] },
    { line: 'Bà L. trình báo mất xe; Công an xã T.V. cho biết, N.V.L. là cán bộ.', expected: [] },
    // A numbered place with "số" before its number is the same place: "tổ dân phố số 6" is "tổ dân phố 6".
    { line: 'Tối 21/3, tại tổ dân phố số 6 và khu phố số 12 xảy ra vụ việc; nhà số 5 bị hư hỏng.', expected: ['khu phố 12', 'tổ dân phố 6'] },
  ])('$line', ({ line, expected }) => {
    expect(anchorsOf(line)).toEqual(expected);
  });

  it('keeps apart the anchors read as places, never a run opening with a family name after a place word', () => {
    const { places, anchors } = readEventAnchors(['Tại xã Pa Ló, xóm Đoàn Thanh niên và sông Côn, ông Phan Đình K. cho biết.']);
    expect([...places].sort()).toEqual(['pa ló']);
    expect([...anchors].sort()).toEqual(['pa ló', 'phan đình k', 'sông côn', 'đoàn thanh']);
  });

  it.each([
    { name: 'a capital at the start of a sentence', line: 'Khoảng 21h15, CSGT đang khám nghiệm hiện trường. Hiện vụ việc đang được điều tra.' },
    { name: 'offices and their abbreviations', line: 'Phòng Cảnh sát hình sự phối hợp Đội CSGT và UBND xã tổ chức ra quân.' },
    { name: 'a capitalised phrase that is no name', line: 'Đoàn Thanh niên và Hội Phụ nữ dịp Tết Nguyên đán Bính Ngọ.' },
    { name: 'a province or city, which every copy from it names', line: 'Công an tỉnh Nghệ An và Công an TP Hồ Chí Minh phối hợp.' },
    { name: 'a place word ending a sentence', line: 'Xe chạy về trung tâm tỉnh. Khi đến nơi thì gặp nạn.' },
  ])('takes nothing from $name', ({ line }) => {
    expect(anchorsOf(line)).toEqual([]);
  });

  it('reads the days a line mentions, without their years or zeros, and not months of a year', () => {
    const { days } = readEventAnchors(['Khoảng 22h ngày 02/3/2026, sau khi bị truy nã từ tháng 6/2022; hôm sau, 3/3, khai nhận.']);
    expect([...days].sort()).toEqual(['2/3', '3/3']);
  });
});

describe('parts of the day named in words', () => {
  const partsOf = (line: string) => [...readEventAnchors([line]).dayParts].sort((a, b) => a - b);
  it.each([
    { line: 'Rạng sáng 27/2, lực lượng PCCC cứu 4 người.', expected: [0, 1, 2, 3, 4, 5] },
    { line: 'Gần nửa đêm, xe khách lao xuống vực.', expected: [0, 1, 22, 23] },
    { line: 'Tối 21/8, chị Tr. bị giật túi.', expected: [18, 19, 20, 21, 22] },
    // Said of a day already named: a second moment of it, not when the event happened.
    { line: 'Chiều cùng ngày, đoàn kiểm tra làm việc.', expected: [] },
    { line: 'Tối cùng ngày, sáng 9/8 mưa lại.', expected: [5, 6, 7, 8, 9, 10, 11] },
    { line: 'Rạng sáng cùng ngày, nước rút dần.', expected: [] },
    { line: 'Xe khách gặp nạn chiều tối cùng ngày, tối 9/8 mới thông đường.', expected: [18, 19, 20, 21, 22] },
    { line: 'Chiều dài cây cầu là 120 m, tối đa 10 tấn; sáng kiến của xã.', expected: [] },
  ])('$line', ({ line, expected }) => {
    expect(partsOf(line)).toEqual(expected);
  });
});

describe('capitalised runs where the other copy\'s anchors are looked for', () => {
  it('reads a name with a word between it and its place word, without making it an anchor', () => {
    const read = readEventAnchors(['Sáng 6/3, tại xã biên giới Bắc Quan Nam, ngôi trường nội trú được khởi công.']);
    expect([...read.names]).toContain('bắc quan nam');
    expect([...read.anchors]).not.toContain('bắc quan nam');
  });
});

describe('an avenue names its road', () => {
  it('reads the name after "Đại lộ" as a place', () => {
    expect([...readEventAnchors(['Tổ CSGT dẫn đường trên Đại lộ Thăng Long đến bệnh viện.']).anchors]).toContain('thăng long');
  });
});
