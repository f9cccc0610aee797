/**
 * The known gaps of `feed` 6.0.0 (issue 5), each shown twice: once in feed's own output, so
 * an upgrade that closes a gap fails here and the workaround can go; once in bantin's
 * output, which must not have it. Deeper checks of each workaround live beside its renderer.
 */
import { spawnSync } from 'node:child_process';
import { Feed, type Item } from 'feed';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/model/types.ts';
import type { FeedFormat } from '../../src/publish/feed-view.ts';
import { renderFeed } from '../../src/publish/render-feed.ts';
import { DEBIAN_PYTHON } from '../helpers/debian-python.ts';
import { checkAtom } from './feed-rules/atom-rules.ts';
import { createJsonFeedValidator } from './feed-rules/json-feed-schema.ts';
import { checkRss } from './feed-rules/rss-rules.ts';
import { BASE_URL, drugRingStory, makeCopy, makeView } from './fixtures.ts';
import { skipWithout } from '../helpers/required-tool.ts';

const EPOCH = new Date(0);
const hasExpat = spawnSync(DEBIAN_PYTHON, ['-c', 'import xml.parsers.expat'], { encoding: 'utf8' }).status === 0;

function feedWith(item: Partial<Item>, options: { updated?: Date | null } = {}): Feed {
  const feed = new Feed({
    title: 'An ninh trật tự',
    id: `${BASE_URL}/feeds/an-ninh-trat-tu.atom`,
    link: `${BASE_URL}/`,
    copyright: '',
    ...(options.updated === null ? {} : { updated: options.updated ?? EPOCH }),
  });
  feed.addItem({ title: 'Tin', link: `${BASE_URL}/tin`, date: EPOCH, ...item });
  return feed;
}

/** Whether expat, the strict parser at hand, accepts the document. */
function isWellFormed(xml: string): boolean {
  const script = 'import sys,xml.parsers.expat as e; e.ParserCreate().Parse(sys.stdin.buffer.read(), True)';
  return spawnSync(DEBIAN_PYTHON, ['-c', script], { input: xml, encoding: 'utf8' }).status === 0;
}

function render(format: FeedFormat, stories: Story[] = [drugRingStory]): string {
  return renderFeed(format, makeView({ stories }));
}

const check = { location: `${BASE_URL}/feeds/an-ninh-trat-tu.rss`, now: new Date('2024-05-03T00:00:00Z') };

describe('feed 6.0.0 gaps, each still present in feed and absent from bantin', () => {
  it('throws on an Atom entry id that is not a URL; bantin publishes any story IRI verbatim', () => {
    expect(() => feedWith({ id: 'cttdt-58121' }).atom1()).toThrow(TypeError);
    const iri = 'tag:bantin.vn,2026:tin-mới&1';
    expect(render('atom', [{ ...drugRingStory, id: iri }])).toContain('<id>tag:bantin.vn,2026:tin-mới&amp;1</id>');
  });

  it('writes an RSS <author> without an email, a W3C error; bantin writes dc:creator', async () => {
    expect(feedWith({ author: [{ name: 'Đức Anh' }] }).rss2()).toContain('<author>Đức Anh</author>');
    const rss = render('rss');
    expect(rss).toContain('<dc:creator>Đức Anh</dc:creator>');
    expect(await checkRss(rss, check)).toEqual([]);
  });

  it('writes an Atom category without the required term; bantin gives the id as term', async () => {
    expect(feedWith({ category: [{ name: 'An ninh trật tự' }] }).atom1()).toContain('<category label="An ninh trật tự"/>');
    const atom = render('atom');
    expect(atom).toContain('<category label="An ninh trật tự" scheme="urn:bantin:category-rule:categoryMap" term="an-ninh-trat-tu"/>');
    expect(await checkAtom(atom, { ...check, location: `${BASE_URL}/feeds/an-ninh-trat-tu.atom` })).toEqual([]);
  });

  it('writes JSON Feed version 1 with a singular author; bantin writes 1.1 with authors', () => {
    const json = JSON.parse(feedWith({ author: [{ name: 'Đức Anh' }] }, {}).json1());
    expect(json.version).toBe('https://jsonfeed.org/version/1');
    expect(json.items[0].author).toEqual({ name: 'Đức Anh' });
    expect(createJsonFeedValidator('bantin')(JSON.parse(render('json')))).toEqual([]);
  });

  it('dates a feed without `updated` by the clock; bantin dates it by its newest story', () => {
    const lastBuildDate = /<lastBuildDate>([^<]*)</.exec(feedWith({}, { updated: null }).rss2())![1]!;
    expect(Math.abs(Date.parse(lastBuildDate) - Date.now())).toBeLessThan(5_000);
    expect(render('rss')).toContain('<lastBuildDate>Thu, 02 May 2024 03:00:00 GMT</lastBuildDate>');
  });

  it.skipIf(skipWithout(hasExpat, 'python3', 'expat well-formedness check'))('writes C0 control characters and a second "]]>" into ill-formed XML; bantin stays well-formed', () => {
    expect(isWellFormed(feedWith({ title: 'Bắt\u0001 giữ' }).rss2())).toBe(false);
    expect(isWellFormed(feedWith({ content: '<p>a]]>b]]>c</p>' }).rss2())).toBe(false);
    const story = { ...drugRingStory, copies: [makeCopy({ sourceId: 'bao-hoabinh', title: 'Bắt\u0001 giữ', contentHtml: '<p>a]]>b]]>c</p>' })] };
    for (const format of ['rss', 'atom'] as const) expect(isWellFormed(render(format, [story]))).toBe(true);
  });

  it('writes an RSS title into CDATA as given, which readers take as HTML; bantin escapes the plain-text title', () => {
    expect(feedWith({ title: '<img src=x onerror=alert(1)> Cháy kho hàng' }).rss2()).toContain('<title><![CDATA[<img src=x onerror=alert(1)> Cháy kho hàng]]></title>');
    const story = { ...drugRingStory, copies: [makeCopy({ sourceId: 'bao-hoabinh', title: '<img src=x onerror=alert(1)> Cháy kho hàng & "kho"' })] };
    expect(render('rss', [story])).toContain('<title><![CDATA[&lt;img src=x onerror=alert(1)> Cháy kho hàng &amp; "kho"]]></title>');
  });

  it('throws on an invalid date in Atom and writes "Invalid Date" in RSS; bantin falls back to a valid date', () => {
    const invalid = new Date('32/13/2024');
    expect(() => feedWith({ date: invalid }).atom1()).toThrow(RangeError);
    expect(feedWith({ date: invalid }).rss2()).toContain('<pubDate>Invalid Date</pubDate>');
    const broken = { ...drugRingStory, datePublished: '32/13/2024' };
    expect(render('rss', [broken])).toContain('<pubDate>Thu, 02 May 2024 03:00:00 GMT</pubDate>');
  });
});
