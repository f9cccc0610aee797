import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeedCatalog, PublishedFeed } from '../../src/publish/feed-catalog.ts';
import { writeStaticFeeds } from '../../src/publish/write-static-feeds.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

function feed(name: string, text: string): PublishedFeed {
  const body = Buffer.from(text);
  return { name, contentType: 'text/plain', body, gzip: body, br: body, etag: '"x"', lastModified: new Date(0) };
}

function catalogOf(...feeds: PublishedFeed[]): Pick<FeedCatalog, 'feeds' | 'opml'> {
  return { feeds: new Map(feeds.map((one) => [one.name, one])), opml: feed('feeds.opml', '<opml/>') };
}

describe('writeStaticFeeds', () => {
  it('writes changed feeds only and sweeps temp files a killed writer left', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, '.all.rss.999999.tmp'), 'nửa chừng');
    expect((await writeStaticFeeds(catalogOf(feed('all.rss', 'Tin mới')), dir)).sort()).toEqual(['all.rss', 'feeds.opml']);
    expect((await readdir(dir)).sort()).toEqual(['all.rss', 'feeds.opml']);
    const before = (await stat(path.join(dir, 'all.rss'))).mtimeMs;
    expect(await writeStaticFeeds(catalogOf(feed('all.rss', 'Tin mới')), dir)).toEqual([]);
    expect((await stat(path.join(dir, 'all.rss'))).mtimeMs).toBe(before);
    expect(await writeStaticFeeds(catalogOf(feed('all.rss', 'Tin mới hơn')), dir)).toEqual(['all.rss']);
    expect(await readFile(path.join(dir, 'all.rss'), 'utf8')).toBe('Tin mới hơn');
  });
});
