// fetchSource against a real local server: bodies, validators, conditional GET, statuses, compression, files.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../../src/errors.ts';
import type { ServerResponse } from 'node:http';
import { networkWords } from '../../../src/pipeline/fetch/fetch-errors.ts';
import { fetchSource, type FetchOptions } from '../../../src/pipeline/fetch/fetch-source.ts';
import { closeFixtureServers, startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.ts';
import { rejectionOf } from '../../helpers/rejection.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const RSS = '<rss version="2.0"><channel><title>Báo Hòa Bình</title></channel></rss>';
const OPTIONS: FetchOptions = { timeoutMs: 5_000, maxBytes: 100_000, userAgent: 'bantin/0.1.0 (+http://localhost:8080)' };

let server: FixtureServer | undefined;
afterEach(closeFixtureServers);

function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  return rejectionOf(promise, FetchError);
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
    { status: 429, retryAfter: '120', message: 'HTTP 429, retry after 120 s', retryAfterMs: 120_000 },
    { status: 503, retryAfter: '0', message: 'HTTP 503, retry after 0 s', retryAfterMs: 0 },
    { status: 503, retryAfter: 'soon', message: 'HTTP 503', retryAfterMs: undefined },
    { status: 500, retryAfter: '120', message: 'HTTP 500', retryAfterMs: undefined },
  ])('carries Retry-After "$retryAfter" of an HTTP $status on the error', async ({ status, retryAfter, message, retryAfterMs }) => {
    server = await startFixtureServer((_req, res) => res.writeHead(status, { 'retry-after': retryAfter }).end('Quá tải'));
    const error = await failureOf(fetchSource({ url: server.url }, OPTIONS));
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status, message });
    expect(error.retryAfterMs).toBe(retryAfterMs);
  });

  it('reads a Retry-After HTTP date against the server\'s own Date header', async () => {
    server = await startFixtureServer((_req, res) => {
      // The server's clock is years off; the pause it means is still 90 minutes.
      res.writeHead(503, { date: 'Wed, 21 Oct 2015 07:28:00 GMT', 'retry-after': 'Wed, 21 Oct 2015 08:58:00 GMT' });
      res.end();
    });
    const error = await failureOf(fetchSource({ url: server.url }, OPTIONS));
    expect(error).toMatchObject({ message: 'HTTP 503, retry after 5400 s', retryAfterMs: 5_400_000 });
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

describe('fetchSource failure wording', () => {
  it.each([
    {
      name: 'a corrupt gzip body',
      handler: (res: ServerResponse) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('không phải gzip'),
      message: 'corrupt compressed body',
    },
    {
      name: 'a corrupt brotli body',
      handler: (res: ServerResponse) => res.writeHead(200, { 'content-encoding': 'br' }).end('không phải brotli, không phải brotli'),
      message: 'corrupt compressed body',
    },
    {
      name: 'a connection closed before the answer',
      handler: (res: ServerResponse) => res.socket?.destroy(),
      message: 'connection closed by the server',
    },
    {
      name: 'a connection closed in the middle of the body',
      handler: (res: ServerResponse) => {
        res.writeHead(200, { 'content-length': '1000' }).write('<rss>');
        setTimeout(() => res.socket?.destroy(), 20);
      },
      message: 'connection closed by the server',
    },
    {
      name: 'an answer that is not HTTP',
      handler: (res: ServerResponse) => res.socket?.end('HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nhello'),
      message: 'malformed HTTP response',
    },
  ])('words $name plainly', async ({ handler, message }) => {
    server = await startFixtureServer((_req, res) => handler(res));
    const error = await failureOf(fetchSource({ url: server.url }, OPTIONS));
    expect(error).toMatchObject({ code: 'NETWORK', message });
  });

  it.each([
    ['ECONNREFUSED', 'connection refused'],
    ['ECONNRESET', 'connection reset by the server'],
    ['UND_ERR_SOCKET', 'connection closed by the server'],
    ['ENOTFOUND', 'host not found'],
    ['EAI_AGAIN', 'DNS lookup failed (temporary failure)'],
    ['Z_DATA_ERROR', 'corrupt compressed body'],
    ['ERR__ERROR_FORMAT_PADDING_1', 'corrupt compressed body'],
    ['HPE_INVALID_CONSTANT', 'malformed HTTP response'],
    ['CERT_HAS_EXPIRED', 'TLS certificate expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS certificate is for another host'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'TLS handshake failed'],
    ['EWHATEVER', 'network error (EWHATEVER)'],
  ])('words %s as "%s"', (code, words) => {
    expect(networkWords(code)).toBe(words);
  });
});

describe('fetchSource from a file', () => {
  it('returns the file as the body, without content type', async () => {
    const dir = await makeTempDir('bantin-fetch-');
    const file = join(dir, 'feed.xml');
    await writeFile(file, RSS);
    expect(await fetchSource({ file }, OPTIONS)).toEqual({ kind: 'body', body: Buffer.from(RSS) });
  });

  it('fails with FILE naming the path and the cause when the file is missing', async () => {
    const file = join(tmpdir(), 'bantin-no-such-dir', 'missing.xml');
    const error = await failureOf(fetchSource({ file }, OPTIONS));
    expect(error).toMatchObject({ code: 'FILE', message: `cannot read file ${file}: no such file` });
  });

  it('fails with TOO_LARGE for a file over the cap', async () => {
    const dir = await makeTempDir('bantin-fetch-');
    const file = join(dir, 'big.xml');
    await writeFile(file, Buffer.alloc(2_000, 0x20));
    const error = await failureOf(fetchSource({ file }, { ...OPTIONS, maxBytes: 1_000 }));
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: 'larger than 1000 bytes' });
  });
});
