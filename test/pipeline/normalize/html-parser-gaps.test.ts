/**
 * htmlparser2 8.0.2 (sanitize-html's parser) looks every closing tag up in its whole stack of open
 * elements, so many unclosed tags followed by stray closing tags cost quadratic time. bantin stops a parse
 * that nests deeper than MAX_HTML_DEPTH and sanitises the text instead (src/pipeline/normalize/bounded-sanitize.ts);
 * this fails once htmlparser2 itself is linear there, so the bound is only a rule of content, not a guard.
 */
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH, sanitizeBounded } from '../../../src/pipeline/normalize/bounded-sanitize.ts';
import { measureGrowth, repeatTo } from '../../helpers/time-growth.ts';

describe('sanitize-html on stray closing tags', () => {
  it('still takes quadratic time in htmlparser2', async () => {
    const growth = await measureGrowth((html: string) => sanitizeHtml(html), repeatTo(10_000, '<b></i>'), repeatTo(100_000, '<b></i>'), { limit: 30, largeSamples: 1 });
    expect(growth.ratio, 'htmlparser2 closes tags in linear time now').toBeGreaterThan(30);
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
