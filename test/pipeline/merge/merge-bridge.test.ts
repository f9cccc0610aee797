// Two stories of one event joined through a later copy matching both (issue 13): the police brief and the
// paper's rewrite started a story each (they share one commune and a day, no hour, no figure: too little
// alone), and the e-portal's copy, holding both texts, matches both. They are joined only because they also
// corroborate each other — never on the two text matches alone — and the join records itself.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Copy, Story } from '../../../src/model/types.ts';
import { createLowdbStore } from '../../../src/store/lowdb-store.ts';
import { makeCopy, makeSource } from '../../helpers/make-copy.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { mergeOneByOne as mergeInCycles } from '../../helpers/merge-cycles.ts';

const sources = new Map(['cong-an', 'bao', 'tinh'].map((id) => [id, makeSource(id)]));

const mergeOneByOne = (copies: readonly Copy[]): Story[] => mergeInCycles(copies, sources);

const POLICE_TEXT =
  'Khoảng 4h ngày 3/7, mưa lớn kéo dài gây sạt lở đất tại bản Huổi Lếch, xã Nậm Khoá, vùi lấp một phần căn nhà của anh Lò Văn S. ' +
  'Công an xã đã huy động 25 cán bộ, chiến sĩ giúp gia đình di chuyển tài sản đến nơi an toàn, không có thiệt hại về người.';
const POLICE = makeCopy({
  sourceId: 'cong-an',
  key: 'guid:ca-sat-lo',
  title: '[Clip] Sạt lở đất vùi lấp nhà dân tại xã Nậm Khoá',
  text: POLICE_TEXT,
  datePublished: '2026-07-02T22:00:00.000Z',
});
const PAPER_TEXT =
  'Ngày 3/7, sau một đêm mưa như trút, khối đất đá từ sườn đồi phía sau đổ ập xuống một nhà sàn ở xã Nậm Khoá. ' +
  'Cả gia đình sáu người kịp chạy ra ngoài trước khi vách nhà bị đè sập. Chính quyền địa phương đang dọn dẹp hiện trường và lo chỗ ở tạm cho các hộ lân cận.';
const PAPER = makeCopy({
  sourceId: 'bao',
  key: 'guid:bao-nha-san',
  title: 'Đêm mưa như trút, một nhà sàn vùng cao bị đất đá đè sập',
  text: PAPER_TEXT,
  datePublished: '2026-07-03T03:00:00.000Z',
});
// The e-portal's roundup of the night: the police's words, then the paper's.
const PORTAL = makeCopy({
  sourceId: 'tinh',
  key: 'guid:tinh-mua-lu',
  title: 'Mưa lớn gây sạt lở tại xã Nậm Khoá',
  text: `${POLICE_TEXT}\n${PAPER_TEXT}`,
  datePublished: '2026-07-03T06:00:00.000Z',
});

// Another landslide in the same commune on the same day, at another hour: a roundup naming both must not join them.
const EVENING_TEXT =
  'Khoảng 21h ngày 3/7, một điểm sạt lở mới xuất hiện trên tuyến đường liên bản tại xã Nậm Khoá, đất đá tràn xuống mặt đường làm ách tắc giao thông. ' +
  'Lực lượng chức năng đã cắm biển cảnh báo và điều máy xúc đến san gạt, đến khuya tuyến đường thông xe trở lại.';
const EVENING = makeCopy({
  sourceId: 'bao',
  key: 'guid:bao-duong-lien-ban',
  title: 'Đất đá tràn xuống đường liên bản, giao thông ách tắc nhiều giờ',
  text: EVENING_TEXT,
  datePublished: '2026-07-03T15:00:00.000Z',
});
const ROUNDUP = makeCopy({
  sourceId: 'tinh',
  key: 'guid:tinh-tong-hop',
  title: 'Tình hình mưa lũ trong ngày 3/7 tại xã Nậm Khoá',
  text: `${POLICE_TEXT}\n${EVENING_TEXT}`,
  datePublished: '2026-07-03T16:00:00.000Z',
});

const labelsOf = (story: Story) => story.copies.map((copy) => copy.key).sort();

describe('joining two stories through a copy that matches both', () => {
  it('the brief and the rewrite stay apart until a copy matching both comes, then become one story', () => {
    const before = mergeOneByOne([POLICE, PAPER]);
    expect(before).toHaveLength(2);
    const after = mergeOneByOne([POLICE, PAPER, PORTAL]);
    expect(after.map(labelsOf)).toEqual([[POLICE.key, PAPER.key, PORTAL.key].sort()]);
  });

  it('records the bridge on the first copy of the story joined: the bridging copy, its text match, and what the two stories share', () => {
    const [story] = mergeOneByOne([POLICE, PAPER, PORTAL]);
    const paper = story!.copies.find((copy) => copy.key === PAPER.key)!;
    expect(paper.match).toMatchObject({
      by: 'joined',
      through: 'bridge',
      via: { sourceId: 'tinh', url: PORTAL.url },
      copy: { sourceId: 'bao', url: PAPER.url },
      numbers: { rule: 'verbatim' },
      corroboration: {
        copies: [{ sourceId: 'cong-an', url: POLICE.url }, { sourceId: 'bao', url: PAPER.url }],
        anchors: { shared: ['nậm khoá'], weight: 1 },
        sameTime: '3/7',
        figures: { missing: [] },
        gapHours: 5,
      },
    });
    expect(story!.copies.find((copy) => copy.key === PORTAL.key)!.match).toMatchObject({ by: 'text' });
  });

  it('keeps the bridge record through the store, whose entry check accepts it', async () => {
    const stories = mergeOneByOne([POLICE, PAPER, PORTAL]);
    const file = path.join(await makeTempDir(), 'db.json');
    const store = createLowdbStore(file);
    const data = await store.load();
    data.stories = stories;
    await store.save(data);
    const reloaded = await createLowdbStore(file).load();
    expect(reloaded.stories[0]!.copies.map((copy) => copy.match)).toEqual(stories[0]!.copies.map((copy) => copy.match));
    expect(reloaded.stories[0]!.copies.some((copy) => copy.match?.by === 'joined' && copy.match.through === 'bridge')).toBe(true);
  });

  it('never joins on the two text matches alone: two landslides in one commune on one day, at 4h and 21h, stay apart', () => {
    const stories = mergeOneByOne([POLICE, EVENING, ROUNDUP]);
    expect(stories).toHaveLength(2);
    expect(stories.map(labelsOf).some((labels) => labels.includes(POLICE.key) && labels.includes(EVENING.key))).toBe(false);
  });
});
