/** Pages of the change log for `/api/changes` (SPEC "Story pages and the partner API"). */
import type { ChangeLog, ChangeRecord } from '../model/types.ts';

export const CHANGES_PER_PAGE = 500;

export type ChangesAnswer =
  | { status: 'ok'; changes: ChangeRecord[]; next: number }
  /** `since` is older than the oldest change held (changes were forgotten in between), or newer than any; `oldest` is the oldest cursor held. */
  | { status: 'expired'; oldest: number };

/**
 * The changes after `since` (from the oldest held without it), at most a page. `next` is the
 * cursor to ask with next time; an empty page means the partner is up to date.
 */
export function readChanges(log: ChangeLog | undefined, since: number | undefined): ChangesAnswer {
  const records = log?.records ?? [];
  const oldest = records[0]?.cursor ?? log?.next ?? 1;
  const last = (log?.next ?? 1) - 1;
  // A cursor from the future (another store, a typo) cannot be answered honestly either.
  if (since !== undefined && (since < oldest - 1 || since > last)) return { status: 'expired', oldest };
  const from = since === undefined ? 0 : since - oldest + 1;
  const changes = records.slice(from, from + CHANGES_PER_PAGE);
  return { status: 'ok', changes, next: changes.at(-1)?.cursor ?? since ?? oldest - 1 };
}
