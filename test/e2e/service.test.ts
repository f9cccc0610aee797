import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/commands/serve-command.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config } from '../../src/model/types.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { setUpDemo, type DemoSetup } from '../helpers/demo-config.ts';

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  date_published: string;
  date_modified: string;
  tags?: string[];
  _bantin: { sources: { id: string; name: string; url: string; date_published: string }[] };
}
interface JsonFeed {
  version: string;
  title: string;
  items: JsonFeedItem[];
}

let demo: DemoSetup;
let service: RunningService;
let config: Config;
let base: string;
let dir: string;

async function get(route: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return fetch(`${base}${route}`, { headers, method });
}

async function getJson<T>(route: string): Promise<T> {
  const response = await get(route);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  // Not makeTempDir's per-test cleanup: this folder lives for the whole file.
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-e2e-'));
  demo = await setUpDemo(dir, { baseUrl: 'http://bantin.test' });
  config = loadConfig(demo.configFile);
  service = await startService(config, createSilentLogger());
  await service.firstIngestion;
  base = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await service?.stop();
  await demo?.server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a fresh service over the demo portals', () => {
  it('publishes An ninh trật tự as JSON Feed 1.1 with intact Vietnamese and one entry per story', async () => {
    const feed = await getJson<JsonFeed>('/feeds/an-ninh-trat-tu.json');
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toContain('An ninh trật tự');
    expect(feed.items.length).toBeGreaterThan(3);
    for (const item of feed.items) {
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(item.title).toBe(item.title.normalize('NFC'));
      expect(item.tags).toContain('An ninh trật tự');
    }
    const copyUrls = feed.items.flatMap((item) => item._bantin.sources.map((source) => source.url));
    expect(new Set(copyUrls).size).toBe(copyUrls.length);
  });

  it('merges a story carried by all three portals into one entry listing the three', async () => {
    const feed = await getJson<JsonFeed>('/feeds/all.json');
    const merged = feed.items.filter((item) => new Set(item._bantin.sources.map((source) => source.id)).size === 3);
    expect(merged.length).toBeGreaterThanOrEqual(1);
    const story = merged[0]!;
    const earliest = story._bantin.sources.map((source) => source.date_published).sort()[0];
    expect(story.date_published).toBe(earliest);
    // data/demo/README.md: 41 items, four stories carried by several portals (3 + 3 + 3 + 2 copies).
    expect(feed.items).toHaveLength(34);
    const copyCounts = feed.items.map((item) => item._bantin.sources.length).filter((count) => count > 1);
    expect(copyCounts.sort()).toEqual([2, 3, 3, 3]);
    // The police copy (priority 3) is the one shown, its NFD title published as NFC.
    const fireDrill = feed.items.find((item) => item.title === 'Diễn tập chữa cháy và cứu nạn, cứu hộ tại chợ Hòa Chung');
    expect(fireDrill?._bantin.sources.map((source) => source.id).sort()).toEqual(['cong-an-tinh', 'cong-phuong-thuc-phan', 'cong-thong-tin-tinh']);
  });

  it('keeps a template pair (same headline pattern, other agency) as two entries', async () => {
    // data/demo/README.md names the pair: one from the portal, one from the newspaper.
    const feed = await getJson<JsonFeed>('/feeds/all.json');
    const health = feed.items.find((item) => item.title.startsWith('Sở Y tế tổng kết công tác năm 2026'));
    const education = feed.items.find((item) => item.title.startsWith('Sở Giáo dục và Đào tạo tổng kết công tác năm 2026'));
    expect(health?._bantin.sources.map((source) => source.id)).toEqual(['cong-thong-tin-tinh']);
    expect(education?._bantin.sources.map((source) => source.id)).toEqual(['bao-tinh']);
  });

  it('serves RSS and Atom that a feed parser reads with the same stories, ids and titles', async () => {
    const json = await getJson<JsonFeed>('/feeds/an-ninh-trat-tu.json');
    const rssResponse = await get('/feeds/an-ninh-trat-tu.rss');
    expect(rssResponse.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const rss = await new Parser().parseString(await rssResponse.text());
    expect(rss.items.map((item) => item.guid)).toEqual(json.items.map((item) => item.id));
    expect(rss.items.map((item) => item.title)).toEqual(json.items.map((item) => item.title));
    const atomResponse = await get('/feeds/an-ninh-trat-tu.atom');
    expect(atomResponse.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const atom = await new Parser().parseString(await atomResponse.text());
    expect(atom.items.map((item) => item.id)).toEqual(json.items.map((item) => item.id));
  });

  it('answers 304 to a repeated conditional request, HEAD without a body, and gzip when asked', async () => {
    const first = await get('/feeds/an-ninh-trat-tu.rss');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get('/feeds/an-ninh-trat-tu.rss', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/feeds/an-ninh-trat-tu.rss', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/feeds/an-ninh-trat-tu.rss', { 'if-none-match': '"other"' })).status).toBe(200);
    const head = await get('/feeds/an-ninh-trat-tu.rss', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const { request } = await import('node:http');
    const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${base}/feeds/an-ninh-trat-tu.rss`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gzipped.encoding).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe(await first.text());
  });

  it('reports the failing portal in /healthz in plain words while the others are ok', async () => {
    const health = await getJson<{ status: string; lastRun: string; sources: { id: string; status: string; lastError: string | null; consecutiveFailures: number; items: number; articleErrors: number; robotsRefused: number }[] }>('/healthz');
    expect(health.status).toBe('degraded');
    expect(health.lastRun).toEqual(expect.any(String));
    const broken = health.sources.find((source) => source.id === 'cong-huyen-hong')!;
    expect(broken).toMatchObject({ status: 'error', lastError: 'HTTP 500', consecutiveFailures: 1, items: 0 });
    for (const source of health.sources.filter((candidate) => candidate.id !== 'cong-huyen-hong')) {
      expect(source).toMatchObject({ status: 'ok', lastError: null, consecutiveFailures: 0, articleErrors: 0, robotsRefused: 0 });
      // The ward portal lists 4 articles and the radio feed 3 items (data/demo/README.md); the others 10 or more.
      expect(source.items).toBeGreaterThanOrEqual(3);
    }
  });

  it('lists every category feed in OPML and on the Vietnamese home page', async () => {
    const opml = await (await get('/feeds.opml')).text();
    const home = await (await get('/')).text();
    for (const category of config.categories) {
      expect(opml).toContain(`xmlUrl="http://bantin.test/feeds/${category.id}.rss"`);
      expect(home).toContain(category.title.replace(/&/g, '&#38;'));
    }
    expect(home).toContain('<html lang="vi">');
    expect(home).toContain('lỗi: HTTP 500');
    expect(home).toContain('Lần thu thập gần nhất');
  });

  it('writes the same bytes to outDir, all.* and feeds.opml included', async () => {
    for (const name of ['an-ninh-trat-tu.rss', 'an-ninh-trat-tu.atom', 'all.json']) {
      const served = Buffer.from(await (await get(`/feeds/${name}`)).arrayBuffer());
      expect((await readFile(path.join(config.outDir, name))).equals(served)).toBe(true);
    }
    expect(await readFile(path.join(config.outDir, 'feeds.opml'), 'utf8')).toBe(await (await get('/feeds.opml')).text());
  });

  it('answers 404 for an unknown category or page and 400 for a malformed page', async () => {
    expect((await get('/feeds/khong-co.rss')).status).toBe(404);
    expect((await get('/feeds/an-ninh-trat-tu.xml')).status).toBe(404);
    expect((await get('/feeds/an-ninh-trat-tu.rss?page=99')).status).toBe(404);
    expect((await get('/feeds/an-ninh-trat-tu.rss?page=abc')).status).toBe(400);
  });

  it('changes nothing when the sources are unchanged: same ids, same bytes, conditional requests to the portals', async () => {
    const names = ['an-ninh-trat-tu.rss', 'all.json', 'kinh-te.atom'];
    const before = await Promise.all(names.map(async (name) => (await get(`/feeds/${name}`, { 'accept-encoding': 'identity' })).headers.get('etag')));
    const storyIdsBefore = (await getJson<JsonFeed>('/feeds/all.json')).items.map((item) => item.id);
    const requestsBefore = demo.server.requests.length;
    const result = await runIngestion({ config, store: createLowdbStore(config.store), logger: createSilentLogger(), mode: 'all' });
    expect(result.summary.storiesAdded).toBe(0);
    expect(result.summary.storiesUpdated).toBe(0);
    const conditional = demo.server.requests.slice(requestsBefore).filter((request) => request.headers['if-none-match']);
    expect(conditional.length).toBe(Object.keys(demo.paths).length);
    for (const name of names) expect(result.catalog.feeds.get(name)!.etag).toBe(before[names.indexOf(name)]);
    expect(result.data.stories.map((story) => story.id).sort()).toEqual([...storyIdsBefore].sort());
  });

  it('picks up a store written beside it (as npm run ingest does) within seconds', async () => {
    // A second store instance on the same file: the server only learns of the write through the file.
    const other = createLowdbStore(config.store);
    const marker = 'Tin đính chính: số liệu được cập nhật';
    await other.withWriteLock(async () => {
      const data = await other.load();
      // Copies are replaced, never edited in place (the store freezes the ones whose line it keeps).
      data.stories[0]!.copies = data.stories[0]!.copies.map((copy) => ({ ...copy, title: marker }));
      await other.save(data);
    });
    let titles: string[] = [];
    for (let attempt = 0; attempt < 40 && !titles.includes(marker); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      titles = (await getJson<JsonFeed>('/feeds/all.json')).items.map((item) => item.title);
    }
    expect(titles).toContain(marker);
  });
});
