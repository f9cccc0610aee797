import { afterEach, describe, expect, it } from 'vitest';
import { runIngestCommand } from '../../src/commands/ingest-command.ts';
import type { Config } from '../../src/model/types.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { buildRss, type TestItem } from '../helpers/build-rss.ts';
import { capturingLogger } from '../helpers/capturing-logger.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeTestConfig } from '../helpers/test-config.ts';

// Invented news, written for this test: two stories the new rules move, two they leave where they were.
const ITEMS: TestItem[] = [
  { guid: 'lc-1', title: 'Thu giữ 5 gói ma túy đá trong một nhà nghỉ ở xã Bản Lầu', body: 'Công an xã Bản Lầu kiểm tra nhà nghỉ lúc nửa đêm.' },
  { guid: 'lc-2', title: 'Kiểm tra nồng độ cồn người lái xe trên tỉnh lộ 12', body: 'Tổ công tác lập biên bản 9 người vi phạm.' },
  { guid: 'lc-3', title: 'Tai nạn trên đèo Ô Quy Hồ, xe khách lật nghiêng', body: 'Ba hành khách bị thương nhẹ, đã được đưa đi viện.' },
  { guid: 'lc-4', title: 'Cảnh báo lừa đảo mời làm cộng tác viên bán hàng', body: 'Nhiều người mất tiền sau khi chuyển khoản đặt cọc.' },
];

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function ingest(config: Config, log: Record<string, unknown>[] = []): Promise<string[]> {
  const printed: string[] = [];
  await runIngestCommand(config, createLowdbStore(config.store), capturingLogger(log), (line) => printed.push(line));
  return printed;
}

describe('npm run ingest after the category rules changed', () => {
  it('counts the stored stories re-filed into other categories, as /api/changes reports them updated', async () => {
    const dir = await makeTempDir();
    const server = await startFixtureServer({ '/rss': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(buildRss('Lào Cai', ITEMS)) });
    servers.push(server);
    const before = makeTestConfig(dir, {
      categories: [
        { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy', 'nồng độ cồn', 'lừa đảo'] },
        { id: 'giao-thong', title: 'Giao thông', keywords: ['tai nạn'] },
      ],
      sources: [makeSource('lao-cai', { url: `${server.url}/rss` })],
    });
    const first = await ingest(before);
    expect(first.at(-1)).toBe('1 sources (0 failed); stories: 4 new, 0 updated, 0 re-filed, 0 pruned, 4 stored');

    // The operator moves two keywords to other categories; the portal's feed is the same.
    const after: Config = {
      ...before,
      categories: [
        { id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy'] },
        { id: 'giao-thong', title: 'Giao thông', keywords: ['tai nạn', 'nồng độ cồn'] },
        { id: 'canh-bao', title: 'Cảnh báo', keywords: ['lừa đảo'] },
      ],
    };
    const log: Record<string, unknown>[] = [];
    const second = await ingest(after, log);
    expect(second.at(-1)).toBe('1 sources (0 failed); stories: 0 new, 0 updated, 2 re-filed, 0 pruned, 4 stored');
    expect(log.find((line) => line.msg === 'ingestion finished')).toMatchObject({ stories_added: 0, stories_updated: 0, stories_refiled: 2 });

    const { changes, lastRun } = await createLowdbStore(before.store).load();
    const updated = changes!.records.filter((change) => change.type === 'updated');
    expect(updated).toHaveLength(2);
    expect(lastRun).toMatchObject({ storiesRefiled: 2 });

    // Run again under the same rules: nothing is re-filed.
    const third = await ingest(after);
    expect(third.at(-1)).toBe('1 sources (0 failed); stories: 0 new, 0 updated, 0 re-filed, 0 pruned, 4 stored');
  });
});
