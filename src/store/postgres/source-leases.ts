/**
 * Per-source leases for several processes on one database: a source is fetched by one process per cycle.
 * The lease is a session advisory lock per source on a connection held for the cycle, so a killed process's
 * leases end with its connection; `source_fetches` remembers who fetched each source last and when (written
 * once the cycle's outcome is saved, so a cycle that fails leaves the source to another process), so a
 * process whose cycle started before that skips a source another already fetched this cycle.
 */
import type { Pool, PoolClient } from 'pg';
import { StoreError, describeError } from '../../errors.ts';
import type { SourceLease } from '../store.ts';
import { checkSchemaUnchanged, declareWriterSchema } from './migrations.ts';
import { isConnectionError } from './writer-lock.ts';

/** The first key of every lease lock ("leas"); the second is the source id's hash. Apart from the writer and migration locks (one bigint key each). */
const LEASE_CLASS = 0x6c656173;

export interface LeaseRequest {
  ids: readonly string[];
  /** This cycle's scheduled time: a source another process took at or after it was fetched this cycle. */
  since: Date;
  now: Date;
  location: string;
  /** This process in `source_fetches` (processInstanceId): its own earlier take (a cycle run again by hand) never counts as another's. */
  holder: string;
}

/**
 * Takes what it can of `ids` and returns at once: a source another process holds, or took since
 * `since`, is skipped. Two ids with one hash share a lease (the second waits a cycle), which costs
 * nothing but a skipped fetch.
 */
export async function leaseSources(pool: Pool, request: LeaseRequest): Promise<SourceLease> {
  const client = await pool.connect();
  // Set before any await: a connection that ends while held must fail `check`, not throw from an event with no listener.
  let lost: unknown;
  const onError = (error: unknown) => (lost ??= error);
  client.on('error', onError);
  try {
    await checkSchemaUnchanged(client, 'cannot lease sources on', request.location);
    const { rows } = await client.query<{ id: string; taken: boolean }>(
      `WITH locked AS MATERIALIZED (SELECT id FROM unnest($1::text[]) AS id WHERE pg_try_advisory_lock($2, hashtext(id)))
       SELECT l.id, coalesce(f.taken_at >= $3 AND f.taken_by <> $4, false) AS taken FROM locked l LEFT JOIN source_fetches f ON f.source_id = l.id`,
      [request.ids, LEASE_CLASS, request.since, request.holder],
    );
    const fetched = rows.filter((row) => row.taken).map((row) => row.id);
    const claimed = rows.filter((row) => !row.taken).map((row) => row.id);
    if (fetched.length > 0) await client.query('SELECT pg_advisory_unlock($2, hashtext(id)) FROM unnest($1::text[]) AS id', [fetched, LEASE_CLASS]);
    const claimedSet = new Set(claimed);
    return {
      claimed: claimedSet,
      skipped: request.ids.filter((id) => !claimedSet.has(id)),
      async check() {
        // A round trip, not only the error event: the event arrives only when the event loop gets to the socket.
        if (lost === undefined) await client.query('SELECT 1').catch(onError);
        if (lost !== undefined) {
          throw new StoreError('WRITE', `store: lost this cycle's source leases on ${request.location} with its connection (${describeError(lost)}); the cycle is not written`, {
            cause: lost,
          });
        }
      },
      async recordFetched() {
        if (claimed.length === 0) return;
        await recordTakes(client, claimed, request).catch(onError);
        if (lost !== undefined) {
          throw new StoreError('WRITE', `store: cannot record this cycle's sources as fetched on ${request.location} (${describeError(lost)})`, { cause: lost });
        }
      },
      async release() {
        try {
          if (lost === undefined) await client.query('SELECT pg_advisory_unlock_all()');
        } catch (error) {
          lost ??= error;
        }
        // A connection that ended took its locks with it; the pool must not hand it out again.
        if (lost === undefined) client.off('error', onError);
        client.release(lost === undefined ? undefined : lost instanceof Error ? lost : new Error(String(lost)));
      },
    };
  } catch (error) {
    // Refused before any lock was taken; otherwise, locks taken before the failure must not go back to the pool with the connection.
    const refused = error instanceof StoreError;
    const broken = !refused && (isConnectionError(error) || (await client.query('SELECT pg_advisory_unlock_all()').then(() => false, () => true)));
    client.off('error', onError);
    client.release(broken ? (error as Error) : undefined);
    if (refused) throw error;
    throw new StoreError('UNREADABLE', `store: cannot lease sources on ${request.location} (${describeError(error)})`, { cause: error });
  }
}

/** Records this process's takes, taken at the cycle's start: a process due at the same tick compares them with that tick. */
async function recordTakes(client: PoolClient, ids: readonly string[], request: LeaseRequest): Promise<void> {
  await client.query('BEGIN');
  try {
    await declareWriterSchema(client);
    await client.query(
      `INSERT INTO source_fetches (source_id, taken_at, taken_by) SELECT id, $2, $3 FROM unnest($1::text[]) AS id
       ON CONFLICT (source_id) DO UPDATE SET taken_at = excluded.taken_at, taken_by = excluded.taken_by`,
      [ids, request.now, request.holder],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
