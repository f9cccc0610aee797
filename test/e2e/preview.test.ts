// `npm run preview` as a child process against loopback servers: per item title, date, link, author, opening text and
// the rule behind each field; exit 0 with items, 1 without; nothing written.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import { buildRss } from '../helpers/build-rss.ts';
import { handTypedEnv, runProcess } from '../helpers/child-process.ts';
import { BUILD_MS, ensureCompiledBuild } from '../helpers/compiled-build.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startHtmlPortal, type HtmlPortal } from '../helpers/html-portal.ts';
import { runCli } from '../helpers/run-cli.ts';
import { FULL_TEXT_FEED, WARD_PORTAL, shippedSources } from '../helpers/shipped-demo.ts';
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

/** What `npm run preview -- <id>` must say about each shipped HTML and fullText source (data/demo/README.md). */
const SHIPPED_PREVIEWS: Record<string, { items: number; lines: string[]; links: string }> = {
  [WARD_PORTAL]: {
    items: 4,
    lines: [
      'article links: 4 (detected: repeated links in div.col-main > div.list-news > div.news-item > h3.news-title)\n',
      '1. Phường Thục Phán diễn tập chữa cháy và cứu nạn, cứu hộ tại chợ trung tâm   [first h1]\n',
      '   date:    2026-11-25 16:05 (Asia/Ho_Chi_Minh)   [Vietnamese date near the title]\n',
      '   author:  Công an phường Thục Phán   [closing byline]\n',
      '   [detected main text div.detail-content]\n',
    ],
    links: 'https://thucphan.caobang.example.gov.vn/tin-tuc/',
  },
  [FULL_TEXT_FEED]: {
    items: 3,
    lines: [
      '1. Tuyên án nhóm lừa đảo qua mạng chiếm đoạt hơn 8,7 tỷ đồng của 63 bị hại   [feed item]\n',
      '   author:  Quang Huy   [JSON-LD author]\n',
      '   [detected main text div.entry-content]\n',
    ],
    links: 'https://ptth.caobang.example.vn/',
  },
};

describe('npm run preview on the shipped demo, as an operator types it (compiled build, no network)', () => {
  beforeAll(ensureCompiledBuild, BUILD_MS);

  it('covers every shipped HTML and fullText source', async () => {
    const ids = (await shippedSources()).filter((source) => source.html !== undefined || source.fullText).map((source) => source.id);
    expect(ids.sort()).toEqual(Object.keys(SHIPPED_PREVIEWS).sort());
  });

  it.each(Object.entries(SHIPPED_PREVIEWS))('npm run preview -- %s shows every item with the rule behind each field', async (id, expected) => {
    const result = await runProcess('npm', ['run', 'preview', '--', id], { cwd: REPO_ROOT, env: handTypedEnv() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`items: ${expected.items}\n`);
    for (const line of expected.lines) expect(result.stdout).toContain(line);
    const links = [...result.stdout.matchAll(/^ {3}link: {4}(\S+)$/gm)].map((match) => match[1]!);
    expect(links).toHaveLength(expected.items);
    for (const link of links) expect(link.startsWith(expected.links), link).toBe(true);
  });
});
