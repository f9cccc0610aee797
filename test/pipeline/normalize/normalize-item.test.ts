// Raw items shaped like those the parse stage hands over from provincial portals.
import { describe, it, expect } from 'vitest';
import type { RawItem, SourceConfig } from '../../../src/model/types.ts';
import { copyText } from '../../../src/pipeline/normalize/copy-text.ts';
import { normalizeItem } from '../../../src/pipeline/normalize/normalize-item.ts';

const source: SourceConfig = {
  id: 'bao-hoa-binh',
  name: 'Báo Hòa Bình',
  url: 'https://baohoabinh.com.vn/rss',
  priority: 0,
  categoryMap: {},
  timezone: 'Asia/Ho_Chi_Minh',
  enabled: true,
};
const now = new Date('2024-11-20T00:00:00.000Z');
const ctx = { source, feedLink: 'https://baohoabinh.com.vn/', now };

function rawItem(overrides: Partial<RawItem> = {}): RawItem {
  return {
    guid: 'bhb-12345',
    link: '/thoi-su/202411/tai-nan-giao-thong.htm?utm_source=rss',
    title: 'Tai nạn giao thông trên QL6',
    contentHtml: '<p>Sáng 19/11, tại <a href="/xa-lam-son">xã Lâm Sơn</a>...</p><script>x()</script>',
    date: 'Thứ Ba, 19/11/2024 - 19:40',
    categories: ['Thời sự'],
    ...overrides,
  };
}

describe('normalizeItem', () => {
  it('builds a copy with a canonical link, guid key, safe content and a UTC date', () => {
    const copy = normalizeItem(rawItem(), ctx);
    expect(copy).toStrictEqual({
      sourceId: 'bao-hoa-binh',
      key: 'guid:bhb-12345',
      url: 'https://baohoabinh.com.vn/thoi-su/202411/tai-nan-giao-thong.htm',
      title: 'Tai nạn giao thông trên QL6',
      contentHtml: '<p>Sáng 19/11, tại <a href="https://baohoabinh.com.vn/xa-lam-son">xã Lâm Sơn</a>...</p>',
      datePublished: '2024-11-19T12:40:00.000Z',
      sourceCategories: ['Thời sự'],
      author: undefined,
      imageUrl: undefined,
      firstSeenAt: '2024-11-20T00:00:00.000Z',
    });
    expect(copyText(copy!)).toBe('Sáng 19/11, tại xã Lâm Sơn...');
  });

  it.each([
    { name: 'strips tags and decodes entities', title: '<b>Cháy</b> nhà &amp; kho', expected: 'Cháy nhà & kho' },
    { name: 'decodes double-escaped entities once', title: 'Hội nghị &quot;Dân vận khéo&quot;', expected: 'Hội nghị "Dân vận khéo"' },
    { name: 'writes NFC', title: 'Thủy điện Hòa Bình'.normalize('NFD'), expected: 'Thủy điện Hòa Bình' },
    { name: 'keeps the old tone style as the portal wrote it', title: 'Hòa Bình', expected: 'Hòa Bình' },
    { name: 'collapses line breaks and spaces', title: '  Công an tỉnh\n   Hòa Bình  ', expected: 'Công an tỉnh Hòa Bình' },
  ])('title $name', ({ title, expected }) => {
    expect(normalizeItem(rawItem({ title }), ctx)?.title).toBe(expected);
  });

  it('takes the opening words of the text when the title is missing', () => {
    const contentHtml = '<p>Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba</p>';
    expect(normalizeItem(rawItem({ title: '  ', contentHtml }), ctx)?.title)
      .toBe('Một hai ba bốn năm sáu bảy tám chín mười mười một…');
  });

  it('skips an item with neither title nor text', () => {
    expect(normalizeItem(rawItem({ title: undefined, contentHtml: '<img src="/a.jpg">', summary: undefined }), ctx)).toBeUndefined();
  });

  it('uses the summary when there is no full content', () => {
    const copy = normalizeItem(rawItem({ contentHtml: '', summary: 'Tóm tắt <i>tin</i>' }), ctx);
    expect(copy?.contentHtml).toBe('Tóm tắt <i>tin</i>');
    expect(copyText(copy!)).toBe('Tóm tắt tin');
    expect(copy).not.toHaveProperty('text');
  });

  it('keys by canonical link when there is no guid', () => {
    expect(normalizeItem(rawItem({ guid: '   ' }), ctx)?.key)
      .toBe('link:https://baohoabinh.com.vn/thoi-su/202411/tai-nan-giao-thong.htm');
  });

  it('trims the guid in the key', () => {
    expect(normalizeItem(rawItem({ guid: '  bhb-12345\n' }), ctx)?.key).toBe('guid:bhb-12345');
  });

  it('falls back to a guid that is a web address when the link is missing or unusable', () => {
    const guid = 'https://baohoabinh.com.vn/tin/1.htm#top';
    expect(normalizeItem(rawItem({ link: undefined, guid }), ctx)?.url).toBe('https://baohoabinh.com.vn/tin/1.htm');
    expect(normalizeItem(rawItem({ link: 'javascript:void(0)', guid }), ctx)?.url).toBe('https://baohoabinh.com.vn/tin/1.htm');
    expect(normalizeItem(rawItem({ link: undefined, guid }), ctx)?.key).toBe(`guid:${guid}`);
  });

  it('skips an item without any web address', () => {
    expect(normalizeItem(rawItem({ link: undefined, guid: undefined }), ctx)).toBeUndefined();
    expect(normalizeItem(rawItem({ link: undefined, guid: 'bhb-12345' }), ctx)).toBeUndefined();
    expect(normalizeItem(rawItem({ link: '/relative' }), { source, now })).toBeUndefined();
  });

  it.each([
    { name: 'reads a zone-less date in the source zone', date: '2024-11-19 19:40', expected: '2024-11-19T12:40:00.000Z', undated: undefined },
    { name: 'uses now for a missing date', date: undefined, expected: now.toISOString(), undated: true },
    { name: 'uses now for an unreadable date', date: '31/02/2024', expected: now.toISOString(), undated: true },
    { name: 'keeps a date less than a day ahead', date: '2024-11-20T20:00:00Z', expected: '2024-11-20T20:00:00.000Z', undated: undefined },
    { name: 'clamps a date more than a day ahead to now', date: '2025-01-01T00:00:00Z', expected: now.toISOString(), undated: true },
  ])('date: $name', ({ date, expected, undated }) => {
    const copy = normalizeItem(rawItem({ date }), ctx);
    expect(copy?.datePublished).toBe(expected);
    expect(copy?.undated).toBe(undated);
    if (undated === undefined) expect(copy).not.toHaveProperty('undated');
  });

  it('cleans categories: NFC, trimmed, empties dropped, duplicates once', () => {
    const categories = [' Pháp luật ', '', 'PHÁP LUẬT', 'Xã hội'.normalize('NFD'), '  ', 'Xã hội'];
    expect(normalizeItem(rawItem({ categories }), ctx)?.sourceCategories).toEqual(['Pháp luật', 'Xã hội']);
  });

  it('cleans the author and leaves a blank one out', () => {
    expect(normalizeItem(rawItem({ author: '  Minh Hòa\n' }), ctx)?.author).toBe('Minh Hòa');
    expect(normalizeItem(rawItem({ author: '   ' }), ctx)?.author).toBeUndefined();
  });

  it('makes the image absolute and drops unusable ones', () => {
    expect(normalizeItem(rawItem({ imageUrl: '/uploads/a.jpg' }), ctx)?.imageUrl).toBe('https://baohoabinh.com.vn/uploads/a.jpg');
    expect(normalizeItem(rawItem({ imageUrl: 'data:image/png;base64,AA' }), ctx)?.imageUrl).toBeUndefined();
    expect(normalizeItem(rawItem({ imageUrl: 'mailto:a@b.vn' }), ctx)?.imageUrl).toBeUndefined();
  });
});
