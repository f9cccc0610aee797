/** JSON Feed 1.1 output: top-level fields, paging, hubs, items and the `_bantin` copies extension. */
import { describe, expect, it } from 'vitest';
import { renderFeed } from '../../src/publish/render-feed.ts';
import { drugRingStory, makeView } from './fixtures.ts';

const FEED = 'http://localhost:8080/feeds/an-ninh-trat-tu.json';

function render(overrides: Parameters<typeof makeView>[0] = {}): any {
  return JSON.parse(renderFeed('json', makeView(overrides)));
}

describe('renderFeed json', () => {
  it('writes a JSON Feed 1.1 head with plural authors, not feed 6.0.0 version 1', () => {
    const feed = render();
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'An ninh trật tự',
      home_page_url: 'http://localhost:8080/',
      feed_url: FEED,
      description: 'Tin an ninh, trật tự các tỉnh',
      language: 'vi',
      authors: [{ name: 'bantin' }],
    });
    expect(feed).not.toHaveProperty('author');
    expect(feed).not.toHaveProperty('next_url');
    expect(feed).not.toHaveProperty('hubs');
  });

  it('shows the representative copy with the story id and dates', () => {
    const [item] = render().items;
    expect(item).toMatchObject({
      id: drugRingStory.id,
      url: 'https://congan.hoabinh.gov.vn/tin-tuc/triet-pha-duong-day-ma-tuy-xuyen-tinh-1234.html',
      title: 'Công an tỉnh Hòa Bình triệt phá đường dây ma túy xuyên tỉnh',
      summary: 'Phòng Cảnh sát điều tra tội phạm về ma túy đã bắt giữ 5 đối tượng.',
      image: 'https://congan.hoabinh.gov.vn/uploads/2024/05/ma-tuy.JPG',
      date_published: '2024-05-02T01:30:00Z',
      date_modified: '2024-05-02T03:00:00Z',
      tags: ['An ninh trật tự'],
      authors: [{ name: 'Đức Anh' }],
    });
    expect(item).not.toHaveProperty('author');
    expect(item.content_html).toContain('<p>Nguồn: <a href="https://baohoabinh.com.vn/phap-luat/triet-pha-duong-day-ma-tuy-189012.htm">Báo Hòa Bình</a>, ');
  });

  it('gives each category with the rule that filed it, and no rule where none is known', () => {
    const [, item] = render().items;
    expect(item._bantin.categories).toEqual([{ id: 'an-ninh-trat-tu', rule: 'keyword', detail: 'tai nạn giao thông, va chạm' }, { id: 'giao-thong' }]);
  });

  it('lists every copy in _bantin.sources, oldest first', () => {
    const [item] = render().items;
    expect(item._bantin).toEqual({
      story_url: 'http://localhost:8080/stories/6f1c2b3a-9d4e-4f5a-8b7c-1a2b3c4d5e6f',
      categories: [{ id: 'an-ninh-trat-tu', rule: 'categoryMap', detail: 'Pháp luật' }],
      sources: [
        {
          id: 'bao-hoabinh',
          name: 'Báo Hòa Bình',
          url: 'https://baohoabinh.com.vn/phap-luat/triet-pha-duong-day-ma-tuy-189012.htm',
          date_published: '2024-05-02T01:30:00Z',
        },
        {
          id: 'congan-hoabinh',
          name: 'Công an tỉnh Hòa Bình',
          url: 'https://congan.hoabinh.gov.vn/tin-tuc/triet-pha-duong-day-ma-tuy-xuyen-tinh-1234.html',
          date_published: '2024-05-02T02:10:00Z',
        },
      ],
    });
  });

  it.each([
    { page: 1, lastPage: 2, feedUrl: FEED, nextUrl: `${FEED}?page=2` },
    { page: 2, lastPage: 3, feedUrl: `${FEED}?page=2`, nextUrl: `${FEED}?page=3` },
    { page: 3, lastPage: 3, feedUrl: `${FEED}?page=3`, nextUrl: undefined },
  ])('pages $page of $lastPage through feed_url and next_url', ({ page, lastPage, feedUrl, nextUrl }) => {
    const feed = render({ page, lastPage });
    expect(feed.feed_url).toBe(feedUrl);
    expect(feed.next_url).toBe(nextUrl);
  });

  it('announces the WebSub hub', () => {
    expect(render({ websubHub: 'https://hub.example.vn/' }).hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example.vn/' }]);
  });
});
