/** Appends a cycle's story changes to the store's bounded change log, in the order partners should apply them. */
import type { ChangeLog, ChangeRecord } from '../model/types.ts';

/** Changes held: a partner polling every minute is never near this; one away for weeks gets 410 and reads a feed again. */
export const MAX_CHANGES_HELD = 20_000;

export interface CycleChanges {
  created: readonly string[];
  updated: readonly string[];
  merged: readonly { id: string; into: string }[];
  removed: readonly string[];
}

/** The log with this cycle's changes appended (created, updated, merged, removed), the oldest dropped beyond the bound. */
export function recordChanges(log: ChangeLog | undefined, cycle: CycleChanges, at: string, maxHeld = MAX_CHANGES_HELD): ChangeLog {
  let next = log?.next ?? 1;
  const added: ChangeRecord[] = [];
  const push = (record: Omit<ChangeRecord, 'cursor' | 'at'>) => added.push({ cursor: next++, ...record, at });
  for (const id of cycle.created) push({ type: 'created', id });
  for (const id of cycle.updated) push({ type: 'updated', id });
  for (const { id, into } of cycle.merged) push({ type: 'merged', id, into });
  for (const id of cycle.removed) push({ type: 'removed', id });
  if (added.length === 0 && log) return log;
  const records = [...(log?.records ?? []), ...added];
  return { next, records: records.length > maxHeld ? records.slice(records.length - maxHeld) : records };
}
