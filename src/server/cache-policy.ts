/** How long clients and caches may keep a feed: tied to the ingestion schedule, so polling faster buys nothing. */
import cron from 'node-cron';

export const MIN_MAX_AGE_SECONDS = 60;
export const MAX_MAX_AGE_SECONDS = 3600;
// Enough upcoming runs to see the short gap of an uneven schedule such as `0,10 * * * *`.
const RUNS_LOOKED_AT = 8;

/**
 * The shortest gap between consecutive upcoming runs, in whole seconds, clamped to
 * [60, 3600]: a feed cannot change between two runs, yet a cache should not hold one for
 * hours when a run may come sooner (a skipped or failed run, an external `npm run ingest`).
 */
export function maxAgeFromRuns(runs: readonly Date[]): number {
  let shortest = Infinity;
  for (let index = 1; index < runs.length; index++) {
    shortest = Math.min(shortest, (runs[index]!.getTime() - runs[index - 1]!.getTime()) / 1000);
  }
  if (!Number.isFinite(shortest)) return MAX_MAX_AGE_SECONDS;
  return Math.min(MAX_MAX_AGE_SECONDS, Math.max(MIN_MAX_AGE_SECONDS, Math.floor(shortest)));
}

/** `max-age` for the feeds of a service ingesting on `schedule` in `timezone`; computed once, at start. */
export function feedMaxAgeSeconds(schedule: string, timezone: string): number {
  // An unstarted task only computes dates; destroying it takes it out of node-cron's registry.
  const task = cron.createTask(schedule, () => undefined, { timezone });
  try {
    return maxAgeFromRuns(task.getNextRuns(RUNS_LOOKED_AT));
  } finally {
    // destroy() may return a promise; an unstarted task has nothing to fail on, but never leave a rejection unhandled.
    Promise.resolve(task.destroy()).catch(() => undefined);
  }
}

/** The Cache-Control value of every feed and the OPML list. */
export function feedCacheControl(maxAgeSeconds: number): string {
  return `public, max-age=${maxAgeSeconds}`;
}
