// Stores written before copies lost their `text` field (it is derived from contentHtml now) still
// merge, categorise and publish exactly as stores written today, over the shipped demo feeds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../src/config/load-config.ts';
import { dropLegacyCopyFields } from '../../src/model/story.ts';
import type { Copy, Story } from '../../src/model/types.ts';
import { createCategorizer, fileStory } from '../../src/pipeline/categorize/categorize-story.ts';
import { collectSource } from '../../src/pipeline/collect-source.ts';
import { mergeCopies } from '../../src/pipeline/merge/merge-copies.ts';
import { copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { htmlToText } from '../../src/pipeline/normalize/sanitize-content.ts';
import { buildStoryEntry } from '../../src/publish/story-entry.ts';

const config = loadConfig(DEFAULT_CONFIG_PATH);
const sources = new Map(config.sources.map((source) => [source.id, source]));
const NOW = new Date('2026-11-25T12:00:00.000Z');

async function demoCopies(sourceId: string): Promise<Copy[]> {
  const outcome = await collectSource(sources.get(sourceId)!, undefined, { timeoutMs: 5000, maxBytes: 1e7, maxItems: 500, userAgent: 'test', now: NOW });
  if (!outcome.ok || outcome.notModified) throw new Error(`demo source ${sourceId} did not load`);
  return outcome.copies;
}

/** One cycle's merge and categorisation, with story ids that do not depend on chance. */
function ingest(stories: Story[], copies: readonly Copy[]): void {
  let serial = stories.length;
  mergeCopies(stories, copies, { now: NOW, sources, tombstones: {}, newStoryId: () => `urn:uuid:story-${++serial}` });
  const categorize = createCategorizer(config.categories, config.sources);
  for (const story of stories) fileStory(story, categorize);
}

/** The store file as a version that stored each copy's text beside its HTML would have written it. */
function withLegacyText(json: string): Story[] {
  const stories = JSON.parse(json) as Story[];
  for (const story of stories) for (const copy of story.copies) Object.assign(copy, { text: htmlToText(copy.contentHtml) });
  return stories;
}

/** The stories with each copy's legacy `text` left out (a copy's match record has a `text` of its own, kept). */
function withoutText(stories: Story[]): unknown {
  const copies = stories.map((story) => ({ ...story, copies: story.copies.map(({ text: _text, ...copy }: Copy & { text?: string }) => copy) }));
  return JSON.parse(JSON.stringify(copies));
}

describe('a store written with each copy\'s text beside its HTML', () => {
  it('merges, categorises and publishes as a store written without it', async () => {
    const first = await demoCopies('bao-tinh');
    const later = [...(await demoCopies('cong-thong-tin-tinh')), ...(await demoCopies('cong-an-tinh'))];
    const stored: Story[] = [];
    ingest(stored, first);
    const file = JSON.stringify(stored);

    const current = JSON.parse(file) as Story[];
    const legacy = withLegacyText(file);
    for (const story of legacy) for (const copy of story.copies) expect(copyText(copy)).toBe((copy as Copy & { text: string }).text);
    ingest(current, later);
    ingest(legacy, later);

    expect(current).toHaveLength(29);
    expect(current.map((story) => story.copies.length).filter((count) => count > 1).sort().reverse()).toEqual([3, 2, 2, 2]);
    expect(withoutText(legacy)).toEqual(current);
    const view = { sources, baseUrl: config.baseUrl, categoryTitles: new Map(config.categories.map((category) => [category.id, category.title])) };
    expect(legacy.map((story) => buildStoryEntry(story, view))).toEqual(current.map((story) => buildStoryEntry(story, view)));
  });

  it('is saved without the text once dropLegacyCopyFields has read it', () => {
    const stored: Story[] = [{ id: 'urn:uuid:a', categories: [], datePublished: NOW.toISOString(), dateModified: NOW.toISOString(), copies: [] }];
    stored[0]!.copies.push({
      sourceId: 'bao-tinh', key: 'guid:1', url: 'https://bao.example.vn/1', title: 'Khánh thành cầu Hoà Bình',
      contentHtml: '<p>Cầu dài 520&nbsp;m &amp; rộng 20 m.</p>', datePublished: NOW.toISOString(), sourceCategories: [], firstSeenAt: NOW.toISOString(),
    });
    const legacy = withLegacyText(JSON.stringify(stored));
    expect(JSON.stringify(legacy)).toContain('"text":"Cầu dài 520');
    for (const story of legacy) dropLegacyCopyFields(story);
    expect(JSON.stringify(legacy)).toBe(JSON.stringify(stored));
  });
});
