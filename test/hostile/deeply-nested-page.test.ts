// Replays article pages nested thousands of elements deep, which made extraction quadratic (parse5's tree building, cheerio's find/closest per ancestor).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/pipeline/extract/extract-article.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const paragraph = (i: number): string => `<p>Đoạn văn số ${i} của bài, có dấu phẩy, đủ dài để được tính là một đoạn văn bản.</p>`;
const paragraphs = (count: number): string => Array.from({ length: count }, (_, i) => paragraph(i)).join('');

function timed(run: () => unknown): { ms: number; error?: Error } {
  const started = performance.now();
  try {
    run();
    return { ms: performance.now() - started };
  } catch (error) {
    return { ms: performance.now() - started, error: error as Error };
  }
}

describe('an article page nested thousands of elements deep', () => {
  it('is refused as too deep, in about the time a flat page of as many elements takes', () => {
    const count = 30_000;
    const flat = timed(() => extractArticle(`<h1>Tiêu đề</h1>${'<div></div>'.repeat(count)}${paragraph(0)}`, 'https://xa.example.vn/a', undefined, ZONE));
    const nested = timed(() => extractArticle(`<h1>Tiêu đề</h1>${'<div>'.repeat(count)}${paragraph(0)}`, 'https://xa.example.vn/a', undefined, ZONE));
    expect(nested.error?.message).toBe('page nested more than 256 elements deep');
    expect(nested.ms).toBeLessThan(flat.ms * 3 + 50);
  }, 120_000);

  it('reads a page of many paragraphs under 250 wrappers in a time close to the same paragraphs unwrapped', () => {
    const count = 5_000;
    const flat = timed(() => extractArticle(`<h1>Tiêu đề</h1><div>${paragraphs(count)}</div>`, 'https://xa.example.vn/a', undefined, ZONE));
    const wrapped = timed(() => extractArticle(`<h1>Tiêu đề</h1>${'<div class="khung">'.repeat(250)}${paragraphs(count)}${'</div>'.repeat(250)}`, 'https://xa.example.vn/a', undefined, ZONE));
    expect(flat.error ?? wrapped.error).toBeUndefined();
    expect(wrapped.ms).toBeLessThan(flat.ms * 6 + 100);
  }, 300_000);

  it('reads a page of tens of thousands of sibling elements without <html> in time proportional to its size', () => {
    const page = (count: number) => `<h1>Tiêu đề</h1>${'<div></div>'.repeat(count)}${paragraph(0)}`;
    const small = timed(() => extractArticle(page(3_000), 'https://xa.example.vn/a', undefined, ZONE));
    const large = timed(() => extractArticle(page(30_000), 'https://xa.example.vn/a', undefined, ZONE));
    expect(small.error ?? large.error).toBeUndefined();
    // Ten times the elements: about ten times the work, not a hundred.
    expect(large.ms).toBeLessThan(small.ms * 30 + 200);
  }, 300_000);
});
