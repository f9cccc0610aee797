// Replays article pages nested thousands of elements deep, which made extraction quadratic (parse5's tree building, cheerio's find/closest per ancestor).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/pipeline/extract/extract-article.ts';
import { measureGrowth } from '../helpers/time-growth.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const URL = 'https://xa.example.vn/a';
const paragraph = (i: number): string => `<p>Đoạn văn số ${i} của bài, có dấu phẩy, đủ dài để được tính là một đoạn văn bản.</p>`;
const paragraphs = (count: number): string => Array.from({ length: count }, (_, i) => paragraph(i)).join('');

const extract = (page: string) => extractArticle(page, URL, undefined, ZONE);

/** The error extracting `page` throws, if any. */
function refusalOf(page: string): Error | undefined {
  try {
    extract(page);
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/** The least time over a few calls of each page (measureGrowth), the second page's over the first's. */
async function costRatio(first: string, second: string, limit: number): Promise<number> {
  return (await measureGrowth((page: string) => refusalOf(page), first, second, { limit })).ratio;
}

describe('an article page nested thousands of elements deep', () => {
  it('is refused as too deep, in about the time a flat page of as many elements takes', async () => {
    const count = 30_000;
    const flat = `<h1>Tiêu đề</h1>${'<div></div>'.repeat(count)}${paragraph(0)}`;
    const nested = `<h1>Tiêu đề</h1>${'<div>'.repeat(count)}${paragraph(0)}`;
    expect(refusalOf(flat)).toBeUndefined();
    expect(refusalOf(nested)?.message).toBe('page nested more than 256 elements deep');
    expect(await costRatio(flat, nested, 3)).toBeLessThanOrEqual(3);
  }, 120_000);

  it('reads a page of many paragraphs under 250 wrappers in a time close to the same paragraphs unwrapped', async () => {
    const count = 5_000;
    const flat = `<h1>Tiêu đề</h1><div>${paragraphs(count)}</div>`;
    const wrapped = `<h1>Tiêu đề</h1>${'<div class="khung">'.repeat(250)}${paragraphs(count)}${'</div>'.repeat(250)}`;
    expect(refusalOf(flat) ?? refusalOf(wrapped)).toBeUndefined();
    expect(await costRatio(flat, wrapped, 6)).toBeLessThanOrEqual(6);
  }, 300_000);

  it('reads a page of tens of thousands of sibling elements without <html> in time proportional to its size', async () => {
    const page = (count: number) => `<h1>Tiêu đề</h1>${'<div></div>'.repeat(count)}${paragraph(0)}`;
    expect(refusalOf(page(3_000)) ?? refusalOf(page(30_000))).toBeUndefined();
    // Ten times the elements: about ten times the work, not a hundred.
    expect(await costRatio(page(3_000), page(30_000), 30)).toBeLessThanOrEqual(30);
  }, 300_000);
});
