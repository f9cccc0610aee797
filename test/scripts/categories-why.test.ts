import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import type { StoreData } from '../../src/model/types.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { createTestDatabase, onDatabase, skipWithoutPostgres } from '../helpers/postgres-database.ts';
import { buildRss } from '../helpers/build-rss.ts';
import { runScript } from '../helpers/run-cli.ts';

const HOSPITAL_THEFT = {
  guid: 'bt-1',
  title: 'Bắt đối tượng trộm cắp tài sản tại bệnh viện tỉnh',
  body: 'Giả làm người nhà bệnh nhân, đối tượng lấy trộm 5 điện thoại của người bệnh.',
  link: 'https://baotinh.example.vn/doi-song/bat-doi-tuong-trom-cap-1.html',
};
const SECTION_ITEM = {
  guid: 'bt-2',
  title: 'Một ngày của tổ công tác đặc biệt',
  body: 'Ghi chép từ xã vùng cao.',
  link: 'https://baotinh.example.vn/phap-luat/mot-ngay-2.html',
};
const EXCLUDED = {
  guid: 'bt-3',
  title: 'Lễ hội áo dài có hoa hậu tham dự',
  body: 'Người đẹp trình diễn áo dài lụa.',
  link: 'https://baotinh.example.vn/giai-tri/le-hoi-3.html',
};

const HOSPITAL_REVIEW = {
  guid: 'bt-4',
  title: 'Hội nghị tổng kết năm của bệnh viện tỉnh',
  body: 'Bệnh viện khám cho hơn 2.000 người bệnh mỗi tháng.',
  link: 'https://baotinh.example.vn/y-te/tong-ket-4.html',
};

const noPostgres = await skipWithoutPostgres('categories:why on a PostgreSQL store');
let dir: string;
let configFile: string;
let data: StoreData;

// One store for the whole file (makeTempDir's folders go after each test): the script only reads it.
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-why-'));
  await writeFile(path.join(dir, 'feed.xml'), buildRss('Báo tỉnh', [HOSPITAL_THEFT, SECTION_ITEM, EXCLUDED, HOSPITAL_REVIEW]));
  configFile = path.join(dir, 'bantin.json');
  const categories = [
    { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['trộm cắp', 'trộm', 'bắt đối tượng'] },
    { id: 'van-hoa-xa-hoi', title: 'Văn hóa - Xã hội', keywords: ['lễ hội'], exclude: ['hoa hậu'] },
    { id: 'y-te', title: 'Y tế', keywords: ['bệnh viện', 'bệnh nhân', 'người bệnh'] },
    { id: 'chinh-tri', title: 'Chính trị', keywords: ['nhiệm kỳ'], frames: ['hội nghị tổng kết'] },
  ];
  const sources = [{ id: 'bao-tinh', name: 'Báo tỉnh', file: 'feed.xml', urlMap: { '/phap-luat/': 'an-ninh-trat-tu' } }];
  await writeFile(configFile, JSON.stringify({ store: 'db.json', outDir: 'feeds', categories, sources }));
  const config = loadConfig(configFile);
  data = (await runIngestion({ config, store: createLowdbStore(config.store), logger: createSilentLogger(), mode: 'all' })).data;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const storyOf = (guid: string) => data.stories.find((story) => story.copies[0]!.key === `guid:${guid}`)!;

describe('npm run categories:why', () => {
  it('prints each category with its rule and words, and the categories one step away', async () => {
    const result = await runScript('scripts/categories-why.ts', [storyOf('bt-1').id, '--config', configFile]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`${storyOf('bt-1').id}  ${HOSPITAL_THEFT.title}`);
    expect(result.stdout).toContain('Filed under:\n  An ninh trật tự (an-ninh-trat-tu)\n    keyword "bắt đối tượng", "trộm cắp", "trộm" — copy of bao-tinh, ');
    // "tại bệnh viện tỉnh" is the headline's setting, so "bệnh viện" weighs as a text keyword and is told so.
    expect(result.stdout).toContain(
      'Near misses (one step away):\n  Y tế (y-te)\n    keywords "bệnh viện (in the headline\'s setting, weighed as text)", "bệnh nhân", "người bệnh" weigh 3 (0 in the title), less than another category\'s 7 (2 in the title)',
    );
    expect(result.stdout).toContain('Nothing close: Văn hóa - Xã hội, Chính trị.');
  });

  it('tells a frame word in the headline as weighed as text, and the sector that files the story', async () => {
    const result = await runScript('scripts/categories-why.ts', [storyOf('bt-4').id, '--config', configFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Filed under:\n  Y tế (y-te)\n    keyword "bệnh viện", "người bệnh" — copy of bao-tinh, ');
    expect(result.stdout).toContain(
      'Near misses (one step away):\n  Chính trị (chinh-tri)\n    one keyword in the text ("hội nghị tổng kết (names the kind of event, weighed as text)"); a second one, or one in the title, would file it',
    );
  });

  it('finds a story by a copy’s link and names the urlMap prefix that filed it', async () => {
    const result = await runScript('scripts/categories-why.ts', [`${SECTION_ITEM.link}?utm_source=zalo`, '--config', configFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  An ninh trật tự (an-ninh-trat-tu)\n    urlMap "/phap-luat/" (the link\'s path starts with it) — copy of bao-tinh, https://baotinh.example.vn/phap-luat/mot-ngay-2.html');
  });

  it('names the exclude phrase that stopped a category, by the bare uuid', async () => {
    const result = await runScript('scripts/categories-why.ts', [storyOf('bt-3').id.replace('urn:uuid:', ''), '--config', configFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Filed under no category.');
    expect(result.stdout).toContain('  Văn hóa - Xã hội (van-hoa-xa-hoi)\n    keywords "lễ hội" stopped by the exclude phrase "hoa hậu"');
  });

  it.skipIf(noPostgres)('reads a PostgreSQL store the same way (BANTIN_STORE), and ends', async () => {
    const url = await createTestDatabase();
    const store = createPostgresStore(url);
    await store.save(data);
    await store.close();
    const result = await runScript('scripts/categories-why.ts', [storyOf('bt-1').id, '--config', configFile], { BANTIN_STORE: url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Filed under:\n  An ninh trật tự (an-ninh-trat-tu)\n    keyword "bắt đối tượng", "trộm cắp", "trộm" — copy of bao-tinh, ');
  }, 60_000);

  it.skipIf(noPostgres)('never migrates a PostgreSQL store of an older schema: it refuses, naming both versions', async () => {
    const url = await createTestDatabase();
    const store = createPostgresStore(url);
    await store.save(data);
    await store.close();
    // The database as the bantin before migration 5 left it, with instances of that bantin still running.
    await onDatabase(url, async (client) => {
      await client.query('ALTER TABLE store_state DROP COLUMN removals_kept_after');
      await client.query('DELETE FROM bantin_schema WHERE version = 5');
    });
    const result = await runScript('scripts/categories-why.ts', [storyOf('bt-1').id, '--config', configFile], { BANTIN_STORE: url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has database schema version 4, this bantin knows 5; this command only reads and does not migrate it');
    const versions = await onDatabase(url, async (client) => (await client.query<{ version: number }>('SELECT version FROM bantin_schema ORDER BY version')).rows.map((row) => row.version));
    expect(versions.at(-1)).toBe(4);
  }, 60_000);

  it('exits 1 naming the story it could not find, and 2 without one', async () => {
    const missing = await runScript('scripts/categories-why.ts', ['urn:uuid:00000000-0000-4000-8000-000000000000', '--config', configFile]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no stored story has the id or link urn:uuid:00000000-0000-4000-8000-000000000000');
    const usage = await runScript('scripts/categories-why.ts', ['--config', configFile]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run categories:why -- <story id or URL>');
  });

  it.each([{ argument: '' }, { argument: '   ' }])('exits 2 with usage when the story argument is blank ($argument)', async ({ argument }) => {
    const result = await runScript('scripts/categories-why.ts', [argument, '--config', configFile]);
    expect(result.stderr).toContain('usage: npm run categories:why -- <story id or URL>');
    expect(result.stderr).not.toContain('no stored story');
    expect(result.code).toBe(2);
  });
});
