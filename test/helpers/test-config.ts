/** A Config built in code for tests that drive runIngestion against loopback portals, with its files in `dir`. */
import path from 'node:path';
import type { Config } from '../../src/model/types.ts';

export function makeTestConfig(dir: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    baseUrl: 'http://bantin.test',
    schedule: '*/15 * * * *',
    timezone: 'Asia/Ho_Chi_Minh',
    store: path.join(dir, 'db.json'),
    outDir: path.join(dir, 'feeds'),
    feedSize: 50,
    retentionDays: 90,
    fetchTimeoutSeconds: 5,
    maxFeedBytes: 10_000_000,
    maxItemsPerFetch: 500,
    categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy', 'lừa đảo', 'nồng độ cồn'] }],
    sources: [],
    ...overrides,
  };
}
