import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/model/types.ts';
import type { FeedCatalog } from '../../src/publish/feed-catalog.ts';
import { buildHealthReport } from '../../src/server/health-report.ts';
import { makeSource } from '../helpers/make-copy.ts';

const config = {
  sources: [makeSource('cong-an-tinh', { name: 'Công an tỉnh' }), makeSource('cong-huyen', { name: 'Cổng huyện', enabled: false }), makeSource('bao-tinh')],
} as unknown as Config;

describe('buildHealthReport', () => {
  it('reports each configured source, permanent moves and link identity, and degrades only for enabled failures', () => {
    const report = buildHealthReport({
      config,
      catalog: {} as FeedCatalog,
      health: {
        lastRun: { startedAt: '2026-11-27T01:00:00.000Z', finishedAt: '2026-11-27T01:00:05.000Z', sources: [], storiesAdded: 0, storiesUpdated: 0, storiesPruned: 0 },
        sources: {
          'cong-an-tinh': { id: 'cong-an-tinh', consecutiveFailures: 0, movedTo: 'https://congan.example.gov.vn/rss-moi', identity: 'link', lastSuccessAt: '2026-11-27T01:00:01.000Z' },
          'cong-huyen': { id: 'cong-huyen', consecutiveFailures: 4, lastError: 'HTTP 500', nextAttemptAt: '2026-11-27T02:00:00.000Z' },
        },
        storyCountsBySource: new Map([['cong-an-tinh', 7]]),
      },
    });
    expect(report.status).toBe('ok');
    expect(report.lastRun).toBe('2026-11-27T01:00:05.000Z');
    expect(report.sources[0]).toMatchObject({ id: 'cong-an-tinh', status: 'ok', movedTo: 'https://congan.example.gov.vn/rss-moi', identity: 'link', items: 7 });
    expect(report.sources[1]).toMatchObject({ id: 'cong-huyen', enabled: false, status: 'error', lastError: 'HTTP 500', consecutiveFailures: 4, nextAttemptAt: '2026-11-27T02:00:00.000Z' });
    expect(report.sources[2]).toMatchObject({ id: 'bao-tinh', status: 'ok', lastFetchAt: null, movedTo: null, identity: 'guid', items: 0 });
  });

  it('is degraded while an enabled source fails', () => {
    const report = buildHealthReport({
      config,
      catalog: {} as FeedCatalog,
      health: { sources: { 'bao-tinh': { id: 'bao-tinh', consecutiveFailures: 1, lastError: 'timed out after 20 s' } }, storyCountsBySource: new Map() },
    });
    expect(report.status).toBe('degraded');
    expect(report.lastRun).toBeNull();
  });
});

describe('article page counts', () => {
  it('reports an HTML source\'s failed and refused article pages in /healthz and on the home page, without failing the source', async () => {
    const { renderHome } = await import('../../src/server/render-home.ts');
    const state = {
      config: { ...config, timezone: 'Asia/Ho_Chi_Minh', baseUrl: 'http://bantin.test', sources: [makeSource('xa-hoa-an', { name: 'Cổng thông tin xã Hòa An' })] } as unknown as Config,
      catalog: { summaries: [] } as unknown as FeedCatalog,
      health: {
        sources: { 'xa-hoa-an': { id: 'xa-hoa-an', consecutiveFailures: 0, lastFetchAt: '2026-12-04T03:00:00.000Z', articleErrors: 2, robotsRefused: 1 } },
        storyCountsBySource: new Map([['xa-hoa-an', 5]]),
      },
    };
    const report = buildHealthReport(state);
    expect(report.status).toBe('ok');
    expect(report.sources[0]).toMatchObject({ id: 'xa-hoa-an', status: 'ok', articleErrors: 2, robotsRefused: 1, items: 5 });
    const home = renderHome(state);
    expect(home).toContain('bình thường · 2 trang bài viết lỗi, sẽ lấy lại lần sau · robots.txt không cho lấy 1 trang bài viết');
  });

  it('names on the home page the items a source\'s last fetch left out or could not date, as /healthz does', async () => {
    const { renderHome } = await import('../../src/server/render-home.ts');
    const state = {
      config: { ...config, timezone: 'Asia/Ho_Chi_Minh', baseUrl: 'http://bantin.test', sources: [makeSource('bao-cao-bang', { name: 'Báo Cao Bằng' })] } as unknown as Config,
      catalog: { summaries: [] } as unknown as FeedCatalog,
      health: {
        sources: { 'bao-cao-bang': { id: 'bao-cao-bang', consecutiveFailures: 0, lastFetchAt: '2026-12-04T03:00:00.000Z', itemsDropped: 150, warning: 'feed lists 350 items; the newest 200 were taken', undatedItems: 3 } },
        storyCountsBySource: new Map([['bao-cao-bang', 200]]),
      },
    };
    expect(buildHealthReport(state).sources[0]).toMatchObject({ itemsDropped: 150, undatedItems: 3 });
    expect(renderHome(state)).toContain('bình thường · bỏ qua 150 tin cũ vượt giới hạn mỗi lần lấy (maxItemsPerFetch) · 3 tin không đọc được ngày, lấy giờ thu thập');
  });
});
