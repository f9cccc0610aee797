/** What the HTTP layer serves: the latest published catalog and health, swapped whole after each ingestion. */
import type { Config, StoreData } from '../model/types.ts';
import type { FeedCatalog, PublishedFeed } from '../publish/feed-catalog.ts';
import type { FeedFormat } from '../publish/feed-view.ts';
import type { ChangesAnswer } from '../publish/change-feed.ts';
import type { SearchPage, StoryLookup } from '../publish/story-lookup.ts';

/**
 * The feeds as the HTTP layer sees them: a catalog built in this thread, or one whose later pages
 * are rendered on request by the ingestion thread that holds the stories.
 */
export interface ServedCatalog extends Pick<FeedCatalog, 'summaries' | 'opml' | 'feeds'> {
  page(categoryId: string, format: FeedFormat, page: number): PublishedFeed | undefined | Promise<PublishedFeed | undefined>;
}

export interface ServeState {
  config: Config;
  catalog: ServedCatalog;
  /** Source health and the last run, as stored. */
  health: Pick<StoreData, 'sources' | 'lastRun'> & { storyCountsBySource: ReadonlyMap<string, number>; storyCount?: number };
  /** Story pages, the story API and search; absent where no stories are held (those routes answer 404). */
  stories?: StoryDesk;
  /** How ingestion itself is going, read when asked (it changes between cycles); absent where nothing ingests. */
  ingestion?: () => IngestionHealth;
}

/** The stories, asked one at a time: in this thread (createStoryIndex) or of the ingestion thread that holds them. */
export interface StoryDesk {
  story(slug: string): StoryLookup | Promise<StoryLookup>;
  search(query: string, page: number): SearchPage | Promise<SearchPage>;
  changes(since: number | undefined): ChangesAnswer | Promise<ChangesAnswer>;
}

/** The ingestion thread and its cycles as the serving thread sees them (`npm start`). */
export interface IngestionHealth {
  thread: 'running' | 'restarting' | 'stopped';
  /** Times the thread was started again after ending by itself. */
  restarts: number;
  /** The last time the thread ended by itself, and why, in plain words. */
  lastThreadEnd: { at: string; reason: string } | null;
  /** When the restarting thread is due to start. */
  nextStartAt: string | null;
  /** The start of the cycle under way, if one is. */
  cycleRunningSince: string | null;
  /** The last cycle that ended, and its error in plain words if it failed. */
  lastCycle: { finishedAt: string; error: string | null } | null;
  /** When a cycle last succeeded, in this process or (at start) as the store says. */
  lastSuccessAt: string | null;
  /** Scheduled runs that have come since that success; two or more mean ingestion is stale. */
  scheduledRunsSinceSuccess: number;
}

/** Health view of the store: how many stored stories have a copy from each source. */
export function healthFromStore(data: StoreData): ServeState['health'] {
  const counts = new Map<string, number>();
  for (const story of data.stories) {
    for (const sourceId of new Set(story.copies.map((copy) => copy.sourceId))) counts.set(sourceId, (counts.get(sourceId) ?? 0) + 1);
  }
  return { sources: data.sources, lastRun: data.lastRun, storyCountsBySource: counts, storyCount: data.stories.length };
}
