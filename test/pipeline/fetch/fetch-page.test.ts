// Pages fetched against a real loopback server: robots.txt honoured and cached, per-host concurrency and start
// spacing measured from the server's own log, conditional GET per page, the HTML charset order.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCrawler, type PageFetchOptions } from '../../../src/pipeline/fetch/fetch-page.ts';
import { encodeWindows1258 } from '../../helpers/encode-windows-1258.ts';
import { closeFixtureServers, startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.ts';

const OPTIONS: PageFetchOptions = { timeoutMs: 5_000, maxBytes: 1_000_000, userAgent: 'bantin/test (+http://localhost)' };
const TITLE = 'Công an xã Hòa An bắt giữ đối tượng trộm cắp xe máy';

let server: FixtureServer | undefined;
afterEach(closeFixtureServers);

function html(res: ServerResponse, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
}

function robots(text: string) {
  return (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/plain' }).end(text);
}

describe('createCrawler().fetchPage', () => {
  it('never fetches a page robots.txt refuses to bantin, and reads robots.txt once', async () => {
    server = await startFixtureServer({
      '/robots.txt': robots('User-agent: *\nDisallow: /\n\nUser-agent: bantin\nDisallow: /bi-mat/\n'),
      '/tin/1.html': (_req, res) => html(res, `<h1>${TITLE}</h1>`),
      '/bi-mat/2.html': (_req, res) => html(res, '<h1>Không được lấy</h1>'),
    });
    const crawler = createCrawler({ hostDelayMs: 0, robotsFetch: OPTIONS });
    expect(await crawler.fetchPage(`${server.url}/bi-mat/2.html`, undefined, OPTIONS)).toEqual({ kind: 'refused' });
    expect(await crawler.fetchPage(`${server.url}/tin/1.html`, undefined, OPTIONS)).toMatchObject({ kind: 'page', text: `<h1>${TITLE}</h1>` });
    expect(server.requests.map((request) => request.url)).toEqual(['/robots.txt', '/tin/1.html']);
  });

  it('follows the * group when robots.txt has none for bantin', async () => {
    server = await startFixtureServer({ '/robots.txt': robots('User-agent: *\nDisallow: /tim-kiem\n'), '/tim-kiem': (_req, res) => html(res, 'x') });
    const crawler = createCrawler({ hostDelayMs: 0, robotsFetch: OPTIONS });
    expect(await crawler.fetchPage(`${server.url}/tim-kiem?q=ma+tuy`, undefined, OPTIONS)).toEqual({ kind: 'refused' });
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    server = await startFixtureServer({ '/tin/1.html': (_req, res) => html(res, 'ok') });
    const crawler = createCrawler({ hostDelayMs: 0, robotsFetch: OPTIONS });
    expect(await crawler.fetchPage(`${server.url}/tin/1.html`, undefined, OPTIONS)).toMatchObject({ kind: 'page', text: 'ok' });
  });

  it('refuses with an error while robots.txt answers 503, and asks again the next time', async () => {
    let robotsAnswers = 0;
    server = await startFixtureServer({
      '/robots.txt': (_req, res) => (++robotsAnswers === 1 ? res.writeHead(503).end() : res.writeHead(200).end('User-agent: *\nAllow: /\n')),
      '/tin/1.html': (_req, res) => html(res, 'ok'),
    });
    const crawler = createCrawler({ hostDelayMs: 0, robotsFetch: OPTIONS });
    await expect(crawler.fetchPage(`${server.url}/tin/1.html`, undefined, OPTIONS)).rejects.toThrow('robots.txt could not be read: HTTP 503');
    expect(await crawler.fetchPage(`${server.url}/tin/1.html`, undefined, OPTIONS)).toMatchObject({ kind: 'page' });
    expect(robotsAnswers).toBe(2);
  });

  it('sends the page\'s own validators and passes on a 304', async () => {
    server = await startFixtureServer({
      '/tin/1.html': (req, res) => (req.headers['if-none-match'] === '"v1"' ? res.writeHead(304).end() : html(res, 'ok', { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 01:00:00 GMT' })),
    });
    const crawler = createCrawler({ hostDelayMs: 0, robotsFetch: OPTIONS });
    const first = await crawler.fetchPage(`${server.url}/tin/1.html`, undefined, OPTIONS);
    expect(first).toMatchObject({ kind: 'page', etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 01:00:00 GMT' });
    expect(await crawler.fetchPage(`${server.url}/tin/1.html`, { etag: '"v1"' }, OPTIONS)).toEqual({ kind: 'not-modified' });
  });

  it('decodes a windows-1258 page declared only in <meta http-equiv>', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><h1>${TITLE}</h1></body></html>`;
    server = await startFixtureServer({ '/tin/1.html': (_req, res) => html(res, encodeWindows1258(page), { 'content-type': 'text/html' }) });
    const crawler = createCrawler({ hostDelayMs: 0, robotsFetch: OPTIONS });
    const result = await crawler.fetchPage(`${server.url}/tin/1.html`, undefined, OPTIONS);
    expect(result.kind === 'page' && result.text).toContain(`<h1>${TITLE}</h1>`);
  });
});

describe('per-host manners', () => {
  /** A server that logs when each request arrives and when its answer leaves, answering after holdMs. */
  async function loggingServer(holdMs: number) {
    const log: { path: string; startMs: number; endMs: number }[] = [];
    const fixture = await startFixtureServer(async (req, res) => {
      const entry = { path: req.url ?? '/', startMs: performance.now(), endMs: 0 };
      log.push(entry);
      if (entry.path === '/robots.txt') return res.writeHead(404).end();
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      entry.endMs = performance.now();
      html(res, 'ok');
    });
    return { fixture, log };
  }

  function mostAtOnce(log: readonly { startMs: number; endMs: number }[]): number {
    return Math.max(...log.map((entry) => log.filter((other) => other.startMs <= entry.startMs && other.endMs > entry.startMs).length));
  }

  it('holds a host to two requests at a time', async () => {
    const { fixture, log } = await loggingServer(150);
    const crawler = createCrawler({ hostDelayMs: 0, robotsFetch: OPTIONS });
    await Promise.all(Array.from({ length: 6 }, (_, i) => crawler.fetchPage(`${fixture.url}/tin/${i}.html`, undefined, OPTIONS)));
    const pages = log.filter((entry) => entry.path !== '/robots.txt');
    expect(pages).toHaveLength(6);
    expect(mostAtOnce(pages)).toBe(2);
  });

  it('starts two requests to one host at least hostDelaySeconds apart, robots.txt included', async () => {
    const delayMs = 250;
    const { fixture, log } = await loggingServer(10);
    const crawler = createCrawler({ hostDelayMs: delayMs, robotsFetch: OPTIONS });
    await Promise.all(Array.from({ length: 4 }, (_, i) => crawler.fetchPage(`${fixture.url}/tin/${i}.html`, undefined, OPTIONS)));
    expect(log.map((entry) => entry.path)[0]).toBe('/robots.txt');
    expect(log).toHaveLength(5);
    const gaps = log.slice(1).map((entry, i) => entry.startMs - log[i]!.startMs);
    // Arrival times carry the loopback's jitter, so a gap may read a little short of the delay the client kept.
    for (const gap of gaps) expect(gap).toBeGreaterThan(delayMs * 0.8);
  });

  it('keeps hosts apart: a slow host does not hold back another', async () => {
    const slow = await loggingServer(400);
    const fast = await loggingServer(0);
    const crawler = createCrawler({ hostDelayMs: 0, robotsFetch: OPTIONS });
    const slowPages = Promise.all(Array.from({ length: 4 }, (_, i) => crawler.fetchPage(`${slow.fixture.url}/tin/${i}.html`, undefined, OPTIONS)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await crawler.fetchPage(`${fast.fixture.url}/tin/1.html`, undefined, OPTIONS);
    const fastDone = performance.now();
    await slowPages;
    const slowDone = Math.max(...slow.log.map((entry) => entry.endMs));
    expect(fastDone).toBeLessThan(slowDone);
  });
});
