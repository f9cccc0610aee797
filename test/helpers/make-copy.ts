/** Builds normalised copies and sources for tests of the stages after normalisation. */
import type { Copy, SourceConfig } from '../../src/model/types.ts';

export function makeCopy(overrides: Partial<Copy> & Pick<Copy, 'sourceId' | 'title'>): Copy {
  const key = overrides.key ?? `guid:${overrides.sourceId}-${overrides.title}`;
  return {
    key,
    url: `https://${overrides.sourceId}.example.vn/${encodeURIComponent(key)}`,
    contentHtml: `<p>${overrides.text ?? ''}</p>`,
    text: '',
    datePublished: '2026-11-25T02:00:00.000Z',
    sourceCategories: [],
    firstSeenAt: '2026-11-25T02:10:00.000Z',
    ...overrides,
  };
}

export function makeSource(id: string, overrides: Partial<SourceConfig> = {}): SourceConfig {
  return { id, name: id, url: `https://${id}.example.vn/rss`, priority: 0, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true, ...overrides };
}
