/**
 * Stored stories and batches of new copies in the pipeline's own shapes (Story, Copy), for the merge
 * and store sections, which start after fetching and normalising.
 */
import type { Copy, Story } from '../../src/model/types.ts';
import { copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { createRandom, type Random } from './random.ts';
import { CATEGORIES } from './vietnamese-words.ts';
import { createArticleWriter, type ArticleText, type ArticleWriter, type SyntheticEvent } from './write-article.ts';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Sources the synthetic copies come from (the serve section names them in its config). */
export const SOURCE_IDS = Array.from({ length: 100 }, (_, index) => `nguon-${String(index + 1).padStart(3, '0')}`);

export interface StoryCorpus {
  random: Random;
  writer: ArticleWriter;
  serial: number;
}

export function createStoryCorpus(seed: number, writerOptions?: Parameters<typeof createArticleWriter>[1]): StoryCorpus {
  const random = createRandom(seed);
  return { random, writer: createArticleWriter(random, writerOptions), serial: 0 };
}

/**
 * `count` stories dated uniformly over the `days` before `now`, most with one copy, some carried by
 * two or three portals, as a store that has run for a retention period holds them.
 */
export function makeStoredStories(corpus: StoryCorpus, count: number, now: number, days: number): Story[] {
  const stories: Story[] = [];
  for (let index = 0; index < count; index++) {
    const event = corpus.writer.writeEvent(now - corpus.random.next() * days * DAY_MS);
    const copies = [toCopy(corpus, corpus.random.pick(SOURCE_IDS), event, { title: event.title, paragraphs: event.paragraphs }, event.time)];
    const extra = corpus.random.chance(0.08) ? 2 : corpus.random.chance(0.25) ? 1 : 0;
    for (let more = 0; more < extra; more++) {
      const text = corpus.writer.writeCopy(event, corpus.writer.pickVariant());
      copies.push(toCopy(corpus, otherSource(corpus.random, copies), event, text, event.time + corpus.random.int(0, 12 * HOUR_MS)));
    }
    const datePublished = copies[0]!.datePublished;
    stories.push({ id: `urn:uuid:${corpus.random.uuid()}`, copies, categories: [event.category.id], datePublished, dateModified: datePublished });
  }
  return stories;
}

export interface MergeBatchShape {
  /** Copies of stories no portal carried before. */
  fresh: number;
  /** Other portals' copies of those fresh stories, in the same batch. */
  repostsOfFresh: number;
  /** Other portals' copies of stored stories from the last 72 hours. */
  repostsOfStored: number;
}

/** One ingestion's worth of new copies, dated in the `spreadHours` before `now`. */
export function makeMergeBatch(corpus: StoryCorpus, stored: readonly Story[], now: number, shape: MergeBatchShape, spreadHours = 12): Copy[] {
  const copies: Copy[] = [];
  const events: { event: SyntheticEvent; sources: Set<string> }[] = [];
  for (let index = 0; index < shape.fresh; index++) {
    const event = corpus.writer.writeEvent(now - corpus.random.next() * spreadHours * HOUR_MS);
    const sourceId = corpus.random.pick(SOURCE_IDS);
    events.push({ event, sources: new Set([sourceId]) });
    copies.push(toCopy(corpus, sourceId, event, { title: event.title, paragraphs: event.paragraphs }, event.time));
  }
  for (let index = 0; index < shape.repostsOfFresh && events.length > 0; index++) {
    const { event, sources } = corpus.random.pick(events);
    const sourceId = unusedSource(corpus.random, sources);
    sources.add(sourceId);
    copies.push(toCopy(corpus, sourceId, event, corpus.writer.writeCopy(event, corpus.writer.pickVariant()), event.time + corpus.random.int(0, 3 * HOUR_MS)));
  }
  const recent = stored.filter((story) => Date.parse(story.datePublished) >= now - 72 * HOUR_MS);
  const carriers = new Map<Story, Set<string>>();
  for (let index = 0; index < shape.repostsOfStored && recent.length > 0; index++) {
    const story = corpus.random.pick(recent);
    const sources = carriers.get(story) ?? new Set(story.copies.map((copy) => copy.sourceId));
    carriers.set(story, sources);
    const sourceId = unusedSource(corpus.random, sources);
    sources.add(sourceId);
    const event = eventOfCopy(story.copies[0]!);
    copies.push(toCopy(corpus, sourceId, event, corpus.writer.writeCopy(event, corpus.writer.pickVariant()), Math.min(now, event.time + corpus.random.int(0, 6 * HOUR_MS))));
  }
  // Portals are fetched in no particular order: new stories and re-posts arrive interleaved.
  for (let i = copies.length - 1; i > 0; i--) {
    const j = corpus.random.int(0, i);
    [copies[i], copies[j]] = [copies[j]!, copies[i]!];
  }
  return copies;
}

/** A stored copy as an event again, so another portal can re-post it (its slots are gone: re-titles reuse the title). */
function eventOfCopy(copy: Copy): SyntheticEvent {
  const category = CATEGORIES.find((candidate) => candidate.sections.includes(copy.sourceCategories[0] ?? '')) ?? CATEGORIES[0]!;
  return { category: { ...category, titles: [copy.title], leads: [copyText(copy).split('\n')[0]!] }, title: copy.title, paragraphs: copyText(copy).split('\n'), time: Date.parse(copy.datePublished), slots: new Map() };
}

/** A normalised copy, as normalizeItem would make it from the portal's item. */
export function toCopy(corpus: StoryCorpus, sourceId: string, event: SyntheticEvent, text: ArticleText, time: number): Copy {
  const serial = ++corpus.serial;
  const url = `https://${sourceId}.hoabinh.example.gov.vn/tin-tuc/${serial}.html`;
  const paragraphs = text.paragraphs.map((paragraph) => paragraph.normalize('NFC'));
  const date = new Date(time).toISOString();
  return {
    sourceId,
    key: `guid:${sourceId}-${serial}`,
    url,
    title: text.title.normalize('NFC'),
    contentHtml: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(''),
    datePublished: date,
    sourceCategories: [corpus.random.pick(event.category.sections)],
    firstSeenAt: new Date(time + 10 * 60_000).toISOString(),
  };
}

function otherSource(random: Random, copies: readonly Copy[]): string {
  return unusedSource(random, new Set(copies.map((copy) => copy.sourceId)));
}

function unusedSource(random: Random, used: ReadonlySet<string>): string {
  for (;;) {
    const id = random.pick(SOURCE_IDS);
    if (!used.has(id)) return id;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A copy of the stories for one run: what a fresh load of the store gives, without parsing it again (strings are shared). */
export function cloneStories(stories: readonly Story[]): Story[] {
  return stories.map((story) => ({ ...story, copies: story.copies.map((copy) => ({ ...copy, sourceCategories: [...copy.sourceCategories] })), categories: [...story.categories] }));
}
