/** Finds a list page's article links: the `links` selector, else the repeated block of same-site article links. */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { descendants, hasDescendant, isInside, loadPage, measureTextLengths, pageWrappers } from './load-page.ts';

const LINKS = new Set(['a']);
const IMAGES = new Set(['img']);
import { canonicalizeUrl } from '../normalize/canonical-url.ts';
import { findDateText } from './find-date.ts';
import { CHROME_ATTRIBUTE, isSidebarTitle } from './portal-words.ts';

/** One article as the list page shows it; title and date are what a changed entry is told by. */
export interface ListEntry {
  url: string;
  title: string;
  /** A date printed beside the link, as a string parseFeedDate reads. */
  date?: string;
}

export interface ArticleLinks {
  entries: ListEntry[];
  /** Which selector or detection rule found them, for `npm run preview`. */
  rule: string;
}

// An article title has words; "Trang chủ", "Xem tiếp", page numbers and icons do not.
const MIN_TITLE_WORDS = 4;
const MIN_TITLE_CHARS = 15;
const SIGNATURE_DEPTH = 4;
const MAX_ENTRIES = 200;
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form']);
const LEAD_LEVELS = 3;
const TITLE_ATTRIBUTE = /(?:^|[-_\s])(?:title|tieu-?de|headline)(?:$|[-_\s])/i;

interface Candidate {
  element: Element;
  url: string;
  text: string;
}

/** Entries in the list page's order, each URL once; linkPattern filters both ways of finding them. */
export function findArticleLinks(html: string, pageUrl: string, rules: { links?: string; linkPattern?: string }, timeZone: string): ArticleLinks {
  const $ = loadPage(html);
  const pattern = rules.linkPattern === undefined ? undefined : new RegExp(rules.linkPattern, 'u');
  const accept = (url: string): boolean => pattern === undefined || pattern.test(url);
  if (rules.links !== undefined) {
    const anchors = $(rules.links).toArray().map((element) => (element.type === 'tag' && element.name === 'a' ? element : descendants(element, LINKS).find((a) => a.attribs.href !== undefined)));
    const candidates = anchors.flatMap((anchor) => (anchor === undefined ? [] : toCandidate($, anchor as Element, pageUrl) ?? [])).filter((c) => accept(c.url));
    return { entries: toEntries($, candidates, undefined, timeZone), rule: `links selector "${rules.links}"` };
  }
  const sidebars = sidebarBoxes($);
  const wrappers = pageWrappers($, measureTextLengths($));
  const candidates = $('a[href]')
    .toArray()
    .flatMap((anchor) => toCandidate($, anchor, pageUrl) ?? [])
    .filter((candidate) => accept(candidate.url) && sameSite(candidate.url, pageUrl) && !insideChrome(candidate.element, sidebars, wrappers));
  const block = repeatedBlock(candidates);
  if (block === undefined) return { entries: [], rule: 'detected: no repeated block of article links' };
  const order = new Map(descendants($.root().get(0)!).map((element, index) => [element, index]));
  const container = withLeadItems(block.container, candidates, order);
  const inBlock = withoutTaxonomyLinks(candidates.filter((candidate) => isInside(candidate.element, container)), container);
  return { entries: toEntries($, inBlock, container, timeZone), rule: `detected: repeated links in ${block.signature}` };
}

/**
 * A list often opens with one or a few featured items laid out otherwise (a big lead, two side items): the
 * block grows to its parent, LEAD_LEVELS times at most, while all the parent adds are title-like links in
 * headings (or card links holding a title-named part) printed before the block. A sidebar or another box (links after the block, or not in headings) stops it.
 */
function withLeadItems(container: Element, candidates: readonly Candidate[], order: ReadonlyMap<Element, number>): Element {
  let block = container;
  for (let level = 0; level < LEAD_LEVELS; level++) {
    const parent = block.parent;
    if (parent === null || parent.type !== 'tag') break;
    const added = candidates.filter((candidate) => isInside(candidate.element, parent as Element) && !isInside(candidate.element, block));
    // Per article: its image link need not be in a heading, its title link must.
    const titled = new Set(added.filter((candidate) => isTitleLike(candidate.text)).map((candidate) => candidate.url));
    const before = added.every((candidate) => !titled.has(candidate.url) || order.get(candidate.element)! < order.get(block)!);
    const headed = new Set(added.filter((candidate) => isHeadedLink(candidate.element, parent as Element)).map((candidate) => candidate.url));
    const leads = before && [...titled].every((url) => headed.has(url));
    if (!leads) break;
    block = parent as Element;
  }
  return block;
}

/** A category or author link repeated in every item (`rel="category tag"`, or linked from items all over the block) is not an article. */
function withoutTaxonomyLinks(candidates: readonly Candidate[], container: Element): Candidate[] {
  const byUrl = new Map<string, Element[]>();
  for (const candidate of candidates) {
    const anchors = byUrl.get(candidate.url);
    if (anchors === undefined) byUrl.set(candidate.url, [candidate.element]);
    else anchors.push(candidate.element);
  }
  // The common ancestor of anchors in page order is that of the first and the last.
  const spread = new Set([...byUrl].filter(([, anchors]) => anchors.length >= 3 && commonAncestor([anchors[0]!, anchors.at(-1)!]) === container).map(([url]) => url));
  return candidates.filter((candidate) => !spread.has(candidate.url) && !/\b(?:category|tag|author)\b/i.test(candidate.element.attribs.rel ?? ''));
}

/** A featured item's title link: in a heading, or a card link holding its title-named part (`<a><img><span class="title">…`). */
function isHeadedLink(element: Element, within: Element): boolean {
  for (let node = element.parent; node && node !== within; node = node.parent) if (node.type === 'tag' && /^h[1-6]$/.test((node as Element).name)) return true;
  return descendants(element).some((part) => /^h[1-6]$/.test(part.name) || TITLE_ATTRIBUTE.test(part.attribs.class ?? ''));
}

function toCandidate($: CheerioAPI, anchor: Element, pageUrl: string): Candidate | undefined {
  const url = resolveLink(anchor.attribs.href, pageUrl);
  if (url === undefined || url === pageUrl.replace(/#.*$/, '')) return undefined;
  const text = ($(anchor).text().replace(/\s+/g, ' ').trim() || anchor.attribs.title || descendants(anchor, IMAGES)[0]?.attribs.alt || '').trim();
  return { element: anchor, url, text };
}

/** An absolute article address: http(s) in canonical form, or a `file:` page beside a local list page. */
export function resolveLink(href: string | undefined, base: string): string | undefined {
  if (href === undefined || href.trim() === '' || href.trim().startsWith('#')) return undefined;
  if (!URL.canParse(href.trim(), base)) return undefined;
  const url = new URL(href.trim(), base);
  if (url.protocol === 'file:') {
    url.hash = '';
    return url.href;
  }
  return canonicalizeUrl(url.href);
}

function sameSite(url: string, pageUrl: string): boolean {
  const a = new URL(url);
  const b = new URL(pageUrl);
  const host = (hostname: string) => hostname.replace(/^www\./, '');
  return a.protocol.replace('https', 'http') === b.protocol.replace('https', 'http') && host(a.hostname) === host(b.hostname) && a.pathname !== '/';
}

function isTitleLike(text: string): boolean {
  return text.length >= MIN_TITLE_CHARS && text.split(' ').length >= MIN_TITLE_WORDS;
}

/** The signature of a link's place: its ancestors' tags and classes (digits dropped: `item-1`, `item-2` are one kind). */
function signature(element: Element): string {
  const parts: string[] = [];
  for (let node = element.parent; node && node.type === 'tag' && parts.length < SIGNATURE_DEPTH; node = node.parent) {
    const tag = node as Element;
    const classes = (tag.attribs.class ?? '').split(/\s+/).filter(Boolean).map((name) => name.replace(/[-_]?\d+/g, '')).sort();
    parts.unshift([tag.name, ...classes].join('.'));
  }
  return parts.join(' > ');
}

/** The signature with the most title text over distinct URLs; its links' lowest common ancestor is the block. */
function repeatedBlock(candidates: readonly Candidate[]): { container: Element; signature: string } | undefined {
  const groups = new Map<string, Map<string, Candidate>>();
  for (const candidate of candidates) {
    if (!isTitleLike(candidate.text)) continue;
    const key = signature(candidate.element);
    const group = groups.get(key) ?? new Map<string, Candidate>();
    if (!group.has(candidate.url)) group.set(candidate.url, candidate);
    groups.set(key, group);
  }
  let best: { key: string; links: Candidate[]; score: number } | undefined;
  for (const [key, group] of groups) {
    const links = [...group.values()];
    // Repetition is what marks a list: a lone long link is a banner, unless nothing else is there.
    const score = links.reduce((sum, link) => sum + link.text.length, 0) * (links.length >= 2 ? links.length : 0.5);
    if (best === undefined || score > best.score) best = { key, links, score };
  }
  if (best === undefined) return undefined;
  const container = commonAncestor(best.links.map((link) => link.element));
  return container === undefined ? undefined : { container, signature: best.key };
}

function commonAncestor(elements: readonly Element[]): Element | undefined {
  const chain = (element: Element): Element[] => {
    const out: Element[] = [];
    for (let node = element.parent; node && node.type === 'tag'; node = node.parent) out.push(node as Element);
    return out;
  };
  if (elements.length === 1) return elements[0]!.parent?.type === 'tag' ? (elements[0]!.parent as Element) : undefined;
  const [first, ...rest] = elements.map(chain);
  return first!.find((ancestor) => rest.every((ancestors) => ancestors.includes(ancestor)));
}

/** Boxes titled "Tin nổi bật", "Tin xem nhiều"…: the title's parent, or when that holds more, the list right after the title. */
function sidebarBoxes($: CheerioAPI): Set<Element> {
  const boxes = new Set<Element>();
  const textLength = measureTextLengths($);
  for (const title of $('h1, h2, h3, h4, h5, h6, div, span, p, strong, b, a, li').toArray()) {
    if (textLength(title) > 80 || $(title).children('div, ul, ol, table').length > 0 || !isSidebarTitle($(title).text().replace(/\s+/g, ' ').trim())) continue;
    const parent = title.parent?.type === 'tag' ? (title.parent as Element) : undefined;
    if (parent !== undefined && $(parent).children().length <= 3) boxes.add(parent);
    else $(title).nextUntil('h1, h2, h3, h4, h5, h6').each((_, next) => void boxes.add(next));
    for (const row of rowsUnderTitleRow(title)) boxes.add(row);
  }
  return boxes;
}

/**
 * A table-layout box: the title fills a row of its own (`<tr><td class="boxtitle"><b>DANH MỤC</b></td></tr>`) and
 * its items are the rows after it, up to the next row without a link (the next box's title).
 */
function rowsUnderTitleRow(title: Element): Element[] {
  let row: AnyNode | null = title;
  while (row !== null && row.type === 'tag' && (row as Element).name !== 'tr' && (row as Element).name !== 'table') {
    if (row.parent?.type === 'tag' && row.parent.children.filter((child) => child.type === 'tag').length > 1) return [];
    row = row.parent;
  }
  if (row === null || row.type !== 'tag' || (row as Element).name !== 'tr') return [];
  const rows: Element[] = [];
  for (let next = (row as Element).nextSibling; next !== null; next = next.nextSibling) {
    if (next.type !== 'tag') continue;
    if (!hasDescendant(next, LINKS)) break;
    rows.push(next as Element);
  }
  return rows;
}

function insideChrome(element: Element, sidebars: ReadonlySet<Element>, wrappers: ReadonlySet<Element>): boolean {
  // The link itself may be one of a box's items ("TIN XEM NHIỀU<br><a>…</a><br><a>…</a>").
  for (let node: AnyNode | null = element; node && node.type === 'tag'; node = node.parent) {
    const tag = node as Element;
    if (wrappers.has(tag)) break;
    if (CHROME_TAGS.has(tag.name) || sidebars.has(tag) || tag.attribs.role === 'navigation') return true;
    if (CHROME_ATTRIBUTE.test(`${tag.attribs.class ?? ''} ${tag.attribs.id ?? ''}`)) return true;
  }
  return false;
}

/** One entry per URL: its longest title in the block, and a date printed in the same item. */
function toEntries($: CheerioAPI, candidates: readonly Candidate[], container: Element | undefined, timeZone: string): ListEntry[] {
  const byUrl = new Map<string, { title: string; anchors: Element[] }>();
  for (const candidate of candidates) {
    const entry = byUrl.get(candidate.url) ?? { title: '', anchors: [] };
    if (candidate.text.length > entry.title.length) entry.title = candidate.text;
    entry.anchors.push(candidate.element);
    byUrl.set(candidate.url, entry);
  }
  const urlOf = new Map(candidates.map((candidate) => [candidate.element, candidate.url]));
  // More than any maxArticles can ask for is never read; dating them would only cost time.
  return [...byUrl].filter(([, entry]) => container === undefined || isTitleLike(entry.title)).slice(0, MAX_ENTRIES).flatMap(([url, entry]) => {
    const date = findDateText(itemText($, entry.anchors[0]!, url, urlOf, container), timeZone);
    return [{ url, title: entry.title, ...(date === undefined ? {} : { date }) }];
  });
}

/** The text of the largest ancestor of a link that holds no other entry's link: its item in the list. */
function itemText($: CheerioAPI, anchor: Element, url: string, urlOf: ReadonlyMap<Element, string>, container: Element | undefined): string {
  let item: Element = anchor;
  for (let node = anchor.parent; node && node.type === 'tag' && node !== container; node = node.parent) {
    const others = descendants(node, LINKS).some((other) => urlOf.has(other) && urlOf.get(other) !== url);
    if (others) break;
    item = node as Element;
  }
  return $(item).text().replace(/\s+/g, ' ');
}
