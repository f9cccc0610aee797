/**
 * Search and story pages on `npm start`'s service follow the store from cycle to cycle: a story a
 * cycle adds is found and shown, and one whose copy a portal rewrote is found by its new words only.
 * The file store hands the ingestion thread back the same data object, changed in place, so an index
 * kept by that object's identity would answer from the first state it saw.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/commands/serve-command.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { findClosedPort, startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const items: TestItem[] = [];
let portal: FixtureServer;
let service: RunningService;
let base: string;

const item = (guid: string, title: string, body: string): TestItem => ({ guid, title, body, date: 'Wed, 25 Nov 2026 09:30:00 +0700' });

beforeAll(async () => {
  portal = await startFixtureServer({
    '/rss': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(buildRss('Công an tỉnh', items));
    },
  });
  items.push(item('lua-chay-rung', 'Dập tắt đám cháy rừng thông ở xã Yên Thủy', 'Lực lượng kiểm lâm và dân quân xã Yên Thủy dập tắt đám cháy sau ba giờ, không có thiệt hại về người.'));
  const dir = await makeTempDir();
  const port = await findClosedPort();
  base = `http://127.0.0.1:${port}`;
  const configFile = path.join(dir, 'bantin.json');
  const categories = [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['trộm'] }];
  await writeFile(configFile, JSON.stringify({ port, baseUrl: base, schedule: '0 0 1 1 *', categories, sources: [{ id: 'cong-an-tinh', name: 'Công an tỉnh', url: `${portal.url}/rss` }] }));
  service = await startService(loadConfig(configFile), createSilentLogger());
  await service.firstIngestion;
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await portal?.close();
});

async function search(query: string): Promise<{ status: number; page: string }> {
  const response = await fetch(`${base}/search?q=${encodeURIComponent(query)}`);
  return { status: response.status, page: await response.text() };
}

const found = (page: string) => [...page.matchAll(/<a href="[^"]*\/stories\/([0-9a-f-]{36})">/g)].map((match) => match[1]!);

describe('search across cycles', () => {
  it('finds and shows the stories a later cycle added or rewrote', async () => {
    expect(found((await search('cháy rừng')).page)).toHaveLength(1);
    expect(found((await search('trộm')).page)).toHaveLength(0);

    items.push(item('bat-trom-xe', 'Bắt đối tượng trộm xe máy ở phường Hòa Bình', 'Công an phường Hòa Bình bắt giữ đối tượng trộm cắp xe máy tại bãi gửi xe chợ.'));
    items[0] = item('lua-chay-rung', 'Dập tắt đám cháy rừng keo ở xã Yên Thủy', 'Lực lượng kiểm lâm và dân quân xã Yên Thủy dập tắt đám cháy rừng keo sau ba giờ.');
    await service.ingestNow();

    const theft = found((await search('trộm xe')).page);
    expect(theft).toHaveLength(1);
    expect((await fetch(`${base}/stories/${theft[0]}`)).status).toBe(200);
    // Old and new tone placement alike: "Hoà Bình" finds "Hòa Bình".
    expect(found((await search('phường Hoà Bình')).page)).toEqual(theft);
    expect(found((await search('rừng keo')).page)).toHaveLength(1);
    expect(found((await search('rừng thông')).page)).toHaveLength(0);
  }, 60_000);
});
