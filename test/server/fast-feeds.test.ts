/**
 * The feed fast path (issue 14 "Speed") answers exactly as the express routes it stands in front
 * of: one table of requests sent to the express app alone, to `npm start`'s request listener (fast
 * path, then express) and to the fast path alone, compared byte for byte — status, every header but
 * Date in order, body — with the same log lines and the same feed request counts in /metrics.
 */
import { createServer, request, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestionUnavailableError } from '../../src/errors.ts';
import type { Config } from '../../src/model/types.ts';
import { buildFeedCatalog, type FeedCatalog } from '../../src/publish/feed-catalog.ts';
import { createApp } from '../../src/server/create-app.ts';
import { createRequestListener } from '../../src/server/create-request-listener.ts';
import { createFastFeeds } from '../../src/server/fast-feeds.ts';
import { createFeedResponder } from '../../src/server/feed-request.ts';
import { createServiceMetrics, type ServiceMetrics } from '../../src/server/metrics.ts';
import { healthFromStore, type ServeState, type ServedCatalog } from '../../src/server/serve-state.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { makeTestConfig } from '../helpers/test-config.ts';
import { drugRingStory, roadAccidentStory, SOURCES } from '../publish/fixtures.ts';

const MAX_AGE_SECONDS = 300;
const RESTARTING = 'ingestion: the thread is starting again; try later';
/** What the fast path alone answers when it leaves a request to express. */
const LEFT_TO_EXPRESS = 418;

const config: Config = makeTestConfig('/nonexistent', {
  schedule: '*/5 * * * *',
  // One story a page, so the police category has a page 2.
  feedSize: 1,
  fetchTimeoutSeconds: 20,
  categories: [
    { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: [] },
    { id: 'giao-thong', title: 'Giao thông', keywords: [] },
  ],
  sources: [...SOURCES.values()],
});

interface LogLine {
  level: number;
  msg?: string;
  stage?: string;
  path?: string;
  reason?: string;
  err?: { message?: string };
}

interface Target {
  server: Server;
  port: number;
  logs: LogLine[];
}

interface RawAnswer {
  status: number;
  /** Header names and values as sent, in order, Date left out (it may tick between two requests). */
  headers: string[];
  body: string;
}

let catalog: FeedCatalog;
let expressOnly: Target;
let listener: Target;
let fastOnly: Target;
const metrics: Record<'express' | 'listener', ServiceMetrics> = { express: createServiceMetrics(), listener: createServiceMetrics() };

/**
 * The catalog as `npm start` serves it: later pages come as promises (from the ingestion thread);
 * giao-thong's page 7 is refused while the thread restarts, page 8 throws, page 9 rejects.
 */
function servedCatalog(built: FeedCatalog): ServedCatalog {
  return {
    summaries: built.summaries,
    feeds: built.feeds,
    opml: built.opml,
    page(categoryId, format, page) {
      if (categoryId === 'giao-thong' && page === 7) return Promise.reject(new IngestionUnavailableError(RESTARTING));
      if (categoryId === 'giao-thong' && page === 8) throw new Error('page 8: a bug');
      if (categoryId === 'giao-thong' && page === 9) return Promise.reject(new Error('page 9: a bug'));
      return Promise.resolve(built.page(categoryId, format, page));
    },
  };
}

async function startTarget(make: (logger: pino.Logger) => RequestListener): Promise<Target> {
  const logs: LogLine[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => logs.push(JSON.parse(line) as LogLine) });
  const server = createServer(make(logger));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, logs };
}

beforeAll(async () => {
  const data = { ...createEmptyStoreData(), stories: [structuredClone(drugRingStory), structuredClone(roadAccidentStory)] };
  catalog = await buildFeedCatalog(data, config, new Date('2026-11-28T00:00:00Z'));
  const state: ServeState = { config, catalog: servedCatalog(catalog), health: healthFromStore(data) };
  const getState = () => state;
  expressOnly = await startTarget((logger) => createApp({ getState, logger, feedMaxAgeSeconds: MAX_AGE_SECONDS, metrics: metrics.express }));
  listener = await startTarget((logger) => createRequestListener({ getState, logger, feedMaxAgeSeconds: MAX_AGE_SECONDS, metrics: metrics.listener }));
  fastOnly = await startTarget((logger) => {
    const answerFast = createFastFeeds({ getState, logger, responder: createFeedResponder(MAX_AGE_SECONDS, undefined) });
    return (req, res) => {
      if (answerFast(req, res)) return;
      res.writeHead(LEFT_TO_EXPRESS);
      res.end();
    };
  });
});

afterAll(async () => {
  for (const target of [expressOnly, listener, fastOnly]) {
    if (target) await new Promise<void>((resolve) => target.server.close(() => resolve()));
  }
});

/** `{etag:NAME}` and `{date:NAME}` in a header value stand for that feed's ETag and Last-Modified. */
function resolveHeaders(headers: Record<string, string>): Record<string, string> {
  const feedOf = (name: string) => (name === 'feeds.opml' ? catalog.opml : catalog.feeds.get(name)!);
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      value
        .replace(/\{etag:([^}]+)\}/g, (_all, feed: string) => feedOf(feed).etag)
        .replace(/\{date:([^}]+)\}/g, (_all, feed: string) => feedOf(feed).lastModified.toUTCString()),
    ]),
  );
}

/** Sends the path exactly as written, on a fresh connection, and keeps the headers in the order they came. */
function send(target: Target, method: string, path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: target.port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const pairs: string[] = [];
        for (let index = 0; index < res.rawHeaders.length; index += 2) {
          if (res.rawHeaders[index] !== 'Date') pairs.push(`${res.rawHeaders[index]}: ${res.rawHeaders[index + 1]}`);
        }
        resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks).toString('latin1') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The log lines a request left, without what differs between two processes' calls (time, stack). */
function logsSince(target: Target, from: number) {
  return target.logs.slice(from).map(({ level, msg, stage, path, reason, err }) => ({ level, msg, stage, path, reason, error: err?.message }));
}

const GZIP_BR = { 'accept-encoding': 'gzip, deflate, br' };
const POLICE = '/feeds/an-ninh-trat-tu.rss';

// [method, path, request headers, answered by the fast path]
const REQUESTS: [string, string, Record<string, string>, boolean][] = [
  ['GET', POLICE, {}, true],
  ['GET', POLICE, { 'accept-encoding': 'gzip' }, true],
  ['GET', POLICE, GZIP_BR, true],
  ['GET', POLICE, { 'accept-encoding': 'br;q=0, gzip;q=0.5' }, true],
  ['GET', POLICE, { 'if-none-match': '{etag:an-ninh-trat-tu.rss}' }, true],
  ['GET', POLICE, { 'if-none-match': 'W/{etag:an-ninh-trat-tu.rss}' }, true],
  ['GET', POLICE, { 'if-none-match': '"cu", {etag:an-ninh-trat-tu.rss}', ...GZIP_BR }, true],
  ['GET', POLICE, { 'if-none-match': '*' }, true],
  ['GET', POLICE, { 'if-none-match': '"cu"' }, true],
  ['GET', POLICE, { 'if-modified-since': '{date:an-ninh-trat-tu.rss}' }, true],
  ['GET', POLICE, { 'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' }, true],
  ['GET', POLICE, { 'if-modified-since': 'hôm qua' }, true],
  ['GET', POLICE, { 'if-none-match': '"cu"', 'if-modified-since': 'Mon, 01 Jan 2035 00:00:00 GMT' }, true],
  ['HEAD', POLICE, {}, true],
  ['HEAD', POLICE, { 'if-none-match': '{etag:an-ninh-trat-tu.rss}' }, true],
  ['GET', '/feeds/an-ninh-trat-tu.atom', GZIP_BR, true],
  ['GET', '/feeds/all.json', {}, true],
  ['GET', '/feeds/giao-thong.json', { 'if-none-match': '{etag:giao-thong.json}' }, true],
  ['GET', `${POLICE}?page=1`, {}, true],
  ['GET', `${POLICE}?page=2`, {}, true],
  ['GET', `${POLICE}?page=2`, GZIP_BR, true],
  ['HEAD', `${POLICE}?page=2`, {}, true],
  ['GET', `${POLICE}?page=%32`, {}, true],
  ['GET', `${POLICE}?page=3`, {}, true],
  ['GET', `${POLICE}?page=0`, {}, true],
  ['GET', `${POLICE}?page=02`, {}, true],
  ['GET', `${POLICE}?page=hai`, {}, true],
  ['GET', `${POLICE}?page=`, {}, true],
  ['GET', `${POLICE}?page=1&page=2`, {}, true],
  ['GET', `${POLICE}?page=1000000`, {}, true],
  ['GET', `${POLICE}?page=%zz`, {}, true],
  ['GET', `${POLICE}?page=2%20`, {}, true],
  ['GET', `${POLICE}?trang=2`, {}, true],
  ['GET', `${POLICE}?`, {}, true],
  ['GET', '/feeds/khong-co.rss', {}, true],
  ['HEAD', '/feeds/khong-co.rss', {}, true],
  ['GET', '/feeds/khong-co.atom?page=2', {}, true],
  ['GET', '/feeds/giao-thong.rss?page=7', {}, true],
  ['GET', '/feeds/giao-thong.rss?page=8', {}, true],
  ['GET', '/feeds/giao-thong.rss?page=9', {}, true],
  ['GET', '/feeds.opml', {}, true],
  ['GET', '/feeds.opml', GZIP_BR, true],
  ['GET', '/feeds.opml?v=2', {}, true],
  ['HEAD', '/feeds.opml', {}, true],
  ['GET', '/feeds.opml', { 'if-none-match': '{etag:feeds.opml}' }, true],
  // Left to express, which reads them in ways the fast path does not try to copy.
  ['GET', '/feeds/an-ninh-trat-tu.xml', {}, false],
  ['GET', '/feeds/An-ninh-trat-tu.rss', {}, false],
  ['GET', '/FEEDS/an-ninh-trat-tu.rss', {}, false],
  ['GET', '/feeds/an-ninh-trat-tu.rss/', {}, false],
  ['GET', '/feeds/an-ninh-trat-tu%2Erss', {}, false],
  ['GET', '/feeds/tin-m%E1%BB%9Bi.rss', {}, false],
  ['GET', '/feeds/%', {}, false],
  ['GET', '/feeds/%E0%A4%A.rss?page=2', {}, false],
  ['GET', '/feeds.opml/', {}, false],
  ['GET', '/feeds//an-ninh-trat-tu.rss', {}, false],
  ['GET', '/feeds', {}, false],
  ['OPTIONS', POLICE, { origin: 'https://doi-tac.example', 'access-control-request-method': 'GET' }, false],
  ['POST', POLICE, {}, false],
  ['DELETE', '/feeds.opml', {}, false],
  ['GET', '/khong-co', {}, false],
];

describe('the feed fast path', () => {
  it.each(REQUESTS)('%s %s %j: answered as the express route answers it (fast path: %s)', async (method, path, headers, fast) => {
    const sent = resolveHeaders(headers);
    const logsFrom = [expressOnly.logs.length, listener.logs.length, fastOnly.logs.length] as const;
    const viaExpress = await send(expressOnly, method, path, sent);
    const viaListener = await send(listener, method, path, sent);
    const viaFastPath = await send(fastOnly, method, path, sent);

    expect(viaListener).toEqual(viaExpress);
    expect(logsSince(listener, logsFrom[1])).toEqual(logsSince(expressOnly, logsFrom[0]));
    if (fast) {
      expect(viaFastPath).toEqual(viaExpress);
      expect(logsSince(fastOnly, logsFrom[2])).toEqual(logsSince(expressOnly, logsFrom[0]));
    } else {
      expect(viaFastPath.status).toBe(LEFT_TO_EXPRESS);
    }
  });

  it('counts every feed request by status for GET /metrics as the express routes do', async () => {
    const counts = async (which: ServiceMetrics) => (await which.registry.getSingleMetricAsString('bantin_feed_requests_total')).split('\n').sort();
    const ratio = async (which: ServiceMetrics) => which.registry.getSingleMetricAsString('bantin_feed_not_modified_ratio');
    expect(await counts(metrics.listener)).toEqual(await counts(metrics.express));
    expect(await counts(metrics.listener)).toEqual(expect.arrayContaining(['bantin_feed_requests_total{status="304"} 8', 'bantin_feed_requests_total{status="400"} 8']));
    expect(await ratio(metrics.listener)).toEqual(await ratio(metrics.express));
  });

  it('answers the cases the table is about as the README says (so an equal answer is not an equal mistake)', async () => {
    const answers = await Promise.all(
      [POLICE, `${POLICE}?page=2`, `${POLICE}?page=0`, '/feeds/khong-co.rss', '/feeds/giao-thong.rss?page=7', '/feeds.opml'].map((path) => send(listener, 'GET', path, {})),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 400, 404, 503, 200]);
    expect(answers[3]!.body).toBe('no category "khong-co"\n');
    expect(answers[4]!.headers).toContain('Retry-After: 30');
    for (const answer of answers) expect(answer.headers).toContain('Access-Control-Allow-Origin: *');
    const notModified = await send(listener, 'GET', POLICE, resolveHeaders({ 'if-none-match': '{etag:an-ninh-trat-tu.rss}' }));
    expect(notModified).toMatchObject({ status: 304, body: '' });
    expect(notModified.headers).toContain(`Cache-Control: public, max-age=${MAX_AGE_SECONDS}`);
  });
});
