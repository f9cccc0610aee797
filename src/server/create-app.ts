/** The express app factory: every route of SPEC.md "HTTP", serving whatever state it is handed. */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../logger.ts';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import type { FeedFormat } from '../publish/feed-view.ts';
import { feedMaxAgeSeconds } from './cache-policy.ts';
import { allowAnyOrigin, allowAnyOriginMiddleware, answerPreflight } from './cors.ts';
import { buildHealthReport } from './health-report.ts';
import { HOME_CONTENT_SECURITY_POLICY } from './home-assets.ts';
import type { ServiceMetrics } from './metrics.ts';
import {
  BAD_PAGE_MESSAGE,
  CROSS_ORIGIN_PATHS,
  FEED_PATH,
  classifyServeFailure,
  createFeedResponder,
  isCrossOriginPath,
  missingFeedMessage,
  parsePage,
  type FeedResponder,
} from './feed-request.ts';
import { renderHome } from './render-home.ts';
import type { ServeState } from './serve-state.ts';
import { mountStoryRoutes } from './story-routes.ts';

export interface AppDependencies {
  /** Read on every request, so an ingestion can swap the state without restarting the server. */
  getState: () => ServeState;
  logger: Logger;
  /** Feed `max-age`; by default derived once from the config's schedule (cache-policy). */
  feedMaxAgeSeconds?: number;
  /** Counts feed requests and answers `GET /metrics`; without it (bare app in tests) `/metrics` is 404. */
  metrics?: ServiceMetrics;
  /** The sender and counter to share with the fast path (create-request-listener); by default the app's own. */
  feedResponder?: FeedResponder;
}

export function createApp(dependencies: AppDependencies): express.Express {
  const { getState, logger, metrics } = dependencies;
  const responder = dependencies.feedResponder ?? createFeedResponder(maxAgeOf(dependencies), metrics);
  const sendFeed = (req: Request, res: Response, feed: PublishedFeed) => responder.send(req, res, feed);
  const count = (res: Response) => responder.count(res.statusCode);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  // Feeds first: their precomputed headers carry CORS, so the hot path skips the middleware below.
  app.get('/feeds.opml', (req, res) => sendFeed(req, res, getState().catalog.opml));
  app.get('/feeds/:file', (req, res) => {
    const match = FEED_PATH.exec(req.params.file);
    if (!match) return notFound(allowAnyOrigin(res), `no feed named ${req.params.file}`), count(res);
    const page = parsePage(req.query.page);
    if (page === undefined) return badRequest(allowAnyOrigin(res), BAD_PAGE_MESSAGE), count(res);
    const catalog = getState().catalog;
    const answer = (feed: PublishedFeed | undefined) => {
      if (feed) return sendFeed(req, res, feed);
      notFound(allowAnyOrigin(res), missingFeedMessage(match[1]!, req.params.file, page));
      count(res);
    };
    // Page 1 is answered synchronously from the map; later pages may come from the ingestion thread.
    if (page === 1) return answer(catalog.feeds.get(req.params.file));
    return Promise.resolve(catalog.page(match[1]!, match[2] as FeedFormat, page)).then(answer);
  });

  // After the feed routes, which meet a malformed escape as a URIError (see the error handler), so polling pays nothing.
  app.use(rejectMalformedPath);
  app.use(CROSS_ORIGIN_PATHS, allowAnyOriginMiddleware);
  app.options(['/feeds/:file', '/feeds.opml', '/healthz'], answerPreflight);

  app.get('/', (_req, res) => {
    res
      .type('html')
      .set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': HOME_CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' })
      .send(renderHome(getState()));
  });

  mountStoryRoutes(app, getState);

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(buildHealthReport(getState()));
  });

  if (metrics) {
    app.get('/metrics', async (_req, res) => {
      res.set({ 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }).send(await metrics.registry.metrics());
    });
  }

  app.use((_req: Request, res: Response) => notFound(res, 'not found'));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // express decodes route parameters and throws URIError (status 400) on a broken escape: the client's mistake.
    if (error instanceof URIError && !res.headersSent) return answerMalformedPath(req, res);
    const failure = classifyServeFailure(error, req.path, logger);
    if (res.headersSent) return;
    // Feed routes run before the CORS middleware; their failures must stay readable to a partner's script.
    if (isCrossOriginPath(req.path)) allowAnyOrigin(res);
    if (failure.retryAfter !== undefined) res.set('Retry-After', String(failure.retryAfter));
    res.status(failure.status).type('text').send(failure.body);
  });
  return app;
}

/** Feed `max-age`: as given, else from the config's schedule (cache-policy). */
export function maxAgeOf({ getState, feedMaxAgeSeconds: maxAge }: Pick<AppDependencies, 'getState' | 'feedMaxAgeSeconds'>): number {
  if (maxAge !== undefined) return maxAge;
  const { schedule, timezone } = getState().config;
  return feedMaxAgeSeconds(schedule, timezone);
}

/** A path whose percent-encoding does not decode (a lone `%`, a cut-off or non-UTF-8 escape) is a 400, whatever route it aims at. */
function rejectMalformedPath(req: Request, res: Response, next: NextFunction): void {
  if (!req.path.includes('%') || decodes(req.path)) return next();
  answerMalformedPath(req, res);
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function answerMalformedPath(req: Request, res: Response): void {
  // A partner's script polling a mistyped feed url should be able to read why.
  if (isCrossOriginPath(req.path)) allowAnyOrigin(res);
  badRequest(res, 'malformed percent-encoding in the path');
}

function notFound(res: Response, message: string): void {
  res.status(404).type('text').send(`${message}\n`);
}

function badRequest(res: Response, message: string): void {
  res.status(400).type('text').send(`${message}\n`);
}
