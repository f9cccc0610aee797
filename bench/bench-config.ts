/** A bantin config in a temp folder whose sources are the bench's synthetic portals. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../src/config/load-config.ts';
import type { Config } from '../src/model/types.ts';
import type { FeedServerReady } from './processes/feed-server.ts';

/** Writes `<dir>/bantin.json` (shipped categories, one source per synthetic portal) and loads it as bantin would. */
export async function writeBenchConfig(dir: string, feeds: FeedServerReady): Promise<Config> {
  const shipped = JSON.parse(await readFile(DEFAULT_CONFIG_PATH, 'utf8')) as { categories: unknown[] };
  const file = path.join(dir, 'bantin.json');
  const config = {
    port: 0,
    baseUrl: 'http://bantin.bench.example',
    store: 'db.json',
    outDir: 'feeds',
    categories: shipped.categories,
    sources: feeds.sources.map((source) => ({
      id: source.id,
      name: source.name,
      url: `${feeds.url}${source.path}`,
      priority: source.priority,
      categoryMap: source.categoryMap,
    })),
  };
  await writeFile(file, JSON.stringify(config, null, 2));
  return loadConfig(file);
}
