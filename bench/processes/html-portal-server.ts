/**
 * The HTML bench's portals (no feeds) over loopback, in a child process: one HTTP server per portal on
 * 127.0.0.1 (its own host:port, so each gets the crawler's per-host manners), a list page at /tin-tuc and
 * article pages at /tin-tuc/<slug>.html, each with an ETag (304 when unchanged). Every request is logged;
 * messages: `log` (counts since the last `log`, by kind), `publish` (one new article per portal), `pages`
 * (every article page's HTML, for the throughput measure).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRandom } from '../synthetic/random.ts';
import { articleSlug, renderArticlePage, renderListPage, type PortalArticle } from '../synthetic/render-portal-pages.ts';
import { BYLINES, COMMUNES } from '../synthetic/vietnamese-words.ts';
import { createArticleWriter } from '../synthetic/write-article.ts';
import { childArgument, tellParent } from './child-process.ts';

export interface HtmlPortalOptions {
  seed: number;
  portals: number;
  articlesPerPortal: number;
  now: number;
}

export interface HtmlPortalsReady {
  portals: { id: string; name: string; url: string }[];
}

/** Requests the portals answered since the last `log`, by kind and status. */
export interface HtmlPortalLog {
  listPages: number;
  articlePages: number;
  robots: number;
  other: number;
  notModified: number;
  /** Article paths requested, for the bench to check they are the new ones. */
  articlePaths: string[];
}

interface Portal {
  id: string;
  name: string;
  articles: PortalArticle[];
  server: Server;
  pages: Map<string, { body: Buffer; etag: string }>;
}

const options = childArgument<HtmlPortalOptions>();
const random = createRandom(options.seed);
const writer = createArticleWriter(random);
let serial = 0;
let version = 0;
let log: HtmlPortalLog = emptyLog();

function emptyLog(): HtmlPortalLog {
  return { listPages: 0, articlePages: 0, robots: 0, other: 0, notModified: 0, articlePaths: [] };
}

function newArticle(time: number): PortalArticle {
  const event = writer.writeEvent(time);
  return { slug: articleSlug(event.title, ++serial), title: event.title, paragraphs: event.paragraphs, time, byline: random.pick(BYLINES) };
}

function page(body: string): { body: Buffer; etag: string } {
  const buffer = Buffer.from(body, 'utf8');
  return { body: buffer, etag: `"p${++version}-${buffer.length}"` };
}

/** Renders the list page and any article page not rendered yet (an article page never changes once published). */
function render(portal: Portal): void {
  portal.pages.set('/tin-tuc', page(renderListPage(portal.name, portal.articles)));
  portal.articles.forEach((article, index) => {
    const path = `/tin-tuc/${article.slug}.html`;
    if (!portal.pages.has(path)) portal.pages.set(path, page(renderArticlePage(portal.name, article, portal.articles.slice(index + 1, index + 4))));
  });
}

function serve(portal: Portal): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://portal').pathname;
    if (path === '/robots.txt') {
      log.robots++;
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /quan-tri/\n');
    }
    const found = portal.pages.get(path);
    if (found === undefined) {
      log.other++;
      return void res.writeHead(404).end();
    }
    if (path === '/tin-tuc') log.listPages++;
    else {
      log.articlePages++;
      log.articlePaths.push(`${portal.id}${path}`);
    }
    if (req.headers['if-none-match'] === found.etag) {
      log.notModified++;
      return void res.writeHead(304, { etag: found.etag }).end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: found.etag, 'content-length': found.body.length }).end(found.body);
  });
}

const portals: Portal[] = [];
for (let index = 0; index < options.portals; index++) {
  const articles = Array.from({ length: options.articlesPerPortal }, (_, at) => newArticle(options.now - (at + 1) * 47 * 60_000 - index * 60_000));
  const portal: Portal = { id: `cong-${index + 1}`, name: `Trang thông tin điện tử ${index % 3 === 0 ? 'phường' : 'xã'} ${COMMUNES[index % COMMUNES.length]!}${index >= COMMUNES.length ? ` ${Math.floor(index / COMMUNES.length) + 1}` : ''}`, articles, server: undefined as never, pages: new Map() };
  render(portal);
  portal.server = serve(portal);
  portals.push(portal);
}

await Promise.all(portals.map((portal) => new Promise<void>((resolve) => portal.server.listen(0, '127.0.0.1', resolve))));

process.on('message', (message: { type: string }) => {
  if (message.type === 'log') {
    tellParent(log);
    log = emptyLog();
  } else if (message.type === 'publish') {
    const time = Date.now();
    // The portal keeps as many articles on its list page as before: the oldest drops off.
    for (const portal of portals) {
      portal.articles = [newArticle(time), ...portal.articles.slice(0, options.articlesPerPortal - 1)];
      render(portal);
    }
    tellParent({ published: portals.length });
  } else if (message.type === 'pages') {
    tellParent(portals.flatMap((portal) => [...portal.pages].filter(([path]) => path !== '/tin-tuc').map(([, found]) => found.body.toString('utf8'))));
  }
});

const ready: HtmlPortalsReady = {
  portals: portals.map((portal) => ({ id: portal.id, name: portal.name, url: `http://127.0.0.1:${(portal.server.address() as AddressInfo).port}/tin-tuc` })),
};
tellParent(ready);
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
