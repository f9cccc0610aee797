// mergeCopies with copies the portals rewrote (issue 13): a police brief, the newspaper's rewrite and the
// commune portal's copy of it become one story; a portal's own re-post joins it; what only shares a
// template stays apart; and every copy records how it joined its story, in the store too.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Copy, Story } from '../../../src/model/types.ts';
import { mergeCopies } from '../../../src/pipeline/merge/merge-copies.ts';
import { createLowdbStore } from '../../../src/store/lowdb-store.ts';
import { makeCopy, makeSource } from '../../helpers/make-copy.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { mergeContext, mergeOneByOne as mergeInCycles } from '../../helpers/merge-cycles.ts';

const sources = new Map(['cong-an', 'bao', 'xa'].map((id) => [id, makeSource(id, { priority: id === 'cong-an' ? 3 : 1 })]));

const mergeOneByOne = (copies: readonly Copy[]): Story[] => mergeInCycles(copies, sources);
const context = (now: string) => mergeContext(sources, now);

const POLICE_BRIEF = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-1',
  title: '[Clip] Cháy xưởng gỗ tại xã Tân Phú Đông, thiệt hại khoảng 1,2 tỷ đồng',
  text:
    'Khoảng 2h ngày 14/11, tại xưởng chế biến gỗ của ông Lâm Văn Kh. (SN 1978) ở ấp Cây Sộp, xã Tân Phú Đông xảy ra cháy. ' +
    'Đội Cảnh sát PCCC và CNCH khu vực điều 3 xe chữa cháy đến dập lửa, không có thiệt hại về người.\n' +
    'Thiệt hại ước khoảng 1,2 tỷ đồng, nguyên nhân đang được làm rõ.',
  datePublished: '2026-11-13T20:30:00.000Z',
});
const NEWSPAPER = makeCopy({
  sourceId: 'bao',
  key: 'guid:bao-1',
  title: 'Lửa bùng lúc rạng sáng, xưởng gỗ hơn nghìn mét vuông cháy rụi',
  text:
    '(BĐT) - Rạng sáng 14/11, ngọn lửa bùng lên từ khu chứa phôi gỗ của xưởng do ông Lâm Văn Kh. (48 tuổi) làm chủ ở ấp Cây Sộp, xã Tân Phú Đông, thiêu rụi nhiều máy móc.\n' +
    'Người dân quanh xưởng kể, khoảng 2 giờ sáng, họ nghe tiếng nổ lốp bốp rồi thấy khói đen bốc cao. Ba xe chữa cháy được điều đến, đến gần 5 giờ sáng đám cháy mới được khống chế.\n' +
    'Chủ xưởng ước thiệt hại hơn 1 tỷ đồng.',
  datePublished: '2026-11-14T02:00:00.000Z',
});
const COMMUNE = makeCopy({
  sourceId: 'xa',
  key: 'guid:xa-1',
  title: 'Cháy xưởng gỗ ở ấp Cây Sộp, không có thiệt hại về người',
  text: NEWSPAPER.contentHtml.replace(/<[^>]+>/g, '\n').replace('(BĐT) - ', '').trim() + '\nNguồn: Báo Đồng Tháp',
  datePublished: '2026-11-14T07:00:00.000Z',
});
const POLICE_REPOST = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-2',
  title: 'Cháy xưởng chế biến gỗ tại ấp Cây Sộp, xã Tân Phú Đông',
  text:
    'Khoảng 2h ngày 14/11, xưởng chế biến gỗ của ông Lâm Văn Kh. (SN 1978) tại ấp Cây Sộp, xã Tân Phú Đông bị cháy. Nhận tin báo, Đội Cảnh sát PCCC và CNCH khu vực ' +
    'điều 3 xe chữa cháy cùng 20 cán bộ, chiến sĩ đến hiện trường; đến 4h50 cùng ngày đám cháy được dập tắt.\n' +
    'Vụ cháy không gây thiệt hại về người, thiệt hại tài sản ước khoảng 1,2 tỷ đồng. Nguyên nhân vụ cháy đang được điều tra.',
  datePublished: '2026-11-14T04:00:00.000Z',
});
const OTHER_FIRE = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-3',
  title: 'Cháy xưởng gỗ tại xã Mỹ Long Bắc, thiệt hại khoảng 800 triệu đồng',
  text:
    'Khoảng 23h ngày 14/11, tại xưởng chế biến gỗ của bà Võ Thị H. (SN 1969) ở ấp Mỹ Thạnh, xã Mỹ Long Bắc xảy ra cháy. ' +
    'Đội Cảnh sát PCCC và CNCH khu vực điều 2 xe chữa cháy đến dập lửa, không có thiệt hại về người.\n' +
    'Thiệt hại ước khoảng 800 triệu đồng, nguyên nhân đang được làm rõ.',
  datePublished: '2026-11-14T17:00:00.000Z',
});

// A paper's rewrite in its own words: it shares the commune, the day and the evening with the brief, and hardly a
// phrase (fewer than the index's four proposing shingles), so only the commune few stories name can propose it.
const KIOSK_BRIEF = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-kiosk',
  title: '[Clip] Cháy ki-ốt tạp hóa trong chợ đêm',
  text:
    'Khoảng 21h ngày 9/7, một ki-ốt bán tạp hóa trong chợ xã Phú Lộc Tây bốc cháy. Đội Cảnh sát PCCC và CNCH điều 2 xe chữa cháy đến hiện trường, ' +
    'sau 40 phút ngọn lửa được dập tắt, không có thiệt hại về người.',
  datePublished: '2026-07-09T15:30:00.000Z',
});
const KIOSK_REWRITE = makeCopy({
  sourceId: 'bao',
  key: 'guid:bao-kiosk',
  title: 'Hoảng hốt vì khói đen giữa phiên họp chợ tối',
  text:
    '(BĐT) - Tối 9/7, người dân họp chợ đêm ở xã Phú Lộc Tây hoảng hốt khi thấy khói đen bốc lên từ một gian hàng nhỏ.\n' +
    'Chủ gian hàng kể lúc đó vừa dọn hàng thì nghe tiếng nổ lách tách ở ổ điện. Lực lượng chữa cháy có mặt nhanh nên lửa không lan sang các gian bên cạnh.',
  datePublished: '2026-07-09T23:00:00.000Z',
});

// The paper adds a figure counting what the brief counts nowhere (motorbikes burnt): a detail, not a contradiction.
const KARAOKE_BRIEF = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-karaoke',
  title: '[Clip] Cháy quán karaoke, giải cứu 05 người mắc kẹt',
  text:
    'Khoảng 23h ngày 3/3, quán karaoke tại số 48 đường Hùng Vương, phường Tân Lập xảy ra cháy. ' +
    'Cảnh sát PCCC và CNCH dùng thang giải cứu 05 người mắc kẹt trên tầng 2, không có thiệt hại về người.',
  datePublished: '2026-03-03T17:30:00.000Z',
});
const karaokeRewrite = (rescued: string) =>
  makeCopy({
    sourceId: 'bao',
    key: 'guid:bao-karaoke',
    title: 'Khói đen tràn ra từ quán hát lúc nửa đêm',
    text:
      '(ĐL) - Khoảng 23 giờ đêm 3/3, khói đen tràn ra từ một quán karaoke ở phường Tân Lập khiến khách hát hoảng loạn.\n' +
      `Lính cứu hỏa dựng thang đưa ${rescued} người xuống đất an toàn. Khoảng 8 xe máy gửi ở tầng trệt bị thiêu rụi.`,
    datePublished: '2026-03-04T01:00:00.000Z',
  });

describe('merging copies the portals rewrote', () => {
  it('puts a police brief, the newspaper\'s rewrite and the commune\'s copy of the rewrite in one story', () => {
    const stories = mergeOneByOne([POLICE_BRIEF, NEWSPAPER, COMMUNE]);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.copies.map((copy) => copy.sourceId)).toEqual(['cong-an', 'bao', 'xa']);
  });

  it('joins the police portal\'s own re-post of the event under a new link, by the rules other portals\' copies meet', () => {
    const stories = mergeOneByOne([POLICE_BRIEF, NEWSPAPER, POLICE_REPOST]);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.copies.map((copy) => copy.key)).toEqual(['guid:ca-1', 'guid:bao-1', 'guid:ca-2']);
  });

  it('proposes a rewrite sharing few phrases by the one commune it names that hardly another story names', () => {
    const stories = mergeOneByOne([KIOSK_BRIEF, KIOSK_REWRITE]);
    expect(stories.map((story) => story.copies.map((copy) => copy.key))).toEqual([['guid:ca-kiosk', 'guid:bao-kiosk']]);
  });

  it('joins a rewrite adding one figure that counts what the brief counts nowhere, not one that spells another count', () => {
    const added = mergeOneByOne([KARAOKE_BRIEF, karaokeRewrite('năm')]);
    expect(added.map((story) => story.copies.length)).toEqual([2]);
    const otherCount = mergeOneByOne([KARAOKE_BRIEF, karaokeRewrite('bốn')]);
    expect(otherCount.map((story) => story.copies.length)).toEqual([1, 1]);
  });

  it('keeps apart the same portal\'s brief on another fire the same day, in another commune', () => {
    const stories = mergeOneByOne([POLICE_BRIEF, NEWSPAPER, OTHER_FIRE]);
    expect(stories.map((story) => story.copies.map((copy) => copy.key))).toEqual([['guid:ca-1', 'guid:bao-1'], ['guid:ca-3']]);
  });

  it('records on each copy how it joined its story, with the numbers that decided a text match', () => {
    const [story] = mergeOneByOne([POLICE_BRIEF, NEWSPAPER, COMMUNE]);
    const [brief, rewrite, commune] = story!.copies;
    expect(brief!.match).toEqual({ by: 'first', at: '2026-11-13T21:30:00.000Z' });
    expect(rewrite!.match).toMatchObject({
      by: 'text',
      copy: { sourceId: 'cong-an', url: POLICE_BRIEF.url },
      // "gần 5 giờ sáng", when the fire was put out, is an hour of the day, not a figure: compared as a time.
      numbers: { rule: 'rewrite', required: 0, figures: { compared: 2, missing: [] }, anchors: { shared: expect.arrayContaining(['lâm văn kh', 'cây sộp', 'tân phú đông']), required: 0.75 } },
    });
    expect(rewrite!.match!.by === 'text' && rewrite!.match!.numbers.gapHours).toBeCloseTo(5.5);
    expect(commune!.match).toMatchObject({ by: 'text', copy: 'story', numbers: { rule: 'verbatim', required: 0.6 } });
    expect(commune!.match!.by === 'text' && commune!.match!.numbers.containment).toBeGreaterThan(0.9);
  });

  it('records a copy with a stored copy\'s link as joined by that link', () => {
    const stories = mergeOneByOne([NEWSPAPER]);
    const shared = makeCopy({ sourceId: 'xa', key: 'guid:xa-9', title: 'Cháy xưởng gỗ', text: 'Xem tại Báo Đồng Tháp.', url: NEWSPAPER.url, datePublished: '2026-11-14T03:00:00.000Z' });
    mergeCopies(stories, [shared], context('2026-11-14T04:00:00.000Z'));
    expect(stories[0]!.copies[1]!.match).toEqual({ by: 'link', at: '2026-11-14T04:00:00.000Z', copy: { sourceId: 'bao', url: NEWSPAPER.url } });
  });

  it('keeps the records through the store file', async () => {
    const stories = mergeOneByOne([POLICE_BRIEF, NEWSPAPER, COMMUNE]);
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    const data = await store.load();
    data.stories = stories;
    await store.save(data);
    // A second store object on the same file reads it afresh, through the store's entry check.
    const reloaded = await createLowdbStore(file).load();
    expect(reloaded.stories[0]!.copies.map((copy) => copy.match?.by)).toEqual(['first', 'text', 'text']);
    expect(reloaded.stories[0]!.copies.map((copy) => copy.match)).toEqual(stories[0]!.copies.map((copy) => copy.match));
  });
});
