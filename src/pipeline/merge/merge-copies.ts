/**
 * Folds a batch of normalised copies into the stored stories (SPEC.md "Stories", rules 1–3), and
 * joins two stories into the older one when a copy shows they are one (see docs/architecture.md).
 */
import { randomUUID } from 'node:crypto';
import { copyStoreKey, representativeCopy, urlStoreKey } from '../../model/story.ts';
import type { Copy, CopyMatch, SourceConfig, Story, StoryAlias, Tombstone } from '../../model/types.ts';
import { carryCopyText } from '../normalize/copy-text.ts';
import { localDay } from '../normalize/zoned-time.ts';
import { absorbStory, isOlderStory } from './join-stories.ts';
import { bridgeRecord, copyRef, textMatchOf, withMatch } from './match-record.ts';
import { MergeCache } from './merge-cache.ts';
import type { LocalDay } from './rewrite-match.ts';
import { MERGE_WINDOW_MS, type DayOf, type MatchExplanation, type SimilarityIndex } from './similarity-index.ts';

export interface MergeContext {
  now: Date;
  sources: ReadonlyMap<string, SourceConfig>;
  /** Remembered keys of pruned stories; refreshed here when a source still lists them. */
  tombstones: Record<string, Tombstone>;
  /** Published ids absorbed into older stories; joins made here are added. */
  aliases?: Record<string, StoryAlias>;
  newStoryId?: () => string;
  /**
   * Kept by a long-running process across cycles (createMergeCache), so each cycle shingles only
   * new text; without it every call starts from nothing, with the same results.
   */
  cache?: MergeCache;
}

export interface MergeResult {
  /** Stories created by this batch. */
  added: Story[];
  /** Stored stories whose copies, dates or shown text changed. */
  updated: Story[];
  /** Copies that were already stored exactly as given. */
  unchanged: number;
  /** Published stories absorbed into an older one by this batch (removed from the list). */
  absorbed: { id: string; into: string }[];
  /** Per source: stories its copies started, and stories its copies joined or changed. */
  bySource: Map<string, { added: number; updated: number }>;
}

/** Applies copies to `stories` in place (new stories are appended) and reports what changed. */
export function mergeCopies(stories: Story[], copies: readonly Copy[], context: MergeContext): MergeResult {
  if (copies.length === 0) return { added: [], updated: [], unchanged: 0, absorbed: [], bySource: new Map() };
  const cache = context.cache ?? new MergeCache();
  const state = new MergeState(stories, copies, context, cache);
  for (const copy of copies) state.apply(copy);
  const result = state.finish();
  cache.endBatch();
  return result;
}

/**
 * What the text rules weigh between `copy` and one of `stories`, as mergeCopies would see it now; changes
 * nothing (for `npm run eval:merge -- --explain` and diagnosis). Undefined when the copy is too short to
 * compare or the story lies outside the copy's time window.
 */
export function explainMatch(stories: Story[], copy: Copy, story: Story, context: MergeContext): MatchExplanation | undefined {
  return new MergeState(stories, [copy], context, new MergeCache()).explain(copy, story);
}

class MergeState {
  // Only the keys and links of this batch's copies: nothing else is ever looked up.
  private readonly byCopyKey = new Map<string, Story>();
  private readonly byUrl = new Map<string, Story>();
  private readonly similar: SimilarityIndex;
  private readonly before = new Map<Story, string>();
  private readonly created = new Set<Story>();
  private readonly removed = new Set<Story>();
  private readonly absorbed: { id: string; into: string }[] = [];
  private readonly aliases: Record<string, StoryAlias>;
  private unchanged = 0;
  /** When this batch's joins are recorded as made. */
  private readonly at: string;
  private readonly bySource = new Map<string, { added: number; updated: number }>();

  constructor(
    private readonly stories: Story[],
    copies: readonly Copy[],
    private readonly context: MergeContext,
    cache: MergeCache,
  ) {
    this.aliases = context.aliases ?? {};
    this.at = context.now.toISOString();
    const window = copyTimeWindow(copies);
    const wanted = wantedLookups(copies);
    const nearby: Story[] = [];
    // One pass over the store with set lookups and string comparisons only: the part of a batch's
    // work that grows with the store, kept to what a large store can afford every cycle.
    for (const story of stories) {
      for (const copy of story.copies) {
        if (wanted.keysBySource.get(copy.sourceId)?.has(copy.key)) this.byCopyKey.set(copyStoreKey(copy), story);
        if (wanted.urls.has(copy.url)) this.byUrl.set(copy.url, story);
      }
      // Only stories near the batch in time can match by text, so only they are indexed.
      if (window.includes(story.datePublished)) nearby.push(story);
    }
    this.similar = cache.startBatch(nearby);
  }

  apply(copy: Copy): void {
    if (this.isTombstoned(copy)) return;
    const own = this.ownStory(copy);
    if (own && !this.updateCopy(own, copy)) return;
    const story = own ?? this.byUrl.get(copy.url);
    const matches = this.similar.findMatches(copy, this.dayOf, story);
    const similar = matches[0];
    const at = this.at;
    if (!story) {
      if (!similar) return this.createStory(withMatch(copy, { by: 'first', at }));
      // The other stories the copy matches, that the best one's copies corroborate directly (bridge-stories.ts).
      const bridged = matches.slice(1).flatMap((other) => {
        const found = this.similar.corroborate(similar.story, other.story, this.dayOf);
        return found ? [{ other, found }] : [];
      });
      this.addCopy(similar.story, withMatch(copy, { by: 'text', at, ...textMatchOf(similar) }));
      let survivor = similar.story;
      for (const { other, found } of bridged) {
        if (this.removed.has(other.story)) continue;
        const corroboration = bridgeRecord(found);
        // Whichever is absorbed records the bridge: the copy's text match with that story, and what the two stories share.
        survivor = this.join(survivor, other.story, (absorbed) => ({
          by: 'joined',
          at,
          via: copyRef(copy),
          through: 'bridge',
          ...textMatchOf(matches.find((match) => match.story === absorbed) ?? similar),
          corroboration,
        }));
      }
      return;
    }
    if (!own) this.addCopy(story, withMatch(copy, { by: 'link', at, copy: copyRef(story.copies.find((stored) => stored.url === copy.url)!) }));
    // The copy belongs to `story` by its identity and to `similar` by its text: they are one story.
    if (similar) this.join(story, similar.story, () => ({ by: 'joined', at, via: copyRef(copy), through: own ? 'guid' : 'link', ...textMatchOf(similar) }));
  }

  /** The day a copy was published, in its source's zone (the zone its text's dates are written in); worked out once per copy. */
  private readonly dayOf: DayOf = (copy) => {
    let day = this.days.get(copy);
    if (day === undefined) {
      day = localDay(Date.parse(copy.datePublished), this.context.sources.get(copy.sourceId)?.timezone ?? DEFAULT_ZONE);
      this.days.set(copy, day);
    }
    return day;
  };
  private readonly days = new WeakMap<Copy, LocalDay>();

  /** The numbers findMatches weighs between a copy and one story (see explainMatch). */
  explain(copy: Copy, story: Story): MatchExplanation | undefined {
    return this.similar.explain(copy, story, this.dayOf);
  }

  /** The story holding this copy already: same source and key, or (rule 1 by link) same source and link. */
  private ownStory(copy: Copy): Story | undefined {
    const byKey = this.byCopyKey.get(copyStoreKey(copy));
    if (byKey) return byKey;
    // A guid that changed while the link stayed is the same copy, not a second one from the same portal.
    const linked = this.byUrl.get(copy.url);
    return linked && findCopy(linked, (stored) => stored.sourceId === copy.sourceId && stored.url === copy.url) >= 0 ? linked : undefined;
  }

  finish(): MergeResult {
    if (this.removed.size > 0) {
      let kept = 0;
      for (const story of this.stories) if (!this.removed.has(story)) this.stories[kept++] = story;
      this.stories.length = kept;
    }
    const updated: Story[] = [];
    for (const [story, signature] of this.before) {
      refreshDates(story);
      if (this.created.has(story)) continue;
      if (showSignature(story, this.context.sources) !== signature) {
        story.dateModified = maxIso(this.context.now.toISOString(), story.datePublished);
      }
      updated.push(story);
    }
    return { added: [...this.created], updated, unchanged: this.unchanged, absorbed: this.absorbed, bySource: this.bySource };
  }

  private isTombstoned(copy: Copy): boolean {
    const tombstone = this.context.tombstones[copyStoreKey(copy)] ?? this.context.tombstones[urlStoreKey(copy.url)];
    if (!tombstone) return false;
    tombstone.seenAt = this.context.now.toISOString();
    return true;
  }

  /** Replaces the stored version of this copy (same source, same key or link); false when nothing changed. */
  private updateCopy(story: Story, copy: Copy): boolean {
    let index = findCopy(story, (stored) => stored.sourceId === copy.sourceId && stored.key === copy.key);
    if (index < 0) index = findCopy(story, (stored) => stored.sourceId === copy.sourceId && stored.url === copy.url);
    const stored = story.copies[index]!;
    const next = asUpdateOf(stored, copy);
    if (sameCopy(stored, next)) {
      // Only the key moved (the source's guids changed, or it now goes by links): nothing a reader sees.
      if (stored.key !== copy.key) {
        // Replaced, not edited: stored copies are frozen once the store has kept their line (store/story-lines.ts).
        const rekeyed: Copy = { ...stored, key: copy.key };
        story.copies[index] = rekeyed;
        this.byCopyKey.set(copyStoreKey(rekeyed), story);
      }
      this.unchanged++;
      return false;
    }
    this.remember(story);
    this.count(copy.sourceId, 'updated');
    story.copies[index] = next;
    this.index(story, next);
    return true;
  }

  private addCopy(story: Story, copy: Copy): void {
    this.remember(story);
    this.count(copy.sourceId, 'updated');
    story.copies.push(copy);
    this.index(story, copy);
  }

  private createStory(copy: Copy): void {
    const story: Story = {
      id: this.context.newStoryId?.() ?? `urn:uuid:${randomUUID()}`,
      copies: [copy],
      categories: [],
      datePublished: copy.datePublished,
      dateModified: copy.datePublished,
    };
    this.stories.push(story);
    this.created.add(story);
    this.remember(story);
    this.count(copy.sourceId, 'added');
    this.index(story, copy);
  }

  /**
   * Folds the younger of two stories into the older and returns the older; the younger's copies now answer
   * to it. The copy that started the younger story records why it is in the older one (`record`).
   */
  private join(a: Story, b: Story, record: (absorbed: Story) => CopyMatch): Story {
    const isPublished = (story: Story) => !this.created.has(story);
    const [survivor, absorbed] = isOlderStory(a, b, isPublished) ? [a, b] : [b, a];
    const published = isPublished(absorbed);
    this.remember(survivor);
    const first = absorbed.copies.findIndex((copy) => copy.match === undefined || copy.match.by === 'first');
    if (first >= 0) absorbed.copies[first] = withMatch(absorbed.copies[first]!, record(absorbed));
    absorbStory(survivor, absorbed, this.aliases, published, this.context.now);
    for (const copy of absorbed.copies) {
      this.byCopyKey.set(copyStoreKey(copy), survivor);
      this.byUrl.set(copy.url, survivor);
    }
    this.similar.removeStory(absorbed);
    this.similar.refresh(survivor);
    this.removed.add(absorbed);
    this.before.delete(absorbed);
    this.created.delete(absorbed);
    if (published) this.absorbed.push({ id: absorbed.id, into: survivor.id });
    return survivor;
  }

  private index(story: Story, copy: Copy): void {
    this.byCopyKey.set(copyStoreKey(copy), story);
    this.byUrl.set(copy.url, story);
    this.similar.refresh(story);
  }

  private count(sourceId: string, kind: 'added' | 'updated'): void {
    const counts = this.bySource.get(sourceId) ?? { added: 0, updated: 0 };
    counts[kind]++;
    this.bySource.set(sourceId, counts);
  }

  /** Keeps what a reader saw before the first change of this batch, to tell whether date_modified moves. */
  private remember(story: Story): void {
    if (!this.before.has(story)) this.before.set(story, showSignature(story, this.context.sources));
  }
}

const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/** What a reader of the feeds sees of a story: the shown title and content and the list of copies. */
function showSignature(story: Story, sources: ReadonlyMap<string, SourceConfig>): string {
  const shown = representativeCopy(story, sources)!;
  const copies = story.copies.map((copy) => `${copy.sourceId} ${copy.key} ${copy.url}`).sort();
  return JSON.stringify([shown.url, shown.title, shown.contentHtml, copies]);
}

function refreshDates(story: Story): void {
  const earliest = story.copies.reduce((min, copy) => (copy.datePublished < min ? copy.datePublished : min), story.copies[0]!.datePublished);
  const wasUnmodified = story.dateModified === story.datePublished;
  story.datePublished = earliest;
  if (wasUnmodified || story.dateModified < earliest) story.dateModified = earliest;
}

/**
 * `copy` as the next version of `stored`: first seen when the stored one was, and, when the feed
 * still gives no date it can read, dated as stored (SPEC "Text, dates, links": the time it was first
 * seen), so an undated item neither moves to the top of the feeds nor changes them every cycle.
 */
function asUpdateOf(stored: Copy, copy: Copy): Copy {
  // An update of a copy stays in the story for the reason the copy joined it.
  const kept = stored.match === undefined ? {} : { match: stored.match };
  let next: Copy;
  if (!copy.undated) next = { ...copy, firstSeenAt: stored.firstSeenAt, ...kept };
  else {
    const { undated: _undated, ...dated } = copy;
    next = { ...dated, datePublished: stored.datePublished, firstSeenAt: stored.firstSeenAt, ...kept };
    // A copy that once had a date keeps it, and is not called undated for losing it.
    if (stored.undated) next.undated = true;
  }
  carryCopyText(copy, next);
  return next;
}

function findCopy(story: Story, test: (copy: Copy) => boolean): number {
  return story.copies.findIndex(test);
}

function sameCopy(a: Copy, b: Copy): boolean {
  return (
    a.url === b.url &&
    a.title === b.title &&
    a.contentHtml === b.contentHtml &&
    a.datePublished === b.datePublished &&
    a.undated === b.undated &&
    a.author === b.author &&
    a.imageUrl === b.imageUrl &&
    a.sourceCategories.join('\n') === b.sourceCategories.join('\n')
  );
}

/** The keys (by source) and links of a batch's copies. */
function wantedLookups(copies: readonly Copy[]): { keysBySource: Map<string, Set<string>>; urls: Set<string> } {
  const keysBySource = new Map<string, Set<string>>();
  const urls = new Set<string>();
  for (const copy of copies) {
    let keys = keysBySource.get(copy.sourceId);
    if (!keys) keysBySource.set(copy.sourceId, (keys = new Set()));
    keys.add(copy.key);
    urls.add(copy.url);
  }
  return { keysBySource, urls };
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Whether a story date lies within MERGE_WINDOW_MS of the batch's copies. */
function copyTimeWindow(copies: readonly Copy[]): { includes(date: string): boolean } {
  let from = Infinity;
  let to = -Infinity;
  for (const copy of copies) {
    const time = Date.parse(copy.datePublished);
    from = Math.min(from, time);
    to = Math.max(to, time);
  }
  from -= MERGE_WINDOW_MS;
  to += MERGE_WINDOW_MS;
  const byNumber = (date: string) => {
    const time = Date.parse(date);
    return time >= from && time <= to;
  };
  if (!Number.isFinite(from) || !Number.isFinite(to) || Math.abs(from) > 8.64e15 || Math.abs(to) > 8.64e15) return { includes: byNumber };
  // Stored dates are toISOString() output, whose string order is time order: no parsing per story.
  const fromIso = new Date(from).toISOString();
  const toIso = new Date(to).toISOString();
  if (!ISO_UTC.test(fromIso) || !ISO_UTC.test(toIso)) return { includes: byNumber };
  return { includes: (date) => (ISO_UTC.test(date) ? date >= fromIso && date <= toIso : byNumber(date)) };
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}
