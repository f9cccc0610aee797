// Replays requests whose paths hold broken percent-encoding (`/feeds/%`, a cut-off UTF-8 escape): they are the client's mistake, a 400, never a 500 with a stack trace in the log.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/model/types.ts';
import { buildFeedCatalog } from '../../src/publish/feed-catalog.ts';
import { createApp } from '../../src/server/create-app.ts';
import { healthFromStore } from '../../src/server/serve-state.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const config: Config = makeTestConfig('/nonexistent', {
  fetchTimeoutSeconds: 20,
  categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: [] }],
  sources: [makeSource('cong-an-tinh', { name: 'Công an tỉnh Hòa Bình' })],
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let port: number;
const logs: { level: number; msg?: string; err?: unknown }[] = [];

/** Sends the path exactly as written (fetch() and URL would normalise it). */
function get(path: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const data = createEmptyStoreData();
  const state = { config, catalog: await buildFeedCatalog(data, config, new Date('2026-11-28T00:00:00Z')), health: healthFromStore(data) };
  const logger = pino({ level: 'trace' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  server = createApp({ getState: () => state, logger }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  logs.length = 0;
});

describe('a path with malformed percent-encoding', () => {
  it.each([
    ['/feeds/%', true],
    ['/feeds/%E0%A4%A', true],
    ['/feeds/%E0%A4%A.rss', true],
    ['/feeds/%FF.rss', true],
    ['/feeds/an-ninh-trat-tu.rss%', true],
    ['/feeds/%zz.atom?page=2', true],
    ['/%', false],
    ['/healthz/%C3', true],
    ['/tin/%E1%BB', false],
  ])('%s is a 400 with a short plain message and no error logged', async (path, crossOrigin) => {
    const answer = await get(path);
    expect(answer).toMatchObject({ status: 400, body: 'malformed percent-encoding in the path\n' });
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.headers['access-control-allow-origin']).toBe(crossOrigin ? '*' : undefined);
    expect(logs.filter((entry) => entry.level >= 40)).toEqual([]);
    expect(JSON.stringify(logs)).not.toContain('stack');
  });

  it('leaves well-formed escapes alone: /feeds/an-ninh-trat-tu%2Erss is the feed, /feeds/tin-m%E1%BB%9Bi.rss a 404', async () => {
    expect((await get('/feeds/an-ninh-trat-tu%2Erss')).status).toBe(200);
    expect(await get('/feeds/tin-m%E1%BB%9Bi.rss')).toMatchObject({ status: 404, body: 'no feed named tin-mới.rss\n' });
  });
});
