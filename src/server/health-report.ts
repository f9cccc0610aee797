/** The /healthz body (SPEC.md "HTTP"): overall status and one entry per configured source. */
import type { ServeState } from './serve-state.ts';

export interface SourceHealth {
  id: string;
  name: string;
  enabled: boolean;
  status: 'ok' | 'error';
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
  /** Where a permanent redirect leads: the operator should update the source's url. */
  movedTo: string | null;
  /** `link` when the source's guids proved unreliable and its copies are known by canonical link. */
  identity: 'guid' | 'link';
  items: number;
  /** Items of the last fetch whose date could not be read, dated by the time they were first seen. */
  undatedItems: number;
  /** Items the last fetch listed beyond maxItemsPerFetch and left out. */
  itemsDropped: number;
  /** Not an error, but worth the operator's attention (items left out), in plain words; null when none. */
  warning: string | null;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  lastRun: string | null;
  sources: SourceHealth[];
}

export function buildHealthReport(state: ServeState): HealthReport {
  const sources = state.config.sources.map((source): SourceHealth => {
    const stored = state.health.sources[source.id];
    return {
      id: source.id,
      name: source.name,
      enabled: source.enabled,
      status: stored?.lastError ? 'error' : 'ok',
      lastFetchAt: stored?.lastFetchAt ?? null,
      lastSuccessAt: stored?.lastSuccessAt ?? null,
      lastError: stored?.lastError ?? null,
      consecutiveFailures: stored?.consecutiveFailures ?? 0,
      nextAttemptAt: stored?.nextAttemptAt ?? null,
      movedTo: stored?.movedTo ?? null,
      identity: stored?.identity ?? 'guid',
      items: state.health.storyCountsBySource.get(source.id) ?? 0,
      undatedItems: stored?.undatedItems ?? 0,
      itemsDropped: stored?.itemsDropped ?? 0,
      warning: stored?.warning ?? null,
    };
  });
  const degraded = sources.some((source) => source.enabled && source.status === 'error');
  return { status: degraded ? 'degraded' : 'ok', lastRun: state.health.lastRun?.finishedAt ?? null, sources };
}
