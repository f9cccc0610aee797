/** The change log partners poll: cycles append in order, the history is bounded, and reading pages through it from any cursor held. */
import { describe, expect, it } from 'vitest';
import { CHANGES_PER_PAGE, readChanges } from '../../src/publish/change-feed.ts';
import { recordChanges } from '../../src/pipeline/record-changes.ts';

const A = 'urn:uuid:00000000-0000-4000-8000-00000000000a';
const B = 'urn:uuid:00000000-0000-4000-8000-00000000000b';
const C = 'urn:uuid:00000000-0000-4000-8000-00000000000c';

describe('recordChanges and readChanges', () => {
  it('appends created, updated, merged, removed in that order with cursors counting on across cycles', () => {
    const first = recordChanges(undefined, { created: [A, B], updated: [], merged: [], removed: [] }, '2026-11-26T01:00:00.000Z');
    const second = recordChanges(first, { created: [], updated: [A], merged: [{ id: B, into: A }], removed: [C] }, '2026-11-26T02:00:00.000Z');
    expect(second.records.map(({ cursor, type, id, into }) => ({ cursor, type, id, into }))).toEqual([
      { cursor: 1, type: 'created', id: A, into: undefined },
      { cursor: 2, type: 'created', id: B, into: undefined },
      { cursor: 3, type: 'updated', id: A, into: undefined },
      { cursor: 4, type: 'merged', id: B, into: A },
      { cursor: 5, type: 'removed', id: C, into: undefined },
    ]);
    const page = readChanges(second, 2);
    expect(page).toMatchObject({ status: 'ok', next: 5 });
    expect(page.status === 'ok' && page.changes.map((change) => change.cursor)).toEqual([3, 4, 5]);
    expect(readChanges(second, 5)).toEqual({ status: 'ok', changes: [], next: 5 });
    expect(recordChanges(second, { created: [], updated: [], merged: [], removed: [] }, 'x')).toBe(second);
  });

  it('keeps the newest changes only, answering an older cursor as expired with the oldest held', () => {
    let log = recordChanges(undefined, { created: [A, B, C], updated: [], merged: [], removed: [] }, 't', 4);
    log = recordChanges(log, { created: [], updated: [A, B], merged: [], removed: [] }, 't', 4);
    expect(log.records.map((record) => record.cursor)).toEqual([2, 3, 4, 5]);
    expect(readChanges(log, 0)).toEqual({ status: 'expired', oldest: 2 });
    expect(readChanges(log, 99)).toEqual({ status: 'expired', oldest: 2 });
    expect(readChanges(log, 1)).toMatchObject({ status: 'ok', next: 5 });
    expect(readChanges(log, undefined)).toMatchObject({ status: 'ok', next: 5 });
  });

  it('pages at most 500 changes, next leading to the rest', () => {
    const ids = Array.from({ length: CHANGES_PER_PAGE + 3 }, (_, n) => `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    const log = recordChanges(undefined, { created: ids, updated: [], merged: [], removed: [] }, 't');
    const first = readChanges(log, undefined);
    expect(first.status === 'ok' && first.changes.length).toBe(CHANGES_PER_PAGE);
    const rest = readChanges(log, first.status === 'ok' ? first.next : -1);
    expect(rest.status === 'ok' && rest.changes.map((change) => change.id)).toEqual(ids.slice(CHANGES_PER_PAGE));
  });

  it('answers an empty log from the start with an empty page', () => {
    expect(readChanges(undefined, undefined)).toEqual({ status: 'ok', changes: [], next: 0 });
    expect(readChanges(undefined, 0)).toEqual({ status: 'ok', changes: [], next: 0 });
  });
});
