// Replays real portals' photo stories, bare notices and batch-stamped reports through the W3C rules: bantin's feeds must carry no warning it can honestly avoid.
import { describe, expect, it } from 'vitest';
import { ingestFixtureFeeds } from '../helpers/ingest-fixture-feed.ts';
import { checkAtom } from '../publish/feed-rules/atom-rules.ts';
import { checkRss } from '../publish/feed-rules/rss-rules.ts';
import { parseXml } from '../publish/xml-checks.ts';

const rules = { location: 'http://bantin.test/feeds/all.rss', now: new Date('2026-11-30T00:00:00Z') };
const atomRules = { ...rules, location: 'http://bantin.test/feeds/all.atom' };

describe('NeedDescriptionBeforeContent', () => {
  it('never fires: an item with no text of its own gets a description from its content, before content:encoded', async () => {
    const result = await ingestFixtureFeeds({ 'lang-son': 'rss2-photo-only-items.xml' }, new Date('2026-11-21T12:00:00Z'));
    const rss = result.feed('all.rss');
    expect(await checkRss(rss, rules)).toEqual([]);
    const items = (await parseXml(rss)).rss.channel[0].item as any[];
    expect(items).toHaveLength(2);
    for (const item of items) {
      // What the published content says beside its images: the portal that carried it.
      expect(item.description).toEqual(['Nguồn: lang-son']);
      expect(item['content:encoded'][0]).toContain('<p>Nguồn: <a href="https://langson.example.gov.vn/');
    }
    const photoStory = items.find((item) => item.link[0].endsWith('-8801.html'));
    expect(photoStory['content:encoded'][0]).toContain('<img src="https://langson.example.gov.vn/Uploads/2026/11/21/cho-phien-1.jpg"');
    expect(await checkAtom(result.feed('all.atom'), atomRules)).toEqual([]);
    expect(JSON.parse(result.feed('all.json')).items.map((item: any) => item.summary)).toEqual(['Nguồn: lang-son', 'Nguồn: lang-son']);
  });
});

describe('DuplicateUpdated', () => {
  it('does not fire where the source gave distinct dates (the ASP.NET feed once dated by the ingestion time)', async () => {
    const now = new Date('2026-09-15T03:00:00.000Z');
    const result = await ingestFixtureFeeds({ 'chinh-phu': 'rss2-aspnet-month-first.xml' }, now);
    const atom = result.feed('all.atom');
    const updated = ((await parseXml(atom)).feed.entry as any[]).map((entry) => entry.updated[0]);
    expect(new Set(updated).size).toBe(4);
    expect(await checkAtom(atom, { ...atomRules, now })).toEqual([]);
  });

  it('fires only where two stories truly share their source\'s instant, which bantin keeps rather than invent a distinct one', async () => {
    const result = await ingestFixtureFeeds({ 'lang-son': 'rss2-same-minute-batch.xml' }, new Date('2026-11-23T04:00:00Z'));
    const atom = result.feed('all.atom');
    const entries = (await parseXml(atom)).feed.entry as any[];
    expect(entries.map((entry) => [entry.published[0], entry.updated[0]])).toEqual([
      ['2026-11-23T01:00:00.000Z', '2026-11-23T01:00:00.000Z'],
      ['2026-11-23T01:00:00.000Z', '2026-11-23T01:00:00.000Z'],
    ]);
    expect((await checkAtom(atom, atomRules)).map((problem) => problem.rule)).toEqual(['DuplicateUpdated']);
    expect(await checkRss(result.feed('all.rss'), rules)).toEqual([]);
  });
});
