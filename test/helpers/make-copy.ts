/** Builds normalised copies and sources for tests of the stages after normalisation. */
import type { Copy, SourceConfig } from '../../src/model/types.ts';

/** Plain text as the sanitised HTML a portal's item would normalise to: one paragraph per line. */
export function htmlOfText(text: string): string {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split('\n').map((line) => `<p>${escape(line)}</p>`).join('');
}

/** A copy; `text` (plain, one paragraph per line) is a shorthand for the contentHtml it comes from. */
export function makeCopy(overrides: Partial<Copy> & Pick<Copy, 'sourceId' | 'title'> & { text?: string }): Copy {
  const { text, ...fields } = overrides;
  const key = fields.key ?? `guid:${fields.sourceId}-${fields.title}`;
  return {
    key,
    url: `https://${fields.sourceId}.example.vn/${encodeURIComponent(key)}`,
    contentHtml: htmlOfText(text ?? ''),
    datePublished: '2026-11-25T02:00:00.000Z',
    sourceCategories: [],
    firstSeenAt: '2026-11-25T02:10:00.000Z',
    ...fields,
  };
}

export function makeSource(id: string, overrides: Partial<SourceConfig> = {}): SourceConfig {
  return { id, name: id, url: `https://${id}.example.vn/rss`, priority: 0, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true, ...overrides };
}
