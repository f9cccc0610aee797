// fetchSource against a real local server: bodies, validators, conditional GET, statuses, compression, files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../../src/errors.ts';
import { fetchSource, type FetchOptions } from '../../../src/pipeline/fetch/fetch-source.ts';
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.ts';

const RSS = '<rss version="2.0"><channel><title>Báo Hòa Bình</title></channel></rss>';
const OPTIONS: FetchOptions = { timeoutMs: 5_000, maxBytes: 100_000, userAgent: 'bantin/0.1.0 (+http://localhost:8080)' };

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

describe('fetchSource over HTTP', () => {
  it('returns the body, content type and validators of a 200 answer', async () => {
    server = await startFixtureServer({
      '/rss': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Tue, 14 May 2024 01:00:00 GMT' });
        res.end(RSS);
      },
    });
    const result = await fetchSource({ url: `${server.url}/rss` }, OPTIONS);
    expect(result).toEqual({
      kind: 'body',
      body: Buffer.from(RSS),
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Tue, 14 May 2024 01:00:00 GMT',
      finalUrl: `${server.url}/rss`,
    });
  });

  it('sends the User-Agent, the feed Accept list and the encodings it can decode', async () => {
    server = await startFixtureServer((_req, res) => res.end(RSS));
    await fetchSource({ url: server.url }, OPTIONS);
    const headers = server.requests[0]?.headers;
    expect(headers?.['user-agent']).toBe(OPTIONS.userAgent);
    expect(headers?.accept).toBe('application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8');
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends the stored validators and reports not-modified on 304', async () => {
    server = await startFixtureServer((_req, res) => {
      res.writeHead(304, { etag: '"v1"' });
      res.end();
    });
    const result = await fetchSource({ url: server.url }, { ...OPTIONS, etag: '"v1"', lastModified: 'Tue, 14 May 2024 01:00:00 GMT' });
    expect(result).toEqual({ kind: 'not-modified' });
    expect(server.requests[0]?.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[0]?.headers['if-modified-since']).toBe('Tue, 14 May 2024 01:00:00 GMT');
  });

  it('sends no conditional headers without stored validators', async () => {
    server = await startFixtureServer((_req, res) => res.end(RSS));
    await fetchSource({ url: server.url }, OPTIONS);
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]?.headers['if-modified-since']).toBeUndefined();
  });

  it.each([500, 404, 429])('fails with HTTP_STATUS "HTTP %i" and keeps the status', async (status) => {
    server = await startFixtureServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end('<h1>Lỗi</h1>');
    });
    const error = await failureOf(fetchSource({ url: server.url }, OPTIONS));
    expect(error).toMatchObject({ code: 'HTTP_STATUS', message: `HTTP ${status}`, status });
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decompresses a %s body', async (encoding, compress) => {
    server = await startFixtureServer((_req, res) => {
      res.writeHead(200, { 'content-encoding': encoding, 'content-type': 'application/rss+xml' });
      res.end(compress(Buffer.from(RSS)));
    });
    const result = await fetchSource({ url: server.url }, OPTIONS);
    expect(result.kind === 'body' && result.body.toString('utf8')).toBe(RSS);
  });
});

describe('fetchSource from a file', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('returns the file as the body, without content type', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bantin-fetch-'));
    const file = join(dir, 'feed.xml');
    await writeFile(file, RSS);
    expect(await fetchSource({ file }, OPTIONS)).toEqual({ kind: 'body', body: Buffer.from(RSS) });
  });

  it('fails with FILE naming the path and the cause when the file is missing', async () => {
    const file = join(tmpdir(), 'bantin-no-such-dir', 'missing.xml');
    const error = await failureOf(fetchSource({ file }, OPTIONS));
    expect(error).toMatchObject({ code: 'FILE', message: `cannot read file ${file}: ENOENT` });
  });

  it('fails with TOO_LARGE for a file over the cap', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bantin-fetch-'));
    const file = join(dir, 'big.xml');
    await writeFile(file, Buffer.alloc(2_000, 0x20));
    const error = await failureOf(fetchSource({ file }, { ...OPTIONS, maxBytes: 1_000 }));
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: 'larger than 1000 bytes' });
  });
});
