// GET /metrics on the real service: what an operator's Prometheus scrapes after a start-up cycle and a few polls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../src/commands/serve-command.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { heldStories, startDemoService, type DemoService } from '../helpers/running-service.ts';

let running: DemoService;
beforeAll(async () => {
  running = await startDemoService();
}, 30_000);
afterAll(async () => {
  await running?.close();
});

/** Sample values by series, `name{labels}` exactly as exposed. */
function samples(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

describe('GET /metrics', () => {
  it('counts fetch outcomes per source, the cycle, stored stories and feed requests by status in Prometheus text', async () => {
    const first = await fetch(`${running.base}/feeds/an-ninh-trat-tu.rss`);
    await first.arrayBuffer();
    const again = await fetch(`${running.base}/feeds/an-ninh-trat-tu.rss`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    await fetch(`${running.base}/feeds/khong-co.rss`).then((res) => res.arrayBuffer());

    const res = await fetch(`${running.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const values = samples(await res.text());

    for (const id of Object.keys(running.demo.paths)) {
      expect(values.get(`bantin_source_fetches_total{source="${id}",outcome="ok"}`), id).toBe(1);
      expect(values.get(`bantin_source_fetch_duration_seconds_count{source="${id}"}`), id).toBe(1);
    }
    expect(values.get('bantin_source_fetches_total{source="cong-huyen-hong",outcome="error"}')).toBe(1);
    expect(values.get('bantin_ingestion_cycles_total{outcome="ok"}')).toBe(1);
    expect(values.get('bantin_ingestion_cycle_duration_seconds_count')).toBe(1);
    expect(values.get('bantin_stories_stored')).toBe((await heldStories(running.config, 'all')).length);
    expect(values.get('bantin_feed_requests_total{status="200"}')).toBe(1);
    expect(values.get('bantin_feed_requests_total{status="304"}')).toBe(1);
    expect(values.get('bantin_feed_requests_total{status="404"}')).toBe(1);
    expect(values.get('bantin_feed_not_modified_ratio')).toBeCloseTo(1 / 3);
    expect(values.get('bantin_ingestion_thread_restarts_total')).toBe(0);
  });

  it('counts the stories re-filed when the service starts under changed category rules', async () => {
    const before = await fetch(`${running.base}/metrics`).then((res) => res.text());
    expect(samples(before).get('bantin_stories_refiled_total')).toBe(0);
    // The operator empties the police keywords: stories they filed move out at the next cycle, the start-up one.
    const config = { ...running.config, categories: running.config.categories.map((category) => (category.id === 'an-ninh-trat-tu' ? { ...category, keywords: [] } : category)) };
    await running.service.stop();
    running.service = await startService(config, createSilentLogger());
    await running.service.firstIngestion;
    const { lastRun } = await createLowdbStore(config.store).load();
    expect(lastRun!.storiesRefiled).toBeGreaterThan(0);
    const values = samples(await fetch(`${running.base}/metrics`).then((res) => res.text()));
    expect(values.get('bantin_stories_refiled_total')).toBe(lastRun!.storiesRefiled);
  }, 30_000);
});
