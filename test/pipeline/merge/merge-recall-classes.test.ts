// Classes of rewritten copies issue 13's later blind sets showed the rules missing, each with the sibling that must
// stay apart: days written with dashes, one night told as two days; and a copy a day on naming every anchor of the
// brief, which stays apart (a 48 h window for strong anchors joined three different events of a held-out set).
import { describe, expect, it } from 'vitest';
import type { Copy, Story } from '../../../src/model/types.ts';
import { profileCopy, slashDates } from '../../../src/pipeline/merge/match-profile.ts';
import { makeCopy, makeSource } from '../../helpers/make-copy.ts';
import { mergeOneByOne as mergeInCycles } from '../../helpers/merge-cycles.ts';

const sources = new Map(['cong-an', 'bao', 'cong-tt', 'xa'].map((id) => [id, makeSource(id, { priority: id === 'cong-an' ? 3 : 1 })]));
const mergeOneByOne = (copies: readonly Copy[]): Story[] => mergeInCycles(copies, sources);
const keysOf = (stories: Story[]) => stories.map((story) => story.copies.map((copy) => copy.key));

describe('days written with dashes or dots', () => {
  it('reads "ngày 12-11-2026" and "08.02.2026" as the days they are, never as figures', () => {
    expect(slashDates('Ngày 12-11-2026, TAND mở phiên tòa; rạng sáng 08.02.2026 tàu gặp nạn.')).toBe('Ngày 12/11/2026, TAND mở phiên tòa; rạng sáng 08/02/2026 tàu gặp nạn.');
    expect(slashDates('ngày 3-4 tới')).toBe('ngày 3/4 tới');
    // "từ ngày 10-12" is from the 10th to the 12th.
    expect(slashDates('Lễ hội diễn ra từ ngày 10-12 tháng 3, khai mạc Ngày 10-3.')).toBe('Lễ hội diễn ra từ ngày 10-12 tháng 3, khai mạc Ngày 10/3.');
    // No year and no "ngày": a score or a range, left alone; so is an amount and an impossible day.
    expect(slashDates('thắng 3-1, thu 1.500.000 đồng, 45-13-2026')).toBe('thắng 3-1, thu 1.500.000 đồng, 45-13-2026');
    const profile = profileCopy({ title: 'Xét xử bị cáo Lâm Văn R.', contentHtml: '<p>Ngày 12-11-2026, TAND thành phố xét xử bị cáo Lâm Văn R. (SN 1987), phạt 12 năm tù.</p>' });
    expect([...profile.days]).toEqual(['12/11']);
    expect([...profile.figures].sort()).toEqual(['12', '1987']);
  });
});

// A trial the police portal reports the evening it ends; the ward's portal re-posts the e-portal's account the next
// evening, 27 hours on, naming the same defendant and ward and the same day — only it writes the day "12/11/2026".
const COURT_BRIEF = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-court',
  title: 'TAND thành phố xét xử bị cáo giết người ở phường Tân Hòa Đông',
  text: 'Ngày 12-11-2026, TAND thành phố mở phiên tòa sơ thẩm xét xử bị cáo Phạm Văn Đ. (SN 1985) về tội Giết người. Theo cáo trạng, tối 2/4/2026, sau cuộc nhậu, Đ. dùng dao đâm anh Tô Văn L. tử vong tại phường Tân Hòa Đông. HĐXX tuyên phạt bị cáo tù chung thân.',
  datePublished: '2026-11-12T09:40:00.000Z',
});
const WARD_REPOST = makeCopy({
  sourceId: 'xa',
  key: 'guid:xa-court',
  title: 'Phiên tòa lưu động xét xử vụ giết người tại phường Tân Hòa Đông',
  text: 'Ngày 12/11/2026, TAND thành phố phối hợp UBND phường Tân Hòa Đông tổ chức phiên tòa lưu động xét xử bị cáo Phạm Văn Đ. về tội Giết người. Phiên tòa góp phần tuyên truyền pháp luật tới người dân; bị cáo bị tuyên phạt tù chung thân.\nNguồn: Cổng Thông tin điện tử thành phố',
  datePublished: '2026-11-13T12:40:00.000Z',
});
// The follow-up: the appeal two days on, naming the same defendant and ward, and the day it reports.
const APPEAL = makeCopy({
  sourceId: 'xa',
  key: 'guid:xa-appeal',
  title: 'Bị cáo Phạm Văn Đ. kháng cáo bản án chung thân',
  text: 'Ngày 14/11/2026, bị cáo Phạm Văn Đ. (phường Tân Hòa Đông) đã nộp đơn kháng cáo bản án tù chung thân mà TAND thành phố tuyên hôm 12/11, xin giảm nhẹ hình phạt.',
  datePublished: '2026-11-14T08:00:00.000Z',
});

describe('a copy a day or two after the brief, naming every anchor it names', () => {
  it('stays a story of its own beyond a day, even when the two anchors it names are all the brief\'s and it reports the same day', () => {
    expect(keysOf(mergeOneByOne([COURT_BRIEF, WARD_REPOST]))).toEqual([['guid:ca-court'], ['guid:xa-court']]);
  });

  // Two days on it is beyond the 24 h window whatever it names; the later day a copy reports is dayAfter's (rewrite-match.test.ts).
  it('keeps apart a follow-up two days on, naming the same person and ward and the later day it reports', () => {
    expect(keysOf(mergeOneByOne([COURT_BRIEF, APPEAL]))).toEqual([['guid:ca-court'], ['guid:xa-appeal']]);
  });
});

// One night's landslide: the commune police tell of the morning after, the paper of the night it rained.
const LANDSLIDE_BRIEF = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-landslide',
  title: '[Clip] Công an xã Nà Sáng Thượng giúp dân di dời khỏi vùng sạt lở',
  text: 'Sáng 9/8, Công an xã Nà Sáng Thượng huy động lực lượng giúp các hộ dân bản Pá Khoang chuyển đồ đạc, gia súc tới nơi an toàn sau khi sạt lở đất vùi lấp 3 ngôi nhà. Không có thiệt hại về người.',
  datePublished: '2026-08-09T02:30:00.000Z',
});
const landslideRewrite = (when: string) =>
  makeCopy({
    sourceId: 'bao',
    key: 'guid:bao-landslide',
    title: 'Đồi sạt trong mưa, ba ngôi nhà bị vùi lấp',
    text: `(BĐB) - Mưa lớn ${when} khiến một quả đồi phía sau bản Pá Khoang (xã Nà Sáng Thượng) sạt xuống, vùi lấp ba ngôi nhà. Các gia đình đã kịp chạy ra ngoài trước khi đất đá đổ xuống.`,
    datePublished: '2026-08-09T07:00:00.000Z',
  });

describe('the night of one day and the small hours of the next', () => {
  it('joins a rewrite naming the night before the day the brief names', () => {
    expect(keysOf(mergeOneByOne([LANDSLIDE_BRIEF, landslideRewrite('suốt đêm 8/8')]))).toEqual([['guid:ca-landslide', 'guid:bao-landslide']]);
  });

  it('keeps apart a copy naming the day before in daylight: another event at the same place', () => {
    expect(keysOf(mergeOneByOne([LANDSLIDE_BRIEF, landslideRewrite('chiều 8/8')]))).toEqual([['guid:ca-landslide'], ['guid:bao-landslide']]);
  });
});

// One copy names a commune with its place word, the other only as a capitalised run ("xã biên giới Pa Ló", "ở Pa
// Ló"): the weighing counts it as shared, and now it proposes too, either way, when hardly another story names it.
const SCHOOL_PAPER = makeCopy({
  sourceId: 'bao',
  key: 'guid:bao-school',
  title: 'Học trò vùng cao vào năm học mới trong phòng học kiên cố',
  text: '(NA) - Sáng 28/8, Trường Tiểu học và THCS Pa Ló (xã Pa Ló) khánh thành khu nhà học 3 tầng với 12 phòng học, kịp đón học sinh vào năm học mới. Công trình có tổng kinh phí 15 tỷ đồng do một doanh nghiệp tài trợ. Hơn 400 học sinh người Mông sẽ được học trong phòng học kiên cố.',
  datePublished: '2026-08-28T03:00:00.000Z',
});
const SCHOOL_PORTAL = makeCopy({
  sourceId: 'cong-tt',
  key: 'guid:tt-school',
  title: 'Khánh thành công trình trường học tại xã biên giới Pa Ló',
  text: 'Ngày 28/8/2026, UBND tỉnh phối hợp Công ty CP Hòa Phát Bắc tổ chức lễ khánh thành, bàn giao công trình nhà lớp học ba tầng cho nhà trường. Công trình gồm 12 phòng học, tổng giá trị 15.000 triệu đồng.',
  datePublished: '2026-08-28T08:30:00.000Z',
});

describe('a place one copy names only as a capitalised run', () => {
  it('proposes the story naming it as a place, and the copies join by the place, the day and two figures', () => {
    expect(keysOf(mergeOneByOne([SCHOOL_PAPER, SCHOOL_PORTAL]))).toEqual([['guid:bao-school', 'guid:tt-school']]);
  });

  it('is proposed by the later copy naming it as a place', () => {
    expect(keysOf(mergeOneByOne([{ ...SCHOOL_PORTAL, datePublished: '2026-08-28T02:00:00.000Z' }, SCHOOL_PAPER]))).toEqual([['guid:tt-school', 'guid:bao-school']]);
  });
});
