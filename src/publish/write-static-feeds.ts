/** Writes the published bytes to outDir so any web server or CDN can serve them too. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedCatalog, PublishedFeed } from './feed-catalog.ts';

/** Writes each feed whose bytes differ from the file on disk; returns the names written. */
export async function writeStaticFeeds(catalog: FeedCatalog, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const feed of [...catalog.feeds.values(), catalog.opml]) {
    if (await writeIfChanged(path.join(outDir, feed.name), feed)) written.push(feed.name);
  }
  return written;
}

async function writeIfChanged(file: string, feed: PublishedFeed): Promise<boolean> {
  const current = await readFile(file).catch(() => undefined);
  if (current?.equals(feed.body)) return false;
  // Rename over the old file so a web server never serves half a feed.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, feed.body);
  await rename(temp, file);
  return true;
}
