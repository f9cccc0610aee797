/** A bantin config in a temp folder whose sources are the bench's synthetic portals. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../src/config/load-config.ts';
import type { Config } from '../src/model/types.ts';
import type { FeedServerReady } from './processes/feed-server.ts';

export interface BenchConfigOptions {
  /** The config file's name in `dir` (several configs on one store). */
  fileName?: string;
  /** A file path or a `postgres://` URL; `db.json` by default. */
  store?: string;
  /** Only these sources enabled; all by default. Disabled ones stay listed, so the category rules are the same. */
  enabled?: (index: number) => boolean;
  /** Other settings (hostDelaySeconds, …). */
  settings?: Record<string, unknown>;
}

/** Writes `<dir>/bantin.json` (shipped categories, one source per synthetic portal) and loads it as bantin would. */
export async function writeBenchConfig(dir: string, feeds: FeedServerReady, options: BenchConfigOptions = {}): Promise<Config> {
  const shipped = JSON.parse(await readFile(DEFAULT_CONFIG_PATH, 'utf8')) as { categories: unknown[] };
  const file = path.join(dir, options.fileName ?? 'bantin.json');
  const config = {
    port: 0,
    baseUrl: 'http://bantin.bench.example',
    store: options.store ?? 'db.json',
    outDir: 'feeds',
    // The synthetic portals share one loopback server but stand for as many hosts: the per-host delay
    // would measure the clock, not bantin (100 portals at the default 1 s: 100 s a cycle).
    hostDelaySeconds: 0,
    ...options.settings,
    categories: shipped.categories,
    sources: feeds.sources.map((source, index) => ({
      id: source.id,
      name: source.name,
      url: `${feeds.url}${source.path}`,
      priority: source.priority,
      categoryMap: source.categoryMap,
      ...(options.enabled && !options.enabled(index) ? { enabled: false } : {}),
    })),
  };
  await writeFile(file, JSON.stringify(config, null, 2));
  return loadConfig(file);
}
