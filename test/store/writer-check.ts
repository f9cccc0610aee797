/** What the store-writer child writes, and how a test tells a whole state from a torn one. */
import { createHash } from 'node:crypto';
import type { StoreData, Story } from '../../src/model/types.ts';

export interface WriterCheck {
  generation: number;
  /** sha256 of the JSON of `stories`. */
  checksum: string;
}
export type CheckedStoreData = StoreData & { writerCheck?: WriterCheck };

export function storiesChecksum(stories: readonly Story[]): string {
  return createHash('sha256').update(JSON.stringify(stories)).digest('hex');
}

export function storyFor(id: string, generation: number): Story {
  const date = new Date(Date.UTC(2026, 10, 1) + generation * 60_000).toISOString();
  return {
    id: `urn:bantin-test:${id}`,
    categories: ['an-ninh-trat-tu'],
    datePublished: date,
    dateModified: date,
    copies: [{
      sourceId: 'cong-an', key: `guid:${id}`, url: `https://congan.example.vn/tin/${id}`,
      title: `Tin số ${generation}: Công an tỉnh Hòa Bình triệt phá đường dây ma túy`,
      contentHtml: `<p>${'Nội dung bản tin dài, có dấu tiếng Việt đầy đủ. '.repeat(20)}</p>`,
      datePublished: date, sourceCategories: [], firstSeenAt: date,
    }],
  };
}
