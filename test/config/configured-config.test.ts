import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfigPath } from '../../src/config/load-config.ts';

// `npm test -- --config <path>` checks the operator's config here; without it, the shipped one.
const configPath = resolveConfigPath([], process.env);

describe(`the configured config (${configPath})`, () => {
  it('loads, with categories and enabled sources whose files exist', async () => {
    const config = loadConfig(configPath, process.env);
    expect(config.categories.length).toBeGreaterThan(0);
    expect(config.sources.some((source) => source.enabled)).toBe(true);
    for (const source of config.sources.filter((candidate) => candidate.file !== undefined)) {
      await expect(access(source.file!), `sources ${source.id}: ${source.file}`).resolves.toBeUndefined();
    }
  });
});
