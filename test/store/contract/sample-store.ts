/** A store that uses every field the model has, and fields it does not know yet, for the contract suite. */
import type { Copy, StoreData, Story } from '../../../src/model/types.ts';
import { createEmptyStoreData } from '../../../src/store/empty-store.ts';

const DAY_MS = 86_400_000;

export function sampleCopy(sourceId: string, n: number, overrides: Partial<Copy> = {}): Copy {
  const date = new Date(Date.UTC(2026, 10, 20, 1) + n * 60_000).toISOString();
  return {
    sourceId,
    key: `guid:${sourceId}-${n}`,
    url: `https://${sourceId}.example.vn/tin-tuc/${n}.html`,
    title: `Công an huyện Lạc Sơn bắt giữ đối tượng vận chuyển trái phép chất ma túy (số ${n})`,
    contentHtml: `<p>Ngày ${n} tháng 11, lực lượng chức năng tỉnh Hòa Bình đã phát hiện và bắt quả tang một đối tượng.</p>`,
    datePublished: date,
    sourceCategories: ['An ninh trật tự', 'Pháp luật'],
    firstSeenAt: date,
    ...overrides,
  };
}

export function sampleStory(n: number, copies: Copy[] = [sampleCopy('cong-an', n)]): Story {
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    copies,
    categories: n % 2 === 0 ? ['an-ninh-trat-tu'] : ['an-ninh-trat-tu', 'chinh-tri'],
    datePublished: copies[0]!.datePublished,
    dateModified: new Date(Date.parse(copies[0]!.datePublished) + DAY_MS).toISOString(),
  };
}

/** Every container filled, optional copy fields present and absent, and fields other branches may add. */
export function sampleStoreData(): StoreData {
  const data = createEmptyStoreData();
  data.stories.push(
    sampleStory(1, [
      sampleCopy('cong-an', 1, { author: 'Minh Hằng', imageUrl: 'https://cong-an.example.vn/anh/1.jpg' }),
      sampleCopy('bao-hoa-binh', 1, { undated: true, sourceCategories: [] }),
    ]),
    sampleStory(2),
    // A field a later bantin (or another branch) keeps on a copy and on a story, which this one must carry unchanged.
    { ...sampleStory(3, [{ ...sampleCopy('cong-an', 3), mergeEvidence: { rule: 'text', score: 0.82 } } as Copy]), categoryRules: { 'an-ninh-trat-tu': 'ma túy' } } as Story,
  );
  data.sources['cong-an'] = {
    id: 'cong-an', etag: '"v1-abc"', lastModified: 'Fri, 20 Nov 2026 01:00:00 GMT', lastFetchAt: '2026-11-20T01:10:00.000Z',
    lastSuccessAt: '2026-11-20T01:10:00.000Z', consecutiveFailures: 0, identity: 'guid',
  };
  data.sources['bao-hoa-binh'] = {
    id: 'bao-hoa-binh', lastFetchAt: '2026-11-20T01:10:00.000Z', lastError: 'HTTP 500', errorCode: 'HTTP_STATUS',
    consecutiveFailures: 3, nextAttemptAt: '2026-11-20T02:00:00.000Z', undatedItems: 2, itemsDropped: 5, warning: 'nguồn liệt kê 505 mục',
  };
  data.tombstones['cong-an guid:cong-an-0'] = { storyId: 'urn:uuid:00000000-0000-4000-8000-000000000000', seenAt: '2026-11-19T01:00:00.000Z' };
  data.tombstones['url https://cong-an.example.vn/tin-tuc/0.html'] = { storyId: 'urn:uuid:00000000-0000-4000-8000-000000000000', seenAt: '2026-11-19T01:00:00.000Z' };
  data.feeds['an-ninh-trat-tu.rss'] = { etag: '"feed-1"', lastModified: 'Fri, 20 Nov 2026 01:10:00 GMT' };
  data.aliases = { 'urn:uuid:00000000-0000-4000-8000-000000000009': { storyId: 'urn:uuid:00000000-0000-4000-8000-000000000001', mergedAt: '2026-11-20T01:10:00.000Z' } };
  data.prunedAt = '2026-11-20T01:10:00.000Z';
  data.categoryRules = 'abcdEFGH12345678';
  data.lastRun = {
    startedAt: '2026-11-20T01:09:00.000Z', finishedAt: '2026-11-20T01:10:00.000Z', storiesAdded: 3, storiesUpdated: 0, storiesPruned: 1,
    sources: [{ id: 'cong-an', status: 'ok', items: 3, added: 3, updated: 0, durationMs: 120 }],
  };
  return data;
}
