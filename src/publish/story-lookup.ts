/**
 * The stories as the story pages, the story API and search see them: one index per store state,
 * answering with plain data that can cross from the ingestion thread.
 */
import { compareStoriesNewestFirst, copiesByDate, representativeCopy } from '../model/story.ts';
import type { BridgeRecord, CategoryRule, Config, Copy, CopyMatch, CopyRef, SourceConfig, StoreData, Story, TextMatchRecord } from '../model/types.ts';
import { copyText } from '../pipeline/normalize/copy-text.ts';
import { comparisonKey } from '../pipeline/normalize/vietnamese-text.ts';
import { createSearchIndex, type SearchIndex } from './search-index.ts';
import { readChanges, type ChangesAnswer } from './change-feed.ts';
import { cleanText } from './clean-text.ts';
import { STORY_ID_PREFIX, storySlug } from './feed-links.ts';

/** Why a copy is in the story: the shown copy, or what it shares with it. */
export type CopyJoin = 'shown' | 'guid' | 'link' | 'text';

export interface StoryCopyView {
  sourceId: string;
  sourceName: string;
  title: string;
  url: string;
  datePublished: string;
  /** The copy whose title and content the story shows. */
  shown: boolean;
  /** What ties it to the shown copy: a shared guid or link, else their texts matched (`match` has the numbers). */
  joinedBy: CopyJoin;
  /** How the copy joined its story, as merging recorded it; absent for a copy stored before merging recorded it. */
  match?: CopyMatchView;
}

/** A copy named in a match record, with its portal's name. */
export interface MatchedCopyView {
  sourceId: string;
  sourceName: string;
  url: string;
}

/**
 * A stored CopyMatch with portals named: `first` started the story; `link` has the link of `copy`;
 * `text` matched `copy` (or the story's copies together, `'story'`) by `numbers`; `joined` started a
 * story that was folded into this one when `via`, in this one by its guid or link (`through`), matched
 * `copy` by `numbers` — or (`through: 'bridge'`) when `via` matched this story and `copy` by text, and
 * two copies of the two stories corroborated each other (`corroboration`).
 */
export interface CopyMatchView {
  by: CopyMatch['by'];
  at: string;
  copy?: MatchedCopyView | 'story';
  via?: MatchedCopyView;
  through?: 'guid' | 'link' | 'bridge';
  numbers?: TextMatchRecord;
  corroboration?: BridgeView;
}

/** A bridge join's corroboration (model/types.ts BridgeRecord) with portals named. */
export interface BridgeView extends Omit<BridgeRecord, 'copies'> {
  copies: [MatchedCopyView, MatchedCopyView];
}

export interface StoryCategoryView {
  id: string;
  title: string;
  /** Absent for a store written before rules were remembered. */
  rule?: CategoryRule;
  detail?: string;
  /** The copy whose source or text filed it. */
  sourceName?: string;
  url?: string;
}

export interface StoryView {
  /** The story's IRI. */
  id: string;
  /** The id in the page's address (no `urn:uuid:`). */
  slug: string;
  title: string;
  url: string;
  /** The shown copy's plain text, paragraph by paragraph. */
  paragraphs: string[];
  datePublished: string;
  dateModified: string;
  /** Oldest first. */
  copies: StoryCopyView[];
  categories: StoryCategoryView[];
}

export type StoryLookup =
  | { status: 'found'; story: StoryView }
  /** The id was absorbed by a merge; `to` is the survivor's slug. */
  | { status: 'moved'; to: string }
  /** Retention removed the story. */
  | { status: 'gone' }
  | { status: 'unknown' };

export interface SearchHit {
  slug: string;
  title: string;
  datePublished: string;
  sourceNames: string[];
}

export interface SearchPage {
  query: string;
  page: number;
  lastPage: number;
  total: number;
  /** Newest first. */
  hits: SearchHit[];
}

export const SEARCH_PAGE_SIZE = 20;
/** A longer query is refused (400): nothing that long is a search. */
export const MAX_QUERY_LENGTH = 200;
/** A query of more syllables (words) is refused (400): a headline fits, a pasted paragraph does not. */
export const MAX_QUERY_SYLLABLES = 30;
// Fewer matches than one story in this many are sorted; more are picked out of all the stories in order.
const SORT_OR_WALK = 8;
// Aliases chain when a survivor is itself absorbed later; a store never holds a loop, but never trust that.
const MAX_ALIAS_HOPS = 32;


export interface StoryIndex {
  story(slug: string): StoryLookup;
  search(query: string, page: number): SearchPage;
  changes(since: number | undefined): ChangesAnswer;
}

/**
 * An index over one store state. Search asks `searchIndex`, brought up to this state on the first
 * search: the ingestion thread passes one that lives as long as it does, so each state costs only
 * the stories its changes touched; without one, this state's stories are indexed on the first search.
 */
export function createStoryIndex(data: StoreData, config: Config, searchIndex: SearchIndex = createSearchIndex()): StoryIndex {
  const sources = new Map<string, SourceConfig>(config.sources.map((source) => [source.id, source]));
  const categoryTitles = new Map(config.categories.map((category) => [category.id, category.title]));
  // A cycle replaces `data.stories` in place before it hands over the new state; while it runs, lookups
  // follow the array the state holds now, so a search synced to it never names a story this map lacks.
  // Built on the first lookup: a state nobody asks about costs no map.
  let indexed: Story[] | undefined;
  let byIdMap = new Map<string, Story>();
  let newestFirst: Story[] | undefined;
  const byIdNow = (): Map<string, Story> => {
    if (indexed !== data.stories) {
      indexed = data.stories;
      byIdMap = new Map(indexed.map((story) => [story.id, story]));
      newestFirst = undefined;
    }
    return byIdMap;
  };
  let pruned: Set<string> | undefined;
  let synced = false;
  const sourceName = (sourceId: string) => cleanText(sources.get(sourceId)?.name ?? sourceId);

  const prunedIds = () => (pruned ??= new Set(Object.values(data.tombstones).map((tombstone) => tombstone.storyId)));
  /** The matching stories newest first: a few are sorted, many are picked out of every story in order (sorted once per state). */
  const inOrder = (ids: Set<string>): Story[] => {
    const byId = byIdNow();
    if (ids.size * SORT_OR_WALK > data.stories.length) return (newestFirst ??= [...data.stories].sort(compareStoriesNewestFirst)).filter((story) => ids.has(story.id));
    return [...ids].flatMap((id) => byId.get(id) ?? []).sort(compareStoriesNewestFirst);
  };

  return {
    story(slug) {
      let id = STORY_ID_PREFIX + slug;
      for (let hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
        const story = byIdNow().get(id);
        if (story) return hop === 0 ? { status: 'found', story: viewOf(story, sources, categoryTitles, sourceName) } : { status: 'moved', to: storySlug(id) };
        const alias = data.aliases?.[id];
        if (!alias) break;
        id = alias.storyId;
      }
      if (prunedIds().has(id) || prunedIds().has(STORY_ID_PREFIX + slug)) return { status: 'gone' };
      return { status: 'unknown' };
    },
    changes: (since) => readChanges(data.changes, since),
    search(query, page) {
      const key = comparisonKey(query.slice(0, MAX_QUERY_LENGTH));
      if (!synced) {
        searchIndex.sync(data);
        synced = true;
      }
      const matches = key === '' ? [] : inOrder(searchIndex.matching(key));
      const lastPage = Math.max(1, Math.ceil(matches.length / SEARCH_PAGE_SIZE));
      const hits = matches.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE).map((story) => hitOf(story, sources, sourceName));
      return { query, page, lastPage, total: matches.length, hits };
    },
  };
}

function hitOf(story: Story, sources: ReadonlyMap<string, SourceConfig>, sourceName: (id: string) => string): SearchHit {
  const shown = representativeCopy(story, sources);
  return {
    slug: storySlug(story.id),
    title: cleanText(shown?.title ?? ''),
    datePublished: story.datePublished,
    sourceNames: [...new Set(copiesByDate(story.copies).map((copy) => sourceName(copy.sourceId)))],
  };
}

function viewOf(story: Story, sources: ReadonlyMap<string, SourceConfig>, categoryTitles: ReadonlyMap<string, string>, sourceName: (id: string) => string): StoryView {
  const shown = representativeCopy(story, sources);
  const paragraphs = shown ? cleanText(copyText(shown)).split(/\n+/).map((line) => line.trim()).filter((line) => line !== '') : [];
  return {
    id: story.id,
    slug: storySlug(story.id),
    title: cleanText(shown?.title ?? ''),
    url: cleanText(shown?.url ?? ''),
    paragraphs,
    datePublished: story.datePublished,
    dateModified: story.dateModified,
    copies: copiesByDate(story.copies).map((copy) => ({
      sourceId: copy.sourceId,
      sourceName: sourceName(copy.sourceId),
      title: cleanText(copy.title),
      url: cleanText(copy.url),
      datePublished: copy.datePublished,
      shown: copy === shown,
      joinedBy: copy === shown ? 'shown' : joinOf(copy, shown!),
      ...(copy.match ? { match: matchView(copy.match, sourceName) } : {}),
    })),
    categories: story.categories.map((id) => {
      const filing = story.filedBy?.[id];
      const category: StoryCategoryView = { id, title: cleanText(categoryTitles.get(id) ?? id) };
      if (filing) Object.assign(category, { rule: filing.rule, detail: cleanText(filing.detail), sourceName: sourceName(filing.sourceId), url: cleanText(filing.url) });
      return category;
    }),
  };
}

/** Figures as stored, the missing ones' text cleaned for the page. */
function cleanFigures<T extends { missing: readonly string[] }>(figures: T): T {
  return { ...figures, missing: figures.missing.map(cleanText) };
}

/** Anchors as stored, the shared ones' text cleaned for the page. */
function cleanAnchors<T extends { shared: readonly string[] }>(anchors: T): T {
  return { ...anchors, shared: anchors.shared.map(cleanText) };
}

/** The copy's record with portals named and text cleaned for the page; the numbers are copied as stored. */
function matchView(match: CopyMatch, sourceName: (id: string) => string): CopyMatchView {
  const named = (ref: CopyRef): MatchedCopyView => ({ sourceId: ref.sourceId, sourceName: sourceName(ref.sourceId), url: cleanText(ref.url) });
  const view: CopyMatchView = { by: match.by, at: match.at };
  if (match.by === 'first') return view;
  view.copy = match.copy === 'story' ? 'story' : named(match.copy);
  if (match.by === 'link') return view;
  view.numbers = { ...match.numbers, figures: cleanFigures(match.numbers.figures), anchors: cleanAnchors(match.numbers.anchors) };
  if (match.by === 'joined') Object.assign(view, { via: named(match.via), through: match.through });
  if (match.by === 'joined' && match.through === 'bridge') {
    const { copies, anchors, sameTime, figures } = match.corroboration;
    view.corroboration = {
      ...match.corroboration,
      copies: [named(copies[0]), named(copies[1])],
      anchors: cleanAnchors(anchors),
      sameTime: cleanText(sameTime),
      figures: cleanFigures(figures),
    };
  }
  return view;
}

/** What ties a copy to the shown one: a shared guid or link; otherwise the texts matched (its own record says how). */
function joinOf(copy: Copy, shown: Copy): CopyJoin {
  if (copy.key.startsWith('guid:') && copy.key === shown.key) return 'guid';
  if (copy.url === shown.url) return 'link';
  return 'text';
}
