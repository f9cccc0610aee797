/**
 * Story pages and the story API on the real service over the demo portals: every copy side by
 * side, categories with their rules, why copies are one story; absorbed ids 301, pruned 410.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/model/types.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { heldStories, startDemoService, type DemoService, type HeldStory } from '../helpers/running-service.ts';

let running: DemoService;
let merged: HeldStory;
const slugOf = (id: string) => id.replace(/^urn:uuid:/, '');
const ABSORBED = 'urn:uuid:0b7e3c55-6a7f-4d0e-9a61-3f1d2c4b5a69';
const PRUNED = 'urn:uuid:7d2f9e10-4c3b-4a8e-b5d1-9e8f7a6b5c4d';

beforeAll(async () => {
  running = await startDemoService();
  const stories = await heldStories(running.config, 'all');
  merged = stories.find((story) => story.portals.length > 1)!;
  expect(merged).toBeDefined();
}, 60_000);

afterAll(() => running?.close());

describe('GET /stories/{id}', () => {
  it('shows the title, every copy with its portal, link and date, the shown copy marked, and categories with their rules', async () => {
    const response = await fetch(`${running.base}/stories/${slugOf(merged.id)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    const page = await response.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain(escapeForPage(merged.title));
    for (const portal of merged.portals) expect(page).toContain(escapeForPage(portal));
    expect(page.match(/<tr class="shown">/g)).toHaveLength(1);
    expect(page).toContain('Vì sao các bản này là một tin');
    // The demo store is written by this code, so every copy's record is there, with the numbers of each text match.
    expect(page).not.toContain('chưa ghi lại cách bản này vào tin');
    expect(page).toMatch(/bản đầu tiên, mở ra tin này|sau được gộp vào đây/);
    expect(page).toMatch(/theo (chuyên mục của nguồn|đường dẫn bắt đầu bằng|từ khóa) «/);
    // No asset from anywhere: no src attribute and no stylesheet link at all.
    expect(page).not.toMatch(/\ssrc=|rel="stylesheet"/);
  });

  it('answers 404 for an id it never held and for one that is not a uuid', async () => {
    expect((await fetch(`${running.base}/stories/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${running.base}/stories/not-a-story`)).status).toBe(404);
  });
});

describe('GET /api/stories/{id}', () => {
  it('gives the same facts as JSON, with CORS and an ETag that answers 304', async () => {
    const response = await fetch(`${running.base}/api/stories/${slugOf(merged.id)}`, { headers: { origin: 'http://127.0.0.1:9' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const story = (await response.json()) as { id: string; url: string; title: string; copies: { source: { name: string }; shown: boolean; joined_by: string; match: { by: string } | null }[]; categories: { rule: unknown }[] };
    expect(story.id).toBe(merged.id);
    expect(story.url).toBe(`${running.base}/stories/${slugOf(merged.id)}`);
    expect(story.title).toBe(merged.title);
    expect(new Set(story.copies.map((copy) => copy.source.name))).toEqual(new Set(merged.portals));
    expect(story.copies.filter((copy) => copy.shown)).toHaveLength(1);
    expect(story.copies.filter((copy) => !copy.shown).every((copy) => ['guid', 'link', 'text'].includes(copy.joined_by))).toBe(true);
    expect(story.copies.map((copy) => copy.match?.by).sort()[0]).toBe('first');
    expect(story.copies.every((copy) => ['first', 'link', 'text', 'joined'].includes(copy.match!.by))).toBe(true);
    expect(story.categories.every((category) => category.rule !== null)).toBe(true);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await fetch(`${running.base}/api/stories/${slugOf(merged.id)}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers a preflight and a 404 a script can read', async () => {
    const preflight = await fetch(`${running.base}/api/stories/${slugOf(merged.id)}`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:9', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
    const missing = await fetch(`${running.base}/api/stories/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('links to the story page', () => {
  it('from every JSON Feed item (_bantin.story_url), Atom entry (rel="related") and RSS Nguồn line, each page answering 200', async () => {
    const json = (await (await fetch(`${running.base}/feeds/all.json`)).json()) as { items: { id: string; content_html: string; _bantin: { story_url: string } }[] };
    expect(json.items.length).toBeGreaterThan(0);
    const atom = await (await fetch(`${running.base}/feeds/all.atom`)).text();
    const rss = await (await fetch(`${running.base}/feeds/all.rss`)).text();
    for (const item of json.items) {
      const expected = `${running.base}/stories/${slugOf(item.id)}`;
      expect(item._bantin.story_url).toBe(expected);
      expect(item.content_html).toMatch(new RegExp(`<p>Nguồn: .*<a href="${expected}">Xem mọi bản đăng</a></p>$`));
      expect(atom).toContain(`<link rel="related" type="text/html" href="${expected}"/>`);
      expect(rss).toContain(`<a href="${expected}">Xem mọi bản đăng</a></p>`);
    }
    for (const item of json.items.slice(0, 5)) expect((await fetch(item._bantin.story_url)).status).toBe(200);
  });

  it('from each headline of the home page', async () => {
    const home = await (await fetch(`${running.base}/`)).text();
    const headlines = home.match(/<ol class="headlines">[\s\S]*?<\/ol>/g)!.join('');
    const items = headlines.match(/<li>/g)!.length;
    const links = [...headlines.matchAll(/<a class="story" href="([^"]+)">Các bản đăng<\/a>/g)].map((match) => match[1]!);
    expect(links).toHaveLength(items);
    for (const link of new Set(links)) {
      expect(link.startsWith(`${running.base}/stories/`)).toBe(true);
      expect((await fetch(link)).status).toBe(200);
    }
  });
});

describe('GET /search', () => {
  it('lists the stories whose title matches, each linking its story page, newest first', async () => {
    const response = await fetch(`${running.base}/search?q=${encodeURIComponent(merged.title)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("form-action 'self'");
    const page = await response.text();
    expect(page).toContain(`<a href="${running.base}/stories/${slugOf(merged.id)}">${escapeForPage(merged.title)}</a>`);
    const dates = [...page.matchAll(/<time datetime="([^"]+)"/g)].map((match) => match[1]!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('offers the box on the home page and answers an empty query with the box alone', async () => {
    const home = await (await fetch(`${running.base}/`)).text();
    expect(home).toMatch(/<form class="search" role="search" action="[^"]*\/search" method="get">/);
    const empty = await fetch(`${running.base}/search?q=`);
    expect(empty.status).toBe(200);
    expect(await empty.text()).not.toContain('<ol');
  });

  it('answers 404 for a page past the last', async () => {
    expect((await fetch(`${running.base}/search?q=${encodeURIComponent(merged.title)}&page=2`)).status).toBe(404);
  });

  it('answers 400 for a malformed page number or a repeated q', async () => {
    expect((await fetch(`${running.base}/search?q=a&page=0`)).status).toBe(400);
    expect((await fetch(`${running.base}/search?q=a&q=b`)).status).toBe(400);
  });
});

describe('GET /api/changes', () => {
  interface Changes {
    changes: { cursor: number; type: string; id: string; into?: string; at: string }[];
    next: number;
  }

  it('lists a created change for every story, in cursor order, with a cursor that survives a restart and a 304 when nothing changed', async () => {
    const response = await fetch(`${running.base}/api/changes`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const first = (await response.json()) as Changes;
    const held = await heldStories(running.config, 'all');
    expect(new Set(first.changes.filter((change) => change.type === 'created').map((change) => change.id))).toEqual(new Set(held.map((story) => story.id)));
    const cursors = first.changes.map((change) => change.cursor);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(first.next).toBe(cursors.at(-1));

    const upToDate = await fetch(`${running.base}/api/changes?since=${first.next}`);
    expect(await upToDate.json()).toEqual({ changes: [], next: first.next });
    const etag = upToDate.headers.get('etag')!;
    expect((await fetch(`${running.base}/api/changes?since=${first.next}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    await running.restart();
    const again = (await (await fetch(`${running.base}/api/changes`)).json()) as Changes;
    expect(again.changes.slice(0, first.changes.length)).toEqual(first.changes);
    expect((await fetch(`${running.base}/api/changes?since=${first.next}`)).status).toBe(200);
  }, 60_000);

  it('answers 400 for a malformed cursor and 410, naming the oldest held, for one it cannot answer', async () => {
    expect((await fetch(`${running.base}/api/changes?since=abc`)).status).toBe(400);
    expect((await fetch(`${running.base}/api/changes?since=-1`)).status).toBe(400);
    const expired = await fetch(`${running.base}/api/changes?since=999999999`);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { oldest: number }).oldest).toBe(1);
  });
});

describe('absorbed and pruned ids', () => {
  it('sends an absorbed id to the survivor with 301 and a pruned one away with 410, page and API alike', async () => {
    // Written beside the service, as `npm run ingest` would: a merge's alias and a retention tombstone.
    const other = createLowdbStore(running.config.store);
    await other.withWriteLock(async () => {
      const data: StoreData = await other.load();
      data.aliases = { ...data.aliases, [ABSORBED]: { storyId: merged.id, mergedAt: new Date().toISOString() } };
      data.tombstones = { ...data.tombstones, 'url https://127.0.0.1/tin-da-xoa': { storyId: PRUNED, seenAt: new Date().toISOString() } };
      data.lastRun = data.lastRun && { ...data.lastRun, finishedAt: new Date().toISOString() };
      await other.save(data);
    });
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 301; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await fetch(`${running.base}/api/stories/${slugOf(ABSORBED)}`, { redirect: 'manual' })).status;
    }
    expect(status).toBe(301);
    const api = await fetch(`${running.base}/api/stories/${slugOf(ABSORBED)}`, { redirect: 'manual' });
    expect(api.headers.get('location')).toBe(`${running.base}/api/stories/${slugOf(merged.id)}`);
    const page = await fetch(`${running.base}/stories/${slugOf(ABSORBED)}`, { redirect: 'manual' });
    expect(page.status).toBe(301);
    expect(page.headers.get('location')).toBe(`${running.base}/stories/${slugOf(merged.id)}`);
    expect((await fetch(`${running.base}/stories/${slugOf(PRUNED)}`)).status).toBe(410);
    const gone = await fetch(`${running.base}/api/stories/${slugOf(PRUNED)}`);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('access-control-allow-origin')).toBe('*');
  });
});

function escapeForPage(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
