// `npm run store:copy` both ways on the demo store: lowdb → PostgreSQL → lowdb keeps every id, and
// the feeds rendered from each store are byte-identical; a target that holds a store is refused.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config, StoreData } from '../../src/model/types.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { buildFeedCatalog } from '../../src/publish/feed-catalog.ts';
import { openStore } from '../../src/store/open-store.ts';
import { setUpDemo } from '../helpers/demo-config.ts';
import { createTestDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

const NOW = new Date('2026-11-25T03:00:00.000Z');

async function loadFrom(location: string): Promise<StoreData> {
  const store = openStore(location);
  try {
    return await store.load();
  } finally {
    await store.close();
  }
}

/** Every feed's bytes and validators as rendered from `data` at one fixed time. */
async function renderAll(data: StoreData, config: Config): Promise<Record<string, { body: string; etag: string; lastModified: string }>> {
  const catalog = await buildFeedCatalog({ ...data, feeds: structuredClone(data.feeds) }, config, NOW);
  const feeds = [...catalog.feeds.values(), catalog.opml];
  return Object.fromEntries(feeds.map((feed) => [feed.name, { body: feed.body.toString('utf8'), etag: feed.etag, lastModified: feed.lastModified.toISOString() }]));
}

if (!(await skipWithoutPostgres('store:copy'))) {
  describe('npm run store:copy', () => {
    it('copies the demo store to PostgreSQL and back with the same ids and byte-identical feeds', async () => {
      const dir = await makeTempDir();
      const shipped = loadConfig(DEFAULT_CONFIG_PATH);
      const config: Config = { ...makeTestConfig(dir), categories: shipped.categories, sources: shipped.sources };
      const fileStore = openStore(config.store);
      await runIngestion({ config, store: fileStore, logger: createSilentLogger(), mode: 'all', now: () => NOW });
      const url = await createTestDatabase();
      const back = path.join(dir, 'back', 'db.json');

      const there = await runCli(['store-copy', '--from', config.store, '--to', url]);
      expect(there.code, there.stderr).toBe(0);
      expect(there.stderr).toMatch(/store:copy: read \d+ stories \(\d+ copies\)/);
      expect(there.stderr).toContain('same ids');
      const home = await runCli(['store-copy', '--from', url, '--to', back]);
      expect(home.code, home.stderr).toBe(0);

      const [original, inDatabase, returned] = await Promise.all([loadFrom(config.store), loadFrom(url), loadFrom(back)]);
      expect(original.stories.length).toBeGreaterThan(5);
      const ids = original.stories.map((story) => story.id);
      expect(inDatabase.stories.map((story) => story.id)).toEqual(ids);
      expect(returned).toEqual(original);
      const feeds = await renderAll(original, config);
      expect(Object.keys(feeds).length).toBeGreaterThan(3);
      expect(await renderAll(inDatabase, config)).toEqual(feeds);
      expect(await renderAll(returned, config)).toEqual(feeds);
    }, 60_000);

    it('refuses to copy over a store that holds stories unless told to replace it', async () => {
      const dir = await makeTempDir();
      const shipped = loadConfig(DEFAULT_CONFIG_PATH);
      const config: Config = { ...makeTestConfig(dir), categories: shipped.categories, sources: shipped.sources.slice(0, 1) };
      await runIngestion({ config, store: openStore(config.store), logger: createSilentLogger(), mode: 'all', now: () => NOW });
      const url = await createTestDatabase();
      expect((await runCli(['store-copy', '--from', config.store, '--to', url])).code).toBe(0);
      const again = await runCli(['store-copy', '--from', config.store, '--to', url]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already holds a store');
      expect(again.stderr).toContain('--replace');
      expect((await runCli(['store-copy', '--from', config.store, '--to', url, '--replace'])).code).toBe(0);
    }, 60_000);

    it('ingests straight into PostgreSQL when BANTIN_STORE names it', async () => {
      const dir = await makeTempDir();
      const demo = await setUpDemo(dir);
      try {
        const url = await createTestDatabase();
        const result = await runCli(['ingest', '--config', demo.configFile], { BANTIN_STORE: url, LOG_LEVEL: 'error' });
        expect(result.code, result.stderr).toBe(0);
        expect((await loadFrom(url)).stories.length).toBeGreaterThan(5);
        expect(existsSync(path.join(dir, 'data'))).toBe(false);
      } finally {
        await demo.server.close();
      }
    }, 60_000);
  });
}
