// `npm run preview` as a child process against loopback servers: per item title, date, link, author, opening text and
// the rule behind each field; exit 0 with items, 1 without; nothing written.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRss } from '../helpers/build-rss.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startHtmlPortal, type HtmlPortal } from '../helpers/html-portal.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ARTICLE = {
  slug: 'dien-tap-chua-chay-123',
  title: 'Xã Hòa An diễn tập phòng cháy chữa cháy tại chợ trung tâm',
  date: '04/12/2026 08:30',
  paragraphs: ['Sáng 4/12, Ủy ban nhân dân xã Hòa An phối hợp với Công an xã tổ chức diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại chợ trung tâm xã. Tình huống giả định là một vụ cháy do chập điện ở khu bán hàng khô, lan sang các ki-ốt bên cạnh.'],
  author: 'Minh Anh',
};

let portal: HtmlPortal | undefined;
let feed: FixtureServer | undefined;
afterEach(async () => {
  await portal?.server.close();
  await feed?.close();
  portal = feed = undefined;
});

async function configWith(sources: object[]): Promise<{ dir: string; file: string }> {
  const dir = await makeTempDir();
  const file = path.join(dir, 'bantin.json');
  await writeFile(file, JSON.stringify({ hostDelaySeconds: 0, categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự' }], sources }));
  return { dir, file };
}

describe('npm run preview', () => {
  it('shows an HTML source\'s items with the rule that found each field, and writes nothing', async () => {
    portal = await startHtmlPortal([ARTICLE]);
    const { dir, file } = await configWith([{ id: 'xa-hoa-an', name: 'Cổng thông tin xã Hòa An', url: `${portal.url}/tin-tuc`, html: {} }]);
    const result = await runCli(['preview', 'xa-hoa-an', '--config', file]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('article links: 1 (detected: repeated links in');
    expect(out).toContain(`1. ${ARTICLE.title}   [first h1]`);
    expect(out).toContain('   date:    2026-12-04 08:30 (Asia/Ho_Chi_Minh)   [Vietnamese date near the title]');
    expect(out).toContain(`   link:    ${portal.url}/tin-tuc/${ARTICLE.slug}.html`);
    expect(out).toContain('   author:  Minh Anh   [closing byline]');
    expect(out).toContain(`   text:    ${ARTICLE.paragraphs[0]!.slice(0, 200)}…   [detected main text div.content]`);
    expect(await readdir(dir)).toEqual(['bantin.json']);
  });

  it('reads a URL that is not a feed as a list page', async () => {
    portal = await startHtmlPortal([ARTICLE]);
    const { file } = await configWith([]);
    const result = await runCli(['preview', `${portal.url}/tin-tuc`, '--config', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`1. ${ARTICLE.title}   [first h1]`);
  });

  it('previews a feed by URL', async () => {
    feed = await startFixtureServer({ '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss('Công an tỉnh', [{ guid: 'ca-1', title: 'Tuần tra bảo đảm an toàn giao thông', body: 'Lực lượng cảnh sát giao thông tăng cường tuần tra.' }])) });
    const { file } = await configWith([]);
    const result = await runCli(['preview', `${feed.url}/rss`, '--config', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1. Tuần tra bảo đảm an toàn giao thông\n');
    expect(result.stdout).toContain('   text:    Lực lượng cảnh sát giao thông tăng cường tuần tra.\n');
  });

  it.each([
    { id: 'cong-phuong-thuc-phan', items: 4, rule: '   [detected main text div.detail-content]' },
    { id: 'dai-phat-thanh', items: 3, rule: '   [detected main text div.entry-content]' },
  ])('works on the shipped demo source $id, with no network', async ({ id, items, rule }) => {
    const result = await runCli(['preview', id]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`items: ${items}\n`);
    expect(result.stdout).toContain(rule);
  });

  it('exits 1, saying why, when the source gives no item', async () => {
    portal = await startHtmlPortal([]);
    const { file } = await configWith([{ id: 'xa-hoa-an', name: 'Cổng thông tin xã Hòa An', url: `${portal.url}/tin-tuc`, html: {} }]);
    const result = await runCli(['preview', 'xa-hoa-an', '--config', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error: no article links found on the list page');
    const unknown = await runCli(['preview', 'khong-co', '--config', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('no source "khong-co"');
  });
});
