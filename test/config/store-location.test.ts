// The `store` setting: a postgres:// URL is kept as given, a path is resolved, BANTIN_STORE wins, and
// a URL of any other scheme is refused rather than taken for a file name.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { parseStoreCopyArgs } from '../../src/config/store-copy-args.ts';
import { ConfigError } from '../../src/errors.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const CATEGORY = { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy'] };
const SOURCE = { id: 'cong-an', name: 'Công an tỉnh', url: 'https://congan.example.vn/rss' };

async function configWith(store: string | undefined): Promise<string> {
  const file = path.join(await makeTempDir(), 'bantin.json');
  await writeFile(file, JSON.stringify({ categories: [CATEGORY], sources: [SOURCE], ...(store === undefined ? {} : { store }) }));
  return file;
}

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the store setting', () => {
  it.each([
    'postgres://bantin@127.0.0.1:5432/bantin',
    'postgresql://bantin:mật-khẩu@db.hoabinh.example/bantin?sslmode=require',
  ])('keeps the URL %s as given', async (url) => {
    expect(loadConfig(await configWith(url)).store).toBe(url);
  });

  it('resolves a file path against the config folder', async () => {
    const file = await configWith('data/tinh.json');
    expect(loadConfig(file).store).toBe(path.join(path.dirname(file), 'data/tinh.json'));
  });

  it('takes BANTIN_STORE over the config: a URL as given, a path from the folder the user is in', async () => {
    const file = await configWith('data/db.json');
    expect(loadConfig(file, { BANTIN_STORE: 'postgres://bantin@127.0.0.1/bantin' }).store).toBe('postgres://bantin@127.0.0.1/bantin');
    expect(loadConfig(file, { BANTIN_STORE: 'khac.json', INIT_CWD: '/srv/tin' }).store).toBe('/srv/tin/khac.json');
    expect(loadConfig(file, { BANTIN_STORE: '' }).store).toBe(path.join(path.dirname(file), 'data/db.json'));
  });

  it('refuses a URL of another scheme, in the config and in BANTIN_STORE', async () => {
    const file = await configWith('mysql://db/bantin');
    expect(problemsOf(() => loadConfig(file))).toEqual(['store: a mysql:// URL is not a store; give a file path or a postgres:// URL']);
    const good = await configWith(undefined);
    expect(problemsOf(() => loadConfig(good, { BANTIN_STORE: 'redis://cache' }))).toEqual([
      'BANTIN_STORE: a redis:// URL is not a store; give a file path or a postgres:// URL',
    ]);
  });
});

describe('store:copy arguments', () => {
  it('resolves file paths from the user’s folder and keeps URLs', () => {
    expect(parseStoreCopyArgs(['--from', 'data/db.json', '--to=postgres://bantin@127.0.0.1/bantin'], { INIT_CWD: '/srv/tin' })).toEqual({
      from: '/srv/tin/data/db.json', to: 'postgres://bantin@127.0.0.1/bantin', replace: false,
    });
  });

  it('names every missing or wrong argument', () => {
    expect(problemsOf(() => parseStoreCopyArgs(['--to', 'ftp://x'], {}))).toEqual([
      '--from: needs a store (a file path or a postgres:// URL)',
      '--to: a ftp:// URL is not a store; give a file path or a postgres:// URL',
    ]);
    expect(problemsOf(() => parseStoreCopyArgs(['--from', 'a.json', '--to', 'a.json'], { INIT_CWD: '/srv' }))).toEqual(['--to: the same store as --from']);
  });
});
