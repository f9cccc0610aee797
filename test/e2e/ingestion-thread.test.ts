import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/commands/serve-command.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { StoreError } from '../../src/errors.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { compareStoriesNewestFirst } from '../../src/model/story.ts';
import type { Story } from '../../src/model/types.ts';
import { createEmptyStoreData } from '../../src/store/empty-store.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { capturingLogger } from '../helpers/capturing-logger.ts';
import { setUpDemo, type DemoSetup } from '../helpers/demo-config.ts';
import { rejectionOf } from '../helpers/rejection.ts';
import { makeCopy } from '../helpers/make-copy.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const running: { service?: RunningService; demo: DemoSetup }[] = [];
afterEach(async () => {
  for (const { service, demo } of running.splice(0)) {
    await service?.stop();
    await demo.server.close();
  }
});

async function demoConfig(extra: Record<string, unknown> = {}) {
  const dir = await makeTempDir();
  const demo = await setUpDemo(dir, { baseUrl: 'http://bantin.test', ...extra });
  running.push({ demo });
  return loadConfig(demo.configFile);
}

describe('npm start with ingestion on its own thread', () => {
  it('ingests on the ingestion thread and passes its log records to the serving logger', async () => {
    const config = await demoConfig();
    const lines: Record<string, unknown>[] = [];
    const service = await startService(config, capturingLogger(lines));
    running[running.length - 1]!.service = service;
    await service.firstIngestion;
    const ingested = lines.filter((line) => line.msg === 'source ingested');
    expect(ingested.map((line) => line.source_id).sort()).toEqual(['bao-tinh', 'cong-an-tinh', 'cong-phuong-thuc-phan', 'cong-thong-tin-tinh', 'dai-phat-thanh']);
    expect(ingested.every((line) => line.thread === 'ingestion' && line.level === 30)).toBe(true);
    expect(lines.find((line) => line.msg === 'source failed')).toMatchObject({ source_id: 'cong-huyen-hong', thread: 'ingestion', error: 'HTTP 500' });
    expect(lines.find((line) => line.msg === 'serving')).not.toHaveProperty('thread');
  });

  it('serves later pages rendered by the ingestion thread, which holds the stories', async () => {
    const config = await demoConfig({ feedSize: 4 });
    const service = await startService(config, createSilentLogger());
    running[running.length - 1]!.service = service;
    await service.firstIngestion;
    const base = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
    const stored = (await createLowdbStore(config.store).load()).stories.sort(compareStoriesNewestFirst);
    const second = await fetch(`${base}/feeds/all.json?page=2`);
    expect(second.status).toBe(200);
    const items = ((await second.json()) as { items: { id: string; title: string }[] }).items;
    expect(items.map((item) => item.id)).toEqual(stored.slice(4, 8).map((story) => story.id));
    expect(items.some((item) => /[ăâđêôơư]/u.test(item.title))).toBe(true);
    const again = await fetch(`${base}/feeds/all.json?page=2`);
    expect(again.headers.get('etag')).toBe(second.headers.get('etag'));
    const lastPage = Math.ceil(stored.length / 4);
    expect((await fetch(`${base}/feeds/all.rss?page=${lastPage}`)).status).toBe(200);
    expect((await fetch(`${base}/feeds/all.rss?page=${lastPage + 1}`)).status).toBe(404);
  });

  it('builds the search index on its own while idle, so a search finds the stories already stored', async () => {
    const config = await demoConfig();
    const now = Date.now();
    // Stories from before this start: the index must take all of them, a slice at a time.
    const stories: Story[] = Array.from({ length: 260 }, (_, n) => {
      const date = new Date(now - (n + 1) * 60_000).toISOString();
      const title = n % 2 === 0 ? `Bắt đối tượng trộm xe máy thứ ${n} ở phường Thục Phán` : `Hội thi hòa giải viên giỏi lần thứ ${n} ở xã Hòa An`;
      const copy = makeCopy({ sourceId: 'bao-tinh', key: `guid:truoc-${n}`, title, text: 'Tin do cổng thông tin phường đưa từ trước.', datePublished: date });
      return { id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, copies: [copy], categories: [], datePublished: date, dateModified: date };
    });
    await createLowdbStore(config.store).save({ ...createEmptyStoreData(), stories });
    const lines: Record<string, unknown>[] = [];
    const service = await startService(config, capturingLogger(lines));
    running[running.length - 1]!.service = service;
    await service.firstIngestion;
    const built = await waitFor(() => lines.find((line) => line.msg === 'search index built'), 30_000);
    expect(built).toMatchObject({ thread: 'ingestion' });
    expect(built.stories as number).toBeGreaterThanOrEqual(260);
    expect(built.slices as number).toBeGreaterThan(1);
    const base = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
    const page = await (await fetch(`${base}/search?q=${encodeURIComponent('trộm xe máy')}`)).text();
    expect(page).toContain('130 tin');
  });

  it('refuses to start on a corrupt store, naming the file, and leaves it untouched', async () => {
    const config = await demoConfig();
    await mkdir(path.dirname(config.store), { recursive: true });
    await writeFile(config.store, '{"schemaVersion":1,"stories":[{"id":"urn:uuid:hỏng"');
    const error = await rejectionOf(startService(config, createSilentLogger()), StoreError);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain(config.store);
    expect(await readFile(config.store, 'utf8')).toBe('{"schemaVersion":1,"stories":[{"id":"urn:uuid:hỏng"');
  });
});

/** Polls `find` every 50 ms until it gives something, or fails after `timeoutMs`. */
async function waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const found = find();
    if (found !== undefined) return found;
  }
  throw new Error(`nothing found within ${timeoutMs} ms`);
}
