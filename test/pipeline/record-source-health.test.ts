import { describe, expect, it } from 'vitest';
import { backoffMs, isDue, recordSourceHealth } from '../../src/pipeline/record-source-health.ts';

const NOW = new Date('2026-11-25T03:00:00.000Z');
const MINUTE = 60_000;

describe('recordSourceHealth', () => {
  it('counts failures, keeps validators and schedules the next attempt', () => {
    const previous = { id: 'a', consecutiveFailures: 2, etag: '"v1"', lastSuccessAt: '2026-11-24T00:00:00.000Z' };
    const next = recordSourceHealth(previous, 'a', { ok: false, error: 'timed out after 20 s', code: 'TIMEOUT' }, NOW, () => 0.5);
    expect(next).toMatchObject({ consecutiveFailures: 3, lastError: 'timed out after 20 s', errorCode: 'TIMEOUT', etag: '"v1"', lastSuccessAt: '2026-11-24T00:00:00.000Z' });
    expect(next.nextAttemptAt).toBe(new Date(NOW.getTime() + 4 * MINUTE).toISOString());
  });

  it('clears the error on success and takes the new validators, but keeps them on 304', () => {
    const failing = { id: 'a', consecutiveFailures: 4, lastError: 'HTTP 500', errorCode: 'HTTP_STATUS', nextAttemptAt: '2026-11-25T04:00:00.000Z', etag: '"v1"' };
    const fresh = recordSourceHealth(failing, 'a', { ok: true, notModified: false, copies: [], items: 0, etag: '"v2"' }, NOW);
    expect(fresh).toEqual({ id: 'a', consecutiveFailures: 0, etag: '"v2"', lastModified: undefined, lastFetchAt: NOW.toISOString(), lastSuccessAt: NOW.toISOString() });
    const notModified = recordSourceHealth(failing, 'a', { ok: true, notModified: true }, NOW);
    expect(notModified.etag).toBe('"v1"');
    expect(notModified.lastError).toBeUndefined();
  });
});

describe('recordSourceHealth and the server\'s Retry-After', () => {
  const HOUR = 60 * MINUTE;
  it.each([
    { name: 'waits as long as a 429 asked when that is longer than the backoff', failures: 0, retryAfterMs: 2 * HOUR, expected: 2 * HOUR },
    { name: 'keeps the backoff when it is longer than the pause asked', failures: 5, retryAfterMs: 30_000, expected: 32 * MINUTE },
    { name: 'never waits more than a day, whatever the server asks', failures: 0, retryAfterMs: 30 * 24 * HOUR, expected: 24 * HOUR },
    { name: 'backs off as usual without a Retry-After', failures: 0, retryAfterMs: undefined, expected: 1 * MINUTE },
  ])('$name', ({ failures, retryAfterMs, expected }) => {
    const outcome = { ok: false as const, error: 'HTTP 429', code: 'HTTP_STATUS', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    const next = recordSourceHealth({ id: 'a', consecutiveFailures: failures }, 'a', outcome, NOW, () => 0.5);
    expect(Date.parse(next.nextAttemptAt!) - NOW.getTime()).toBe(expected);
  });
});

describe('recordSourceHealth and permanent redirects', () => {
  const body = { ok: true as const, notModified: false as const, copies: [], items: 0 };
  it('records where the source moved, and clears it once the config points there', () => {
    const moved = recordSourceHealth(undefined, 'a', { ...body, movedTo: 'https://baomoi.example.vn/rss' }, NOW);
    expect(moved.movedTo).toBe('https://baomoi.example.vn/rss');
    const stillMoved = recordSourceHealth(moved, 'a', { ok: true, notModified: true, movedTo: 'https://baomoi.example.vn/rss' }, NOW);
    expect(stillMoved.movedTo).toBe('https://baomoi.example.vn/rss');
    const failed = recordSourceHealth(stillMoved, 'a', { ok: false, error: 'HTTP 500', code: 'HTTP_STATUS' }, NOW);
    expect(failed.movedTo).toBe('https://baomoi.example.vn/rss');
    const fixed = recordSourceHealth(failed, 'a', body, NOW);
    expect(fixed).not.toHaveProperty('movedTo');
    expect(recordSourceHealth(moved, 'a', { ok: true, notModified: true }, NOW)).not.toHaveProperty('movedTo');
  });
});

describe('recordSourceHealth and what a fetch left out or could not date', () => {
  const capped = { ok: true as const, notModified: false as const, copies: [], items: 2000, itemsDropped: 1500, warning: 'the feed listed 2000 items; only the newest 500 were taken (maxItemsPerFetch)' };
  it('keeps the counts and warning of the last body through a 304 and a failure, and clears them with a body that has none', () => {
    const warned = recordSourceHealth(undefined, 'a', capped, NOW);
    expect(warned).toMatchObject({ itemsDropped: 1500, warning: capped.warning });
    const confirmed = recordSourceHealth(warned, 'a', { ok: true, notModified: true }, NOW);
    expect(confirmed).toMatchObject({ itemsDropped: 1500, warning: capped.warning });
    const failed = recordSourceHealth(confirmed, 'a', { ok: false, error: 'HTTP 500', code: 'HTTP_STATUS' }, NOW);
    expect(failed).toMatchObject({ itemsDropped: 1500, warning: capped.warning });
    const calm = recordSourceHealth(failed, 'a', { ok: true, notModified: false, copies: [], items: 20 }, NOW);
    expect(calm).not.toHaveProperty('itemsDropped');
    expect(calm).not.toHaveProperty('warning');
    expect(calm).not.toHaveProperty('undatedItems');
  });
});

describe('backoffMs', () => {
  it.each([
    { failures: 1, random: 0.5, expected: 1 * MINUTE },
    { failures: 2, random: 0.5, expected: 2 * MINUTE },
    { failures: 5, random: 0.5, expected: 16 * MINUTE },
    { failures: 9, random: 0.5, expected: 256 * MINUTE },
    { failures: 10, random: 0.5, expected: 360 * MINUTE },
    { failures: 50, random: 0.5, expected: 360 * MINUTE },
    { failures: 8, random: 1, expected: 153.6 * MINUTE },
    { failures: 9, random: 0, expected: 204.8 * MINUTE },
    { failures: 50, random: 1, expected: 360 * MINUTE },
  ])('waits $expected ms after $failures failures (random $random)', ({ failures, random, expected }) => {
    expect(backoffMs(failures, () => random)).toBe(expected);
  });
});

describe('isDue', () => {
  it.each([
    { state: undefined, due: true },
    { state: { id: 'a', consecutiveFailures: 0 }, due: true },
    { state: { id: 'a', consecutiveFailures: 1, nextAttemptAt: '2026-11-25T02:59:00.000Z' }, due: true },
    { state: { id: 'a', consecutiveFailures: 1, nextAttemptAt: '2026-11-25T03:01:00.000Z' }, due: false },
  ])('is $due for $state', ({ state, due }) => {
    expect(isDue(state, NOW)).toBe(due);
  });
});
