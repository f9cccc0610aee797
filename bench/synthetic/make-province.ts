/**
 * A synthetic province: its portals (provincial newspaper, police, departments, district and commune
 * sites) and the newest items each lists, a share of them copies of stories another portal carried.
 */
import { createRandom, type Random } from './random.ts';
import { CATEGORIES, COMMUNES, PORTAL_KINDS } from './vietnamese-words.ts';
import { createArticleWriter, type ArticleWriter, type SyntheticEvent } from './write-article.ts';

const HOUR_MS = 3600 * 1000;
/** How far back a portal looks for another portal's story to re-post. */
const REPOST_WINDOW_HOURS = 12;

export type FeedFormat = 'rss' | 'rss-portal-dates' | 'atom';

export interface SyntheticSource {
  id: string;
  name: string;
  /** Origin of the portal's own (made-up) links. */
  origin: string;
  priority: number;
  format: FeedFormat;
  perDay: number;
  /** The portal's section names → category ids, as an operator would configure it. */
  categoryMap: Record<string, string>;
}

export interface SyntheticItem {
  guid: string;
  link: string;
  title: string;
  paragraphs: string[];
  /** Epoch ms. */
  time: number;
  section: string;
  /** A relative image path, resolved against the link by the pipeline. */
  image?: string;
  /** The guid of the item that first told its event (its own for a first telling): the truth merging is scored on. */
  eventGuid: string;
}

export interface Province {
  sources: SyntheticSource[];
  /** By source id, newest first. */
  items: Map<string, SyntheticItem[]>;
  /** Puts `count` new stories at the top of a source's feed (the oldest drop off), dated `time`. */
  publish(sourceId: string, count: number, time: number): void;
}

export interface ProvinceOptions {
  seed: number;
  sources: number;
  itemsPerSource: number;
  now: number;
  /** Share of a portal's items that re-post another portal's story. */
  repostShare: number;
}

/** Portals and their items; the same options always give the same province. */
export function makeProvince(options: ProvinceOptions): Province {
  const random = createRandom(options.seed);
  const writer = createArticleWriter(random);
  const sources = makeSources(random, options.sources);
  const eventsByHour = new Map<number, { event: SyntheticEvent; carriedBy: Set<string> }[]>();
  const items = new Map<string, SyntheticItem[]>();
  let serial = 1000;
  for (const source of sources) {
    const list: SyntheticItem[] = [];
    let time = options.now - random.int(0, 3 * HOUR_MS);
    for (let index = 0; index < options.itemsPerSource; index++) {
      const reposted = random.chance(options.repostShare) ? findRepost(random, eventsByHour, source.id, time) : undefined;
      const item = reposted
        ? itemFromEvent(writer, source, reposted.event, time, ++serial, random, true)
        : itemFromEvent(writer, source, newEvent(writer, eventsByHour, source.id, time), time, ++serial, random, false);
      reposted?.carriedBy.add(source.id);
      list.push(item);
      // Exponential gaps: a portal posting n items a day lists about 100 / n days.
      time -= Math.max(60_000, -Math.log(1 - random.next()) * (24 * HOUR_MS) / source.perDay);
    }
    items.set(source.id, list);
  }
  const publish = (sourceId: string, count: number, time: number) => {
    const source = sources.find((candidate) => candidate.id === sourceId)!;
    const list = items.get(sourceId)!;
    const fresh = Array.from({ length: count }, (_, index) =>
      itemFromEvent(writer, source, newEvent(writer, eventsByHour, source.id, time - index * 60_000), time - index * 60_000, ++serial, random, false),
    );
    items.set(sourceId, [...fresh, ...list].slice(0, list.length));
  };
  return { sources, items, publish };
}

function makeSources(random: Random, count: number): SyntheticSource[] {
  const fixed = ['bao', 'cong-an', 'so', 'dai'] as const;
  return Array.from({ length: count }, (_, index) => {
    const kindSlug = index < fixed.length ? fixed[index]! : index < 14 ? 'cong-huyen' : index < 30 ? 'so' : 'cong-xa';
    const kind = PORTAL_KINDS.find((candidate) => candidate.slug === kindSlug)!;
    const place = COMMUNES[index % COMMUNES.length]!;
    const id = `${kind.slug}-${String(index + 1).padStart(3, '0')}`;
    const categoryMap: Record<string, string> = {};
    for (const category of CATEGORIES) for (const section of category.sections) categoryMap[section] = category.id;
    return {
      id,
      name: `${kind.name} ${kind.slug === 'bao' || kind.slug === 'cong-an' ? 'tỉnh Hòa Bình' : place}`,
      origin: `https://${id}.hoabinh.example.gov.vn`,
      priority: kind.slug === 'cong-an' ? 3 : kind.slug === 'bao' ? 1 : kind.slug === 'so' ? 2 : 0,
      format: (['rss', 'rss-portal-dates', 'atom'] as const)[index % 3]!,
      perDay: random.int(kind.perDay[0], kind.perDay[1]),
      categoryMap,
    };
  });
}

function newEvent(writer: ArticleWriter, byHour: Map<number, { event: SyntheticEvent; carriedBy: Set<string> }[]>, sourceId: string, time: number): SyntheticEvent {
  const event = writer.writeEvent(time);
  const hour = Math.floor(time / HOUR_MS);
  const bucket = byHour.get(hour) ?? [];
  bucket.push({ event, carriedBy: new Set([sourceId]) });
  byHour.set(hour, bucket);
  return event;
}

/** A story another portal published in the hours before, that this portal has not carried yet. */
function findRepost(random: Random, byHour: Map<number, { event: SyntheticEvent; carriedBy: Set<string> }[]>, sourceId: string, time: number) {
  const hour = Math.floor(time / HOUR_MS);
  for (let attempt = 0; attempt < 6; attempt++) {
    const bucket = byHour.get(hour - random.int(0, REPOST_WINDOW_HOURS));
    if (!bucket || bucket.length === 0) continue;
    const candidate = random.pick(bucket);
    if (!candidate.carriedBy.has(sourceId) && candidate.event.time <= time) return candidate;
  }
  return undefined;
}

const firstTelling = new WeakMap<SyntheticEvent, string>();

function itemFromEvent(
  writer: ArticleWriter,
  source: SyntheticSource,
  event: SyntheticEvent,
  time: number,
  serial: number,
  random: Random,
  repost: boolean,
): SyntheticItem {
  const text = repost ? writer.writeCopy(event, writer.pickVariant()) : { title: event.title, paragraphs: event.paragraphs };
  const section = random.pick(event.category.sections);
  const tracking = random.chance(0.2) ? '?utm_source=rss&utm_medium=feed' : '';
  const link = `${source.origin}/${slugOf(section)}/${serial}.html${tracking}`;
  const guid = `${source.id}-${serial}`;
  if (!firstTelling.has(event)) firstTelling.set(event, guid);
  return { guid, link, title: text.title, paragraphs: text.paragraphs, time, section, image: random.chance(0.5) ? `/uploads/${serial}.jpg` : undefined, eventGuid: firstTelling.get(event)! };
}

/** ASCII slug of a Vietnamese phrase, for made-up paths. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
