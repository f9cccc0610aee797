/**
 * Properties every format must hold, each guarding a known gap of `feed` 6.0.0 (and the
 * xml-js it writes with): stable bytes without the clock, control characters, several `]]>`
 * in content, bad dates; and the `urn:uuid:` ids every format must carry.
 */
import Parser from 'rss-parser';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/model/types.ts';
import type { FeedFormat } from '../../src/publish/feed-view.ts';
import { renderFeed } from '../../src/publish/render-feed.ts';
import { drugRingStory, makeCopy, makeView, SOURCES } from './fixtures.ts';
import { expectWellFormedXml } from './xml-checks.ts';

interface ReadBack {
  updated?: string;
  items: { id?: string; title?: string; content?: string; published?: string }[];
}

/** Reads any format back to the fields these tests compare. */
async function readBack(format: FeedFormat, output: string): Promise<ReadBack> {
  if (format === 'json') {
    const feed = JSON.parse(output);
    return {
      items: feed.items.map((item: any) => ({ id: item.id, title: item.title, content: item.content_html, published: item.date_published })),
    };
  }
  expectWellFormedXml(output);
  const feed: any = await new Parser().parseString(output);
  return {
    updated: new Date(feed.lastBuildDate).toISOString(),
    items: feed.items.map((item: any) => ({
      id: item.guid ?? item.id,
      title: item.title,
      content: format === 'rss' ? item['content:encoded'] : item.content,
      published: item.isoDate,
    })),
  };
}

function storyWith(copy: Parameters<typeof makeCopy>[0], story: Partial<Story> = {}): Story {
  return { ...drugRingStory, copies: [makeCopy(copy)], ...story };
}

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

describe.each(FORMATS)('renderFeed %s', (format) => {
  it('renders identical bytes for the same input, whatever the clock says', async () => {
    const first = renderFeed(format, makeView());
    await sleep(20);
    expect(renderFeed(format, makeView())).toBe(first);
  });

  it('takes the feed updated time from the newest story, not the clock', async () => {
    const feed = await readBack(format, renderFeed(format, makeView()));
    if (format !== 'json') expect(feed.updated).toBe('2024-05-02T03:00:00.000Z');
  });

  it('renders an empty feed dated at the fixed epoch', async () => {
    const output = renderFeed(format, makeView({ stories: [] }));
    const feed = await readBack(format, output);
    expect(feed.items).toEqual([]);
    if (format !== 'json') expect(feed.updated).toBe('1970-01-01T00:00:00.000Z');
  });

  it('dates an empty feed by the newest change in the store, which the W3C validator finds plausible', async () => {
    const feed = await readBack(format, renderFeed(format, makeView({ stories: [], updatedWhenEmpty: '2024-05-02T03:00:00Z' })));
    if (format !== 'json') expect(feed.updated).toBe('2024-05-02T03:00:00.000Z');
  });

  it('strips C0 control characters from titles, content and source names', async () => {
    const story = storyWith({
      sourceId: 'congan-hoabinh',
      title: 'Bắt\u0000 giữ\u0008 đối\u000B tượng\u001F',
      contentHtml: '<p>Đêm\u0001 qua,\tcông an\r\nđã bắt\u0007 giữ.</p>',
    });
    const police = SOURCES.get('congan-hoabinh')!;
    const sources = new Map([[police.id, { ...police, name: 'Công an\u0002 tỉnh\u001B Hòa Bình' }]]);
    const output = renderFeed(format, makeView({ stories: [story], sources }));
    const [item] = (await readBack(format, output)).items;
    expect(item?.title).toBe('Bắt giữ đối tượng');
    expect(item?.content).toContain('<p>Đêm qua,\tcông an');
    expect(item?.content).toContain('>Công an tỉnh Hòa Bình</a> · <a href=');
    expect(output).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\\u00[01][0-9a-f]/);
  });

  it('keeps content holding several "]]>" intact and the document well-formed', async () => {
    const contentHtml = '<p>Mã: a]]>b</p><pre>x]]>y]]></pre>';
    const output = renderFeed(format, makeView({ stories: [storyWith({ sourceId: 'bao-hoabinh', contentHtml })] }));
    const [item] = (await readBack(format, output)).items;
    expect(item?.content?.startsWith(contentHtml)).toBe(true);
  });

  it('publishes the urn:uuid story id as the entry id', async () => {
    const [item] = (await readBack(format, renderFeed(format, makeView()))).items;
    expect(item?.id).toBe('urn:uuid:6f1c2b3a-9d4e-4f5a-8b7c-1a2b3c4d5e6f');
  });

  it('falls back to a usable date instead of throwing on an invalid one', async () => {
    const broken = storyWith(
      { sourceId: 'bao-hoabinh', datePublished: 'Thứ Ba' },
      { datePublished: '32/13/2024', dateModified: '2024-05-03T00:00:00Z' },
    );
    const hopeless = storyWith({ sourceId: 'bao-hoabinh', datePublished: 'x' }, { datePublished: 'y', dateModified: 'z' });
    const items = (await readBack(format, renderFeed(format, makeView({ stories: [broken, hopeless] })))).items;
    expect(items.map((item) => new Date(item.published ?? '').toISOString())).toEqual([
      '2024-05-03T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
    ]);
  });

  it('publishes decomposed Vietnamese as NFC', async () => {
    const title = 'Thủy điện Hòa Bình mở thêm cửa xả đáy';
    const story = storyWith({ sourceId: 'hoabinh-gov', title: title.normalize('NFD') });
    const output = renderFeed(format, makeView({ stories: [story] }));
    expect(output).toBe(output.normalize('NFC'));
    expect((await readBack(format, output)).items[0]?.title).toBe(title.normalize('NFC'));
  });

  it('renders a story without copies or with a relative image without throwing', async () => {
    const bare: Story = { ...drugRingStory, copies: [] };
    const relativeImage = storyWith({ sourceId: 'hoabinh-gov', imageUrl: '/uploads/anh.jpg' });
    const output = renderFeed(format, makeView({ stories: [bare, relativeImage] }));
    expect((await readBack(format, output)).items).toHaveLength(2);
    expect(output).not.toContain('anh.jpg');
  });
});
