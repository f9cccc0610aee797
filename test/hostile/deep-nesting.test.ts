// Replays issue 10's deeply nested items (5,000 nested <b> in a title, deep JSON arrays) served over HTTP: only that item goes, never the source.
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config, Copy } from '../../src/model/types.ts';
import { collectSource, type CollectOptions, type SourceOutcome } from '../../src/pipeline/collect-source.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const DEPTH = 5_000;
const OPTIONS: CollectOptions = { timeoutMs: 5_000, maxBytes: 10_000_000, maxItems: 500, userAgent: 'bantin/test', now: new Date('2026-11-25T03:00:00Z') };
const FIRST = 'Công an huyện Lạc Sơn bắt giữ hai đối tượng trộm cắp xe máy';
const DEEP = 'Tàu cá Thanh Hóa gặp nạn ngoài khơi đảo Mê';
const LAST = 'Diễn tập phòng cháy chữa cháy tại chợ trung tâm thị xã';
const DROPPED = { reason: 'elements nested more than 100 levels deep' };

function nested(tag: string, text: string, depth = DEPTH): string {
  return `<${tag}>`.repeat(depth) + text + `</${tag}>`.repeat(depth);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function rss(middle: { title?: string; description?: string }): string {
  const item = (guid: string, title: string, description = `<p>${title}.</p>`) =>
    `<item><guid>${guid}</guid><title>${title}</title><link>https://baotinh.example.vn/tin/${guid}.html</link>` +
    `<pubDate>Wed, 25 Nov 2026 09:30:00 +0700</pubDate><description>${description}</description></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo tỉnh</title><link>https://baotinh.example.vn/</link>` +
    item('bt-1', FIRST, escapeXml(`<p>${FIRST}.</p>`)) +
    item('bt-2', middle.title ?? DEEP, middle.description ?? escapeXml(`<p>${DEEP}.</p>`)) +
    item('bt-3', LAST, escapeXml(`<p>${LAST}.</p>`)) +
    '</channel></rss>';
}

function atom(middleEntry: string): string {
  const entry = (id: string, title: string) =>
    `<entry><id>urn:bt:${id}</id><title>${title}</title><link href="https://baotinh.example.vn/tin/${id}.html"/>` +
    `<published>2026-11-25T09:30:00+07:00</published><content type="html">${escapeXml(`<p>${title}.</p>`)}</content></entry>`;
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Cổng thông tin tỉnh</title>` +
    `<id>urn:bt:feed</id><updated>2026-11-25T09:30:00+07:00</updated>${entry('1', FIRST)}${middleEntry}${entry('3', LAST)}</feed>`;
}

/** A JSON Feed whose middle item has these fields, given as JSON text (JSON.stringify overflows on deep values too). */
function jsonFeed(middleFields: Record<string, string>): string {
  const item = (id: string, title: string) => ({ id, url: `https://baotinh.example.vn/tin/${id}.html`, title, content_html: `<p>${title}.</p>`, date_published: '2026-11-25T09:30:00+07:00' });
  const extra = Object.entries(middleFields).map(([key, json]) => `,${JSON.stringify(key)}:${json}`).join('');
  const middle = JSON.stringify(item('2', DEEP)).replace(/\}$/, `${extra}}`);
  return `{"version":"https://jsonfeed.org/version/1.1","title":"Báo tỉnh","items":[${JSON.stringify(item('1', FIRST))},${middle},${JSON.stringify(item('3', LAST))}]}`;
}

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collect(body: string, type: string): Promise<SourceOutcome> {
  server = await startFixtureServer((_req, res) => res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body));
  return collectSource(makeSource('bao-tinh', { url: `${server.url}/rss` }), undefined, OPTIONS);
}

function copiesOf(outcome: SourceOutcome): Copy[] {
  if (!outcome.ok || outcome.notModified) throw new Error(`the source failed: ${JSON.stringify(outcome)}`);
  return outcome.copies;
}

describe('a deeply nested item', () => {
  it('is left out of an RSS feed, with its reason, when its title nests 5,000 <b>', async () => {
    const outcome = await collect(rss({ title: nested('b', DEEP) }), 'application/rss+xml');
    expect(copiesOf(outcome).map((copy) => copy.title)).toEqual([FIRST, LAST]);
    expect(outcome).toMatchObject({ dropped: [{ element: 'item', position: 2, id: 'bt-2', ...DROPPED }] });
  });

  it('is left out of an RSS feed when its description is 5,000 nested elements', async () => {
    const outcome = await collect(rss({ description: nested('div', 'Nội dung') }), 'application/rss+xml');
    expect(copiesOf(outcome).map((copy) => copy.title)).toEqual([FIRST, LAST]);
    expect(outcome).toMatchObject({ dropped: [{ element: 'item', position: 2, ...DROPPED }] });
  });

  it('is left out of an Atom feed when its xhtml title or content nests 5,000 elements', async () => {
    const deepTitle = `<entry><id>urn:bt:2</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${nested('b', DEEP)}</div></title>` +
      '<link href="https://baotinh.example.vn/tin/2.html"/></entry>';
    const deepContent = `<entry><id>urn:bt:4</id><title>${DEEP}</title><link href="https://baotinh.example.vn/tin/4.html"/>` +
      `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${nested('span', 'Nội dung')}</div></content></entry>`;
    const outcome = await collect(atom(deepTitle + deepContent), 'application/atom+xml');
    expect(copiesOf(outcome).map((copy) => copy.title)).toEqual([FIRST, LAST]);
    expect(outcome).toMatchObject({ dropped: [{ element: 'entry', position: 2, id: 'urn:bt:2' }, { element: 'entry', position: 3, id: 'urn:bt:4' }] });
  });

  it('leaves the feed title out, not the feed, when the channel title nests 5,000 elements', async () => {
    const outcome = await collect(rss({}).replace('<title>Báo tỉnh</title>', `<title>${nested('b', 'Báo tỉnh')}</title>`), 'application/rss+xml');
    expect(copiesOf(outcome)).toHaveLength(3);
    expect(outcome).toMatchObject({ dropped: [{ element: 'title', ...DROPPED }] });
  });

  it('keeps an item whose escaped HTML nests 5,000 tags and closes others, as the text of its content', async () => {
    const hostile = `<p>${DEEP}.</p>` + '<b>'.repeat(DEPTH) + 'Lực lượng cứu hộ đã tiếp cận' + '</i>'.repeat(DEPTH);
    const outcome = await collect(rss({ title: escapeXml(nested('b', DEEP)), description: escapeXml(hostile) }), 'application/rss+xml');
    const copies = copiesOf(outcome);
    expect(copies.map((copy) => copy.title)).toEqual([FIRST, DEEP, LAST]);
    expect(copies[1]!.contentHtml).toBe(`<p>${DEEP}.</p><p>Lực lượng cứu hộ đã tiếp cận</p>`);
  });

  it('keeps every item of a JSON Feed whose item nests arrays and objects thousands deep', async () => {
    const outcome = await collect(jsonFeed({
      tags: `[${'['.repeat(50 * DEPTH)}"An ninh"${']'.repeat(50 * DEPTH)}]`,
      authors: `[${'{"name":'.repeat(DEPTH)}"Minh Anh"${'}'.repeat(DEPTH)}]`,
      content_html: JSON.stringify(nested('b', 'Nội dung')),
    }), 'application/feed+json');
    const copies = copiesOf(outcome);
    expect(copies.map((copy) => copy.title)).toEqual([FIRST, DEEP, LAST]);
    expect(copies[1]).toMatchObject({ sourceCategories: ['An ninh'], contentHtml: '<p>Nội dung</p>' });
  });
});

describe('an ingestion cycle', () => {
  it('stores the other stories of a feed with a deeply nested item and logs why that item was left out', async () => {
    const dir = await makeTempDir();
    server = await startFixtureServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss({ title: nested('b', DEEP) })));
    const config: Config = {
      port: 0, baseUrl: 'http://bantin.test', schedule: '*/15 * * * *', timezone: 'Asia/Ho_Chi_Minh',
      store: path.join(dir, 'db.json'), outDir: path.join(dir, 'feeds'), feedSize: 50, retentionDays: 90,
      fetchTimeoutSeconds: 5, maxFeedBytes: 10_000_000, maxItemsPerFetch: 500, categories: [],
      sources: [makeSource('bao-tinh', { url: `${server.url}/rss` })],
    };
    const logs: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });
    const result = await runIngestion({ config, store: createLowdbStore(config.store), logger, mode: 'all', now: () => OPTIONS.now });
    expect(result.data.stories.map((story) => story.copies[0]!.title).sort()).toEqual([FIRST, LAST].sort());
    expect(result.data.sources['bao-tinh']).toMatchObject({ consecutiveFailures: 0 });
    expect(logs).toContainEqual(expect.objectContaining({
      level: 40, stage: 'parse', source_id: 'bao-tinh', element: 'item', position: 2, id: 'bt-2', ...DROPPED, msg: 'feed element left out',
    }));
  });
});
