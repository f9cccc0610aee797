// Replays a portal whose headline text is `<img src=x onerror=…>`: bantin's RSS must hand it to readers as text, never as an element.
import { spawnSync } from 'node:child_process';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFeed } from '../../src/publish/render-feed.ts';
import { buildRss } from '../helpers/build-rss.ts';
import { DEBIAN_PYTHON } from '../helpers/debian-python.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startDemoService, type DemoService } from '../helpers/running-service.ts';
import { skipWithout } from '../helpers/required-tool.ts';
import { drugRingStory, makeCopy, makeView } from '../publish/fixtures.ts';

/** Headlines as their text reads (what a portal meant to show), each with markup a reader must not build. */
const HOSTILE_TITLES = [
  '<img src=x onerror=alert(1)> Cháy kho hàng',
  '<b>Khẩn</b> Sạt lở đất trên đèo Thung Khe & Quốc lộ 6',
  '<script>alert("xã")</script> Bắt đối tượng trộm cắp tài sản',
  'Giá lúa a]]><img src=x onerror=alert(2)> tăng',
];

const hasFeedparser = spawnSync(DEBIAN_PYTHON, ['-c', 'import feedparser'], { encoding: 'utf8' }).status === 0;
// Under CI=true a missing feedparser is a failing test of its own, so the checks below never go quiet there.
const skipFeedparser = skipWithout(hasFeedparser, 'python3-feedparser', 'rss-title-markup feedparser');

/**
 * An RSS title read as HTML, as most readers and partner scripts read it: no `<` means no parser can build an
 * element from it, and its character references decode back to the headline's text.
 */
function readTitleAsHtml(title: string): { hasMarkup: boolean; text: string } {
  const text = title
    .replace(/&#x([0-9a-f]+);/gi, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_match, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_match, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
  return { hasMarkup: title.includes('<'), text };
}

// feedparser guesses whether an RSS title is HTML; where it says so, its text is what an HTML parser finds in it.
const FEEDPARSER_SCRIPT = `
import sys, json, feedparser
from html.parser import HTMLParser
class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], ''
    def handle_starttag(self, tag, attrs): self.tags.append(tag)
    def handle_startendtag(self, tag, attrs): self.tags.append(tag)
    def handle_data(self, data): self.text += data
out = []
for entry in feedparser.parse(sys.stdin.buffer.read()).entries:
    kind = entry.title_detail.type
    if kind == 'text/html':
        reader = Reader(); reader.feed(entry.title); reader.close()
        out.append({'link': entry.get('link'), 'tags': reader.tags, 'text': reader.text})
    else:
        out.append({'link': entry.get('link'), 'tags': [], 'text': entry.title})
print(json.dumps(out))
`;

function readWithFeedparser(rss: string): { link: string; tags: string[]; text: string }[] {
  const result = spawnSync(DEBIAN_PYTHON, ['-c', FEEDPARSER_SCRIPT], { input: rss, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function storyTitled(title: string, index: number) {
  const url = `https://congan.hoabinh.gov.vn/tin/${index}.html`;
  return { ...drugRingStory, id: `urn:uuid:00000000-0000-4000-8000-00000000000${index}`, copies: [makeCopy({ sourceId: 'bao-hoabinh', url, key: `link:${url}`, title })] };
}

describe('an RSS title holding markup as text', () => {
  it('reaches rss-parser as escaped text that reads back as the headline, never as an element', async () => {
    const rss = renderFeed('rss', makeView({ stories: HOSTILE_TITLES.map(storyTitled) }));
    const items = (await new Parser().parseString(rss)).items;
    expect(items.map((item) => readTitleAsHtml(item.title!))).toEqual(HOSTILE_TITLES.map((text) => ({ hasMarkup: false, text })));
  });

  it.skipIf(skipFeedparser)('reaches feedparser as the headline text with no element in it', () => {
    const rss = renderFeed('rss', makeView({ stories: HOSTILE_TITLES.map(storyTitled) }));
    expect(readWithFeedparser(rss).map(({ tags, text }) => ({ tags, text }))).toEqual(HOSTILE_TITLES.map((text) => ({ tags: [], text })));
  });
});

describe('the running service republishing a portal whose headlines hold markup as text', () => {
  let portal: FixtureServer;
  let running: DemoService;

  beforeAll(async () => {
    // The portal escapes its headlines properly: the text a reader of the portal sees is the markup itself.
    const items = HOSTILE_TITLES.map((title, index) => ({
      guid: `xa-${index}`,
      title: title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      body: [
        'Lực lượng chức năng xã Mông Hóa đã có mặt kịp thời, phối hợp với người dân khắc phục hậu quả và bảo đảm an toàn cho khu dân cư.',
        'Đoàn kiểm tra liên ngành của huyện Kỳ Sơn đã làm việc với các hộ kinh doanh dọc tuyến đường tỉnh 445 trong suốt buổi sáng.',
        'Công an xã Trung Minh đã lập biên bản, tạm giữ tang vật và đang củng cố hồ sơ để xử lý theo quy định của pháp luật.',
        'Hợp tác xã nông nghiệp Yên Mông cho biết vụ mùa năm nay năng suất đạt khá, thương lái đến tận ruộng thu mua.',
      ][index]!,
      link: `http://cong-xa.example/tin/xa-${index}.html`,
      date: 'Sat, 28 Nov 2026 08:00:00 +0700',
    }));
    portal = await startFixtureServer({
      '/rss': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(buildRss('Cổng thông tin xã Mông Hóa', items));
      },
    });
    running = await startDemoService({ extraSources: [{ id: 'cong-xa-mong-hoa', name: 'Cổng thông tin xã Mông Hóa', url: `${portal.url}/rss` }] });
  });
  afterAll(async () => {
    await running?.close();
    await portal?.close();
  });

  it('serves /feeds/all.rss with those headlines as text to rss-parser and feedparser', async () => {
    const response = await fetch(`${running.base}/feeds/all.rss`);
    expect(response.status).toBe(200);
    const rss = await response.text();
    const titles = (await new Parser().parseString(rss)).items.filter((item) => item.link?.startsWith('http://cong-xa.example/')).map((item) => item.title!);
    expect(titles.map(readTitleAsHtml).sort((a, b) => a.text.localeCompare(b.text))).toEqual(
      HOSTILE_TITLES.map((text) => ({ hasMarkup: false, text })).sort((a, b) => a.text.localeCompare(b.text)),
    );
    if (!skipFeedparser) {
      const read = readWithFeedparser(rss).filter(({ link }) => link.startsWith('http://cong-xa.example/'));
      expect(read.map(({ tags, text }) => ({ tags, text })).sort((a, b) => a.text.localeCompare(b.text))).toEqual(
        HOSTILE_TITLES.map((text) => ({ tags: [], text })).sort((a, b) => a.text.localeCompare(b.text)),
      );
    }
  });
});
