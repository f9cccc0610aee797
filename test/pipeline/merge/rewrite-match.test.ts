// The rewrite rule (rewrite-match.ts): a police brief and a newspaper's rewrite of it are one story;
// a template sibling, a follow-up, a copy a day and more later, and a copy sharing only a commune's name
// are not.
import { describe, expect, it } from 'vitest';
import { profileCopy, type MatchProfile } from '../../../src/pipeline/merge/match-profile.ts';
import { anchorWeight, dayAfter, judgeRewrite, sameNight, weighAnchors, type LocalDay } from '../../../src/pipeline/merge/rewrite-match.ts';
import { hoursDisagree, sharedHour } from '../../../src/pipeline/merge/event-times.ts';
import { htmlOfText } from '../../helpers/make-copy.ts';

const HOUR_MS = 3600 * 1000;
const profile = (title: string, text: string) => profileCopy({ title, contentHtml: htmlOfText(text) });

const BRIEF = profile(
  '[Clip] Va chạm giữa xe tải và xe máy trên QL7A, 2 người tử vong',
  'Khoảng 21h15 ngày 5/1, tại km 46+300 QL7A (xã Hòa Quân) xảy ra va chạm giữa xe tải BKS 37C-418.62 và xe máy BKS 37H1-552.07 làm 2 người trên xe máy tử vong tại chỗ.\n' +
    'CSGT và Công an xã Hòa Quân đang khám nghiệm hiện trường.',
);
const REWRITE = profile(
  'Xe máy va chạm xe tải trên Quốc lộ 7A, hai vợ chồng tử vong',
  'Khoảng 21 giờ 15 phút tối 5/1, trên Quốc lộ 7A đoạn qua xã Hòa Quân đã xảy ra vụ va chạm khiến hai vợ chồng đi trên xe máy tử vong tại chỗ.\n' +
    'Xe tải mang biển kiểm soát 37C-418.62 do ông Phan Đình K. điều khiển, khi đến km 46+300 thì va chạm với xe máy biển kiểm soát 37H1-552.07 chạy ngược chiều.',
);
const SIBLING = profile(
  'Va chạm giữa xe khách và xe máy trên QL7A, 2 người tử vong',
  'Khoảng 6h30 ngày 5/1, tại km 112+500 QL7A (xã Tân Kỳ Bắc) xảy ra va chạm giữa xe khách BKS 37B-031.25 và xe máy BKS 37D1-447.19 làm 2 người tử vong.\n' +
    'CSGT và Công an xã Tân Kỳ Bắc đang khám nghiệm hiện trường.',
);
const SURRENDER = profile(
  'Tài xế gây tai nạn rồi bỏ chạy đã ra đầu thú',
  'Chiều 22/10, Mạc Văn Ch. (39 tuổi, trú xã Vĩnh Bảo Đông) đến công an đầu thú, khai là người lái xe tải 15C-228.71 va chạm với xe máy của anh Đào Văn Kh. rạng sáng 20/10.',
);
const PROSECUTION = profile(
  'Khởi tố tài xế gây tai nạn chết người rồi bỏ chạy',
  'Ngày 23/10, Cơ quan CSĐT khởi tố Mạc Văn Ch. (SN 1987, trú xã Vĩnh Bảo Đông), người lái xe tải 15C-228.71 làm anh Đào Văn Kh. tử vong sáng 20/10, đến ngày 22/10 thì ra đầu thú.',
);

const day = (year: number, month: number, date: number): LocalDay => ({ year, month, day: date });
const alone = () => 0;

function judge(copy: MatchProfile, other: MatchProfile, options: { gapHours?: number; copyDay?: LocalDay; otherDay?: LocalDay; containment?: number; others?: (anchor: string) => number } = {}) {
  return judgeRewrite({
    copy,
    other,
    anchors: weighAnchors(copy, other, options.others ?? alone),
    containment: options.containment ?? 0.1,
    gapMs: (options.gapHours ?? 10) * HOUR_MS,
    copyDay: options.copyDay ?? day(2026, 1, 6),
    otherDay: options.otherDay ?? day(2026, 1, 5),
  });
}

describe('judgeRewrite', () => {
  it('recognises a newspaper rewrite of a police brief by its places, plates and figures', () => {
    const verdict = judge(REWRITE, BRIEF);
    expect(verdict.anchors.shared).toEqual(expect.arrayContaining(['hoà quân', '37c-418.62', '37h1-552.07', 'km 46+300']));
    expect(verdict).toMatchObject({ same: true, figures: { agree: true } });
  });

  it('keeps apart the same template on the same road with another commune, km post and plates', () => {
    expect(judge(SIBLING, BRIEF, { gapHours: 5 }).same).toBe(false);
  });

  it('keeps apart a follow-up that reports a day after the other copy was published', () => {
    const verdict = judge(PROSECUTION, SURRENDER, { gapHours: 22, copyDay: day(2026, 10, 23), otherDay: day(2026, 10, 22) });
    expect(verdict).toMatchObject({ laterDay: '23/10', same: false });
  });

  it('asks a rewrite to come within a day, however strong its anchors (48 h for strong anchors joined three different events of a held-out set)', () => {
    expect(judge(REWRITE, BRIEF, { gapHours: 23 }).same).toBe(true);
    expect(judge(REWRITE, BRIEF, { gapHours: 25 }).same).toBe(false);
  });

  it('takes one night told as two days for the day one place stands on ("đêm 13/6" and "rạng sáng 14/6")', () => {
    const report = profile('Báo cáo nhanh thiệt hại do lũ quét tại xã Pá Hu', 'Đêm 13, rạng sáng ngày 14/6/2026, trên địa bàn xã Pá Hu đã xảy ra lũ quét làm 03 nhà bị cuốn trôi.');
    const night = profile('Đêm trắng chạy lũ', '(BLC) - Mưa như trút nước suốt đêm 13/6 ở xã Pá Hu, khoảng 1 giờ sáng nước suối dâng cao cuốn trôi ba ngôi nhà.');
    const afternoon = profile('Chiều chạy lũ', '(BLC) - Mưa như trút nước chiều 13/6 ở xã Pá Hu, khoảng 4 giờ chiều nước suối dâng cao cuốn trôi ba ngôi nhà.');
    expect(judge(night, report, { gapHours: 3, copyDay: day(2026, 6, 14), otherDay: day(2026, 6, 14) })).toMatchObject({ sameTime: 'đêm 13/6 1h', same: true });
    expect(judge(afternoon, report, { gapHours: 3, copyDay: day(2026, 6, 14), otherDay: day(2026, 6, 14) }).same).toBe(false);
  });

  it('weighs down anchors that many stories of the window name, so a river and a district town match nothing', () => {
    expect(anchorWeight(1)).toBe(1);
    expect(anchorWeight(20)).toBeCloseTo(0.05);
    expect(judge(REWRITE, BRIEF, { others: () => 20 }).same).toBe(false);
  });

  it('takes one anchor only when the copies share a good part of their wording too', () => {
    // No hour or part of the day and too few figures to stand for the anchors by place and day (see the next tests).
    const brief = profile('Cháy nhà dân', 'Ngày 8/7, căn nhà của ông Huỳnh Văn B. bị cháy, thiệt hại khoảng 300 triệu đồng.');
    const other = profile('Cháy nhà dân', 'Ngày 8/7, căn nhà của ông Huỳnh Văn B. bị cháy, không ai bị thương, thiệt hại khoảng 300 triệu đồng.');
    expect(judge(other, brief, { containment: 0.1 }).same).toBe(false);
    expect(judge(other, brief, { containment: 0.35 }).same).toBe(true);
  });

  it('takes one shared place when both put the event on the same day at the same hour, and not at another hour', () => {
    const clip = profile('[Clip] Nổ bình gas tại quán ăn ở phường Hòa Vinh, 3 người bị thương', 'Khoảng 10h15 ngày 20/12, tại quán ăn trên đường Trần Hưng Đạo, phường Hòa Vinh xảy ra vụ nổ bình gas làm 3 người bị thương.');
    const story = profile(
      'Tiếng nổ lớn ở quán cơm, ba người bị thương',
      'Khoảng hơn 10 giờ sáng 20/12, bình gas trong bếp một quán cơm ở phường Hòa Vinh phát nổ. Chủ quán là ông Lê Văn Ph. (46 tuổi) bị bỏng; ba người được đưa đi cấp cứu.',
    );
    const evening = profile(
      'Tiếng nổ lớn ở quán cơm, ba người bị thương',
      'Khoảng 7 giờ tối 20/12, bình gas trong bếp một quán cơm ở phường Hòa Vinh phát nổ. Chủ quán là ông Lê Văn Ph. (46 tuổi) bị bỏng; ba người được đưa đi cấp cứu.',
    );
    const days = { gapHours: 4, copyDay: day(2026, 12, 20), otherDay: day(2026, 12, 20) };
    expect(judge(story, clip, days)).toMatchObject({ sameTime: '20/12 10h', same: true });
    expect(judge(evening, clip, days)).toMatchObject({ sameTime: '20/12', same: false });
  });

  it('takes one shared place and day with two distinctive figures in common, not one', () => {
    const council = profile(
      'HĐND xã Tân Lập tổ chức kỳ họp thứ Năm',
      'Ngày 16/12/2026, HĐND xã Tân Lập tổ chức kỳ họp thứ Năm. Năm 2026, tổng giá trị sản xuất ước đạt 1.250 tỷ đồng; thu nhập bình quân 68 triệu đồng/năm; tỷ lệ hộ nghèo còn 1,4%; dự toán thu ngân sách 48,6 tỷ đồng.',
    );
    const two = profile(
      'Tân Lập đặt mục tiêu thu ngân sách hơn bốn mươi tỷ đồng',
      '(BTL) - Tại kỳ họp HĐND xã Tân Lập ngày 16/12, đại biểu nghe báo cáo tỷ lệ hộ nghèo còn 1,4% và thông qua dự toán thu ngân sách năm tới 48,6 tỷ đồng.',
    );
    const one = profile(
      'Tân Lập giảm tỷ lệ hộ nghèo',
      '(BTL) - Tại kỳ họp HĐND xã Tân Lập ngày 16/12, đại biểu nghe báo cáo tỷ lệ hộ nghèo giảm còn 1,4%, nhiều ý kiến đề nghị hỗ trợ thêm sinh kế cho hộ cận nghèo.',
    );
    const days = { gapHours: 15, copyDay: day(2026, 12, 17), otherDay: day(2026, 12, 16) };
    expect(judge(two, council, days)).toMatchObject({ sameTime: '16/12', same: true });
    expect(judge(one, council, days)).toMatchObject({ sameTime: '16/12', same: false });
  });

  it('takes one shared place and day with three distinctive figures in common, whichever copy states them in digits', () => {
    const council = profile(
      'HĐND xã Tân Lập tổ chức kỳ họp thứ Năm',
      'Ngày 16/12/2026, HĐND xã Tân Lập tổ chức kỳ họp thứ Năm. Năm 2026, tổng giá trị sản xuất ước đạt 1.250 tỷ đồng; thu nhập bình quân 68 triệu đồng/năm; tỷ lệ hộ nghèo còn 1,4%; dự toán thu ngân sách 48,6 tỷ đồng.',
    );
    const paper = profile(
      'Thu nhập bình quân ở Tân Lập đạt sáu mươi tám triệu đồng',
      '(BTL) - Tại kỳ họp HĐND xã Tân Lập ngày 16/12, tỷ lệ hộ nghèo được báo cáo giảm còn 1,4%, thu nhập bình quân sáu mươi tám triệu đồng mỗi năm, dự toán thu ngân sách năm tới 48,6 tỷ đồng.',
    );
    const fewer = profile(
      'Thu nhập bình quân ở Tân Lập tăng',
      '(BTL) - Tại kỳ họp HĐND xã Tân Lập ngày 16/12, thu nhập bình quân sáu mươi tám triệu đồng mỗi năm được báo cáo.',
    );
    const days = { gapHours: 15, copyDay: day(2026, 12, 17), otherDay: day(2026, 12, 16) };
    expect(judge(paper, council, days)).toMatchObject({ sameTime: '16/12', same: true });
    expect(judge(fewer, council, days)).toMatchObject({ sameTime: '16/12', same: false });
  });

  it('takes the brief to be the copy whose figures the other holds, though it states more of them in digits', () => {
    const clip = profile('[Clip] Cứu 3 du khách tại bãi tắm Hòn Gầm', 'Khoảng 16h ngày 4/10, CAP Bắc Hải cứu 3 du khách (2 người lớn, 1 trẻ em) tại bãi tắm Hòn Gầm. Cháu bé 10 tuổi được chuyển cấp cứu.');
    const paper = profile(
      'Ba người trong một gia đình bị sóng cuốn',
      'Khoảng 4 giờ chiều 4/10, ba du khách trong một gia đình bị sóng cuốn tại bãi Hòn Gầm (phường Bắc Hải): anh Trần Đức Th. (42 tuổi), vợ là chị Mai Thị Ng. (39 tuổi) và con trai mười tuổi.',
    );
    const verdict = judge(paper, clip, { gapHours: 12, copyDay: day(2026, 10, 5), otherDay: day(2026, 10, 4) });
    expect(verdict).toMatchObject({ same: true, figures: { agree: true } });
  });

  it('reads a count of victims as a count of people: "3 nạn nhân" is no figure added to "2 người", it contradicts it', () => {
    const clip = profile('[Clip] Xe tải va chạm xe máy trên QL1, 2 người bị thương', 'Khoảng 17h ngày 12/3, trên QL1 đoạn qua xã Phước Hòa Tây, xe tải va chạm với xe máy làm 2 người bị thương, được đưa đi cấp cứu.');
    const paper = (injured: string) =>
      profile('Va chạm giao thông ở xã Phước Hòa Tây', `(BN) - Chiều 12/3, trên QL1 đoạn qua xã Phước Hòa Tây xảy ra vụ va chạm giữa xe khách và xe máy khiến ${injured} nạn nhân bị thương.`);
    const days = { gapHours: 3, copyDay: day(2026, 3, 12), otherDay: day(2026, 3, 12) };
    expect(judge(paper('3'), clip, days)).toMatchObject({ figures: { missing: ['3'], agree: false }, same: false });
    expect(judge(paper('2'), clip, days)).toMatchObject({ figures: { missing: [], agree: true }, same: true });
  });

  it('keeps apart two notices at one place and hour that number their case otherwise', () => {
    const notice = (number: string) =>
      profile('Tìm chủ sở hữu xe máy', `Khoảng 9h ngày 3/6, Công an xã Tân Hòa Đông thông báo tìm chủ sở hữu chiếc xe máy trong vụ việc số ${number}/2026 do người dân ông Lương Văn Th. giao nộp.`);
    const paper = (number: string) =>
      profile('Người dân giao nộp xe máy nhặt được', `(BTG) - Sáng 3/6, ông Lương Văn Th. ở xã Tân Hòa Đông mang chiếc xe máy nhặt được đến giao nộp; công an xã thụ lý vụ việc số ${number}.`);
    const days = { gapHours: 3, copyDay: day(2026, 6, 3), otherDay: day(2026, 6, 3) };
    expect(judge(paper('12'), notice('12'), days).same).toBe(true);
    expect(judge(paper('13'), notice('12'), days)).toMatchObject({ figures: { missing: ['số 13'], agree: false }, same: false });
  });

  it('allows one figure slip among three of the brief, not among two', () => {
    const full = profile('Nổ bình gas', 'Khoảng 10h15 ngày 20/12, tại quán ăn của ông Trần Văn Ph. trên đường Lê Thánh Tông xảy ra vụ nổ; ông Ph. và 2 khách bị thương, 12 bộ bàn ghế hư hỏng, thiệt hại 40 triệu đồng.');
    const three = profile('Nổ bình gas', 'Lúc 10h15 ngày 20/12, vụ nổ tại quán ông Trần Văn Ph. trên đường Lê Thánh Tông làm 3 khách bị thương, 12 bộ bàn ghế hư hỏng, thiệt hại 40 triệu đồng.');
    // "3 khách" against the full copy's "2 khách": slips counting what the other counts too (one counting what
    // the other counts nowhere is an added detail, see merge-rewrites.test.ts).
    const two = profile('Nổ bình gas', 'Vụ nổ tại quán ông Trần Văn Ph. trên đường Lê Thánh Tông ngày 20/12 làm 3 khách bị thương lúc 10h, thiệt hại 40 triệu đồng.');
    expect(judge(three, full, { copyDay: day(2026, 12, 20), otherDay: day(2026, 12, 20) })).toMatchObject({ same: true, figures: { missing: ['3'] } });
    expect(judge(two, full, { copyDay: day(2026, 12, 20), otherDay: day(2026, 12, 20) })).toMatchObject({ same: false, figures: { agree: false } });
  });
});

describe('the hours two copies give', () => {
  const times = (hours: number[], dayParts: number[] = []) => ({ hours: new Set(hours), dayParts: new Set(dayParts) });
  const dawn = [0, 1, 2, 3, 4, 5];
  const evening = [18, 19, 20, 21, 22];

  it('finds a clock hour within the part of the day the other names, but not two parts of the day alone', () => {
    expect(sharedHour(times([2]), times([], dawn))).toBe(2);
    expect(sharedHour(times([], dawn), times([2, 3]))).toBe(2);
    expect(sharedHour(times([], evening), times([], evening))).toBeUndefined();
  });

  it('tells the house fire at 2h from the shop fire in the evening, and says nothing when one gives no time', () => {
    expect(hoursDisagree(times([2]), times([22], evening))).toBe(true);
    expect(hoursDisagree(times([15, 17]), times([21], evening))).toBe(true);
    expect(hoursDisagree(times([], evening), times([], evening))).toBe(false);
    expect(hoursDisagree(times([], [5, 6, 7, 8, 9, 10, 11]), times([3], [19, 20, 21, 22, 23, 0, 1, 2, 3, 4]))).toBe(false);
    expect(hoursDisagree(times([2]), times([]))).toBe(false);
  });

  it('reads "gần 2 giờ" as shortly before 2, the police\'s 1h45 of the same fire, and no earlier', () => {
    const police = profile('Cháy nhà dân tại phường Lê Chân', 'Khoảng 1h45 ngày 06/12/2026, tại nhà số 27 phố Hàng Kênh, phường Lê Chân xảy ra cháy tầng 1.');
    const paper = profile('Xe máy điện bốc cháy trong đêm', 'Gần 2 giờ ngày 6/12, khói đen bốc lên từ tầng 1 một ngôi nhà trên phố Hàng Kênh.');
    const earlier = profile('Cháy nhà dân tại phường Lê Chân', 'Khoảng 0h30 ngày 06/12/2026, tại nhà số 27 phố Hàng Kênh, phường Lê Chân xảy ra cháy tầng 1.');
    expect(paper.hours).toEqual(new Set([2, 1]));
    expect(hoursDisagree(police, paper)).toBe(false);
    expect(sharedHour(police, paper)).toBe(1);
    expect(hoursDisagree(earlier, paper)).toBe(true);
  });

  it('takes a part of the day both name for the time at one shared place, and a figure spelled in a title as the other\'s digits', () => {
    const paper = profile('Bốn mươi lăm hộ nghèo về nhà mới', 'Sáng 19/1, xã Na Rì Bắc bàn giao nhà Đại đoàn kết, mỗi căn được hỗ trợ 60 triệu đồng, tổng kinh phí 2,7 tỷ đồng.');
    const portal = profile('Bàn giao nhà Đại đoàn kết', 'Sáng ngày 19/01/2026, xã Na Rì Bắc bàn giao 45 nhà Đại đoàn kết, mức 60 triệu đồng/nhà, tổng kinh phí 2.700 triệu đồng.');
    expect(judge(portal, paper, { gapHours: 2, copyDay: day(2026, 1, 19), otherDay: day(2026, 1, 19) })).toMatchObject({ sameTime: '19/1 5–11h', same: true });
  });

  it('keeps two copies apart whose anchors hold but whose hours do not fit', () => {
    const night = profile('Cháy cửa hàng xe máy điện', 'Tối 27/2, lửa bùng lên từ cửa hàng ở ấp Suối Tre Hạ, xã Bình Lộc Đông. Khoảng 22 giờ, người dân phát hiện khói.');
    const dawnFire = profile('Cứu người trong đám cháy', 'Khoảng 2h15 ngày 27/2, tại ấp Suối Tre Hạ, xã Bình Lộc Đông xảy ra cháy nhà dân.');
    expect(judge(night, dawnFire, { gapHours: 20, copyDay: day(2026, 2, 28), otherDay: day(2026, 2, 27) })).toMatchObject({ otherHours: true, same: false });
  });

  it('compares a brief\'s counts in words when it has no figure in digits: two people rescued is not six aboard and five saved', () => {
    const sandBoat = profile(
      'Ghe chở đá chìm giữa sông Hậu, một người mất tích',
      '(CT) - Chiều 12/8, chiếc ghe chở đá cùng sáu người bị sóng lớn đánh chìm trên sông Hậu đoạn qua xã Thới An Đông. Năm người được ghe gần đó vớt lên, người còn lại mất tích.',
    );
    const strawBoat = profile(
      'Xuồng chở củi bị lật, hai cha con thoát nạn',
      '(CT) - Tối 12/8, chiếc xuồng chở củi của hai cha con bị sóng đánh lật trên sông Hậu đoạn qua xã Thới An Đông. Người dân gần đó kịp thời cứu hai người.',
    );
    expect(judge(strawBoat, sandBoat, { gapHours: 4, copyDay: day(2026, 8, 12), otherDay: day(2026, 8, 12) })).toMatchObject({ figures: { agree: false }, same: false });
    // The same capsizing told again in words: its counts agree, and nothing else keeps them apart.
    const retold = profile('Sóng đánh chìm ghe đá trên sông Hậu', 'Chiều 12/8, sóng lớn nhấn chìm ghe chở đá có sáu người trên sông Hậu qua xã Thới An Đông; năm người được cứu.');
    expect(judge(retold, sandBoat, { gapHours: 3, copyDay: day(2026, 8, 12), otherDay: day(2026, 8, 12) }).figures.agree).toBe(true);
  });

  it('keeps apart two events at one place whose copies name different days, the later one with no figure to compare', () => {
    const arrest = profile(
      'Kết quả đấu tranh phòng, chống ma túy tháng 9',
      'Ngày 02/9/2026, Công an phường Vĩnh Trung phối hợp Phòng CSĐT tội phạm về ma túy bắt quả tang 02 đối tượng mua bán 150 viên ma túy tổng hợp tại chân cầu Sông Lam Hạ.',
    );
    const rescue = profile('Cứu người đàn ông nhảy cầu Sông Lam Hạ', 'Khoảng 19h ngày 04/9, một người đàn ông nhảy từ cầu Sông Lam Hạ xuống sông. Tổ tuần tra Công an phường Vĩnh Trung cùng người dân đưa nạn nhân vào bờ.');
    expect(judge(rescue, arrest, { gapHours: 12, copyDay: day(2026, 9, 4), otherDay: day(2026, 9, 4) })).toMatchObject({ otherDays: true, same: false });
    // The same rescue told by the paper, the day in other words: one day both name, nothing to keep them apart.
    const paper = profile('Người dân cùng công an cứu người nhảy cầu', 'Tối 4/9, một người đàn ông nhảy cầu Sông Lam Hạ. Công an phường Vĩnh Trung và người dân đã kịp đưa nạn nhân vào bờ.');
    expect(judge(paper, rescue, { gapHours: 3, copyDay: day(2026, 9, 4), otherDay: day(2026, 9, 4) }).otherDays).toBeUndefined();
  });
});

describe('weighAnchors', () => {
  it('finds an anchor of one copy among the capitalised runs of the other', () => {
    const portal = profile('Khởi công trường nội trú', 'Sáng ngày 06/3/2026, tỉnh khởi công Trường Phổ thông nội trú xã Bắc Quan Nam, do ông Hoàng Văn Ph. làm chủ đầu tư.');
    const paper = profile('Ngôi trường mơ ước của học trò vùng biên', 'Sáng 6/3, tại xã biên giới Bắc Quan Nam, ngôi trường nội trú của ông Hoàng Văn Ph. được khởi công.');
    const weighed = weighAnchors(portal, paper, alone);
    expect(weighed.shared).toEqual(expect.arrayContaining(['bắc quan nam', 'hoàng văn ph']));
    expect(weighed.weight).toBe(2);
  });
});

describe('figures that tell the event where no place is named', () => {
  const sameDay = { gapHours: 2, copyDay: day(2026, 7, 1), otherDay: day(2026, 7, 1) };
  const portal = profile('Công bố kết quả thi vào lớp 10', 'Ngày 1/7/2026, Sở Giáo dục và Đào tạo công bố kết quả thi: 31.846 thí sinh dự thi, điểm trung bình môn Toán 6,12; Ngữ văn 6,85; Tiếng Anh 5,94.');
  const paper = profile('Điểm thi lớp 10: môn Toán có 14 điểm tuyệt đối', 'Chiều 1/7, Sở công bố điểm thi vào lớp 10; điểm trung bình môn Toán năm nay đạt 6,12, Ngữ văn 6,85, Tiếng Anh 5,94.');

  it('takes three distinctive figures and a day both give for the place neither names', () => {
    expect(judge(paper, portal, sameDay)).toMatchObject({ figuresTell: 3, same: true });
    // Published the next morning, the paper still puts the results on the day the portal gives.
    expect(judge(paper, portal, { ...sameDay, copyDay: day(2026, 7, 2) })).toMatchObject({ figuresTell: 3, same: true });
  });

  it('not another province\'s results, nor round numbers, nor on another day', () => {
    // Same day, same wording; one figure of three in common.
    const sibling = profile('Điểm thi lớp 10', 'Chiều 1/7, Sở công bố điểm thi vào lớp 10; điểm trung bình môn Toán đạt 5,87, Ngữ văn 6,85, Tiếng Anh 4,90.');
    const siblingVerdict = judge(sibling, portal, sameDay);
    expect(siblingVerdict.same).toBe(false);
    expect(siblingVerdict.figuresTell).toBeUndefined();
    // Three figures in common, but round ones any two events may share.
    const round = profile('Hội nghị', 'Ngày 1/7, hội nghị có 300 đại biểu, 20 đơn vị và 40 gian hàng.');
    const roundToo = profile('Hội chợ', 'Ngày 1/7, hội chợ có 300 khách, 20 đơn vị và 40 gian hàng tham gia.');
    const roundVerdict = judge(roundToo, round, sameDay);
    expect(roundVerdict.same).toBe(false);
    expect(roundVerdict.figuresTell).toBeUndefined();
    // All three distinctive figures in common: only the day it names (2/7 against 1/7) keeps it apart.
    const nextDay = profile('Điểm thi lớp 10', 'Chiều 2/7, điểm trung bình môn Toán đạt 6,12, Ngữ văn 6,85, Tiếng Anh 5,94.');
    expect(judge(nextDay, portal, sameDay)).toMatchObject({ otherDays: true, same: false });
  });

  it('not two meetings of one day quoting one half-year report, each with a figure of its own', () => {
    const council = profile(
      'Khai mạc kỳ họp giữa năm của HĐND tỉnh',
      'Sáng 1/7, HĐND tỉnh khai mạc kỳ họp thường lệ giữa năm. Theo báo cáo của UBND tỉnh, 6 tháng đầu năm GRDP tăng 7,52%; thu ngân sách đạt 8.215 tỷ đồng; giải ngân vốn đầu tư công đạt 48,3% kế hoạch. Kỳ họp xem xét 27 tờ trình.',
    );
    const party = profile(
      'Hội nghị Ban Chấp hành Đảng bộ tỉnh sơ kết 6 tháng',
      'Ngày 1/7, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị sơ kết công tác 6 tháng đầu năm. Tăng trưởng GRDP đạt 7,52%, thu ngân sách 8.215 tỷ đồng, giải ngân vốn đầu tư công 48,3%. Toàn tỉnh kết nạp 1.243 đảng viên mới.',
    );
    expect(judge(party, council, sameDay)).toMatchObject({ figures: { agree: true }, same: false });
    // The paper restating the session's report, with no figure of its own, is still told by them.
    const paper = profile('Sáu tháng, GRDP tăng 7,52%', 'Chiều 1/7, tại kỳ họp HĐND tỉnh, UBND tỉnh báo cáo GRDP 6 tháng tăng 7,52%, thu ngân sách 8.215 tỷ đồng, giải ngân đầu tư công 48,3%.');
    expect(judge(paper, council, sameDay)).toMatchObject({ figuresTell: 3, same: true });
  });
});

describe('a correction under a new link', () => {
  const first = profile(
    'Ngộ độc thực phẩm sau đám cưới',
    'Tối 4/9, sau khi ăn cỗ cưới tại nhà ông Vũ Văn T. ở thôn Đông Lạc, xã Kiến Xương Đông, 37 người có biểu hiện ngộ độc, phải đưa đi cấp cứu.',
  );
  const corrected = profile(
    'Ngộ độc thực phẩm sau đám cưới (cập nhật)',
    'Tối 4/9, sau khi ăn cỗ cưới tại nhà ông Vũ Văn T. ở thôn Đông Lạc, xã Kiến Xương Đông, 41 người có biểu hiện ngộ độc, phải đưa đi cấp cứu.',
  );
  const sameDay = { copyDay: day(2026, 9, 5), otherDay: day(2026, 9, 5) };

  it('joins a near-verbatim copy naming the same three places and people that changes one figure', () => {
    expect(judge(corrected, first, { ...sameDay, containment: 0.7, gapHours: 4 })).toMatchObject({ correction: true, same: true });
  });

  it('not when the wording was rewritten, when it comes half a day later, or when it names fewer of the same places and people', () => {
    expect(judge(corrected, first, { ...sameDay, containment: 0.4, gapHours: 4 }).same).toBe(false);
    expect(judge(corrected, first, { ...sameDay, containment: 0.7, gapHours: 13 }).same).toBe(false);
    const otherHamlet = profile('Ngộ độc thực phẩm sau đám cưới', 'Tối 4/9, sau khi ăn cỗ cưới tại nhà ông Vũ Văn T. ở thôn Bắc Sơn, xã Kiến Xương Đông, 41 người có biểu hiện ngộ độc, phải đưa đi cấp cứu.');
    expect(judge(otherHamlet, first, { ...sameDay, containment: 0.7, gapHours: 4 }).same).toBe(false);
  });
});

describe('dayAfter', () => {
  it.each([
    { days: ['23/10', '20/10'], own: day(2026, 10, 23), other: day(2026, 10, 22), expected: '23/10' },
    { days: ['15/9'], own: day(2026, 9, 16), other: day(2026, 9, 15), expected: undefined },
    { days: ['5/11'], own: day(2026, 10, 29), other: day(2026, 10, 28), expected: undefined },
    { days: ['2/1'], own: day(2027, 1, 2), other: day(2026, 12, 31), expected: '2/1' },
  ])('$days, published $own.day/$own.month against $other.day/$other.month: $expected', ({ days, own, other, expected }) => {
    expect(dayAfter(new Set(days), own, other)).toBe(expected);
  });

  it('not when the earlier copy named that day itself: it announced the event', () => {
    expect(dayAfter(new Set(['24/2']), day(2026, 2, 24), day(2026, 2, 23), new Set(['24/2', '26/2']))).toBeUndefined();
    expect(dayAfter(new Set(['24/2']), day(2026, 2, 24), day(2026, 2, 23), new Set(['23/2']))).toBe('24/2');
  });
});

describe('sameNight', () => {
  it('follows the night of 28/2 into 29/2 or 1/3, since the text gives no year', () => {
    const night = { nights: new Set(['28/2']) };
    expect(sameNight(night, { days: new Set(['1/3']) })).toBe(true);
    expect(sameNight(night, { days: new Set(['29/2']) })).toBe(true);
    expect(sameNight(night, { days: new Set(['2/3']) })).toBe(false);
    expect(sameNight({ nights: new Set(['29/2']) }, { days: new Set(['1/3']) })).toBe(true);
  });
});
