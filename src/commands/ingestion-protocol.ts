/** Messages between `npm start`'s serving thread and its ingestion thread; plain data, structured-cloned. */
import { AppError, StoreError, type StoreErrorCode } from '../errors.ts';
import type { Config } from '../model/types.ts';
import type { CategorySummary, PublishedFeed } from '../publish/feed-catalog.ts';
import type { FeedFormat } from '../publish/feed-view.ts';
import type { ChangesAnswer } from '../publish/change-feed.ts';
import type { SearchPage, StoryLookup } from '../publish/story-lookup.ts';
import type { ServeState } from '../server/serve-state.ts';

export interface IngestionWorkerData {
  config: Config;
  /** The serving thread's log level; records come back as lines (`log` messages). */
  logLevel: string;
  /** The process's processInstanceId, the same for every incarnation of the thread: this module, imported afresh there, would choose another. */
  instance: string;
}

export type ThreadRequest =
  /** `since`: the scheduled time (ISO) of a scheduled cycle. */
  | { type: 'ingest'; id: number; mode: 'all' | 'due'; since?: string }
  /** The store file changed under another writer (`npm run ingest`): read it and publish what it holds. */
  | { type: 'reload'; id: number }
  /** Answered once the steps queued before it are done, so stopping never cuts a store write short. */
  | { type: 'drain'; id: number }
  | { type: 'page'; id: number; categoryId: string; format: FeedFormat; page: number }
  /** One story for its page or the API, by the id without `urn:uuid:`. */
  | { type: 'story'; id: number; slug: string }
  | { type: 'search'; id: number; query: string; page: number }
  | { type: 'changes'; id: number; since?: number };

/** A catalog as it crosses threads: only the feeds that are new objects since the last update travel. */
export interface CatalogUpdate {
  summaries: CategorySummary[];
  /** Every page-1 feed name, in catalog order. */
  names: string[];
  /** Page-1 feeds and the OPML list (`feeds.opml`) rendered since the last update; the others are unchanged. */
  changed: PublishedFeed[];
}

export interface ThreadSnapshot {
  catalog: CatalogUpdate;
  health: ServeState['health'];
  /** The store file's mtime after this step, so the serving thread can tell its own writes from others'. */
  storeMtimeMs: number;
}

export interface SerializedError {
  name: string;
  code?: string;
  message: string;
}

export type ThreadMessage =
  | { type: 'ready'; snapshot: ThreadSnapshot }
  | { type: 'start-failed'; error: SerializedError }
  /** `snapshot` is absent when a reload found nothing newer than what is served. */
  | { type: 'done'; id: number; snapshot?: ThreadSnapshot }
  | { type: 'failed'; id: number; error: SerializedError }
  | { type: 'page'; id: number; feed?: PublishedFeed }
  | { type: 'story'; id: number; lookup: StoryLookup }
  | { type: 'search'; id: number; result: SearchPage }
  | { type: 'changes'; id: number; answer: ChangesAnswer }
  | { type: 'log'; line: string };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) return { name: error.name, code: error.code, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.stack ?? error.message };
  return { name: 'Error', message: String(error) };
}

/** The error again on this side: a StoreError stays one, so `npm start` reports a corrupt store as before. */
export function reviveError(error: SerializedError): Error {
  if (error.name === 'StoreError') return new StoreError(error.code as StoreErrorCode, error.message);
  if (error.code !== undefined) return new AppError(error.code, error.message);
  return new Error(error.message);
}

/** Structured cloning turns a Buffer into a plain Uint8Array; the senders want Buffers back. */
export function reviveFeed(feed: PublishedFeed): PublishedFeed {
  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { ...feed, body: buffer(feed.body), gzip: buffer(feed.gzip), br: buffer(feed.br) };
}

export function reviveSnapshot(snapshot: ThreadSnapshot): ThreadSnapshot {
  return { ...snapshot, catalog: { ...snapshot.catalog, changed: snapshot.catalog.changed.map(reviveFeed) } };
}
