/**
 * The offline W3C rules and the JSON Feed 1.1 schema: rendered feeds pass them, and each rule
 * fires on a document that breaks it (a checker that never fails would prove nothing).
 */
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { renderFeed } from '../../src/publish/render-feed.ts';
import { renderOpml } from '../../src/publish/render-opml.ts';
import { checkAtom } from './feed-rules/atom-rules.ts';
import { createJsonFeedValidator } from './feed-rules/json-feed-schema.ts';
import { checkOpml } from './feed-rules/opml-rules.ts';
import { checkRss } from './feed-rules/rss-rules.ts';
import { BASE_URL, makeView } from './fixtures.ts';

const NOW = new Date('2024-05-03T00:00:00Z');
const RSS_URL = `${BASE_URL}/feeds/an-ninh-trat-tu.rss`;
const ATOM_URL = `${BASE_URL}/feeds/an-ninh-trat-tu.atom`;
const rss = renderFeed('rss', makeView());
const atom = renderFeed('atom', makeView());

const rulesOf = async (check: typeof checkRss, xml: string, location: string) => (await check(xml, { location, now: NOW })).map((problem) => problem.rule);

describe('the W3C rules', () => {
  it.each([
    { page: 1, lastPage: 1, websubHub: undefined },
    { page: 1, lastPage: 3, websubHub: 'https://hub.example.vn/' },
    { page: 2, lastPage: 3, websubHub: undefined },
    { page: 3, lastPage: 3, websubHub: undefined },
  ])('find nothing to report in RSS and Atom, page $page of $lastPage', async ({ page, lastPage, websubHub }) => {
    const view = makeView({ page, lastPage, websubHub });
    const query = page > 1 ? `?page=${page}` : '';
    expect(await checkRss(renderFeed('rss', view), { location: `${RSS_URL}${query}`, now: NOW })).toEqual([]);
    expect(await checkAtom(renderFeed('atom', view), { location: `${ATOM_URL}${query}`, now: NOW })).toEqual([]);
  });

  it('find nothing to report in the OPML list', async () => {
    const opml = renderOpml({ baseUrl: BASE_URL, title: 'bantin', categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự' }], dateModified: '2024-05-02T03:00:00Z' });
    expect(await checkOpml(opml, { location: `${BASE_URL}/feeds.opml`, now: NOW })).toEqual([]);
  });

  it.each([
    { rule: 'MissingAtomSelfLink', broken: rss.replace(/<atom:link[^>]*rel="self"[^>]*\/>/, '') },
    { rule: 'InvalidRFC2822Date', broken: rss.replace('Thu, 02 May 2024 01:30:00 GMT', 'Fri, 02 May 2024 01:30:00 GMT') },
    { rule: 'InvalidRFC2822Date', broken: rss.replace('Thu, 02 May 2024 01:30:00 GMT', '2024-05-02T01:30:00Z') },
    { rule: 'ImplausibleDate', broken: rss.replace('Thu, 02 May 2024 01:30:00 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT') },
    { rule: 'MissingAttribute', broken: rss.replace(/(<enclosure) length="0"/, '$1') },
    { rule: 'InvalidMIMEAttribute', broken: rss.replace('type="image/png"', 'type="png"') },
    { rule: 'InvalidContact', broken: rss.replace('<dc:creator>', '<author>Đức Anh</author><dc:creator>') },
    { rule: 'DuplicateItemSemantics', broken: rss.replace('<dc:creator>', '<author>anh@congan.vn (Đức Anh)</author><dc:creator>') },
    { rule: 'ContainsRelRef', broken: rss.replace('href="https://baohoabinh.com.vn/', 'href="/') },
    { rule: 'SecurityRisk', broken: rss.replace('<p>Phòng', '<script>x()</script><p>Phòng') },
    { rule: 'InvalidLanguage', broken: rss.replace('<language>vi</language>', '<language>Tiếng Việt</language>') },
    { rule: 'InvalidHttpGUID', broken: rss.replace(' isPermaLink="false"', '') },
    { rule: 'UndefinedElement', broken: rss.replace('<language>', '<lang>vi</lang><language>') },
    { rule: 'MissingNamespace', broken: rss.replace(' xmlns:dc="http://purl.org/dc/elements/1.1/"', '') },
    { rule: 'NeedDescriptionBeforeContent', broken: rss.replace(/<description><!\[CDATA\[Phòng[^\]]*\]\]><\/description>/, '') },
    { rule: 'NeedDescriptionBeforeContent', broken: rss.replace(/(<description><!\[CDATA\[Phòng[^\]]*\]\]><\/description>)(\s*)(<content:encoded>.*?<\/content:encoded>)/s, '$3$2$1') },
  ])('report $rule in RSS', async ({ rule, broken }) => {
    expect(broken).not.toBe(rss);
    expect(await rulesOf(checkRss, broken, RSS_URL)).toContain(rule);
  });

  it('report SelfDoesntMatchLocation when the feed is served elsewhere', async () => {
    expect(await rulesOf(checkRss, rss, 'https://bantin.example.vn/feeds/an-ninh-trat-tu.rss')).toEqual(['SelfDoesntMatchLocation']);
  });

  it.each([
    { rule: 'MissingSelf', broken: atom.replace(/<link rel="self"[^>]*\/>/, '') },
    { rule: 'MissingAttribute', broken: atom.replace(' term="giao-thong"', '') },
    { rule: 'InvalidRFC3339Date', broken: atom.replace(/<updated>2024-05-02T03:00:00.000Z/, '<updated>2024-05-02 03:00') },
    { rule: 'NonCanonicalURI', broken: atom.replace('urn:uuid:6f1c2b3a', 'urn:uuid:6F1C2B3A') },
    { rule: 'InvalidURN', broken: atom.replace('urn:uuid:6f1c2b3a', 'urn:uu.id:6f1c2b3a') },
    { rule: 'MissingElement', broken: atom.replace(/<author>\s*<name>[^<]*<\/name>\s*<\/author>/g, '') },
    { rule: 'DuplicateEntries', broken: atom.replace('urn:uuid:0b7e4a52-3c1d-4e8f-9a6b-5c4d3e2f1a0b', 'urn:uuid:6f1c2b3a-9d4e-4f5a-8b7c-1a2b3c4d5e6f') },
    { rule: 'InvalidLanguage', broken: atom.replace('xml:lang="vi"', 'xml:lang="tiếng việt"') },
    { rule: 'DangerousStyleAttr', broken: atom.replace('<p>Vụ', '<p style="background: url(https://x.vn/a.png)">Vụ') },
    { rule: 'SecurityRisk', broken: atom.replace('<p>Vụ', '<p onclick="x()">Vụ') },
    { rule: 'DuplicateUpdated', broken: atom.replace('<updated>2024-05-01T10:00:00.000Z</updated>', '<updated>2024-05-02T03:00:00.000Z</updated>') },
  ])('report $rule in Atom', async ({ rule, broken }) => {
    expect(broken).not.toBe(atom);
    expect(await rulesOf(checkAtom, broken, ATOM_URL)).toContain(rule);
  });

  it('report LinkPastEnd for a next link on the last page', async () => {
    const last = renderFeed('atom', makeView({ page: 3, lastPage: 3 }));
    const broken = last.replace(/(<link rel="last"[^>]*\/>)/, `$1<link rel="next" href="${ATOM_URL}?page=4"/>`);
    expect(await rulesOf(checkAtom, broken, `${ATOM_URL}?page=3`)).toContain('LinkPastEnd');
  });

  it.each([
    { rule: 'InvalidOPMLVersion', broken: (opml: string) => opml.replace('version="2.0"', 'version="3.0"') },
    { rule: 'MissingAttribute', broken: (opml: string) => opml.replace(/ text="[^"]*"/, '') },
    { rule: 'MissingElement', broken: (opml: string) => opml.replace(/<outline[^>]*\/>/, '') },
    { rule: 'InvalidOutlineVersion', broken: (opml: string) => opml.replace('version="RSS2"', 'version="RSS 2.0"') },
    { rule: 'UnexpectedAttribute', broken: (opml: string) => opml.replace('xmlUrl=', 'xmlurl=') },
  ])('report $rule in OPML', async ({ rule, broken }) => {
    const opml = renderOpml({ baseUrl: BASE_URL, title: 'bantin', categories: [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự' }] });
    expect(await rulesOf(checkOpml, broken(opml), `${BASE_URL}/feeds.opml`)).toContain(rule);
  });
});

describe('the JSON Feed 1.1 schema', () => {
  const validate = createJsonFeedValidator('bantin');
  const json = JSON.parse(renderFeed('json', makeView({ page: 1, lastPage: 2, websubHub: 'https://hub.example.vn/' })));

  it('accepts what bantin renders, with its paging, hubs and _bantin extension', () => {
    expect(validate(json)).toEqual([]);
    expect(createJsonFeedValidator('spec')(json)).toEqual([]);
  });

  it("rejects feed 6.0.0's JSON Feed, which is version 1 with a singular author", () => {
    const feed = new Feed({ title: 'An ninh trật tự', id: `${BASE_URL}/`, link: `${BASE_URL}/`, copyright: '', updated: NOW, author: { name: 'bantin' } });
    const errors = createJsonFeedValidator('spec')(JSON.parse(feed.json1()));
    expect(errors.join('\n')).toMatch(/^\/version must be equal to constant/m);
    expect(validate(JSON.parse(feed.json1())).join('\n')).toMatch(/boolean schema is false|must have required property 'authors'/);
  });

  it.each([
    { problem: 'an item without content', change: (item: any) => delete item.content_html, error: /must have required property 'content_html'/ },
    { problem: 'a date that is not RFC 3339', change: (item: any) => (item.date_published = '02/05/2024 08:30'), error: /date_published must match format "date-time"/ },
    { problem: 'a relative image', change: (item: any) => (item.image = '/uploads/anh.jpg'), error: /image must match format "uri"/ },
    { problem: 'a misspelt key', change: (item: any) => (item.date_publised = item.date_published), error: /must NOT have additional properties/ },
    { problem: 'tags that are not strings', change: (item: any) => (item.tags = [{ name: 'An ninh trật tự' }]), error: /tags\/0 must be string/ },
    { problem: 'a copy without its link', change: (item: any) => delete item._bantin.sources[0].url, error: /_bantin\/sources\/0 must have required property 'url'/ },
  ])('rejects $problem', ({ change, error }) => {
    const broken = structuredClone(json);
    change(broken.items[0]);
    expect(validate(broken).join('\n')).toMatch(error);
  });
});
