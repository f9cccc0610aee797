/**
 * Cheap to poll, against the running service: HEAD, pre-compressed gzip and br with
 * `Vary: Accept-Encoding`, `Cache-Control` from the schedule, 304s, CORS with preflight,
 * and validators that move exactly when a feed's bytes move — across restarts too.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { categoryIds, startDemoService, type DemoService } from '../helpers/running-service.ts';

// Every five minutes: feeds may be cached for 300 s.
const SCHEDULE = '*/5 * * * *';
const drugBust: TestItem = { guid: 'lac-son-1', title: 'Huyện Lạc Sơn bắt giữ đối tượng mua bán ma túy', body: 'Công an huyện thu giữ 3 gói heroin.', date: 'Thu, 26 Nov 2026 08:00:00 +0700' };

let running: DemoService;
let district: FixtureServer;
let districtFeed = buildRss('Cổng thông tin huyện Lạc Sơn', [drugBust]);

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http without keep-alive: raw bytes (fetch would decode them) and no socket outliving a restart. */
function raw(route: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(`${running.base}${route}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  district = await startFixtureServer({
    '/lac-son.rss': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(districtFeed);
    },
  });
  running = await startDemoService({
    config: { schedule: SCHEDULE },
    extraSources: [{ id: 'cong-huyen-lac-son', name: 'Cổng thông tin huyện Lạc Sơn', url: `${district.url}/lac-son.rss` }],
  });
});

afterAll(async () => {
  await running?.close();
  await district?.close();
});

const FEEDS = ['/feeds/an-ninh-trat-tu.rss', '/feeds/an-ninh-trat-tu.atom', '/feeds/all.json', '/feeds/all.rss?page=1', '/feeds.opml'];

describe('the feeds', () => {
  it.each(FEEDS)('answers HEAD %s with the GET headers and no body', async (route) => {
    const [get, head] = await Promise.all([raw(route), raw(route, {}, 'HEAD')]);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control', 'vary', 'access-control-allow-origin']) {
      expect(get.headers[name], name).toBeDefined();
      expect(head.headers[name], name).toBe(get.headers[name]);
    }
    expect(Number(head.headers['content-length'])).toBe(get.body.length);
  });

  it.each(FEEDS)('serves %s as gzip and br, compressed once, decoding to the identity bytes', async (route) => {
    const identity = await raw(route, { 'accept-encoding': 'identity' });
    const gzip = await raw(route, { 'accept-encoding': 'gzip' });
    const br = await raw(route, { 'accept-encoding': 'gzip, deflate, br' });
    expect([identity.headers['content-encoding'], gzip.headers['content-encoding'], br.headers['content-encoding']]).toEqual([undefined, 'gzip', 'br']);
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    for (const response of [identity, gzip, br]) expect(response.headers.vary).toBe('Accept-Encoding');
    // Compressed when published: the same request gets the very same bytes.
    expect((await raw(route, { 'accept-encoding': 'br' })).body.equals(br.body)).toBe(true);
  });

  it('tells caches to keep feeds as long as the schedule leaves them unchanged, and never the home page or /healthz', async () => {
    for (const route of FEEDS) expect((await raw(route)).headers['cache-control'], route).toBe('public, max-age=300');
    expect((await raw('/')).headers['cache-control']).toBe('no-cache');
    expect((await raw('/healthz')).headers['cache-control']).toBe('no-store');
  });

  it.each(['identity', 'gzip', 'br'])('answers 304 with its validators to a conditional request in %s', async (encoding) => {
    const first = await raw('/feeds/an-ninh-trat-tu.json', { 'accept-encoding': encoding });
    const byEtag = await raw('/feeds/an-ninh-trat-tu.json', { 'accept-encoding': encoding, 'if-none-match': String(first.headers.etag) });
    const byDate = await raw('/feeds/an-ninh-trat-tu.json', { 'accept-encoding': encoding, 'if-modified-since': String(first.headers['last-modified']) });
    for (const response of [byEtag, byDate]) {
      expect(response.status).toBe(304);
      expect(response.body.length).toBe(0);
      expect(response.headers).toMatchObject({ etag: first.headers.etag, 'cache-control': 'public, max-age=300', vary: 'Accept-Encoding' });
    }
  });
});

describe('cross-origin reading', () => {
  it.each(['/feeds/all.json', '/feeds/an-ninh-trat-tu.rss', '/feeds.opml', '/healthz', '/feeds/khong-co.json'])('allows any origin to read %s and its ETag', async (route) => {
    const response = await raw(route, { origin: 'https://doitac.example.vn' });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-expose-headers']).toBe('ETag');
  });

  it('answers a preflight for a conditional request from a partner script', async () => {
    const response = await raw('/feeds/all.json', { origin: 'https://doitac.example.vn', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' }, 'OPTIONS');
    expect(response.status).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'if-none-match',
      'access-control-max-age': '86400',
    });
    expect((await raw('/healthz', { origin: 'https://doitac.example.vn', 'access-control-request-method': 'GET' }, 'OPTIONS')).status).toBe(204);
  });
});

describe('validators across restarts', () => {
  /** ETag and Last-Modified of every page-1 feed and the OPML list. */
  async function validators(): Promise<Map<string, { etag: string; lastModified: string }>> {
    const routes = [...categoryIds(running.config).flatMap((id) => ['rss', 'atom', 'json'].map((format) => `/feeds/${id}.${format}`)), '/feeds.opml'];
    const entries = await Promise.all(
      routes.map(async (route) => {
        const { headers } = await raw(route);
        return [route, { etag: String(headers.etag), lastModified: String(headers['last-modified']) }] as const;
      }),
    );
    return new Map(entries);
  }

  /** Waits into the next second, so a Last-Modified taken from the clock would differ. */
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100 - (Date.now() % 1000)));

  it('keeps ETag and Last-Modified of unchanged feeds through a restart, and moves both for feeds whose bytes changed', async () => {
    const before = await validators();
    await nextSecond();
    await running.restart();
    expect(await validators()).toEqual(before);

    districtFeed = buildRss('Cổng thông tin huyện Lạc Sơn', [{ ...drugBust, body: `${drugBust.body} Vụ việc đang được điều tra mở rộng.` }]);
    await nextSecond();
    await running.restart();
    const after = await validators();
    const changed = [...after].filter(([route, now]) => now.etag !== before.get(route)!.etag).map(([route]) => route);
    expect(changed.sort()).toEqual(['/feeds.opml', ...['all', 'an-ninh-trat-tu'].flatMap((id) => ['atom', 'json', 'rss'].map((format) => `/feeds/${id}.${format}`))].sort());
    for (const [route, now] of after) {
      const then = before.get(route)!;
      if (changed.includes(route)) expect(Date.parse(now.lastModified), route).toBeGreaterThan(Date.parse(then.lastModified));
      else expect(now.lastModified, route).toBe(then.lastModified);
    }
    // The static copy is the same bytes as served.
    const served = await raw('/feeds/an-ninh-trat-tu.rss');
    expect((await readFile(path.join(running.config.outDir, 'an-ninh-trat-tu.rss'))).equals(served.body)).toBe(true);
  });
});
