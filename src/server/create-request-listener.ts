/** What `npm start`'s HTTP server runs: plain feed requests answered before express (fast-feeds.ts), everything else by the express app. */
import type { RequestListener } from 'node:http';
import { createApp, maxAgeOf, type AppDependencies } from './create-app.ts';
import { createFastFeeds } from './fast-feeds.ts';
import { createFeedResponder } from './feed-request.ts';

export function createRequestListener(dependencies: Omit<AppDependencies, 'feedResponder'>): RequestListener {
  const responder = createFeedResponder(maxAgeOf(dependencies), dependencies.metrics);
  const app = createApp({ ...dependencies, feedResponder: responder });
  const answerFast = createFastFeeds({ getState: dependencies.getState, logger: dependencies.logger, responder });
  return (req, res) => {
    if (!answerFast(req, res)) app(req, res);
  };
}
