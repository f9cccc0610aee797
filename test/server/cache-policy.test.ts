/** Feed max-age from the ingestion schedule: the shortest gap between upcoming runs, within [60, 3600] s. */
import { describe, expect, it } from 'vitest';
import { feedMaxAgeSeconds, maxAgeFromRuns } from '../../src/server/cache-policy.ts';

describe('feedMaxAgeSeconds', () => {
  it.each([
    { schedule: '*/15 * * * *', expected: 900 },
    { schedule: '*/5 * * * *', expected: 300 },
    { schedule: '* * * * *', expected: 60 },
    // Seconds field: runs every 20 s, but a cache may keep a feed a minute.
    { schedule: '*/20 * * * * *', expected: 60 },
    // Uneven: 10 and 50 minutes apart; the shorter gap counts.
    { schedule: '0,10 * * * *', expected: 600 },
    { schedule: '0 * * * *', expected: 3600 },
    // Twice a day: a cache holds a feed an hour at most, so a manual `npm run ingest` shows soon.
    { schedule: '0 8,12 * * *', expected: 3600 },
    { schedule: '5 4 * * 0', expected: 3600 },
  ])('gives $expected s for "$schedule"', ({ schedule, expected }) => {
    expect(feedMaxAgeSeconds(schedule, 'Asia/Ho_Chi_Minh')).toBe(expected);
  });
});

describe('maxAgeFromRuns', () => {
  const at = (...minutes: number[]) => minutes.map((minute) => new Date(Date.UTC(2026, 10, 25, 0, minute)));

  it.each([
    { runs: at(0, 15, 30), expected: 900 },
    { runs: at(0, 2, 30), expected: 120 },
    { runs: at(0), expected: 3600 },
    { runs: [], expected: 3600 },
  ])('gives $expected s for $runs.length runs', ({ runs, expected }) => {
    expect(maxAgeFromRuns(runs)).toBe(expected);
  });
});
