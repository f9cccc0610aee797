/** The /healthz body (SPEC.md "HTTP"): overall status and why, ingestion itself, and one entry per configured source. */
import type { IngestionHealth, ServeState } from './serve-state.ts';

// Two scheduled runs without a good cycle: one may be skipped while a long cycle ends, two are not normal.
const STALE_AFTER_SCHEDULED_RUNS = 2;

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
  /** HTML and fullText sources: article pages that failed in the last fetch (tried again next cycle). */
  articleErrors: number;
  /** Article pages robots.txt refused in the last fetch (never fetched). */
  robotsRefused: number;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  /** Why the status is `degraded`, one plain sentence each; empty when `ok`. */
  reasons: string[];
  lastRun: string | null;
  /** Absent where nothing ingests (a bare app in tests). */
  ingestion?: IngestionHealth;
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
      articleErrors: stored?.articleErrors ?? 0,
      robotsRefused: stored?.robotsRefused ?? 0,
    };
  });
  const ingestion = state.ingestion?.();
  const reasons = [...(ingestion ? ingestionProblems(ingestion) : []), ...sourceProblems(sources)];
  const report: HealthReport = { status: reasons.length > 0 ? 'degraded' : 'ok', reasons, lastRun: state.health.lastRun?.finishedAt ?? null, sources };
  if (ingestion) report.ingestion = ingestion;
  return report;
}

/** What keeps ingestion from working: a thread that ended, a failing cycle, or no good cycle for too long. */
export function ingestionProblems(ingestion: IngestionHealth): string[] {
  const problems: string[] = [];
  if (ingestion.thread !== 'running' && ingestion.lastThreadEnd) {
    const restart = ingestion.nextStartAt ? `; starting it again at ${ingestion.nextStartAt}` : '';
    problems.push(`the ingestion thread ended at ${ingestion.lastThreadEnd.at}: ${ingestion.lastThreadEnd.reason}${restart}`);
  }
  if (ingestion.lastCycle?.error) problems.push(`the last ingestion cycle failed at ${ingestion.lastCycle.finishedAt}: ${ingestion.lastCycle.error}`);
  if (ingestion.scheduledRunsSinceSuccess >= STALE_AFTER_SCHEDULED_RUNS) {
    const since = ingestion.lastSuccessAt ? `since ${ingestion.lastSuccessAt}` : 'since the service started';
    const running = ingestion.cycleRunningSince ? `; a cycle has been running since ${ingestion.cycleRunningSince}` : '';
    problems.push(`no ingestion cycle has succeeded ${since} (${ingestion.scheduledRunsSinceSuccess} scheduled runs due since)${running}`);
  }
  return problems;
}

function sourceProblems(sources: readonly SourceHealth[]): string[] {
  return sources.filter((source) => source.enabled && source.status === 'error').map((source) => `source ${source.id} fails: ${source.lastError}`);
}
