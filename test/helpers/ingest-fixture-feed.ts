/** Runs one real ingestion cycle over feed fixtures served by a loopback portal, for tests that follow a real outlet's feed to the published bytes. */
import { readFileSync } from 'node:fs';
import type { Config } from '../../src/model/types.ts';
import { runIngestion, type IngestionResult } from '../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { capturingLogger } from './capturing-logger.ts';
import { startFixtureServer, type FixtureHandler } from './fixture-server.ts';
import { makeSource } from './make-copy.ts';
import { makeTempDir } from './temp-dir.ts';
import { makeTestConfig } from './test-config.ts';

const FIXTURES = new URL('../fixtures/feeds/', import.meta.url);

/** A fixture of test/fixtures/feeds as text. */
export function readFeedFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export interface FixtureIngestion extends IngestionResult {
  /** The published feed file (`all.atom`, `an-ninh-trat-tu.rss`, …) as text. */
  feed(name: string): string;
}

/**
 * Serves each fixture (source id → file name) from 127.0.0.1 as an RSS/Atom portal and runs one
 * ingestion cycle at `now` into a fresh store; the portal is closed before this resolves.
 */
export async function ingestFixtureFeeds(fixtures: Readonly<Record<string, string>>, now: Date, overrides: Partial<Config> = {}): Promise<FixtureIngestion> {
  const serve = (file: string): FixtureHandler => (_req, res) => res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(readFeedFixture(file));
  const routes = Object.fromEntries(Object.entries(fixtures).map(([id, file]) => [`/${id}.xml`, serve(file)]));
  const server = await startFixtureServer(routes);
  try {
    const dir = await makeTempDir();
    const sources = Object.keys(fixtures).map((id) => makeSource(id, { url: `${server.url}/${id}.xml` }));
    const config = makeTestConfig(dir, { sources, ...overrides });
    const result = await runIngestion({ config, store: createLowdbStore(config.store), logger: capturingLogger([]), mode: 'all', now: () => now });
    return { ...result, feed: (name) => result.catalog.feeds.get(name)!.body.toString('utf8') };
  } finally {
    await server.close();
  }
}
