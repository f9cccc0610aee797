/** Writes the published bytes to outDir so any web server or CDN can serve them too. */
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedCatalog, PublishedFeed } from './feed-catalog.ts';

// Hidden, so a web server listing or serving outDir never shows half a feed: `.all.rss.<pid>.tmp`.
const TEMP_NAME = /^\..+\.(\d+)\.tmp$/;

/** Writes each feed whose bytes differ from the file on disk; returns the names written. */
export async function writeStaticFeeds(catalog: Pick<FeedCatalog, 'feeds' | 'opml'>, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  await sweepDeadTemps(outDir);
  const written: string[] = [];
  for (const feed of [...catalog.feeds.values(), catalog.opml]) {
    if (await writeIfChanged(outDir, feed)) written.push(feed.name);
  }
  return written;
}

async function writeIfChanged(outDir: string, feed: PublishedFeed): Promise<boolean> {
  const file = path.join(outDir, feed.name);
  const current = await readFile(file).catch(() => undefined);
  if (current?.equals(feed.body)) return false;
  // Rename over the old file so a web server never serves half a feed.
  const temp = path.join(outDir, `.${feed.name}.${process.pid}.tmp`);
  await writeFile(temp, feed.body);
  await rename(temp, file);
  return true;
}

/** Removes temp files a killed writer left; the writer lock means no other live process is writing here. */
async function sweepDeadTemps(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    const match = TEMP_NAME.exec(name);
    if (match && Number(match[1]) !== process.pid) await unlink(path.join(outDir, name)).catch(() => undefined);
  }
}
