// Replays the Government portal's ASP.NET feed, whose dates read `9/14/2026 6:44:00 PM` (month first): each item must keep its own date.
import { describe, expect, it } from 'vitest';
import { numericDateOrder } from '../../src/pipeline/normalize/date-order.ts';
import { parseFeedDate } from '../../src/pipeline/normalize/parse-date.ts';
import { checkAtom } from '../publish/feed-rules/atom-rules.ts';
import { ingestFixtureFeeds } from '../helpers/ingest-fixture-feed.ts';

const VN = 'Asia/Ho_Chi_Minh';
// The morning after the newest item, in Hà Nội.
const NOW = new Date('2026-09-15T03:00:00.000Z');

describe('the order of a fetch\'s numeric dates', () => {
  it.each([
    { feed: 'ASP.NET, one date with a day over 12', dates: ['9/14/2026 6:44:00 PM', '9/1/2026 10:15:00 AM'], expected: 'month-first' },
    { feed: 'ASP.NET, every day 12 or less (the AM/PM shape decides)', dates: ['9/12/2026 9:30:00 PM', '9/1/2026 10:15:00 AM'], expected: 'month-first' },
    { feed: 'US numeric dates without a clock', dates: ['09/14/2026', '09/02/2026'], expected: 'month-first' },
    { feed: 'Vietnamese portal', dates: ['19/11/2026 19:40', '02/11/2026 08:00'], expected: 'day-first' },
    { feed: 'Vietnamese portal, every day 12 or less', dates: ['09/11/2026 19:40', '02/11/2026 08:00'], expected: 'day-first' },
    { feed: 'Vietnamese 12-hour clock (SA / CH)', dates: ['9/11/2026 6:44:00 CH'], expected: 'day-first' },
    { feed: 'RFC 822 and ISO 8601 only', dates: ['Mon, 14 Sep 2026 18:44:00 +0700', '2026-09-12T21:30:00+07:00'], expected: 'day-first' },
    { feed: 'no dates', dates: [undefined, ''], expected: 'day-first' },
    { feed: 'numbers no calendar has (13/13, 9/45)', dates: ['13/13/2026', '9/45/2026'], expected: 'day-first' },
    { feed: 'contradicting itself (one date only day-first)', dates: ['9/14/2026 6:44:00 PM', '19/09/2026 08:00'], expected: 'day-first' },
    { feed: 'contradicting itself, the day-first date first', dates: ['19/09/2026 08:00', '9/14/2026 6:44:00 PM'], expected: 'day-first' },
  ])('is $expected for a $feed', ({ dates, expected }) => {
    expect(numericDateOrder(dates)).toBe(expected);
  });

  it.each([
    { input: '9/14/2026 6:44:00 PM', expected: '2026-09-14T11:44:00.000Z' },
    { input: '9/1/2026 10:15:00 AM', expected: '2026-09-01T03:15:00.000Z' },
    { input: '12/31/2026 11:59:59 PM', expected: '2026-12-31T16:59:59.000Z' },
    { input: '09-14-2026 18:44', expected: '2026-09-14T11:44:00.000Z' },
    // Only numeric day/month dates change; named months and ISO dates read as always.
    { input: 'Mon, 14 Sep 2026 18:44:00 +0700', expected: '2026-09-14T11:44:00.000Z' },
    { input: '2026-09-01 10:15:00', expected: '2026-09-01T03:15:00.000Z' },
    { input: '14/9/2026 6:44:00 PM', expected: undefined },
  ])('reads $input month-first as $expected', ({ input, expected }) => {
    expect(parseFeedDate(input, VN, 'month-first')?.toISOString()).toBe(expected);
  });
});

describe('an ASP.NET feed printing month-first dates', () => {
  it('gives every item its own date, counts none undated, and dates the feeds by the newest story', async () => {
    const result = await ingestFixtureFeeds({ 'chinh-phu': 'rss2-aspnet-month-first.xml' }, NOW);

    const dates = Object.fromEntries(result.data.stories.map((story) => [story.copies[0]!.key, story.datePublished]));
    expect(dates).toEqual({
      'guid:102260914184400': '2026-09-14T11:44:00.000Z',
      'guid:102260914080512': '2026-09-14T01:05:12.000Z',
      'guid:102260912213000': '2026-09-12T14:30:00.000Z',
      'guid:102260901101500': '2026-09-01T03:15:00.000Z',
    });
    expect(result.data.stories.every((story) => story.copies[0]!.undated === undefined)).toBe(true);
    expect(result.summary.sources[0]).toMatchObject({ id: 'chinh-phu', status: 'ok', items: 4 });
    expect(result.summary.sources[0]!.undatedItems).toBeUndefined();
    expect(result.data.sources['chinh-phu']!.undatedItems).toBeUndefined();

    // Not the ingestion time: the feed is dated by its newest story, and no two entries share an updated instant.
    const atom = result.feed('all.atom');
    expect(atom).toContain('<updated>2026-09-14T11:44:00.000Z</updated>');
    expect(atom).not.toContain(NOW.toISOString());
    expect(await checkAtom(atom, { location: 'http://bantin.test/feeds/all.atom', now: NOW })).toEqual([]);
  });
});
