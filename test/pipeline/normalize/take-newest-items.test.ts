/** maxItemsPerFetch's rule: the newest items by date, undated ones as now, ties and the result in the feed's order. */
import { describe, expect, it } from 'vitest';
import type { RawItem } from '../../../src/model/types.ts';
import { takeNewestItems } from '../../../src/pipeline/normalize/take-newest-items.ts';

const NOW = new Date('2026-11-25T03:00:00.000Z');
const item = (guid: string, date?: string): RawItem => ({ guid, date, categories: [] });
const guids = (items: readonly RawItem[]) => items.map((entry) => entry.guid);

describe('takeNewestItems', () => {
  it.each([
    {
      name: 'takes everything, in order, when within the cap',
      items: [item('a', '2026-11-20T00:00:00Z'), item('b', '2026-11-24T00:00:00Z')],
      max: 2, taken: ['a', 'b'], dropped: 0,
    },
    {
      name: 'takes the newest by date from a feed listed oldest first, keeping the feed order',
      items: [item('a', '20/11/2026 08:00'), item('b', '21/11/2026 08:00'), item('c', '22/11/2026 08:00'), item('d', '23/11/2026 08:00')],
      max: 2, taken: ['c', 'd'], dropped: 2,
    },
    {
      name: 'counts an item without a readable date as newest',
      items: [item('a', '2026-11-24T00:00:00Z'), item('b', 'Đang cập nhật'), item('c', '2026-11-20T00:00:00Z'), item('d')],
      max: 3, taken: ['a', 'b', 'd'], dropped: 1,
    },
    {
      name: 'keeps the feed order among undated items',
      items: [item('a'), item('b'), item('c'), item('d')],
      max: 2, taken: ['a', 'b'], dropped: 2,
    },
    {
      name: 'ranks a date more than a day ahead as now, as normalisation dates it',
      items: [item('a', '2030-01-01T00:00:00Z'), item('b', '2026-11-25T02:00:00Z'), item('c', '2026-11-25T02:30:00Z')],
      max: 2, taken: ['a', 'c'], dropped: 1,
    },
  ])('$name', ({ items, max, taken, dropped }) => {
    const result = takeNewestItems(items, max, 'Asia/Ho_Chi_Minh', NOW);
    expect(guids(result.items)).toEqual(taken);
    expect(result.dropped).toBe(dropped);
  });
});
