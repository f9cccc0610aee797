/** What the express feed routes and the fast path (fast-feeds.ts) share: which names are feeds, page numbers, the words of their refusals, the sender. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IngestionUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import type { ServiceMetrics } from './metrics.ts';
import { createFeedSender } from './send-feed.ts';

/** A feed file's name: `{category}.{format}`, the category a lowercase slug. */
export const FEED_PATH = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(rss|atom|json)$/;
// Everything a partner's script may fetch from another origin (issue 5 "Cheap to poll").
export const CROSS_ORIGIN_PATHS = ['/feeds', '/feeds.opml', '/healthz', '/api/'];
/** Later pages are rendered by the ingestion thread: while it starts again, the client is asked to come back. */
export const RETRY_AFTER_RESTART_SECONDS = 30;
export const BAD_PAGE_MESSAGE = 'page: must be a whole number from 1';

export function isCrossOriginPath(path: string): boolean {
  return CROSS_ORIGIN_PATHS.some((prefix) => path.startsWith(prefix));
}

/** The `page` query value as parsed by node's querystring (a string, an array, or absent); undefined when malformed. */
export function parsePage(value: unknown): number | undefined {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) return undefined;
  return Number(value);
}

/** What a failed request is answered with; the same for express's error handler and the fast path. */
export interface ServeFailure {
  status: 500 | 503;
  /** Seconds for `Retry-After`, present on a 503. */
  retryAfter?: number;
  body: string;
}

/**
 * Logs a failed request and says how to answer it: while the ingestion thread starts again a later page
 * cannot be rendered, so the client is asked to come back (503, a warning); anything else is our fault (500).
 */
export function classifyServeFailure(error: unknown, path: string, logger: Logger): ServeFailure {
  if (error instanceof IngestionUnavailableError) {
    logger.warn({ stage: 'serve', path, reason: error.message }, 'request refused while ingestion restarts');
    return { status: 503, retryAfter: RETRY_AFTER_RESTART_SECONDS, body: error.message };
  }
  logger.error({ stage: 'serve', err: error, path }, 'request failed');
  return { status: 500, body: 'internal error' };
}

/** The 404 message for a well-formed feed name that has no feed. */
export function missingFeedMessage(categoryId: string, file: string, page: number): string {
  return page === 1 ? `no category "${categoryId}"` : `no page ${page} of ${file}`;
}

/** Sends a published feed and counts the answer for GET /metrics; one per server, so each feed's headers are prepared once. */
export interface FeedResponder {
  send(req: IncomingMessage, res: ServerResponse, feed: PublishedFeed): void;
  /** Counts an answer to a feed or OPML request that did not go through `send` (404, 400). */
  count(status: number): void;
}

/** `maxAgeSeconds` for Cache-Control; without `metrics` (a bare app in tests) nothing is counted. */
export function createFeedResponder(maxAgeSeconds: number, metrics: ServiceMetrics | undefined): FeedResponder {
  const sendBytes = createFeedSender(maxAgeSeconds);
  const count = metrics ? (status: number) => metrics.countFeedRequest(status) : () => undefined;
  return {
    send(req, res, feed) {
      sendBytes(req, res, feed);
      count(res.statusCode);
    },
    count,
  };
}
