/**
 * The feed routes answered before express (issue 14 "Speed"): partners mostly poll page 1 and get
 * a 304, and express's router and request decoration cost several times what the answer itself
 * does. Plain `GET`/`HEAD` requests for a feed or the OPML list are answered here with node's own
 * request and response, exactly as the express routes in create-app.ts would answer them; anything
 * else (a percent-escape, capitals, a trailing slash, another method) is left to express.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from '../logger.ts';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import type { FeedFormat } from '../publish/feed-view.ts';
import { CORS_HEADERS } from './cors.ts';
import { BAD_PAGE_MESSAGE, FEED_PATH, classifyServeFailure, missingFeedMessage, parsePage, type FeedResponder } from './feed-request.ts';
import type { ServeState } from './serve-state.ts';

/**
 * The request targets express would route to `/feeds/:file` with the file matching FEED_PATH, and
 * read the same way: no escapes or capitals in the path, and nothing in the query that makes
 * express's url parser (parseurl) fall back to `url.parse` (`#`, white space).
 */
const FEED_URL = /^\/feeds\/(([a-z0-9]+(?:-[a-z0-9]+)*)\.(rss|atom|json))(?:\?([^#\s]*))?$/;
const OPML_URL = /^\/feeds\.opml(?:\?[^#\s]*)?$/;
const FEEDS_FOLDER = '/feeds/';
const CORS_FLAT: readonly string[] = Object.entries(CORS_HEADERS).flat();

export interface FastFeedDependencies {
  getState: () => ServeState;
  logger: Logger;
  /** The same responder the express routes use, so a feed's headers are prepared once and every answer is counted. */
  responder: FeedResponder;
}

/** Answers `req` and returns true when it is a plain feed or OPML request; otherwise touches nothing and returns false. */
export type FastFeeds = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createFastFeeds({ getState, logger, responder }: FastFeedDependencies): FastFeeds {
  const fail = (error: unknown, res: ServerResponse, url: string) => answerFailure(error, res, pathOf(url), logger);

  const answerFeed = (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray) => {
    const [, file, categoryId, format, query] = match as unknown as [string, string, string, FeedFormat, string | undefined];
    const page = query === undefined ? 1 : parsePage(parseQuery(query).page);
    if (page === undefined) return answerText(res, 400, BAD_PAGE_MESSAGE, responder);
    const catalog = getState().catalog;
    const answer = (feed: PublishedFeed | undefined) => {
      if (feed) return responder.send(req, res, feed);
      answerText(res, 404, missingFeedMessage(categoryId, file, page), responder);
    };
    // Page 1 is answered synchronously from the map; later pages may come from the ingestion thread.
    if (page === 1) return answer(catalog.feeds.get(file));
    Promise.resolve(catalog.page(categoryId, format, page))
      .then(answer)
      .catch((error: unknown) => fail(error, res, req.url!));
  };

  const answerRequest = (req: IncomingMessage, res: ServerResponse, url: string) => {
    // The hot case, page 1 of a feed that exists: the path is `/feeds/` and a key of the map, no query.
    const name = url.slice(FEEDS_FOLDER.length);
    const polled = getState().catalog.feeds.get(name);
    if (polled !== undefined && url.startsWith(FEEDS_FOLDER) && FEED_PATH.test(name)) {
      responder.send(req, res, polled);
      return true;
    }
    const match = FEED_URL.exec(url);
    if (match !== null) answerFeed(req, res, match);
    else if (OPML_URL.test(url)) responder.send(req, res, getState().catalog.opml);
    else return false;
    return true;
  };

  return (req, res) => {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const url = req.url!;
    if (!url.startsWith('/feeds')) return false;
    // A throw here is what express's error handler would have caught: answered the same way.
    try {
      return answerRequest(req, res, url);
    } catch (error) {
      fail(error, res, url);
      return true;
    }
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** A plain-text answer with the CORS headers, as express's `res.set(CORS).status(s).type('text').send(message)` writes it. */
function answerText(res: ServerResponse, status: number, message: string, responder: FeedResponder): void {
  writeText(res, status, CORS_FLAT, `${message}\n`);
  responder.count(status);
}

function writeText(res: ServerResponse, status: number, headers: readonly string[], text: string): void {
  res.writeHead(status, [...headers, 'Content-Type', 'text/plain; charset=utf-8', 'Content-Length', String(Buffer.byteLength(text))]);
  res.end(text);
}

/** What create-app.ts's error handler answers on a feed path: 503 with Retry-After while the ingestion thread restarts, else 500. */
function answerFailure(error: unknown, res: ServerResponse, path: string, logger: Logger): void {
  const failure = classifyServeFailure(error, path, logger);
  if (res.headersSent) return;
  const retry = failure.retryAfter === undefined ? [] : ['Retry-After', String(failure.retryAfter)];
  writeText(res, failure.status, [...CORS_FLAT, ...retry], failure.body);
}
