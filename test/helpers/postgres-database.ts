/**
 * Throwaway PostgreSQL databases for tests, on the server at 127.0.0.1:5432 (BANTIN_TEST_POSTGRES
 * overrides): each test gets its own, dropped afterwards. Where no server answers, the tests that
 * need one skip with a message; in CI (CI=true) that is a failure (required-tool.ts).
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll } from 'vitest';
import { declareWriterSchema } from '../../src/store/postgres/migrations.ts';
import { onDatabase, postgresAnswer } from './postgres-client.ts';
import { skipWithout } from './required-tool.ts';

const SERVER = process.env.BANTIN_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const created: string[] = [];

/** True (and a message, or in CI a failing test) when the PostgreSQL tests of this file must skip. */
export async function skipWithoutPostgres(what: string): Promise<boolean> {
  return skipWithout((await postgresAnswer(SERVER)) === true, 'postgresql', `${what} (no PostgreSQL at ${SERVER})`);
}

/** A new empty database; its URL. Dropped after the file's tests. */
export async function createTestDatabase(): Promise<string> {
  const name = `bantin_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  created.push(name);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL on a test database (to damage it, or to look at its rows). */
export { onDatabase };

/** As onDatabase, as a bantin of this schema writes: declared for the session, so migration 4's check lets it write. */
export async function asCurrentBantin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return onDatabase(url, async (client) => {
    await declareWriterSchema(client, 'session');
    return work(client);
  });
}

function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return onDatabase(SERVER, work);
}

/** Creating and dropping databases waits on the server's template lock: slow on a loaded machine. */
const DROP_TIMEOUT_MS = 120_000;

afterAll(async () => {
  const names = created.splice(0);
  if (names.length === 0) return;
  // FORCE: a child process killed mid-test may still hold a connection for a moment.
  await onServer(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}, DROP_TIMEOUT_MS);
