/**
 * `GET /metrics` (SPEC.md "HTTP"): Prometheus counters and histograms of what `npm start` does —
 * per-source fetch outcomes and durations, cycles, stories stored and re-filed, feed requests by status — in a
 * registry of its own, so two services in one process (tests) never share numbers.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RunSummary } from '../model/types.ts';

// Portal fetches take from tens of milliseconds to the 20 s timeout; cycles from a second to minutes.
const FETCH_BUCKETS_S = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 60];
const CYCLE_BUCKETS_S = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export interface ServiceMetrics {
  readonly registry: Registry;
  /** A cycle's run summary (counted once per cycle, however often a snapshot repeats it). */
  recordRun(summary: RunSummary | undefined): void;
  recordCycle(seconds: number, ok: boolean): void;
  setStoriesStored(count: number): void;
  recordThreadRestart(): void;
  /** One answered feed or OPML request; called on the hot path, so it only adds to a number. */
  countFeedRequest(status: number): void;
}

export function createServiceMetrics(options: { countedRun?: RunSummary } = {}): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'bantin_process_' });
  const fetches = new Counter({ name: 'bantin_source_fetches_total', help: 'Source fetches by outcome: ok, not_modified or error.', labelNames: ['source', 'outcome'], registers: [registry] });
  const fetchSeconds = new Histogram({ name: 'bantin_source_fetch_duration_seconds', help: 'Time to fetch, decode, parse and normalise one source.', labelNames: ['source'], buckets: FETCH_BUCKETS_S, registers: [registry] });
  const cycles = new Counter({ name: 'bantin_ingestion_cycles_total', help: 'Ingestion cycles by outcome: ok or failed.', labelNames: ['outcome'], registers: [registry] });
  const cycleSeconds = new Histogram({ name: 'bantin_ingestion_cycle_duration_seconds', help: 'Duration of whole ingestion cycles, failed ones included.', buckets: CYCLE_BUCKETS_S, registers: [registry] });
  const stories = new Gauge({ name: 'bantin_stories_stored', help: 'Stories in the store after the last cycle.', registers: [registry] });
  const refiled = new Counter({
    name: 'bantin_stories_refiled_total',
    help: 'Stored stories moved into other categories only, because the category rules changed (re-filed in the ingest summary).',
    registers: [registry],
  });
  const restarts = new Counter({ name: 'bantin_ingestion_thread_restarts_total', help: 'Times the ingestion thread ended by itself and was started again.', registers: [registry] });
  // Counted in plain numbers on the hot path (prom-client hashes labels on every inc) and handed over when scraped.
  const requestsByStatus = new Map<number, number>();
  new Counter({
    name: 'bantin_feed_requests_total',
    help: 'Feed and OPML requests by HTTP status (304: a poll that cost nothing).',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [status, count] of requestsByStatus) this.inc({ status: String(status) }, count);
    },
  });
  new Gauge({
    name: 'bantin_feed_not_modified_ratio',
    help: 'Share of feed requests answered 304 since the process started.',
    registers: [registry],
    collect() {
      let sent = 0;
      for (const count of requestsByStatus.values()) sent += count;
      this.set(sent === 0 ? 0 : (requestsByStatus.get(304) ?? 0) / sent);
    },
  });
  let lastCounted = options.countedRun?.finishedAt;

  return {
    registry,
    recordRun(summary) {
      if (!summary || summary.finishedAt === lastCounted) return;
      lastCounted = summary.finishedAt;
      refiled.inc(summary.storiesRefiled ?? 0);
      for (const source of summary.sources) {
        fetches.inc({ source: source.id, outcome: source.status === 'not-modified' ? 'not_modified' : source.status });
        if (source.durationMs !== undefined) fetchSeconds.observe({ source: source.id }, source.durationMs / 1000);
      }
    },
    recordCycle(seconds, ok) {
      cycles.inc({ outcome: ok ? 'ok' : 'failed' });
      cycleSeconds.observe(seconds);
    },
    setStoriesStored: (count) => stories.set(count),
    recordThreadRestart: () => restarts.inc(),
    countFeedRequest(status) {
      requestsByStatus.set(status, (requestsByStatus.get(status) ?? 0) + 1);
    },
  };
}
