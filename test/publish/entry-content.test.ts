/** Provenance line, summary and image type derived from a story's copies. */
import { describe, expect, it } from 'vitest';
import { entryImage, provenanceHtml, summarize } from '../../src/publish/entry-content.ts';

describe('provenanceHtml', () => {
  it('links every copy with escaped names and URLs', () => {
    const html = provenanceHtml([
      { id: 'a', name: 'Báo Hòa Bình', url: 'https://baohoabinh.com.vn/a?x=1&y=2', datePublished: '' },
      { id: 'b', name: 'Công an "tỉnh" <HB>', url: 'https://congan.hoabinh.gov.vn/b', datePublished: '' },
    ]);
    expect(html).toBe(
      '<p>Nguồn: <a href="https://baohoabinh.com.vn/a?x=1&amp;y=2">Báo Hòa Bình</a>, ' +
        '<a href="https://congan.hoabinh.gov.vn/b">Công an &quot;tỉnh&quot; &lt;HB&gt;</a></p>',
    );
  });

  it('is empty without copies', () => {
    expect(provenanceHtml([])).toBe('');
  });
});

describe('summarize', () => {
  it.each([
    { input: '  Sáng   nay,\n\ttỉnh Hòa Bình  ', expected: 'Sáng nay, tỉnh Hòa Bình' },
    { input: 'ngắn', expected: 'ngắn' },
    // 30 repetitions are far over 280 characters; the cut falls after the last whole word.
    { input: `${'Đường dây ma túy '.repeat(30)}`, expected: `${'Đường dây ma túy '.repeat(16)}Đường…` },
  ])('summarises $input', ({ input, expected }) => {
    const summary = summarize(input);
    expect(summary).toBe(expected);
    expect(Array.from(summary).length).toBeLessThanOrEqual(281);
  });
});

describe('entryImage', () => {
  it.each([
    { url: 'https://a.vn/x/anh.JPG', type: 'image/jpeg' },
    { url: 'https://a.vn/x/anh.jpeg?w=600', type: 'image/jpeg' },
    { url: 'https://a.vn/x/anh.png', type: 'image/png' },
    { url: 'https://a.vn/x/anh.webp', type: 'image/webp' },
    { url: 'https://a.vn/x/anh.gif', type: 'image/gif' },
    { url: 'https://a.vn/ImageHandler.ashx?id=5', type: 'image/jpeg' },
    { url: 'https://a.vn/anh', type: 'image/jpeg' },
  ])('guesses $type for $url', ({ url, type }) => {
    expect(entryImage(url)).toEqual({ url, type });
  });

  it('drops an image whose URL is not absolute instead of throwing', () => {
    expect(entryImage('/uploads/anh.jpg')).toBeUndefined();
    expect(entryImage(undefined)).toBeUndefined();
  });
});
