/**
 * `tsx bench/merge-precision.ts [--sources N] [--items N]`: pair precision and recall of merging on the
 * synthetic province (bench/synthetic: thousands of template siblings sharing communes, family names and
 * figures, re-posts re-titled, shortened and re-led), whose truth each item carries (`eventGuid`). Every
 * item is normalised and merged in publication order, an hour-long cycle at a time, as `npm start` would
 * see them; a pair of copies counts as merged when they end in one story.
 */
import { MergeCache } from '../src/pipeline/merge/merge-cache.ts';
import { mergeCopies } from '../src/pipeline/merge/merge-copies.ts';
import { normalizeItem } from '../src/pipeline/normalize/normalize-item.ts';
import type { Copy, SourceConfig, Story } from '../src/model/types.ts';
import { makeProvince } from './synthetic/make-province.ts';

const SEED = 20261125;
const REPOST_SHARE = 0.3;
const HOUR_MS = 3_600_000;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
}

const sourceCount = option('--sources', 60);
const itemsPerSource = option('--items', 100);
const now = Date.UTC(2026, 11, 4, 8, 0, 0);
const province = makeProvince({ seed: SEED, sources: sourceCount, itemsPerSource, now, repostShare: REPOST_SHARE });
const sources = new Map<string, SourceConfig>(
  province.sources.map((source) => [source.id, { id: source.id, name: source.name, url: `${source.origin}/rss`, priority: source.priority, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true }]),
);
const eventOf = new Map<string, string>();
const copies: Copy[] = [];
for (const source of province.sources) {
  for (const item of province.items.get(source.id)!) {
    const raw = { guid: item.guid, link: item.link, title: item.title, contentHtml: item.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(''), date: new Date(item.time).toISOString(), categories: [item.section] };
    const copy = normalizeItem(raw, { source: sources.get(source.id)!, now: new Date(now + HOUR_MS) });
    if (!copy) continue;
    eventOf.set(copy.url, item.eventGuid);
    copies.push(copy);
  }
}
copies.sort((a, b) => a.datePublished.localeCompare(b.datePublished));

// One cycle per hour of publication, each seen an hour after its last copy.
const stories: Story[] = [];
const cache = new MergeCache();
for (let start = 0; start < copies.length; ) {
  const hour = Math.floor(Date.parse(copies[start]!.datePublished) / HOUR_MS);
  let end = start;
  while (end < copies.length && Math.floor(Date.parse(copies[end]!.datePublished) / HOUR_MS) === hour) end++;
  mergeCopies(stories, copies.slice(start, end), { now: new Date((hour + 2) * HOUR_MS), sources, tombstones: {}, cache });
  start = end;
}

const pairs = (count: number) => (count * (count - 1)) / 2;
const byEvent = new Map<string, number>();
let merged = 0;
let right = 0;
for (const story of stories) {
  merged += pairs(story.copies.length);
  const cells = new Map<string, number>();
  for (const copy of story.copies) {
    const event = eventOf.get(copy.url)!;
    cells.set(event, (cells.get(event) ?? 0) + 1);
  }
  for (const count of cells.values()) right += pairs(count);
}
for (const event of eventOf.values()) byEvent.set(event, (byEvent.get(event) ?? 0) + 1);
let same = 0;
for (const count of byEvent.values()) same += pairs(count);
console.log(`${copies.length} copies of ${byEvent.size} events from ${sourceCount} portals → ${stories.length} stories`);
console.log(`precision ${(right / Math.max(1, merged)).toFixed(4)} (${merged - right} of ${merged} merged pairs wrong)`);
console.log(`recall    ${(right / Math.max(1, same)).toFixed(4)} (${right} of ${same} same-event pairs merged)`);
