import { describe, expect, it } from 'vitest';
import type { Config, Story, StoreData } from '../../src/model/types.ts';
import { buildFeedCatalog, type FeedCatalog } from '../../src/publish/feed-catalog.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { makeCopy, makeSource } from '../helpers/make-copy.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const config: Config = makeTestConfig('/nonexistent', {
  feedSize: 2,
  fetchTimeoutSeconds: 20,
  categories: [
    { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: [] },
    { id: 'y-te', title: 'Y tế', keywords: [] },
  ],
  sources: [makeSource('cong-an-tinh', { name: 'Công an tỉnh' })],
});

function story(day: number, categories = ['an-ninh-trat-tu']): Story {
  const date = `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
  const id = `urn:uuid:00000000-0000-4000-8000-0000000000${String(day).padStart(2, '0')}`;
  return { id, categories, datePublished: date, dateModified: date, copies: [makeCopy({ sourceId: 'cong-an-tinh', key: `guid:${day}`, title: `Tin an ninh ngày ${day}/11`, datePublished: date })] };
}

function storeWith(stories: Story[]): StoreData {
  return { ...createEmptyStoreData(), stories };
}

interface JsonPage {
  items: { id: string }[];
  next_url?: string;
}

describe('buildFeedCatalog', async () => {
  it('pages older stories with stable pages and 404-able ends', async () => {
    const catalog = await buildFeedCatalog(storeWith([story(20), story(21), story(22), story(23), story(24)]), config, new Date('2026-11-25T00:00:00Z'));
    const pageOf = (page: number) => catalog.page('an-ninh-trat-tu', 'json', page);
    const first = JSON.parse(pageOf(1)!.body.toString()) as JsonPage;
    const second = JSON.parse(pageOf(2)!.body.toString()) as JsonPage;
    const third = JSON.parse(pageOf(3)!.body.toString()) as JsonPage;
    expect(first.items.map((item) => item.id.slice(-2))).toEqual(['24', '23']);
    expect(second.items.map((item) => item.id.slice(-2))).toEqual(['22', '21']);
    expect(third.items.map((item) => item.id.slice(-2))).toEqual(['20']);
    expect(first.next_url).toBe('http://bantin.test/feeds/an-ninh-trat-tu.json?page=2');
    expect(third.next_url).toBeUndefined();
    expect(pageOf(4)).toBeUndefined();
    expect(pageOf(0)).toBeUndefined();
    expect(catalog.page('y-te', 'rss', 1)).toBeDefined();
    expect(catalog.page('y-te', 'rss', 2)).toBeUndefined();
    expect(catalog.page('khong-co', 'rss', 1)).toBeUndefined();
    expect(catalog.page('an-ninh-trat-tu', 'rss', 2)!.body.toString()).toContain('rel="previous"');
    expect(pageOf(2)).toBe(pageOf(2));
  });

  it('moves a later page’s Last-Modified when a story on it changes while page 1 stays the same', async () => {
    const data = storeWith([story(20), story(21), story(22), story(23)]);
    const before = await buildFeedCatalog(data, config, new Date('2026-11-25T00:00:00Z'));
    const pageBefore = before.page('an-ninh-trat-tu', 'rss', 2)!;
    const edited = data.stories.find((candidate) => candidate.id.endsWith('21'))!;
    edited.copies[0]!.title = 'Tin an ninh ngày 21/11 (đã cập nhật)';
    edited.dateModified = '2026-11-26T08:00:00.000Z';
    const after = await buildFeedCatalog(data, config, new Date('2026-11-26T09:00:00Z'));
    expect(after.feeds.get('an-ninh-trat-tu.rss')!.etag).toBe(before.feeds.get('an-ninh-trat-tu.rss')!.etag);
    const pageAfter = after.page('an-ninh-trat-tu', 'rss', 2)!;
    expect(pageAfter.etag).not.toBe(pageBefore.etag);
    expect(pageAfter.lastModified.getTime()).toBeGreaterThan(pageBefore.lastModified.getTime());
  });

  it('moves later pages’ Last-Modified when retention has dropped stories', async () => {
    const data = storeWith([story(20), story(21), story(22), story(23)]);
    const before = (await buildFeedCatalog(data, config, new Date('2026-11-25T00:00:00Z'))).page('an-ninh-trat-tu', 'json', 2)!;
    data.stories = data.stories.filter((candidate) => !candidate.id.endsWith('20'));
    data.prunedAt = '2026-11-27T00:00:00.000Z';
    const after = (await buildFeedCatalog(data, config, new Date('2026-11-27T00:00:00Z'))).page('an-ninh-trat-tu', 'json', 2)!;
    expect(after.etag).not.toBe(before.etag);
    expect(after.lastModified.toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('keeps ETag and Last-Modified while the bytes stay, and moves Last-Modified forward when they change', async () => {
    const data = storeWith([story(20), story(21)]);
    const first = (await buildFeedCatalog(data, config, new Date('2026-11-25T00:00:00Z'))).feeds.get('an-ninh-trat-tu.rss')!;
    const same = (await buildFeedCatalog(data, config, new Date('2026-11-26T00:00:00Z'))).feeds.get('an-ninh-trat-tu.rss')!;
    expect(same.etag).toBe(first.etag);
    expect(same.lastModified).toEqual(first.lastModified);
    expect(same.body.equals(first.body)).toBe(true);
    data.stories.push(story(22));
    // A clock that went backwards still may not make Last-Modified go back.
    const changed = (await buildFeedCatalog(data, config, new Date('2026-11-24T00:00:00Z'))).feeds.get('an-ninh-trat-tu.rss')!;
    expect(changed.etag).not.toBe(first.etag);
    expect(changed.lastModified.getTime()).toBe(first.lastModified.getTime() + 1000);
  });

  it('dates a category without stories by the newest story of the store, never 1970', async () => {
    const catalog = await buildFeedCatalog(storeWith([story(20), story(21)]), config, new Date('2026-11-25T00:00:00Z'));
    expect(catalog.feeds.get('y-te.rss')!.body.toString()).toContain('<lastBuildDate>Sat, 21 Nov 2026 02:00:00 GMT</lastBuildDate>');
    expect(catalog.feeds.get('y-te.atom')!.body.toString()).toContain('<updated>2026-11-21T02:00:00.000Z</updated>');
  });

  it('publishes every category, the all feed in three formats, and OPML', async () => {
    const catalog = await buildFeedCatalog(storeWith([story(20), story(21, ['y-te'])]), config, new Date());
    expect([...catalog.feeds.keys()].sort()).toEqual(
      ['all', 'an-ninh-trat-tu', 'y-te'].flatMap((id) => ['atom', 'json', 'rss'].map((format) => `${id}.${format}`)),
    );
    expect(catalog.categories.find((listing) => listing.id === 'all')!.stories).toHaveLength(2);
    expect(catalog.opml.body.toString()).toContain('xmlUrl="http://bantin.test/feeds/y-te.rss"');
  });
});

describe('buildFeedCatalog with the previous catalog', () => {
  const names = ['all.rss', 'an-ninh-trat-tu.json', 'y-te.atom', 'feeds.opml'];
  const bodyOf = (catalog: FeedCatalog, name: string) => (name === 'feeds.opml' ? catalog.opml : catalog.feeds.get(name)!).body;

  it('hands back the very same bytes, compressed forms and validators when no story changed', async () => {
    const data = storeWith([story(20), story(21, ['y-te'])]);
    const previous = await buildFeedCatalog(data, config, new Date('2026-11-25T00:00:00Z'));
    data.feeds = {};
    const next = await buildFeedCatalog(data, config, new Date('2026-11-26T00:00:00Z'), { previous, touched: new Set() });
    for (const name of names) expect(bodyOf(next, name), name).toBe(bodyOf(previous, name));
    expect(next.feeds.get('all.rss')!.br).toBe(previous.feeds.get('all.rss')!.br);
    // The validators served so far are recorded again, so the next change moves Last-Modified from them.
    expect(data.feeds['all.rss']).toEqual({ etag: previous.feeds.get('all.rss')!.etag, lastModified: '2026-11-25T00:00:00.000Z' });
  });

  it('renders again exactly the feeds that show a touched, added, re-filed or dropped story', async () => {
    const security = story(20);
    const health = story(21, ['y-te']);
    const data = storeWith([security, health]);
    const previous = await buildFeedCatalog(data, config, new Date('2026-11-25T00:00:00Z'));

    security.copies[0]!.title = 'Tin an ninh ngày 20/11 (đã cập nhật)';
    const touched = await buildFeedCatalog(data, config, new Date('2026-11-25T01:00:00Z'), { previous, touched: new Set([security]) });
    expect(touched.feeds.get('an-ninh-trat-tu.rss')!.body).not.toBe(previous.feeds.get('an-ninh-trat-tu.rss')!.body);
    expect(touched.feeds.get('an-ninh-trat-tu.rss')!.body.toString()).toContain('đã cập nhật');
    expect(touched.feeds.get('all.json')!.body).not.toBe(previous.feeds.get('all.json')!.body);
    expect(touched.feeds.get('y-te.rss')!.body).toBe(previous.feeds.get('y-te.rss')!.body);

    health.categories = ['y-te', 'an-ninh-trat-tu'];
    const refiled = await buildFeedCatalog(data, config, new Date('2026-11-25T02:00:00Z'), { previous: touched, touched: new Set() });
    expect(refiled.feeds.get('y-te.rss')!.body).not.toBe(touched.feeds.get('y-te.rss')!.body);
    expect(refiled.feeds.get('y-te.rss')!.body.toString()).toContain('An ninh trật tự');

    data.stories = [security];
    const dropped = await buildFeedCatalog(data, config, new Date('2026-11-25T03:00:00Z'), { previous: refiled, touched: new Set() });
    expect(dropped.feeds.get('y-te.rss')!.body.toString()).not.toContain('ngày 21/11');
  });

  it('keeps a feed only while the store holds its validators: another process’s are the ones every process serves', async () => {
    const data = storeWith([story(20), story(21, ['y-te'])]);
    const previous = await buildFeedCatalog(data, config, new Date('2026-11-25T00:00:00Z'));
    // Another process saved the same bytes under the Last-Modified it rendered them at first.
    const theirs = { etag: previous.feeds.get('y-te.rss')!.etag, lastModified: '2026-11-24T23:00:00.000Z' };
    data.feeds['y-te.rss'] = theirs;
    const next = await buildFeedCatalog(data, config, new Date('2026-11-26T00:00:00Z'), { previous, touched: new Set() });
    expect(next.feeds.get('y-te.rss')!.body).not.toBe(previous.feeds.get('y-te.rss')!.body);
    expect(next.feeds.get('y-te.rss')!.lastModified.toISOString()).toBe(theirs.lastModified);
    expect(next.feeds.get('all.rss')!.body).toBe(previous.feeds.get('all.rss')!.body);
  });

  it('renders everything again for stories loaded afresh, even if equal', async () => {
    const data = storeWith([story(20)]);
    const previous = await buildFeedCatalog(data, config, new Date('2026-11-25T00:00:00Z'));
    const reloaded = { ...data, stories: structuredClone(data.stories) };
    const next = await buildFeedCatalog(reloaded, config, new Date('2026-11-26T00:00:00Z'), { previous, touched: new Set() });
    expect(next.feeds.get('an-ninh-trat-tu.rss')!.body).not.toBe(previous.feeds.get('an-ninh-trat-tu.rss')!.body);
    expect(next.feeds.get('an-ninh-trat-tu.rss')!.etag).toBe(previous.feeds.get('an-ninh-trat-tu.rss')!.etag);
  });
});
