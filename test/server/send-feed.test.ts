import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedFeed } from '../../src/publish/feed-catalog.ts';
import { createFeedSender } from '../../src/server/send-feed.ts';


const body = Buffer.from('<rss version="2.0"><channel><title>An ninh trật tự</title></channel></rss>');
const feed: PublishedFeed = {
  name: 'an-ninh-trat-tu.rss',
  contentType: 'application/rss+xml; charset=utf-8',
  body,
  gzip: gzipSync(body),
  br: brotliCompressSync(body),
  etag: '"abc123"',
  lastModified: new Date('2026-11-25T03:00:00.000Z'),
};

// Changed twice within one second, so stamped a second ahead (feed-catalog).
const future: PublishedFeed = { ...feed, lastModified: new Date(Date.now() + 60_000) };

const otherBody = Buffer.from('<rss version="2.0"><channel><title>Giao thông</title></channel></rss>');
const other: PublishedFeed = { ...feed, name: 'giao-thong.rss', body: otherBody, gzip: gzipSync(otherBody), br: brotliCompressSync(otherBody), etag: '"def456"' };

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  // One sender per max-age, each answering many requests, as createApp uses them.
  const sendShort = createFeedSender(60);
  const sendLong = createFeedSender(900);
  app.get('/feed', (req, res) => sendShort(req, res, feed));
  app.get('/future', (req, res) => sendLong(req, res, future));
  app.get('/other', (req, res) => sendShort(req, res, other));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** node:http, not fetch: fetch hides Content-Encoding by decoding for us. */
function rawGet(headers: Record<string, string>, path = '/feed'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('createFeedSender', () => {
  it.each([
    { acceptEncoding: '', encoding: undefined, etag: '"abc123"' },
    { acceptEncoding: 'gzip, deflate', encoding: 'gzip', etag: '"abc123-gzip"' },
    { acceptEncoding: 'gzip, deflate, br', encoding: 'br', etag: '"abc123-br"' },
    { acceptEncoding: 'br;q=0, gzip', encoding: 'gzip', etag: '"abc123-gzip"' },
    { acceptEncoding: 'gzip;q=1, br;q=0.1', encoding: 'gzip', etag: '"abc123-gzip"' },
    { acceptEncoding: '*', encoding: 'br', etag: '"abc123-br"' },
    { acceptEncoding: 'identity', encoding: undefined, etag: '"abc123"' },
  ])('answers Accept-Encoding "$acceptEncoding" with $encoding', async ({ acceptEncoding, encoding, etag }) => {
    const response = await rawGet(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers.etag).toBe(etag);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const decoded = encoding === 'br' ? brotliDecompressSync(response.body) : encoding === 'gzip' ? gunzipSync(response.body) : response.body;
    expect(decoded.equals(body)).toBe(true);
  });

  it.each([
    { name: 'the identity ETag', headers: { 'if-none-match': '"abc123"' }, status: 304 },
    { name: 'the gzip ETag', headers: { 'if-none-match': '"abc123-gzip"' }, status: 304 },
    { name: 'a weak ETag', headers: { 'if-none-match': 'W/"abc123"' }, status: 304 },
    { name: 'one of a list', headers: { 'if-none-match': '"old", "abc123"' }, status: 304 },
    { name: 'a star', headers: { 'if-none-match': '*' }, status: 304 },
    { name: 'another ETag', headers: { 'if-none-match': '"old"' }, status: 200 },
    { name: 'the same Last-Modified', headers: { 'if-modified-since': 'Wed, 25 Nov 2026 03:00:00 GMT' }, status: 304 },
    { name: 'a later date', headers: { 'if-modified-since': 'Thu, 26 Nov 2026 03:00:00 GMT' }, status: 304 },
    { name: 'an earlier date', headers: { 'if-modified-since': 'Tue, 24 Nov 2026 03:00:00 GMT' }, status: 200 },
    { name: 'a garbled date', headers: { 'if-modified-since': 'hôm qua' }, status: 200 },
    { name: 'another ETag beside a matching date (ETag wins)', headers: { 'if-none-match': '"old"', 'if-modified-since': 'Thu, 26 Nov 2026 03:00:00 GMT' }, status: 200 },
  ])('answers $status to $name', async ({ headers, status }) => {
    const response = await rawGet(headers as Record<string, string>);
    expect(response.status).toBe(status);
    if (status === 304) expect(response.body.length).toBe(0);
  });

  it('answers 304 with what a cache needs to update its copy, and no representation headers', async () => {
    const response = await rawGet({ 'if-none-match': '"abc123-br"', 'accept-encoding': 'br' });
    expect(response.status).toBe(304);
    expect(response.headers).toMatchObject({ etag: '"abc123-br"', 'cache-control': 'public, max-age=60', vary: 'Accept-Encoding', 'last-modified': 'Wed, 25 Nov 2026 03:00:00 GMT', 'access-control-allow-origin': '*' });
    expect(response.headers['content-type']).toBeUndefined();
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('never sends a Last-Modified later than its Date (RFC 9110 8.8.2.1), nor answers 304 to that date', async () => {
    const response = await rawGet({}, '/future');
    expect(response.headers['last-modified']).toBe(response.headers.date);
    expect(response.headers['cache-control']).toBe('public, max-age=900');
    const again = await rawGet({ 'if-modified-since': String(response.headers['last-modified']) }, '/future');
    expect(again.status).toBe(200);
  });

  it('keeps each feed\'s headers apart when one sender serves several feeds', async () => {
    await rawGet({}, '/feed');
    const response = await rawGet({ 'accept-encoding': 'gzip' }, '/other');
    expect(response.headers.etag).toBe('"def456-gzip"');
    expect(gunzipSync(response.body).equals(otherBody)).toBe(true);
    expect((await rawGet({ 'if-none-match': '"abc123"' }, '/other')).status).toBe(200);
    expect((await rawGet({ 'if-none-match': '"def456-gzip"' }, '/other')).status).toBe(304);
  });
});
