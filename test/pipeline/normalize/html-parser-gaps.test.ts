/**
 * htmlparser2 8.0.2 (sanitize-html's parser) looks every closing tag up in its whole stack of open
 * elements, so many unclosed tags followed by stray closing tags cost quadratic time. bantin stops a parse
 * that nests deeper than MAX_HTML_DEPTH and sanitises the text instead (src/pipeline/normalize/bounded-sanitize.ts);
 * the first test fails once htmlparser2 keeps its stack some other way, so the guard can be reconsidered.
 */
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH, sanitizeBounded } from '../../../src/pipeline/normalize/bounded-sanitize.ts';
import { measureGrowth, repeatTo } from '../../helpers/time-growth.ts';

describe('stray closing tags', () => {
  it('are still looked up in the whole stack of open elements by htmlparser2', () => {
    const scanned: number[] = [];
    const parser = new Parser({});
    const stack = (parser as unknown as { stack: string[] }).stack;
    stack.lastIndexOf = function lastIndexOf(this: string[], name: string) {
      scanned.push(this.length);
      return Array.prototype.lastIndexOf.call(this, name);
    };
    parser.end(`${'<b>'.repeat(1_000)}${'</i>'.repeat(3)}`);
    expect(scanned, 'htmlparser2 no longer scans its stack for each closing tag').toEqual([1_000, 1_000, 1_000]);
  });

  it('takes linear time behind the depth bound', async () => {
    const growth = await measureGrowth((html: string) => sanitizeBounded(html, {}), repeatTo(10_000, '<b></i>'), repeatTo(100_000, '<b></i>'), { limit: 30 });
    expect(growth.ratio).toBeLessThanOrEqual(30);
  });

  it.each([
    { name: 'at the bound', depth: MAX_HTML_DEPTH, expected: `${'<b>'.repeat(MAX_HTML_DEPTH)}sâu${'</b>'.repeat(MAX_HTML_DEPTH)}` },
    { name: 'past the bound', depth: MAX_HTML_DEPTH + 1, expected: '<p>sâu</p>' },
  ])('keeps the markup $name and only the text past it', ({ depth, expected }) => {
    expect(sanitizeBounded(`${'<b>'.repeat(depth)}sâu${'</b>'.repeat(depth)}`, { allowedTags: ['b', 'p'] })).toBe(expected);
  });
});
