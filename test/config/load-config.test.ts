import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, loadConfig, resolveConfigPath } from '../../src/config/load-config.ts';
import { ConfigError } from '../../src/errors.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const CATEGORY = { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy'] };
const SOURCE = { id: 'cong-an', name: 'Công an tỉnh', url: 'https://congan.example.vn/rss' };

async function writeConfig(content: unknown): Promise<string> {
  const dir = await makeTempDir();
  const file = path.join(dir, 'bantin.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function problemsOf(file: string, env: NodeJS.ProcessEnv = {}): readonly string[] {
  try {
    loadConfig(file, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills every default of SPEC.md and resolves paths against the config folder', async () => {
    const file = await writeConfig({ categories: [CATEGORY], sources: [SOURCE, { id: 'demo', name: 'Demo', file: 'demo.xml' }] });
    const config = loadConfig(file);
    const dir = path.dirname(file);
    expect(config).toMatchObject({
      port: 8080,
      baseUrl: 'http://localhost:8080',
      schedule: '*/15 * * * *',
      timezone: 'Asia/Ho_Chi_Minh',
      store: path.join(dir, 'data/db.json'),
      outDir: path.join(dir, 'feeds'),
      feedSize: 50,
      retentionDays: 90,
      fetchTimeoutSeconds: 20,
      maxFeedBytes: 10_000_000,
      maxItemsPerFetch: 500,
    });
    expect(config.sources[0]).toMatchObject({ priority: 0, enabled: true, timezone: 'Asia/Ho_Chi_Minh', categoryMap: {}, urlMap: {} });
    expect(config.categories[0]).toMatchObject({ keywords: ['ma túy'], exclude: [], agencies: [], frames: [], beneficiaries: [] });
    expect(config.sources[1]!.file).toBe(path.join(dir, 'demo.xml'));
    expect(Object.isFrozen(config.sources[0])).toBe(true);
  });

  it('lets PORT override the port and the default baseUrl follow it', async () => {
    const file = await writeConfig({ port: 9000, categories: [CATEGORY], sources: [SOURCE] });
    const config = loadConfig(file, { PORT: '9100' });
    expect(config.port).toBe(9100);
    expect(config.baseUrl).toBe('http://localhost:9100');
  });

  it('uses the shipped Vietnamese categories and demo sources when a config leaves them out', async () => {
    const config = loadConfig(await writeConfig({ port: 8081 }));
    expect(config.categories.map((category) => category.id)).toContain('an-ninh-trat-tu');
    expect(config.categories.find((category) => category.id === 'an-ninh-trat-tu')!.title).toBe('An ninh trật tự');
    expect(config.sources.length).toBeGreaterThanOrEqual(3);
    expect(config.sources.every((source) => source.file?.startsWith(path.dirname(DEFAULT_CONFIG_PATH)))).toBe(true);
  });

  it.each([
    { name: 'a missing url', config: { sources: [{ id: 'a', name: 'A' }] }, problem: 'sources[0].url: required (or file)' },
    { name: 'an unknown top-level key', config: { prot: 80 }, problem: 'prot: unknown key' },
    { name: 'an unknown source key', config: { sources: [{ ...SOURCE, urll: 'x' }] }, problem: 'sources[0].urll: unknown key' },
    { name: 'a wrong type', config: { feedSize: 'fifty' }, problem: 'feedSize: Invalid input: expected number, received string' },
    { name: 'a missing source name', config: { sources: [{ id: 'a', url: 'https://a.vn/rss' }] }, problem: 'sources[0].name: required' },
    { name: 'a non-slug id', config: { sources: [{ ...SOURCE, id: 'Công An' }] }, problem: 'sources[0].id: must be a lowercase ASCII slug (a-z, 0-9, -)' },
    { name: 'the reserved id all', config: { categories: [{ ...CATEGORY, id: 'all' }] }, problem: 'categories[0].id: "all" is reserved for the feed of every story' },
    { name: 'a non-http url', config: { sources: [{ ...SOURCE, url: 'ftp://x.vn/rss' }] }, problem: 'sources[0].url: must be an http(s) URL' },
    { name: 'no item allowed per fetch', config: { maxItemsPerFetch: 0 }, problem: 'maxItemsPerFetch: Too small: expected number to be >=1' },
    { name: 'a bad cron expression', config: { schedule: 'every 15 minutes' }, problem: 'schedule: not a valid cron expression' },
    { name: 'an unknown zone', config: { timezone: 'Asia/Hanoi_City' }, problem: 'timezone: not a known IANA time zone' },
    { name: 'a categoryMap to nowhere', config: { categories: [CATEGORY], sources: [{ ...SOURCE, categoryMap: { 'Pháp luật': 'phap-luat' } }] }, problem: 'sources[0].categoryMap.Pháp luật: no category "phap-luat"' },
    { name: 'a urlMap prefix that is no path', config: { categories: [CATEGORY], sources: [{ ...SOURCE, urlMap: { 'phap-luat/': 'an-ninh-trat-tu' } }] }, problem: 'sources[0].urlMap.phap-luat/: must be a path starting with "/"' },
    { name: 'a urlMap to nowhere', config: { categories: [CATEGORY], sources: [{ ...SOURCE, urlMap: { '/phap-luat/': 'phap-luat' } }] }, problem: 'sources[0].urlMap./phap-luat/: no category "phap-luat"' },
    { name: 'an empty exclude phrase', config: { categories: [{ ...CATEGORY, exclude: [' '] }] }, problem: 'categories[0].exclude[0]: must not be empty' },
    { name: 'an empty agency name', config: { categories: [{ ...CATEGORY, agencies: [''] }] }, problem: 'categories[0].agencies[0]: must not be empty' },
    { name: 'a blank beneficiary', config: { categories: [{ ...CATEGORY, beneficiaries: ['  '] }] }, problem: 'categories[0].beneficiaries[0]: must not be empty' },
    { name: 'an empty frame word', config: { categories: [{ ...CATEGORY, frames: [' '] }] }, problem: 'categories[0].frames[0]: must not be empty' },
    { name: 'an empty ownEvents body', config: { categories: [{ ...CATEGORY, ownEvents: { bodies: [''], events: ['giải bóng đá'] } }] }, problem: 'categories[0].ownEvents.bodies[0]: must not be empty' },
    { name: 'duplicate source ids', config: { categories: [CATEGORY], sources: [SOURCE, SOURCE] }, problem: 'sources[1].id: duplicate id "cong-an"' },
  ])('names the field for $name', async ({ config, problem }) => {
    expect(problemsOf(await writeConfig(config))).toContain(problem);
  });

  it('reports JSON syntax errors and unreadable files by file', async () => {
    const file = await writeConfig('{ "port": 80, }');
    expect(problemsOf(file)[0]).toMatch(/^not valid JSON/);
    expect(() => loadConfig(path.join(path.dirname(file), 'missing.json'))).toThrow(/missing\.json:\n {2}cannot read the file \(ENOENT\)/);
  });

  it('rejects a PORT that is not a port', async () => {
    const file = await writeConfig({ categories: [CATEGORY], sources: [SOURCE] });
    expect(problemsOf(file, { PORT: 'eighty' })).toEqual(['PORT: not a port number: eighty']);
  });

  it('writes nothing when the config is invalid', async () => {
    const file = await writeConfig({ store: 'db.json', sources: [{ id: 'x' }] });
    expect(() => loadConfig(file)).toThrow(ConfigError);
    expect(await readdir(path.dirname(file))).toEqual(['bantin.json']);
  });
});

describe('resolveConfigPath', () => {
  it.each([
    { argv: ['--config', 'a.json'], env: { BANTIN_CONFIG: 'b.json' }, expected: path.resolve('a.json') },
    { argv: ['--config=c.json'], env: {}, expected: path.resolve('c.json') },
    { argv: [], env: { BANTIN_CONFIG: 'b.json' }, expected: path.resolve('b.json') },
    { argv: [], env: {}, expected: DEFAULT_CONFIG_PATH },
    { argv: ['--config', 'site/bantin.json'], env: { INIT_CWD: '/srv/tin' }, expected: '/srv/tin/site/bantin.json' },
    { argv: [], env: { BANTIN_CONFIG: 'bantin.json', INIT_CWD: '/srv/tin' }, expected: '/srv/tin/bantin.json' },
    { argv: ['--config', '/etc/bantin.json'], env: { INIT_CWD: '/srv/tin' }, expected: '/etc/bantin.json' },
  ])('picks $expected from $argv and $env', ({ argv, env, expected }) => {
    expect(resolveConfigPath(argv, env)).toBe(expected);
  });
});
