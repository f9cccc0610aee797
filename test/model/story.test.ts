/** The representative copy rule of SPEC "Stories": priority, then copy date, then first seen, then order. */
import { describe, expect, it } from 'vitest';
import { copiesByDate, representativeCopy } from '../../src/model/story.ts';
import { makeCopy, SOURCES } from '../publish/fixtures.ts';

// Priorities in SOURCES: hoabinh-gov 0, bao-hoabinh 1, congan-hoabinh 2; anything else is unknown (0).
const cases = [
  {
    name: 'prefers the higher-priority source even when its copy is later',
    copies: [
      makeCopy({ sourceId: 'bao-hoabinh', url: 'a', datePublished: '2024-05-02T01:00:00Z' }),
      makeCopy({ sourceId: 'congan-hoabinh', url: 'b', datePublished: '2024-05-02T05:00:00Z' }),
    ],
    expected: 'b',
  },
  {
    name: 'between equal priorities takes the earliest copy date',
    copies: [
      makeCopy({ sourceId: 'hoabinh-gov', url: 'a', datePublished: '2024-05-02T05:00:00Z' }),
      makeCopy({ sourceId: 'unknown-portal', url: 'b', datePublished: '2024-05-02T01:00:00Z' }),
    ],
    expected: 'b',
  },
  {
    name: 'compares instants, not strings, across zone offsets',
    copies: [
      makeCopy({ sourceId: 'hoabinh-gov', url: 'a', datePublished: '2024-05-02T08:30:00+07:00' }),
      makeCopy({ sourceId: 'hoabinh-gov', url: 'b', datePublished: '2024-05-02T02:00:00Z' }),
    ],
    expected: 'a',
  },
  {
    name: 'between equal dates takes the earliest first-seen time',
    copies: [
      makeCopy({ sourceId: 'hoabinh-gov', url: 'a', firstSeenAt: '2024-05-02T03:00:00Z' }),
      makeCopy({ sourceId: 'hoabinh-gov', url: 'b', firstSeenAt: '2024-05-02T02:00:00Z' }),
    ],
    expected: 'b',
  },
  {
    name: 'when everything ties keeps array order',
    copies: [makeCopy({ sourceId: 'hoabinh-gov', url: 'a' }), makeCopy({ sourceId: 'hoabinh-gov', url: 'b' })],
    expected: 'a',
  },
  {
    name: 'treats an unknown source as priority 0, below priority 1',
    copies: [
      makeCopy({ sourceId: 'removed-portal', url: 'a', datePublished: '2024-05-01T00:00:00Z' }),
      makeCopy({ sourceId: 'bao-hoabinh', url: 'b' }),
    ],
    expected: 'b',
  },
  {
    name: 'ranks an unparsable copy date after any real one',
    copies: [
      makeCopy({ sourceId: 'hoabinh-gov', url: 'a', datePublished: 'không rõ' }),
      makeCopy({ sourceId: 'hoabinh-gov', url: 'b', datePublished: '2024-06-01T00:00:00Z' }),
    ],
    expected: 'b',
  },
];

describe('representativeCopy', () => {
  it.each(cases)('$name', ({ copies, expected }) => {
    expect(representativeCopy({ copies }, SOURCES)?.url).toBe(expected);
  });

  it('returns undefined for a story without copies', () => {
    expect(representativeCopy({ copies: [] }, SOURCES)).toBeUndefined();
  });
});

describe('copiesByDate', () => {
  it('orders copies oldest first without changing the input', () => {
    const copies = [
      makeCopy({ sourceId: 'congan-hoabinh', url: 'late', datePublished: '2024-05-02T05:00:00Z' }),
      makeCopy({ sourceId: 'bao-hoabinh', url: 'early', datePublished: '2024-05-02T01:00:00Z' }),
    ];
    expect(copiesByDate(copies).map((copy) => copy.url)).toEqual(['early', 'late']);
    expect(copies[0]?.url).toBe('late');
  });
});
