/**
 * Real feed readers read every feed the running service serves: Python's feedparser (the
 * parser behind many readers and planets) and newsboat (a terminal reader that reloads over
 * HTTP into its own sqlite cache). Both come from Debian (`python3-feedparser`, `newsboat`),
 * which .ci/run installs; where one is missing its tests skip, naming the package.
 * feedparser 6.0.x cannot read JSON Feed, and newsboat 2.21 neither, so JSON is left to the schema.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBIAN_PYTHON } from '../helpers/debian-python.ts';
import { categoryIds, heldStories, startDemoService, type DemoService, type HeldStory } from '../helpers/running-service.ts';
import { skipWithout } from '../helpers/required-tool.ts';

const FORMATS = ['rss', 'atom'] as const;
const hasFeedparser = spawnSync(DEBIAN_PYTHON, ['-c', 'import feedparser'], { encoding: 'utf8' }).status === 0;
const hasNewsboat = spawnSync('newsboat', ['--version'], { encoding: 'utf8' }).status === 0 && spawnSync(DEBIAN_PYTHON, ['-c', 'import sqlite3']).status === 0;

let running: DemoService;
const held = new Map<string, HeldStory[]>();

beforeAll(async () => {
  running = await startDemoService();
  for (const id of categoryIds(running.config)) held.set(id, (await heldStories(running.config, id)).slice(0, running.config.feedSize));
});
afterAll(() => running?.close());

/** Every served RSS and Atom feed: category × format. */
function feedUrls(): { categoryId: string; format: (typeof FORMATS)[number]; url: string }[] {
  return categoryIds(running.config).flatMap((categoryId) => FORMATS.map((format) => ({ categoryId, format, url: `${running.base}/feeds/${categoryId}.${format}` })));
}

/** Runs a Python script with Debian's interpreter, JSON in and out. */
function runPython(script: string, input: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(DEBIAN_PYTHON, ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`python exited ${code}: ${stderr}`))));
    child.stdin.end(JSON.stringify(input));
  });
}

// Fetches each feed over HTTP as feedparser does for a reader, then again with the validators it got back.
const FEEDPARSER_SCRIPT = `
import sys, json, feedparser
out = []
for url in json.load(sys.stdin):
    d = feedparser.parse(url)
    again = feedparser.parse(url, etag=d.get('etag'), modified=d.get('modified'))
    out.append({
        'url': url, 'status': d.get('status'), 'bozo': bool(d.bozo), 'error': str(d.get('bozo_exception', '')),
        'version': d.version, 'encoding': d.get('encoding'), 'language': d.feed.get('language'),
        'content_encoding': d.headers.get('content-encoding'),
        'ids': [e.get('id') for e in d.entries], 'titles': [e.get('title') for e in d.entries], 'links': [e.get('link') for e in d.entries],
        'second_status': again.get('status'), 'second_entries': len(again.entries),
    })
print(json.dumps(out))
`;

describe.skipIf(skipWithout(hasFeedparser, 'python3-feedparser', 'feed-clients feedparser'))('python3-feedparser (Debian package python3-feedparser)', () => {
  it('reads every category in RSS and Atom without bozo, with the stories, titles and links bantin holds, and polls with 304', async () => {
    const feeds = feedUrls();
    const results: any[] = await runPython(FEEDPARSER_SCRIPT, feeds.map((feed) => feed.url));
    feeds.forEach(({ categoryId, format }, index) => {
      const result = results[index];
      const stories = held.get(categoryId)!;
      expect(result, result.url).toMatchObject({
        status: 200,
        bozo: false,
        error: '',
        version: format === 'rss' ? 'rss20' : 'atom10',
        encoding: 'utf-8',
        language: 'vi',
        ids: stories.map((story) => story.id),
        titles: stories.map((story) => story.title),
        links: stories.map((story) => new URL(story.url).href),
        second_status: 304,
        second_entries: 0,
      });
      expect(['gzip', 'br']).toContain(result.content_encoding);
    });
    expect(results).toHaveLength(categoryIds(running.config).length * FORMATS.length);
  });
});

const NEWSBOAT_CACHE_SCRIPT = `
import sys, json, sqlite3
out = []
for job in json.load(sys.stdin):
    db = sqlite3.connect(job['cache'])
    feeds = db.execute('select rssurl, title from rss_feed').fetchall()
    items = db.execute('select title, url, guid from rss_item where feedurl = ? and deleted = 0', (job['url'],)).fetchall()
    out.append({'feeds': feeds, 'titles': [i[0] for i in items], 'urls': [i[1] for i in items], 'guids': [i[2] for i in items]})
    db.close()
print(json.dumps(out))
`;

/** `newsboat -x reload` with its own HOME, config, urls file and cache, as a subscriber's first run. */
function reloadWithNewsboat(dir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('newsboat', ['-u', 'urls', '-c', 'cache.db', '-C', 'config', '-x', 'reload'], {
      cwd: dir,
      env: { HOME: dir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.skipIf(skipWithout(hasNewsboat, 'newsboat', 'feed-clients newsboat'))('newsboat (Debian package newsboat)', () => {
  it('reloads every category in RSS and Atom from the running service into its cache with the stories bantin holds', async () => {
    // One cache per feed: newsboat keys items by guid across feeds, and a story is in several feeds.
    const jobs = await Promise.all(
      feedUrls().map(async (feed, index) => {
        const dir = path.join(running.dir, 'newsboat', String(index));
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, 'urls'), `${feed.url}\n`);
        await writeFile(path.join(dir, 'config'), 'download-retries 1\ndownload-timeout 10\n');
        return { ...feed, dir, cache: path.join(dir, 'cache.db') };
      }),
    );
    const runs = await Promise.all(jobs.map((job) => reloadWithNewsboat(job.dir)));
    runs.forEach((run, index) => expect(run, jobs[index]!.url).toEqual({ code: 0, stderr: '' }));
    const caches: any[] = await runPython(NEWSBOAT_CACHE_SCRIPT, jobs.map((job) => ({ cache: job.cache, url: job.url })));
    jobs.forEach((job, index) => {
      const stories = held.get(job.categoryId)!;
      const title = job.categoryId === 'all' ? 'Tất cả tin' : running.config.categories.find((category) => category.id === job.categoryId)!.title;
      expect(caches[index].feeds, job.url).toEqual([[job.url, title]]);
      expect([...caches[index].guids].sort(), job.url).toEqual(stories.map((story) => story.id).sort());
      expect([...caches[index].titles].sort(), job.url).toEqual(stories.map((story) => story.title).sort());
    });
  });
});
