/**
 * rss-parser 3.13.0 strips the tags of every description (its `contentSnippet`) with lazy regexes that
 * rescan to the end of the text from each unclosed `<`: quadratic time. bantin switches the snippet off
 * (src/pipeline/parse/rss-parser-snippets.ts); this fails once rss-parser's stripping is linear, so the
 * workaround can go.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/pipeline/parse/parse-feed.ts';
import { measureGrowth, repeatTo } from '../../helpers/time-growth.ts';

const rssParserUtils = createRequire(import.meta.url)('rss-parser/lib/utils.js') as { stripHtml(html: string): string; getSnippet(html: string): string };

describe('rss-parser snippets', () => {
  it('are still worked out by rss-parser in quadratic time on unclosed tags', async () => {
    // Twenty times the input: linear work takes about 20× the time, quadratic about 400×.
    const growth = await measureGrowth(rssParserUtils.stripHtml, repeatTo(1_000, '<p '), repeatTo(20_000, '<p '), { limit: 100, largeSamples: 1, attempts: 1 });
    expect(growth.ratio, 'rss-parser strips tags in linear time now: rss-parser-snippets.ts can go').toBeGreaterThan(100);
  });

  it('are not worked out when bantin parses a feed', async () => {
    await parseFeed('<rss version="2.0"><channel><item><title>Tin</title><description>&lt;p tin</description></item></channel></rss>');
    expect(rssParserUtils.getSnippet('<p>Tin</p>')).toBe('');
  });
});
