/** Caps what one fetch of one source may bring (`maxItemsPerFetch`): its newest items, in the feed's own order. */
import type { RawItem } from '../../model/types.ts';
import { readItemDate } from './normalize-item.ts';
import type { NumericDateOrder } from './parse-date.ts';

export interface TakenItems {
  items: RawItem[];
  /** Items listed beyond the cap and left out. */
  dropped: number;
}

/**
 * The `max` newest of `items` by their dates, before any is normalised, so a runaway feed costs
 * no more than `max` items' work. An item without a readable date ranks as now, the date it would
 * be given, so it counts as newest; equal dates keep the feed's order. The items taken stay in the
 * feed's order, which later stages rely on (the first of two items at one link wins).
 */
export function takeNewestItems(items: readonly RawItem[], max: number, timeZone: string, now: Date, order?: NumericDateOrder): TakenItems {
  if (items.length <= max) return { items: [...items], dropped: 0 };
  const nowMs = now.getTime();
  const ranked = items.map((item, index) => ({ index, time: readItemDate(item.date, timeZone, now, order)?.getTime() ?? nowMs }));
  ranked.sort((a, b) => b.time - a.time || a.index - b.index);
  const kept = ranked.slice(0, max).map((entry) => entry.index).sort((a, b) => a - b);
  return { items: kept.map((index) => items[index]!), dropped: items.length - max };
}
