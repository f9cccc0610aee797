/**
 * The synthetic province's portals over loopback HTTP, in a child process: each source's feed at
 * /feeds/<id>.xml with an ETag (304 when unchanged); POST /publish adds new stories to some sources.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeProvince, type ProvinceOptions } from '../synthetic/make-province.ts';
import { renderSourceFeed } from '../synthetic/render-source-feed.ts';
import { childArgument, tellParent } from './child-process.ts';

export interface FeedServerReady {
  url: string;
  /** Source id → feed path, name and the portal's settings, for the bench's config. */
  sources: { id: string; name: string; path: string; priority: number; categoryMap: Record<string, string> }[];
  items: number;
}

const options = childArgument<ProvinceOptions>();
const province = makeProvince(options);
const feeds = new Map<string, { body: Buffer; etag: string; contentType: string }>();
let version = 0;

function render(sourceId: string): void {
  const source = province.sources.find((candidate) => candidate.id === sourceId)!;
  const body = Buffer.from(renderSourceFeed(source, province.items.get(sourceId)!), 'utf8');
  const contentType = source.format === 'atom' ? 'application/atom+xml' : 'application/rss+xml; charset=utf-8';
  feeds.set(sourceId, { body, etag: `"v${++version}-${body.length}"`, contentType });
}
for (const source of province.sources) render(source.id);

let nextToPublish = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://bench');
  if (req.method === 'POST' && url.pathname === '/publish') {
    // Some portals post a few stories, as between two scheduled cycles.
    const sources = Number(url.searchParams.get('sources') ?? 10);
    const items = Number(url.searchParams.get('items') ?? 5);
    const time = Date.now();
    for (let index = 0; index < sources; index++) {
      const source = province.sources[nextToPublish++ % province.sources.length]!;
      province.publish(source.id, items, time);
      render(source.id);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sources, items }));
    return;
  }
  const match = /^\/feeds\/([a-z0-9-]+)\.xml$/.exec(url.pathname);
  const feed = match ? feeds.get(match[1]!) : undefined;
  if (!feed) {
    res.writeHead(404).end();
    return;
  }
  if (req.headers['if-none-match'] === feed.etag) {
    res.writeHead(304, { etag: feed.etag }).end();
    return;
  }
  res.writeHead(200, { 'content-type': feed.contentType, etag: feed.etag, 'content-length': feed.body.length }).end(feed.body);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const ready: FeedServerReady = {
    url: `http://127.0.0.1:${port}`,
    sources: province.sources.map((source) => ({ id: source.id, name: source.name, path: `/feeds/${source.id}.xml`, priority: source.priority, categoryMap: source.categoryMap })),
    items: [...province.items.values()].reduce((sum, list) => sum + list.length, 0),
  };
  tellParent(ready);
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
