/**
 * Cross-checks RSS and Atom with Python's feedparser, the parser behind many readers.
 * Skipped, naming the package, where Debian's python3-feedparser is absent; .ci/run installs it. JSON Feed is left out
 * because feedparser 6.0.x does not read it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { FeedFormat } from '../../src/publish/feed-view.ts';
import { renderFeed } from '../../src/publish/render-feed.ts';
import { DEBIAN_PYTHON } from '../helpers/debian-python.ts';
import { skipWithout } from '../helpers/required-tool.ts';
import { drugRingStory, makeView, roadAccidentStory } from './fixtures.ts';

const SCRIPT = `
import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
  "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
  "title": d.feed.get("title"),
  "ids": [e.get("id") for e in d.entries],
  "titles": [e.get("title") for e in d.entries],
}))
`;

const hasFeedparser = spawnSync(DEBIAN_PYTHON, ['-c', 'import feedparser'], { encoding: 'utf8' }).status === 0;

function parseWithFeedparser(output: string): any {
  const result = spawnSync(DEBIAN_PYTHON, ['-c', SCRIPT], { input: output, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe.skipIf(skipWithout(hasFeedparser, 'python3-feedparser', 'feedparser'))('feedparser (skipped without the Debian package python3-feedparser)', () => {
  it.each<{ format: FeedFormat; version: string }>([
    { format: 'rss', version: 'rss20' },
    { format: 'atom', version: 'atom10' },
  ])('reads $format without complaint', ({ format, version }) => {
    const parsed = parseWithFeedparser(renderFeed(format, makeView()));
    expect(parsed).toMatchObject({
      bozo: false,
      version,
      title: 'An ninh trật tự',
      ids: [drugRingStory.id, roadAccidentStory.id],
      titles: ['Công an tỉnh Hòa Bình triệt phá đường dây ma túy xuyên tỉnh', 'Tai nạn giao thông trên Quốc lộ 6, hai người bị thương'],
    });
  });
});
