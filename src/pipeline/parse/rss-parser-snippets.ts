/**
 * Switches off rss-parser's `contentSnippet`, which bantin never reads: rss-parser strips the tags of
 * every description and content with lazy regexes (`<(?:.|\n)*?>`) that rescan to the end of the text
 * from each `<` left unclosed, so one description of unclosed tags costs quadratic time (100 KB: seconds).
 * test/pipeline/parse/rss-parser-gaps.test.ts fails once rss-parser's own stripping is linear.
 */
import { createRequire } from 'node:module';

interface RssParserUtils {
  getSnippet(html: string): string;
}

const rssParserUtils = createRequire(import.meta.url)('rss-parser/lib/utils.js') as RssParserUtils;

function noSnippet(): string {
  return '';
}

/** Makes rss-parser skip its snippets; rss-parser looks the function up on each item, so this holds for every parser. */
export function skipRssParserSnippets(): void {
  rssParserUtils.getSnippet = noSnippet;
}
