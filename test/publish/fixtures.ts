/** Story fixtures for the publish tests: real headlines from Hòa Bình portals, two of them merged copies. */
import type { Copy, SourceConfig, Story } from '../../src/model/types.ts';
import type { FeedView } from '../../src/publish/feed-view.ts';

export const BASE_URL = 'http://localhost:8080';

function source(id: string, name: string, priority: number): [string, SourceConfig] {
  return [id, { id, name, url: `https://${id}.vn/rss`, priority, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true }];
}

export const SOURCES: ReadonlyMap<string, SourceConfig> = new Map([
  source('hoabinh-gov', 'Cổng TTĐT tỉnh Hòa Bình', 0),
  source('bao-hoabinh', 'Báo Hòa Bình', 1),
  source('congan-hoabinh', 'Công an tỉnh Hòa Bình', 2),
]);

export const CATEGORY_TITLES: ReadonlyMap<string, string> = new Map([
  ['an-ninh-trat-tu', 'An ninh trật tự'],
  ['giao-thong', 'Giao thông'],
  ['kinh-te', 'Kinh tế'],
]);

/** A copy with plausible defaults; tests override what they are about. */
export function makeCopy(overrides: Partial<Copy> & Pick<Copy, 'sourceId'>): Copy {
  return {
    key: `link:https://${overrides.sourceId}.vn/tin`,
    url: `https://${overrides.sourceId}.vn/tin`,
    title: 'Tin tức',
    contentHtml: '<p>Nội dung.</p>',
    datePublished: '2024-05-02T01:30:00Z',
    sourceCategories: [],
    firstSeenAt: '2024-05-02T01:45:00Z',
    ...overrides,
  };
}

/** Carried first by the newspaper, then by the police portal (priority 2), whose copy is shown. */
export const drugRingStory: Story = {
  id: 'urn:uuid:6f1c2b3a-9d4e-4f5a-8b7c-1a2b3c4d5e6f',
  categories: ['an-ninh-trat-tu'],
  filedBy: {
    'an-ninh-trat-tu': { rule: 'categoryMap', detail: 'Pháp luật', sourceId: 'bao-hoabinh', url: 'https://baohoabinh.com.vn/phap-luat/triet-pha-duong-day-ma-tuy-189012.htm' },
  },
  datePublished: '2024-05-02T01:30:00Z',
  dateModified: '2024-05-02T03:00:00Z',
  copies: [
    makeCopy({
      sourceId: 'congan-hoabinh',
      url: 'https://congan.hoabinh.gov.vn/tin-tuc/triet-pha-duong-day-ma-tuy-xuyen-tinh-1234.html',
      title: 'Công an tỉnh Hòa Bình triệt phá đường dây ma túy xuyên tỉnh',
      contentHtml: '<p>Phòng Cảnh sát điều tra tội phạm về ma túy đã bắt giữ 5 đối tượng.</p>',
      datePublished: '2024-05-02T02:10:00Z',
      author: 'Đức Anh',
      imageUrl: 'https://congan.hoabinh.gov.vn/uploads/2024/05/ma-tuy.JPG',
    }),
    makeCopy({
      sourceId: 'bao-hoabinh',
      url: 'https://baohoabinh.com.vn/phap-luat/triet-pha-duong-day-ma-tuy-189012.htm',
      title: 'Triệt phá đường dây ma túy xuyên tỉnh',
      datePublished: '2024-05-02T01:30:00Z',
    }),
  ],
};

/** One copy from a source without an author, with a PNG image, in two categories (the second's rule unknown, as in an older store). */
export const roadAccidentStory: Story = {
  id: 'urn:uuid:0b7e4a52-3c1d-4e8f-9a6b-5c4d3e2f1a0b',
  categories: ['an-ninh-trat-tu', 'giao-thong'],
  filedBy: {
    'an-ninh-trat-tu': { rule: 'keyword', detail: 'tai nạn giao thông, va chạm', sourceId: 'hoabinh-gov', url: 'https://hoabinh.gov.vn/tin-tuc/tai-nan-quoc-lo-6.html?id=7&trang=2' },
  },
  datePublished: '2024-05-01T10:00:00Z',
  dateModified: '2024-05-01T10:00:00Z',
  copies: [
    makeCopy({
      sourceId: 'hoabinh-gov',
      url: 'https://hoabinh.gov.vn/tin-tuc/tai-nan-quoc-lo-6.html?id=7&trang=2',
      title: 'Tai nạn giao thông trên Quốc lộ 6, hai người bị thương',
      contentHtml: '<p>Vụ va chạm xảy ra tại xã Dân Hòa, huyện Tân Lạc.</p>',
      datePublished: '2024-05-01T10:00:00Z',
      imageUrl: 'https://hoabinh.gov.vn/images/quoc-lo-6.png',
    }),
  ],
};

/** A view of the given stories on page 1 of 1, overridable per test. */
export function makeView(overrides: Partial<FeedView> = {}): FeedView {
  return {
    category: { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', description: 'Tin an ninh, trật tự các tỉnh' },
    stories: [drugRingStory, roadAccidentStory],
    sources: SOURCES,
    categoryTitles: CATEGORY_TITLES,
    baseUrl: BASE_URL,
    page: 1,
    lastPage: 1,
    ...overrides,
  };
}
