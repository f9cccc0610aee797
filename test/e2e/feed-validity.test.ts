/**
 * Every feed the running service serves, every page of it, checked to the letter: the W3C
 * Feed Validation Service's rules for RSS, Atom and OPML (test/publish/feed-rules), the JSON
 * Feed 1.1 schema, bantin's own promises (story IRIs, Vietnamese categories, provenance),
 * RFC 5005 paging, WebSub hub links, and /healthz as SPEC.md describes it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedFormat } from '../../src/publish/feed-view.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { categoryIds, heldStories, startDemoService, type DemoService } from '../helpers/running-service.ts';
import { checkAtom } from '../publish/feed-rules/atom-rules.ts';
import { createJsonFeedValidator } from '../publish/feed-rules/json-feed-schema.ts';
import { checkOpml } from '../publish/feed-rules/opml-rules.ts';
import { checkRss } from '../publish/feed-rules/rss-rules.ts';
import { expectWellFormedXml, linksByRel, parseXml } from '../publish/xml-checks.ts';

// Small pages, so every category with more than a handful of stories pages.
const FEED_SIZE = 4;

let running: DemoService;
let hub: FixtureServer;
let hubUrl: string;

interface ServedPage {
  url: string;
  body: string;
  links: Record<string, string>;
  ids: string[];
}

beforeAll(async () => {
  hub = await startFixtureServer((_req, res) => {
    res.writeHead(204);
    res.end();
  });
  hubUrl = `${hub.url}/websub`;
  running = await startDemoService({ config: { feedSize: FEED_SIZE, websubHub: hubUrl } });
});

afterAll(async () => {
  await running?.close();
  await hub?.close();
});

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return response.text();
}

async function readPage(url: string, format: FeedFormat): Promise<ServedPage> {
  const body = await fetchText(url);
  if (format === 'json') {
    const feed = JSON.parse(body);
    const links: Record<string, string> = { self: feed.feed_url };
    if (feed.next_url) links.next = feed.next_url;
    return { url, body, links, ids: feed.items.map((item: any) => item.id) };
  }
  expectWellFormedXml(body);
  const document = await parseXml(body);
  if (format === 'rss') {
    const channel = document.rss.channel[0];
    return { url, body, links: linksByRel(channel['atom:link']), ids: (channel.item ?? []).map((item: any) => item.guid[0]._) };
  }
  return { url, body, links: linksByRel(document.feed.link), ids: (document.feed.entry ?? []).map((entry: any) => entry.id[0]) };
}

/** Every page of a feed, following `next` from page 1. */
async function walkPages(categoryId: string, format: FeedFormat): Promise<ServedPage[]> {
  const pages = [await readPage(`${running.base}/feeds/${categoryId}.${format}`, format)];
  while (pages.at(-1)!.links.next !== undefined && pages.length < 50) pages.push(await readPage(pages.at(-1)!.links.next!, format));
  return pages;
}

const check = (url: string) => ({ location: url, now: new Date() });

describe('every served RSS and Atom page', () => {
  it.each(['rss', 'atom'] as const)('passes the W3C rules in %s, every category and page', async (format) => {
    for (const categoryId of categoryIds(running.config)) {
      for (const page of await walkPages(categoryId, format)) {
        const problems = format === 'rss' ? await checkRss(page.body, check(page.url)) : await checkAtom(page.body, check(page.url));
        expect(problems, page.url).toEqual([]);
      }
    }
  });

  it('carries the story IRI as non-permalink guid, dc:creator, Vietnamese categories, full content and typed enclosures in RSS', async () => {
    const titles = new Map(running.config.categories.map((category) => [category.id, category.title]));
    let enclosures = 0;
    for (const categoryId of categoryIds(running.config)) {
      const held = (await heldStories(running.config, categoryId)).slice(0, FEED_SIZE);
      const channel = (await parseXml(await fetchText(`${running.base}/feeds/${categoryId}.rss`))).rss.channel[0];
      expect(channel.language).toEqual(['vi']);
      expect(channel.item.map((item: any) => item.guid[0])).toEqual(held.map((story) => ({ _: story.id, $: { isPermaLink: 'false' } })));
      for (const item of channel.item) {
        expect(item['dc:creator'][0].trim()).not.toBe('');
        expect(item.category.every((name: string) => [...titles.values()].includes(name))).toBe(true);
        if (categoryId !== 'all') expect(item.category).toContain(titles.get(categoryId));
        expect(item['content:encoded'][0]).toMatch(/<p>Nguồn: <a href="https?:\/\/[^"]+">/);
        // SPEC "Text": sanitised content has no inline styles.
        expect(item['content:encoded'][0]).not.toMatch(/\sstyle=/i);
        for (const enclosure of item.enclosure ?? []) {
          enclosures++;
          expect(enclosure.$).toMatchObject({ length: expect.stringMatching(/^\d+$/), type: expect.stringMatching(/^image\/(jpeg|png|gif|webp)$/) });
        }
      }
    }
    // The demo portals carry images, so the enclosure rule above was really exercised.
    expect(enclosures).toBeGreaterThan(0);
  });

  it('carries the story IRI as entry id, a feed-level author, xml:lang="vi" and categories with term and Vietnamese label in Atom', async () => {
    const titles = new Map(running.config.categories.map((category) => [category.id, category.title]));
    for (const categoryId of categoryIds(running.config)) {
      const held = (await heldStories(running.config, categoryId)).slice(0, FEED_SIZE);
      const feed = (await parseXml(await fetchText(`${running.base}/feeds/${categoryId}.atom`))).feed;
      expect(feed.$['xml:lang']).toBe('vi');
      expect(feed.author[0].name).toEqual(['bantin']);
      expect(feed.entry.map((entry: any) => entry.id[0])).toEqual(held.map((story) => story.id));
      expect(feed.entry.map((entry: any) => entry.title[0]._)).toEqual(held.map((story) => story.title));
      for (const entry of feed.entry) {
        for (const { $ } of entry.category) expect($.label).toBe(titles.get($.term));
        expect(entry.content[0].$.type).toBe('html');
      }
    }
  });
});

describe('every served JSON Feed page', () => {
  it('passes the JSON Feed 1.1 schema and bantin profile, with the story IRIs held in the store', async () => {
    const validate = createJsonFeedValidator('bantin');
    for (const categoryId of categoryIds(running.config)) {
      const held = await heldStories(running.config, categoryId);
      const pages = await walkPages(categoryId, 'json');
      for (const page of pages) expect(validate(JSON.parse(page.body)), page.url).toEqual([]);
      expect(pages.flatMap((page) => page.ids)).toEqual(held.map((story) => story.id));
    }
  });
});

describe('RFC 5005 paging', () => {
  it.each(['rss', 'atom', 'json'] as const)('links %s pages first → last without gap, overlap or oversize, and serves them stably', async (format) => {
    for (const categoryId of categoryIds(running.config)) {
      const held = await heldStories(running.config, categoryId);
      const pages = await walkPages(categoryId, format);
      expect(pages).toHaveLength(Math.max(1, Math.ceil(held.length / FEED_SIZE)));
      expect(pages.flatMap((page) => page.ids)).toEqual(held.map((story) => story.id));
      pages.forEach((page, index) => {
        expect(page.links.self).toBe(page.url);
        expect(page.ids.length).toBeLessThanOrEqual(FEED_SIZE);
        if (format === 'json' || pages.length === 1) return;
        expect(page.links.first).toBe(pages[0]!.url);
        expect(page.links.last).toBe(pages.at(-1)!.url);
        expect(page.links.previous).toBe(pages[index - 1]?.url);
        expect(page.links.next).toBe(pages[index + 1]?.url);
      });
      for (const page of pages) expect(await fetchText(page.url)).toBe(page.body);
    }
  });
});

describe('WebSub', () => {
  it('names the hub in every served format and pinged it for every feed the start-up ingestion published', async () => {
    const rss = await readPage(`${running.base}/feeds/an-ninh-trat-tu.rss`, 'rss');
    const atom = await readPage(`${running.base}/feeds/an-ninh-trat-tu.atom`, 'atom');
    const json = JSON.parse(await fetchText(`${running.base}/feeds/an-ninh-trat-tu.json`));
    expect(rss.links.hub).toBe(hubUrl);
    expect(atom.links.hub).toBe(hubUrl);
    expect(json.hubs).toEqual([{ type: 'WebSub', url: hubUrl }]);
    // The first ingestion changes every feed: one publish ping per category and format.
    expect(hub.requests).toHaveLength(categoryIds(running.config).length * 3);
    expect(hub.requests.every((request) => request.method === 'POST' && request.url === '/websub')).toBe(true);
  });
});

describe('/feeds.opml', () => {
  it('is valid OPML 2.0 with one rss outline per category whose xmlUrl serves that feed', async () => {
    const url = `${running.base}/feeds.opml`;
    const body = await fetchText(url);
    expectWellFormedXml(body);
    expect(await checkOpml(body, check(url))).toEqual([]);
    const outlines = (await parseXml(body)).opml.body[0].outline.map((outline: any) => outline.$);
    expect(outlines.map((outline: any) => outline.xmlUrl)).toEqual(categoryIds(running.config).map((id) => `${running.base}/feeds/${id}.rss`));
    for (const category of running.config.categories) expect(outlines).toContainEqual(expect.objectContaining({ type: 'rss', text: category.title, title: category.title }));
    for (const outline of outlines) expect((await fetch(outline.xmlUrl)).headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
  });
});

describe('/healthz', () => {
  const source = {
    type: 'object',
    required: ['id', 'status', 'lastFetchAt', 'lastSuccessAt', 'lastError', 'consecutiveFailures', 'items'],
    properties: {
      id: { type: 'string' },
      status: { enum: ['ok', 'error'] },
      lastFetchAt: { type: ['string', 'null'], format: 'date-time' },
      lastSuccessAt: { type: ['string', 'null'], format: 'date-time' },
      lastError: { type: ['string', 'null'] },
      consecutiveFailures: { type: 'integer', minimum: 0 },
      items: { type: 'integer', minimum: 0 },
    },
  };
  const schema = {
    type: 'object',
    required: ['status', 'lastRun', 'sources'],
    properties: { status: { enum: ['ok', 'degraded'] }, lastRun: { type: ['string', 'null'], format: 'date-time' }, sources: { type: 'array', items: source } },
  };

  it('answers the SPEC.md shape, degraded while the broken portal fails, to any origin', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    formatsPlugin.default(ajv);
    const response = await fetch(`${running.base}/healthz`, { headers: { origin: 'https://doitac.example.vn' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const health = await response.json();
    const validate = ajv.compile(schema);
    expect(validate(health), JSON.stringify(validate.errors)).toBe(true);
    expect(health.status).toBe('degraded');
    expect(health.sources.map((entry: any) => entry.id)).toEqual(running.config.sources.map((entry) => entry.id));
    expect(health.sources.find((entry: any) => entry.id === 'cong-huyen-hong')).toMatchObject({ status: 'error', lastError: 'HTTP 500' });
  });
});
