/** The plain input every feed renderer takes: one page of stories plus the names needed to show them. */
import type { SourceConfig, Story } from '../model/types.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedView {
  /** `id` is `all` for the feed of every story. */
  category: { id: string; title: string; description?: string };
  /** Already selected, sorted newest first (datePublished desc) and cut to one page. */
  stories: readonly Story[];
  /** Names and priorities of the copies' sources. */
  sources: ReadonlyMap<string, SourceConfig>;
  /** Category id → Vietnamese title, for the entries' categories. */
  categoryTitles: ReadonlyMap<string, string>;
  /** Public address without a trailing slash, e.g. http://localhost:8080. */
  baseUrl: string;
  /** 1-based. */
  page: number;
  /** >= 1. */
  lastPage: number;
  websubHub?: string;
  /**
   * The updated time of a feed without stories: the newest change anywhere in the store.
   * Never the clock (same input, same bytes) and not the epoch, which the W3C validator
   * flags as an implausible date; the epoch only when the store is empty.
   */
  updatedWhenEmpty?: string;
}
