/** The one entry point for feed rendering: picks the renderer for the requested format. */
import type { FeedFormat, FeedView } from './feed-view.ts';
import { renderAtom } from './render-atom.ts';
import { renderJson } from './render-json.ts';
import { renderRss } from './render-rss.ts';

const RENDERERS: Readonly<Record<FeedFormat, (view: FeedView) => string>> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJson,
};

/** Renders one page of a feed; the same view always yields the same string. */
export function renderFeed(format: FeedFormat, view: FeedView): string {
  return RENDERERS[format](view);
}
