/**
 * One-off PostgreSQL connections for the tests and the bench alike (no vitest here, so a bench section can
 * import it): whether a server answers, and SQL run on a database through a client of its own.
 */
import pg from 'pg';

/** True when the server at `url` answers a query within 3 s; otherwise why not. */
export async function postgresAnswer(url: string): Promise<true | string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs `work` on a client connected to `url`, closed afterwards. */
export async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
