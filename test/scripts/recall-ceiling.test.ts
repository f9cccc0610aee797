// The dominance ceiling of `npm run eval:merge-ceiling` on a small hand-written set whose answer is known: a
// fire told twice with the same commune, owner, hour and figures (no different pair comes near it), and a
// crash told twice with nothing in common but the kind, the day and the hours (two template briefs of
// other crashes, published as close together, share more).
import { describe, expect, it } from 'vitest';
import { loadConfig, DEFAULT_CONFIG_PATH } from '../../src/config/load-config.ts';
import type { EventCopy, EventSet } from '../../scripts/merge-eval/evaluate-events.ts';
import { kindReaderOf, DIMENSIONS } from '../../scripts/merge-eval/evidence-vector.ts';
import { dominates, Negatives, reachableSamePairs } from '../../scripts/merge-eval/dominance.ts';
import { ceilingOf, measureEventSet } from '../../scripts/merge-eval/measure-ceiling.ts';

function copy(sourceId: string, title: string, paragraphs: string[], datePublished: string, slug: string): EventCopy {
  return { sourceId, title, html: paragraphs.map((text) => `<p>${text}</p>`).join(''), datePublished, url: `https://${sourceId}.example.vn/${slug}.html` };
}

const SET: EventSet = {
  events: [
    {
      id: 'e01',
      kind: 'fire',
      copies: [
        copy(
          'cong-an-tinh',
          'Cháy nhà dân ở xã Tân Phú Đông, thiệt hại khoảng 350 triệu đồng',
          [
            'Khoảng 2h30 ngày 14/3, tại nhà ông Lê Văn Thưởng ở thôn Gò Mít, xã Tân Phú Đông xảy ra cháy. Lửa bén từ gian bếp rồi lan sang kho chứa 45 bao lúa.',
            'Lực lượng PCCC điều 2 xe chữa cháy tới hiện trường, sau 40 phút dập tắt đám cháy. Thiệt hại ước khoảng 350 triệu đồng, không có thương vong.',
          ],
          '2026-03-14T07:10:00+07:00',
          'chay-nha-tan-phu-dong',
        ),
        copy(
          'bao-tinh',
          'Rạng sáng, một căn nhà ở Tân Phú Đông bốc cháy',
          [
            'Rạng sáng 14/3, ngọn lửa bùng lên từ khu bếp trong căn nhà của ông Lê Văn Thưởng (thôn Gò Mít, xã Tân Phú Đông) khi cả gia đình đang ngủ.',
            'Hai xe chữa cháy được điều đến, khống chế đám lửa sau 40 phút. Toàn bộ 45 bao lúa trong kho bị thiêu rụi, thiệt hại khoảng 350 triệu đồng.',
          ],
          '2026-03-14T15:30:00+07:00',
          'ran-sang-nha-boc-chay',
        ),
      ],
    },
    {
      id: 'e02',
      kind: 'crash',
      copies: [
        copy(
          'cong-an-tinh',
          'Va chạm giao thông trên đường liên xã, một người bị thương nặng',
          ['Chiều tối, trên tuyến đường liên xã qua khu vực cánh đồng phía tây xảy ra vụ va chạm giữa xe máy và xe công nông làm người điều khiển xe máy bị thương nặng.', 'Cơ quan chức năng đang điều tra nguyên nhân vụ việc.'],
          '2026-03-20T18:00:00+07:00',
          'va-cham-duong-lien-xa',
        ),
        copy(
          'bao-tinh',
          'Người đàn ông nhập viện sau cú tông với công nông',
          ['Đang trên đường về nhà, người đàn ông chạy xe máy bất ngờ tông vào chiếc công nông chở vật liệu, ngã xuống mặt đường. Người dân gọi cấp cứu đưa anh đi viện.', 'Hiện sức khỏe nạn nhân đã tạm ổn định.'],
          '2026-03-20T21:00:00+07:00',
          'nguoi-dan-ong-nhap-vien',
        ),
      ],
    },
  ],
  negatives: [
    {
      id: 'n01',
      kind: 'template-crash',
      copies: [
        copy(
          'cong-an-tinh',
          'Va chạm giao thông trên đường huyện, một người bị thương nặng',
          ['Chiều tối, trên tuyến đường huyện qua khu vực cánh đồng phía đông xảy ra vụ va chạm giữa xe máy và xe tải nhỏ làm người điều khiển xe máy bị thương nặng.', 'Cơ quan chức năng đang điều tra nguyên nhân vụ việc.'],
          '2026-03-20T19:00:00+07:00',
          'va-cham-duong-huyen',
        ),
        copy(
          'bao-tinh',
          'Va chạm giao thông trên đường ven sông, một người bị thương nặng',
          ['Chiều tối, trên tuyến đường ven sông qua khu vực cánh đồng phía nam xảy ra vụ va chạm giữa xe máy và xe ba gác làm người điều khiển xe máy bị thương nặng.', 'Cơ quan chức năng đang điều tra nguyên nhân vụ việc.'],
          '2026-03-20T20:00:00+07:00',
          'va-cham-duong-ven-song',
        ),
      ],
    },
  ],
};

const kindOf = kindReaderOf(loadConfig(DEFAULT_CONFIG_PATH).categories);

describe('the recall ceiling of eval:merge-ceiling', () => {
  it('finds the crash pair dominated by the template briefs of other crashes, and the fire pair not', () => {
    const measured = measureEventSet('hand', SET, kindOf);
    expect(measured.same.map((pair) => `${pair.a} ~ ${pair.b}`).sort()).toEqual(['e01#1 ~ e01#2', 'e02#1 ~ e02#2']);
    expect(measured.different).toHaveLength(15 - 2);
    const { figures, dominated } = ceilingOf(measured, new Negatives(measured.different, DIMENSIONS), new Negatives(measured.different, DIMENSIONS));
    expect(dominated.map(({ same }) => `${same.a} ~ ${same.b}`)).toEqual(['e02#1 ~ e02#2']);
    expect(dominated[0]!.by).toMatchObject({ a: 'n01#1', b: 'n01#2' });
    expect(figures).toMatchObject({ same: 2, dominated: 1, dominatedAnywhere: 1, reachable: 1 });
  });

  it('weighs each direction: more on "for", less on "against", the same on "equal" dimensions, nothing on "ignored" ones', () => {
    const dimensions = [
      { name: 'containment', direction: 'for' as const },
      { name: 'gapHours', direction: 'against' as const },
      { name: 'sameSource', direction: 'equal' as const },
    ];
    expect(dominates([0.5, 3, 0], [0.4, 5, 0], dimensions)).toBe(true);
    expect(dominates([0.4, 5, 0], [0.4, 5, 0], dimensions)).toBe(true);
    expect(dominates([0.3, 3, 0], [0.4, 5, 0], dimensions)).toBe(false);
    expect(dominates([0.5, 6, 0], [0.4, 5, 0], dimensions)).toBe(false);
    expect(dominates([0.5, 3, 1], [0.4, 5, 0], dimensions)).toBe(false);
    // --ablation leaves one dimension out: the portal no longer matters.
    const ablated = dimensions.map((dimension) => (dimension.name === 'sameSource' ? { ...dimension, direction: 'ignored' as const } : dimension));
    expect(dominates([0.5, 3, 1], [0.4, 5, 0], ablated)).toBe(true);
  });

  it('joins undominated pairs through a shared copy: a ~ b and b ~ c put a and c in one story', () => {
    const same = [
      { a: 'a', b: 'b', dominated: false },
      { a: 'b', b: 'c', dominated: false },
      { a: 'a', b: 'c', dominated: true },
      { a: 'a', b: 'd', dominated: true },
    ];
    expect(reachableSamePairs(same)).toBe(3);
  });
});
