/** Updates what the store remembers of a source after a fetch: validators, failures, backoff, permanent moves. */
import type { SourceState } from '../model/types.ts';
import type { ArticleOutcome, SourceOutcome } from './collect-source.ts';

const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 6 * 3600_000;
// A server may ask for a longer pause than our backoff, but never park a source for more than a day.
const RETRY_AFTER_CAP_MS = 24 * 3600_000;

/** The next state of a source given this run's outcome; `random` is injectable so tests are exact. */
export function recordSourceHealth(
  previous: SourceState | undefined,
  id: string,
  outcome: SourceOutcome,
  now: Date,
  random: () => number = Math.random,
): SourceState {
  const base: SourceState = { consecutiveFailures: 0, ...previous, id, lastFetchAt: now.toISOString() };
  if (!outcome.ok) {
    const failures = base.consecutiveFailures + 1;
    const waitMs = Math.max(backoffMs(failures, random), Math.min(outcome.retryAfterMs ?? 0, RETRY_AFTER_CAP_MS));
    // movedTo stays as last seen: a failure says nothing about where the source lives.
    return {
      ...base,
      lastError: outcome.error,
      errorCode: outcome.code,
      consecutiveFailures: failures,
      nextAttemptAt: new Date(now.getTime() + waitMs).toISOString(),
    };
  }
  const next: SourceState = { ...base, lastSuccessAt: now.toISOString(), consecutiveFailures: 0 };
  delete next.lastError;
  delete next.errorCode;
  delete next.nextAttemptAt;
  if (outcome.movedTo === undefined) delete next.movedTo;
  else next.movedTo = outcome.movedTo;
  // A 304 keeps the validators it was asked with, and the counts of the body it confirms; a new body brings its own.
  if (!outcome.notModified) {
    next.etag = outcome.etag;
    next.lastModified = outcome.lastModified;
    setCount(next, 'undatedItems', outcome.copies.filter((copy) => copy.undated).length);
    setCount(next, 'itemsDropped', outcome.itemsDropped ?? 0);
    if (outcome.warning === undefined) delete next.warning;
    else next.warning = outcome.warning;
    recordArticles(next, outcome);
  }
  return next;
}

/** Counts are kept only when there is something to count, so a healthy source's stored state stays as it was. */
function setCount(state: SourceState, field: 'undatedItems' | 'itemsDropped', count: number): void {
  if (count > 0) state[field] = count;
  else delete state[field];
}

/** An HTML or fullText source's article pages; a plain feed has none (and loses any left from an earlier config). */
function recordArticles(state: SourceState, outcome: ArticleOutcome): void {
  for (const key of ['pages', 'articleErrors', 'robotsRefused'] as const) {
    if (outcome[key] === undefined) delete state[key];
    else (state as Record<typeof key, unknown>)[key] = outcome[key];
  }
}

/**
 * Exponential from one minute with ±20 % jitter so failing sources spread out, never past six hours
 * (a server's own Retry-After may ask for more, up to a day; see recordSourceHealth).
 */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const exponential = BACKOFF_BASE_MS * 2 ** Math.min(Math.max(0, failures - 1), 30);
  return Math.min(BACKOFF_CAP_MS, Math.round(exponential * (0.8 + 0.4 * random())));
}

/** Scheduled runs leave a backing-off source alone until its next attempt is due. */
export function isDue(state: SourceState | undefined, now: Date): boolean {
  return !state?.nextAttemptAt || Date.parse(state.nextAttemptAt) <= now.getTime();
}
