import { describe, expect, it } from 'vitest';
import { representativeCopy } from '../../../src/model/story.ts';
import type { Story, StoryAlias, Tombstone } from '../../../src/model/types.ts';
import { mergeCopies, type MergeContext } from '../../../src/pipeline/merge/merge-copies.ts';
import { makeCopy, makeSource } from '../../helpers/make-copy.ts';

const BUST_TEXT =
  'Ngày 24/11, Công an tỉnh Hòa Bình cho biết đã triệt phá thành công đường dây mua bán trái phép chất ma túy ' +
  'xuyên tỉnh do Bùi Văn Tâm cầm đầu, thu giữ 3,2 kg ma túy tổng hợp, hai xe máy và 45 triệu đồng. ' +
  'Các đối tượng khai nhận đã nhiều lần vận chuyển ma túy từ Sơn La về tiêu thụ tại thành phố Hòa Bình.';

const sources = new Map([
  ['cong-an', makeSource('cong-an', { priority: 3 })],
  ['bao', makeSource('bao', { priority: 1 })],
  ['cong-tt', makeSource('cong-tt', { priority: 2 })],
]);

let nextId = 0;
function context(now = '2026-11-25T03:00:00.000Z', tombstones: Record<string, Tombstone> = {}, aliases: Record<string, StoryAlias> = {}): MergeContext {
  return { now: new Date(now), sources, tombstones, aliases, newStoryId: () => `urn:uuid:00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}` };
}

const DRINK_DRIVING = (district: string, figures: [number, number, number, number]) =>
  `Từ ngày 1/12 đến ngày 15/12, Đội Cảnh sát giao thông – trật tự Công an huyện ${district} đã tổ chức ${figures[0]} ca tuần tra, kiểm soát trên các tuyến đường. ` +
  `Qua kiểm tra, tổ công tác phát hiện, lập biên bản ${figures[1]} trường hợp vi phạm nồng độ cồn, tạm giữ ${figures[2]} xe máy; tổng số tiền phạt hơn ${figures[3]} triệu đồng. ` +
  'Công an huyện khuyến cáo người dân đã uống rượu, bia thì không lái xe.';

describe('mergeCopies', () => {
  it('publishes one story with three copies when three portals carry the same text', () => {
    const stories: Story[] = [];
    const result = mergeCopies(
      stories,
      [
        makeCopy({ sourceId: 'bao', title: 'Bắt nhóm buôn ma túy xuyên tỉnh', text: BUST_TEXT, datePublished: '2026-11-24T05:00:00.000Z' }),
        makeCopy({ sourceId: 'cong-an', title: 'Triệt phá đường dây ma túy do Bùi Văn Tâm cầm đầu', text: BUST_TEXT, datePublished: '2026-11-24T03:00:00.000Z' }),
        makeCopy({ sourceId: 'cong-tt', title: 'Thu giữ 3,2 kg ma túy', text: BUST_TEXT.slice(0, 200), datePublished: '2026-11-24T04:00:00.000Z' }),
      ],
      context(),
    );
    expect(result.added).toHaveLength(1);
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story!.copies.map((copy) => copy.sourceId)).toEqual(['bao', 'cong-an', 'cong-tt']);
    expect(story!.datePublished).toBe('2026-11-24T03:00:00.000Z');
    expect(story!.dateModified).toBe(story!.datePublished);
    expect(representativeCopy(story!, sources)?.sourceId).toBe('cong-an');
  });

  it.each([
    { name: 'first seen without one', stored: { datePublished: '2026-11-25T03:00:00.000Z', undated: true as const } },
    { name: 'once dated by its feed', stored: { datePublished: '2026-11-24T23:15:00.000Z' } },
  ])('keeps the stored date of a copy $name when an update brings no readable date', ({ stored }) => {
    const stories: Story[] = [];
    const first = makeCopy({ sourceId: 'cong-an', key: 'guid:77', title: 'Cảnh báo lừa đảo giả danh điện lực', text: 'Công an tỉnh cảnh báo cuộc gọi giả danh điện lực.', ...stored });
    mergeCopies(stories, [first], context());
    const before = { ...stories[0]! };
    const storedCopy = stories[0]!.copies[0];
    const later = '2026-11-25T09:00:00.000Z';
    const again = { ...first, datePublished: later, firstSeenAt: later, undated: true as const };
    const result = mergeCopies(stories, [again], context(later));
    expect(result).toMatchObject({ updated: [], unchanged: 1 });
    expect(stories[0]).toMatchObject({ datePublished: before.datePublished, dateModified: before.dateModified });
    expect(stories[0]!.copies[0]).toBe(storedCopy);

    mergeCopies(stories, [{ ...again, title: 'Cảnh báo thủ đoạn lừa đảo giả danh nhân viên điện lực' }], context(later));
    expect(stories[0]!.copies[0]).toMatchObject({ datePublished: stored.datePublished, title: 'Cảnh báo thủ đoạn lừa đảo giả danh nhân viên điện lực' });
    expect(stories[0]!.copies[0]!.undated).toBe(stored.undated);
    expect(stories[0]!.datePublished).toBe(stored.datePublished);
  });

  it('keeps apart stories that only share a headline template', () => {
    const stories: Story[] = [];
    mergeCopies(
      stories,
      [
        makeCopy({ sourceId: 'bao', title: 'Sở Y tế tổng kết công tác năm 2026', text: 'Sở Y tế tổng kết công tác năm 2026. Năm qua ngành y tế đã tiêm chủng cho 120 nghìn trẻ em, khám cho 800 nghìn lượt người bệnh và phòng chống sốt xuất huyết hiệu quả ở 10 huyện.' }),
        makeCopy({ sourceId: 'cong-tt', title: 'Sở Giáo dục và Đào tạo tổng kết công tác năm 2026', text: 'Sở Giáo dục và Đào tạo tổng kết công tác năm 2026. Năm học qua toàn tỉnh có 98 phần trăm học sinh tốt nghiệp, xây mới 35 phòng học và bồi dưỡng 1.200 giáo viên cốt cán.' }),
      ],
      context(),
    );
    expect(stories).toHaveLength(2);
  });

  it('updates a copy in place when its source changes it, keeping the id and moving date_modified', () => {
    const stories: Story[] = [];
    const first = makeCopy({ sourceId: 'cong-an', key: 'guid:42', title: 'Cháy nhà dân ở xã Yên Mông', text: 'Một vụ cháy nhà dân.' });
    mergeCopies(stories, [first], context());
    const id = stories[0]!.id;
    const result = mergeCopies(stories, [{ ...first, title: 'Cháy nhà dân ở xã Yên Mông, không có thương vong', firstSeenAt: '2026-11-26T00:00:00.000Z' }], context('2026-11-26T00:00:00.000Z'));
    expect(result.updated).toHaveLength(1);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.id).toBe(id);
    expect(stories[0]!.copies[0]!.title).toBe('Cháy nhà dân ở xã Yên Mông, không có thương vong');
    expect(stories[0]!.copies[0]!.firstSeenAt).toBe(first.firstSeenAt);
    expect(stories[0]!.dateModified).toBe('2026-11-26T00:00:00.000Z');
  });

  it('changes nothing when the same copies arrive again', () => {
    const stories: Story[] = [];
    const copies = [makeCopy({ sourceId: 'cong-an', title: 'Tuần tra kiểm soát nồng độ cồn', text: 'Lực lượng cảnh sát giao thông ra quân.' })];
    mergeCopies(stories, copies, context());
    const before = JSON.stringify(stories);
    const result = mergeCopies(stories, copies.map((copy) => ({ ...copy, firstSeenAt: '2026-11-26T00:00:00.000Z' })), context('2026-11-26T00:00:00.000Z'));
    expect(result).toMatchObject({ added: [], updated: [], unchanged: 1 });
    expect(JSON.stringify(stories)).toBe(before);
  });

  it('joins a copy from another source that has the same canonical link', () => {
    const stories: Story[] = [];
    const url = 'https://baohoabinh.example.vn/phap-luat/xet-xu-vu-lua-dao.html';
    mergeCopies(stories, [makeCopy({ sourceId: 'bao', title: 'Xét xử vụ lừa đảo', url })], context());
    mergeCopies(stories, [makeCopy({ sourceId: 'cong-tt', title: 'Tòa xét xử vụ lừa đảo qua mạng', url })], context('2026-11-25T04:00:00.000Z'));
    expect(stories).toHaveLength(1);
    expect(stories[0]!.copies).toHaveLength(2);
    expect(stories[0]!.dateModified).toBe('2026-11-25T04:00:00.000Z');
  });

  it('does not bring back a pruned story that a source still lists, and refreshes its tombstone', () => {
    const stories: Story[] = [];
    const copy = makeCopy({ sourceId: 'cong-an', key: 'guid:old', title: 'Tin cũ' });
    const tombstones: Record<string, Tombstone> = { 'cong-an guid:old': { storyId: 'urn:uuid:old', seenAt: '2026-01-01T00:00:00.000Z' } };
    mergeCopies(stories, [copy], context('2026-11-25T03:00:00.000Z', tombstones));
    expect(stories).toEqual([]);
    expect(tombstones['cong-an guid:old']!.seenAt).toBe('2026-11-25T03:00:00.000Z');
  });

  it('does not merge the same text from days apart (a follow-up is a new story)', () => {
    const stories: Story[] = [];
    mergeCopies(stories, [makeCopy({ sourceId: 'bao', title: 'A', text: BUST_TEXT, datePublished: '2026-11-01T00:00:00.000Z' })], context());
    mergeCopies(stories, [makeCopy({ sourceId: 'cong-an', title: 'B', text: BUST_TEXT, datePublished: '2026-11-20T00:00:00.000Z' })], context());
    expect(stories).toHaveLength(2);
  });

  it('keeps apart a template pair whose wording matches but whose figures differ', () => {
    const stories: Story[] = [];
    mergeCopies(
      stories,
      [
        makeCopy({ sourceId: 'cong-an', title: 'Xử lý 47 trường hợp vi phạm nồng độ cồn', text: DRINK_DRIVING('Kim Bôi', [26, 47, 45, 260]) }),
        makeCopy({ sourceId: 'bao', title: 'Xử lý 31 trường hợp vi phạm nồng độ cồn', text: DRINK_DRIVING('Kim Bôi', [18, 31, 30, 170]) }),
      ],
      context(),
    );
    expect(stories).toHaveLength(2);
  });

  it('updates the copy when a source lists it at the same link under a new guid', () => {
    const stories: Story[] = [];
    const first = makeCopy({ sourceId: 'cong-tt', key: 'guid:a1', url: 'https://cong-tt.example.vn/tin/42.html', title: 'Tin A', text: BUST_TEXT });
    mergeCopies(stories, [first], context());
    const result = mergeCopies(stories, [{ ...first, key: 'guid:b7', firstSeenAt: '2026-11-26T00:00:00.000Z' }], context('2026-11-26T00:00:00.000Z'));
    expect(result).toMatchObject({ added: [], updated: [], unchanged: 1 });
    expect(stories).toHaveLength(1);
    expect(stories[0]!.copies.map((copy) => copy.key)).toEqual(['guid:b7']);
  });

  describe('when a copy shows that two published stories are one', () => {
    const teaserUrl = 'https://cong-tt.example.vn/tin/trieu-pha-duong-day.html';
    function publishTwo(): Story[] {
      const stories: Story[] = [];
      mergeCopies(stories, [makeCopy({ sourceId: 'bao', title: 'Bắt nhóm buôn ma túy xuyên tỉnh', text: BUST_TEXT, datePublished: '2026-11-24T05:00:00.000Z' })], context('2026-11-24T06:00:00.000Z'));
      // A teaser too short to match by text: published as a story of its own.
      mergeCopies(stories, [makeCopy({ sourceId: 'cong-tt', title: 'Triệt phá đường dây ma túy', text: 'Xem chi tiết tại Cổng thông tin.', url: teaserUrl, datePublished: '2026-11-24T07:00:00.000Z' })], context('2026-11-24T08:00:00.000Z'));
      return stories;
    }

    it('folds the younger into the older: its copies move, its id is remembered as an alias', () => {
      const stories = publishTwo();
      const [older, younger] = stories.map((story) => story.id);
      const aliases: Record<string, StoryAlias> = { 'urn:uuid:earlier-alias': { storyId: younger!, mergedAt: '2026-11-01T00:00:00.000Z' } };
      // Same link as the teaser (rule 2), same text as the newspaper copy (rule 3).
      const linking = makeCopy({ sourceId: 'cong-an', title: 'Triệt phá đường dây ma túy do Bùi Văn Tâm cầm đầu', text: BUST_TEXT, url: teaserUrl, datePublished: '2026-11-24T06:00:00.000Z' });
      const result = mergeCopies(stories, [linking], context('2026-11-24T09:00:00.000Z', {}, aliases));
      expect(stories.map((story) => story.id)).toEqual([older]);
      expect(stories[0]!.copies.map((copy) => copy.sourceId).sort()).toEqual(['bao', 'cong-an', 'cong-tt']);
      expect(stories[0]!.dateModified).toBe('2026-11-24T09:00:00.000Z');
      expect(result.absorbed).toEqual([{ id: younger, into: older }]);
      expect(result.updated.map((story) => story.id)).toEqual([older]);
      expect(aliases).toEqual({
        [younger!]: { storyId: older, mergedAt: '2026-11-24T09:00:00.000Z' },
        'urn:uuid:earlier-alias': { storyId: older, mergedAt: '2026-11-01T00:00:00.000Z' },
      });
    });

    it('keeps the absorbed story\'s copies answering to the survivor on the next run', () => {
      const stories = publishTwo();
      const linking = makeCopy({ sourceId: 'cong-an', title: 'Triệt phá đường dây ma túy', text: BUST_TEXT, url: teaserUrl, datePublished: '2026-11-24T06:00:00.000Z' });
      mergeCopies(stories, [linking], context('2026-11-24T09:00:00.000Z'));
      const survivor = JSON.stringify(stories);
      const again = stories[0]!.copies.map((copy) => ({ ...copy, firstSeenAt: '2026-11-24T10:00:00.000Z' }));
      const result = mergeCopies(stories, again, context('2026-11-24T10:00:00.000Z'));
      expect(result).toMatchObject({ added: [], updated: [], absorbed: [], unchanged: 3 });
      expect(JSON.stringify(stories)).toBe(survivor);
    });

    it('keeps the published id over a story started in the same batch, even an older one', () => {
      const stories: Story[] = [];
      mergeCopies(stories, [makeCopy({ sourceId: 'cong-tt', title: 'Triệt phá đường dây ma túy', text: 'Xem chi tiết tại Cổng thông tin.', url: teaserUrl, datePublished: '2026-11-24T07:00:00.000Z' })], context());
      const published = stories[0]!.id;
      const aliases: Record<string, StoryAlias> = {};
      const result = mergeCopies(
        stories,
        [
          makeCopy({ sourceId: 'bao', title: 'Bắt nhóm buôn ma túy xuyên tỉnh', text: BUST_TEXT, datePublished: '2026-11-24T05:00:00.000Z' }),
          makeCopy({ sourceId: 'cong-an', title: 'Triệt phá đường dây ma túy', text: BUST_TEXT, url: teaserUrl, datePublished: '2026-11-24T06:00:00.000Z' }),
        ],
        context('2026-11-25T03:00:00.000Z', {}, aliases),
      );
      expect(stories.map((story) => story.id)).toEqual([published]);
      expect(stories[0]!.copies).toHaveLength(3);
      expect(stories[0]!.datePublished).toBe('2026-11-24T05:00:00.000Z');
      expect(result.added).toEqual([]);
      expect(result.absorbed).toEqual([]);
      expect(aliases).toEqual({});
    });
  });
});
