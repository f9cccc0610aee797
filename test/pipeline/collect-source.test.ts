// collectSource against a real local server: every failure comes back as data with a stable code and
// plain words, and what the fetch learnt (Retry-After, a permanent move) reaches the outcome.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/model/types.ts';
import { collectSource, feedBaseUrl, type CollectOptions } from '../../src/pipeline/collect-source.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { encodeWindows1258 } from '../helpers/encode-windows-1258.ts';

const OPTIONS: CollectOptions = { timeoutMs: 2_000, maxBytes: 1_000_000, maxItems: 500, userAgent: 'bantin/test', now: new Date('2026-11-25T03:00:00Z') };
const TITLE = 'Công an tỉnh Hòa Bình triệt phá đường dây ma túy';
const RSS = `<?xml version="1.0" encoding="windows-1258"?><rss version="2.0"><channel><title>Công an</title>` +
  `<item><title>${TITLE}</title><link>https://congan.example.vn/tin/1</link></item></channel></rss>`;
const BILLION_LAUGHS = readFileSync(new URL('../fixtures/feeds/billion-laughs.xml', import.meta.url));

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function source(url: string): SourceConfig {
  return { id: 'cong-an', name: 'Công an tỉnh', url, priority: 0, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true };
}

describe('collectSource', () => {
  it('passes on a 429 answer\'s Retry-After with the error', async () => {
    server = await startFixtureServer((_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    expect(await collectSource(source(server.url), undefined, OPTIONS)).toEqual({
      ok: false, code: 'HTTP_STATUS', error: 'HTTP 429, retry after 3600 s', retryAfterMs: 3_600_000,
    });
  });

  it('reports a permanent move with the copies it fetched', async () => {
    server = await startFixtureServer({
      '/rss': (_req, res) => res.writeHead(301, { location: '/rss-moi' }).end(),
      '/rss-moi': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(encodeWindows1258(RSS)),
    });
    const outcome = await collectSource(source(`${server.url}/rss`), undefined, OPTIONS);
    expect(outcome).toMatchObject({ ok: true, notModified: false, items: 1, movedTo: `${server.url}/rss-moi` });
    expect(outcome.ok && !outcome.notModified && outcome.copies[0]?.title).toBe(TITLE);
  });

  it('resolves a relative feed link against the address it fetched, so relative item links still work', async () => {
    const rss = '<rss version="2.0"><channel><title>Báo</title><link>/</link>' +
      '<item><title>Tin một</title><link>/tin/1?utm_source=zalo</link></item></channel></rss>';
    server = await startFixtureServer({ '/rss': (_req, res) => res.end(rss) });
    const outcome = await collectSource(source(`${server.url}/rss`), undefined, OPTIONS);
    expect(outcome.ok && !outcome.notModified && outcome.copies.map((copy) => copy.url)).toEqual([`${server.url}/tin/1`]);
  });

  it.each([
    { feedLink: '/', fetched: 'https://baohagiang.example.vn/rss/tin.rss', expected: 'https://baohagiang.example.vn/' },
    { feedLink: 'https://baohagiang.example.vn/', fetched: 'https://cdn.example.vn/rss', expected: 'https://baohagiang.example.vn/' },
    { feedLink: undefined, fetched: 'https://baohagiang.example.vn/rss', expected: 'https://baohagiang.example.vn/rss' },
    { feedLink: 'javascript:void(0)', fetched: 'https://baohagiang.example.vn/rss', expected: 'https://baohagiang.example.vn/rss' },
    { feedLink: '/', fetched: undefined, expected: '/' },
  ])('takes $expected as the base for feed link $feedLink fetched from $fetched', ({ feedLink, fetched, expected }) => {
    expect(feedBaseUrl(feedLink, fetched)).toBe(expected);
  });

  it('turns an HTML error page served as 200 into a NOT_A_FEED failure', async () => {
    server = await startFixtureServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><body><h1>Bảo trì hệ thống</h1></body></html>'),
    );
    expect(await collectSource(source(server.url), undefined, OPTIONS)).toEqual({ ok: false, code: 'NOT_A_FEED', error: 'not a feed: HTML page' });
  });

  it('ingests a served billion-laughs feed without expanding it', async () => {
    server = await startFixtureServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(BILLION_LAUGHS));
    const outcome = await collectSource(source(server.url), undefined, OPTIONS);
    // Its only item has no link, so nothing is kept; what matters is a quick, bounded, non-failing parse.
    expect(outcome).toMatchObject({ ok: true, notModified: false, items: 1, copies: [] });
  });

  it('words a refused connection plainly', async () => {
    server = await startFixtureServer(() => undefined);
    const url = server.url;
    await server.close();
    server = undefined;
    expect(await collectSource(source(url), undefined, OPTIONS)).toEqual({ ok: false, code: 'NETWORK', error: 'connection refused' });
  });
});
