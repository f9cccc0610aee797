/**
 * The writer lock across processes: a PostgreSQL session advisory lock held by one connection for the
 * length of the work. A process that dies loses its connection, and the server frees the lock with it.
 */
import type { Pool, PoolClient } from 'pg';
import { StoreError } from '../../errors.ts';

/** Also taken by a migration (migrations.ts), which thereby waits for a save under way. */
export const WRITER_LOCK_KEY = 0x62616e74_77726974n; // "bantwrit"
const POLL_MS = 100;

export interface HeldWriterLock {
  client: PoolClient;
  release(): Promise<void>;
}

/** Waits up to `timeoutMs` for the lock, as the file store does, then throws StoreError LOCKED naming the holder. */
export async function acquireWriterLock(pool: Pool, options: { timeoutMs: number; location: string }): Promise<HeldWriterLock> {
  const client = await pool.connect();
  try {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [WRITER_LOCK_KEY.toString()]);
      if (rows[0]!.locked) break;
      if (Date.now() >= deadline) {
        const seconds = Math.round(options.timeoutMs / 1000);
        throw new StoreError(
          'LOCKED',
          `store: ${options.location} is held by another writer (${await describeHolder(client)}) for more than ${seconds} s; try again later`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    client.release(error instanceof StoreError || !isConnectionError(error) ? undefined : (error as Error));
    throw error;
  }
  return {
    client,
    async release() {
      try {
        await client.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK_KEY.toString()]);
        client.release();
      } catch (error) {
        // The connection is gone, and the lock with it; the pool must not hand it out again.
        client.release(error as Error);
      }
    },
  };
}

/** Who holds the lock, as the server sees it: the connection's application name carries the holder's pid. */
async function describeHolder(client: PoolClient): Promise<string> {
  const key = BigInt.asUintN(64, WRITER_LOCK_KEY);
  const { rows } = await client.query<{ application_name: string; pid: number; host: string | null }>(
    `SELECT a.application_name, a.pid, host(a.client_addr) AS host FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 LIMIT 1`,
    [Number(key >> 32n), Number(key & 0xffffffffn)],
  );
  const holder = rows[0];
  if (holder === undefined) return 'unknown';
  return `${holder.application_name || 'a client'}${holder.host ? ` on ${holder.host}` : ''}, server pid ${holder.pid}`;
}

/** Errors that leave the connection unusable (as opposed to a query the server refused). */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P');
}
