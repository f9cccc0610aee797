/**
 * The shipped demo as `npm start` reads it with no network: bantin.config.json's own sources, files under
 * data/demo/, and what a service over them must show (data/demo/README.md): 41 items in 34 stories, the
 * ward portal's HTML page merged with the feed copies of the same fire drill, the full-text page with the
 * feed copies of the same trial.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { DEFAULT_CONFIG_PATH, REPO_ROOT } from '../../src/config/load-config.ts';

interface ShippedSource {
  id: string;
  name: string;
  file: string;
  html?: object;
  fullText?: boolean;
}

interface JsonFeedItem {
  id: string;
  title: string;
  _bantin: { sources: { id: string; name: string; url: string }[] };
}

export const WARD_PORTAL = 'cong-phuong-thuc-phan';
export const FULL_TEXT_FEED = 'dai-phat-thanh';
const DEMO_STORIES = 34;
const FIRE_DRILL = {
  title: 'Diễn tập chữa cháy và cứu nạn, cứu hộ tại chợ Hòa Chung',
  sources: ['cong-an-tinh', WARD_PORTAL, 'cong-thong-tin-tinh'],
  wardPage: 'https://thucphan.caobang.example.gov.vn/tin-tuc/dien-tap-chua-chay-cuu-nan-cuu-ho-tai-cho-hoa-chung-1187.html',
};
const TRIAL = {
  title: 'Xét xử 4 bị cáo giả danh công an, nhân viên ngân hàng lừa đảo chiếm đoạt 8,7 tỷ đồng',
  sources: ['bao-tinh', 'cong-an-tinh', FULL_TEXT_FEED],
  fullTextPage: 'https://ptth.caobang.example.vn/tuyen-an-nhom-lua-dao-qua-mang-chiem-doat-8-7-ty-dong-30412.html',
};

export async function shippedSources(): Promise<ShippedSource[]> {
  return (JSON.parse(await readFile(DEFAULT_CONFIG_PATH, 'utf8')) as { sources: ShippedSource[] }).sources;
}

/**
 * bantin.config.json unchanged but for where it listens and writes (`port`, `store` and `outDir` in `dir`);
 * its relative `file` paths made absolute, since a config's paths are read from its own folder.
 */
export async function writeShippedConfig(dir: string, port: number): Promise<string> {
  const shipped = JSON.parse(await readFile(DEFAULT_CONFIG_PATH, 'utf8')) as { sources: ShippedSource[] };
  const sources = shipped.sources.map((source) => ({ ...source, file: path.resolve(REPO_ROOT, source.file) }));
  const file = path.join(dir, 'bantin.json');
  await writeFile(file, JSON.stringify({ ...shipped, port, store: path.join(dir, 'db.json'), outDir: path.join(dir, 'feeds'), sources }, null, 2));
  return file;
}

/** The merged demo as a reader sees it from the service at `base`: the feed of every story, then the fire drill's story page. */
export async function expectShippedDemoMerged(base: string): Promise<void> {
  const names = new Map((await shippedSources()).map((source) => [source.id, source.name]));
  const response = await fetch(`${base}/feeds/all.json`);
  expect(response.status).toBe(200);
  const items = ((await response.json()) as { items: JsonFeedItem[] }).items;
  expect(items).toHaveLength(DEMO_STORIES);
  const sourceIds = (item: JsonFeedItem) => item._bantin.sources.map((source) => source.id).sort();
  expect(items.map((item) => item._bantin.sources.length).filter((count) => count > 1).sort()).toEqual([2, 3, 3, 3]);

  // The ward portal (HTML, no feed) in exactly one merged story, beside two feed sources' copies.
  const wardMerged = items.filter((item) => sourceIds(item).includes(WARD_PORTAL) && item._bantin.sources.length > 1);
  expect(wardMerged.map((item) => item.title)).toEqual([FIRE_DRILL.title]);
  expect(sourceIds(wardMerged[0]!)).toEqual(FIRE_DRILL.sources);
  expect(wardMerged[0]!._bantin.sources.find((source) => source.id === WARD_PORTAL)?.url).toBe(FIRE_DRILL.wardPage);

  // The summary-only feed's item, published from its page's full text, with the other copies of the trial.
  const trial = items.filter((item) => sourceIds(item).includes(FULL_TEXT_FEED) && item._bantin.sources.length > 1);
  expect(trial.map((item) => item.title)).toEqual([TRIAL.title]);
  expect(sourceIds(trial[0]!)).toEqual(TRIAL.sources);
  expect(trial[0]!._bantin.sources.find((source) => source.id === FULL_TEXT_FEED)?.url).toBe(TRIAL.fullTextPage);

  const page = await fetch(`${base}/stories/${wardMerged[0]!.id.replace(/^urn:uuid:/, '')}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  for (const id of FIRE_DRILL.sources) expect(html).toContain(names.get(id)!);
  expect(html).toContain(FIRE_DRILL.wardPage);
}
