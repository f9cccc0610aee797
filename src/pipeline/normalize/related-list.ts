/**
 * Finds the list of other stories' headlines a portal appends to a description ("Tin liên quan", or
 * just a list of links to the same site), so that it neither files nor merges the story it trails.
 */
import { decodeSanitizedText } from './sanitize-content.ts';
import { attributeValue } from './content-image.ts';
import { comparisonKey, toNfc } from './vietnamese-text.ts';

/** A trailing related-articles block: `[start, end)` of the HTML, and whether it is recognisably navigation. */
export interface RelatedBlock {
  start: number;
  end: number;
  /** Every item of the list is only links to other pages: the block is removed from published content too. */
  navigation: boolean;
}

interface TextNode {
  text: string;
  start: number;
  end: number;
  meaningful: boolean;
}
interface ElementNode {
  name: string;
  /** Index of the opening `<`, and just past the closing tag. */
  start: number;
  end: number;
  /** The opening tag as written (for its attributes). */
  tag: string;
  children: HtmlNode[];
  /** Holds text or an image somewhere inside. */
  meaningful: boolean;
}
type HtmlNode = ElementNode | TextNode;

// Compared under comparisonKey, so case, tone-mark placement and punctuation (`Xem thêm:`, `>> Tin liên quan`) do not matter.
const RELATED_HEADINGS = new Set(
  [
    'tin liên quan', 'tin bài liên quan', 'bài liên quan', 'bài viết liên quan', 'các tin liên quan', 'tin tức liên quan',
    'các bài liên quan', 'xem thêm', 'đọc thêm', 'xem tiếp', 'mời xem thêm', 'tin cùng chuyên mục', 'các tin tức khác',
    'các tin khác', 'tin khác', 'tin mới hơn', 'tin cũ hơn', 'tin đã đưa', 'có thể bạn quan tâm', 'bạn có thể quan tâm',
  ].map(comparisonKey),
);
// A heading is a short line; a longer element is never read for one.
const HEADING_MAX_HTML_CHARS = 300;
// Without a heading, a lone link could be a real reference; two or more same-site links are a list of stories.
const HEADINGLESS_MIN_ITEMS = 2;
const LIST_CLOSERS = ['</ul>', '</ol>'];
const VOID_ELEMENTS = new Set(['img', 'br', 'hr']);
// A tag as sanitizeContent writes one. The name is taken whole (the lookahead) and the rest stops at
// the next `<`, so no character is scanned twice, whatever the input.
const TAG = /<(\/?)([a-z][a-z0-9]*)(?![a-z0-9])[^<>]*>/g;
// What may sit between the links of one item: separators, never words.
const LINK_SEPARATORS = /^[\s\-–—•·|,;:.»>]*$/u;

/**
 * The trailing list of related articles in HTML written by sanitizeContent, if there is one: a list
 * ending the content (wrappers aside), after a heading such as "Tin liên quan" / "Xem thêm", or —
 * given the page's own address — one of at least two items that are each only links to other
 * pages of the same site.
 */
export function findRelatedBlock(html: string, pageUrl?: string): RelatedBlock | undefined {
  if (!mayEndWithList(html)) return undefined;
  const found = trailingList(parseSanitizedHtml(html));
  if (found === undefined) return undefined;
  const { list, heading, parent } = found;
  const items = list.children.filter((child): child is ElementNode => 'name' in child && child.name === 'li');
  const hrefs = items.map(linksOnlyHrefs);
  const onlyLinks = items.length > 0 && hrefs.every((links) => links !== undefined && links.length > 0);
  const links = hrefs.flatMap((item) => item ?? []);
  const otherPages = links.every((href) => isOtherPage(href, pageUrl));
  if (heading !== undefined) return { ...blockRange(parent, heading, list), navigation: onlyLinks && otherPages };
  const sameSite = pageUrl !== undefined && links.every((href) => sameHost(href, pageUrl));
  if (items.length < HEADINGLESS_MIN_ITEMS || !onlyLinks || !otherPages || !sameSite) return undefined;
  return { ...blockRange(parent, undefined, list), navigation: true };
}

/** The HTML without its trailing related block, whatever kind: what a copy's text and image come from. */
export function withoutRelatedBlock(html: string, pageUrl?: string): string {
  const block = findRelatedBlock(html, pageUrl);
  return block === undefined ? html : cut(html, block);
}

/** The HTML without trailing related blocks that are recognisably navigation: the content to publish. */
export function withoutRelatedNavigation(html: string, pageUrl: string): string {
  let result = html;
  // A portal may stack two ("Tin liên quan", then "Tin cùng chuyên mục"); a few rounds are plenty.
  for (let round = 0; round < 3; round++) {
    const block = findRelatedBlock(result, pageUrl);
    if (block === undefined || !block.navigation) break;
    result = cut(result, block);
  }
  return result;
}

function cut(html: string, block: RelatedBlock): string {
  return (html.slice(0, block.start) + html.slice(block.end)).trim();
}

/** Cheap test before parsing: a `</ul>` or `</ol>` with no text and no image after it. */
function mayEndWithList(html: string): boolean {
  const close = Math.max(...LIST_CLOSERS.map((closer) => html.lastIndexOf(closer)));
  if (close < 0) return false;
  const tail = html.slice(close + LIST_CLOSERS[0]!.length);
  return !tail.includes('<img') && tail.replace(TAG, '').trim() === '';
}

/** A tree of the elements and text of sanitised HTML (balanced, void elements written `<br />`), built without recursion. */
function parseSanitizedHtml(html: string): ElementNode {
  const root: ElementNode = { name: '', start: 0, end: html.length, tag: '', children: [], meaningful: false };
  const open: ElementNode[] = [root];
  const addText = (start: number, end: number) => {
    const text = html.slice(start, end);
    const meaningful = text.trim() !== '';
    open.at(-1)!.children.push({ text, start, end, meaningful });
    if (meaningful) open.at(-1)!.meaningful = true;
  };
  let textStart = 0;
  for (const match of html.matchAll(TAG)) {
    const [tag, closing, name] = match as unknown as [string, string, string];
    if (match.index > textStart) addText(textStart, match.index);
    textStart = match.index + tag.length;
    if (closing === '/') {
      const index = lastOpen(open, name);
      if (index > 0) close(open, index, textStart);
      continue;
    }
    const element: ElementNode = { name, start: match.index, end: textStart, tag, children: [], meaningful: name === 'img' };
    open.at(-1)!.children.push(element);
    if (element.meaningful) open.at(-1)!.meaningful = true;
    if (!VOID_ELEMENTS.has(name) && !tag.endsWith('/>')) open.push(element);
  }
  if (html.length > textStart) addText(textStart, html.length);
  close(open, 1, html.length);
  return root;
}

/** Where the innermost open element of this name is (the top, in balanced HTML); -1 when none is. */
function lastOpen(open: readonly ElementNode[], name: string): number {
  for (let index = open.length - 1; index > 0; index--) if (open[index]!.name === name) return index;
  return -1;
}

/** Closes the open elements from `index` up, each ending at `end`, passing "meaningful" to its parent. */
function close(open: ElementNode[], index: number, end: number): void {
  while (open.length > index) {
    const element = open.pop()!;
    element.end = Math.max(element.end, end);
    if (element.meaningful) open.at(-1)!.meaningful = true;
  }
}

/** The list that ends the content, looking into trailing wrappers (`<div>`), with its parent and the heading just before it. */
function trailingList(root: ElementNode): { list: ElementNode; heading?: HtmlNode; parent: ElementNode } | undefined {
  let parent = root;
  for (;;) {
    const kids = parent.children.filter((node) => node.meaningful);
    const last = kids.at(-1);
    if (last === undefined || !('name' in last)) return undefined;
    if (last.name === 'ul' || last.name === 'ol') {
      const before = kids.at(-2);
      return { list: last, parent, ...(before !== undefined && isHeading(before) ? { heading: before } : {}) };
    }
    if (last.name !== 'div') return undefined;
    parent = last;
  }
}

/** The range to remove: heading and list, or their wrapper when they are all it holds. */
function blockRange(parent: ElementNode, heading: HtmlNode | undefined, list: ElementNode): { start: number; end: number } {
  const meaningfulKids = parent.children.filter((node) => node.meaningful).length;
  if (parent.name !== '' && meaningfulKids === (heading === undefined ? 1 : 2)) return { start: parent.start, end: parent.end };
  return { start: (heading ?? list).start, end: list.end };
}

function isHeading(node: HtmlNode): boolean {
  if (node.end - node.start > HEADING_MAX_HTML_CHARS) return false;
  return RELATED_HEADINGS.has(comparisonKey(textOfNode(node)));
}

/** The text of a small node (a heading's size, so the recursion is shallow). */
function textOfNode(node: HtmlNode): string {
  if (!('name' in node)) return decodeText(node.text);
  return node.children.map(textOfNode).join(' ');
}

/** The hrefs of an item made only of links (any text outside them mere separators), else undefined. */
function linksOnlyHrefs(item: ElementNode): string[] | undefined {
  const hrefs: string[] = [];
  const pending: { node: HtmlNode; inLink: boolean }[] = item.children.map((node) => ({ node, inLink: false }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, inLink } = next;
    if (!('name' in node)) {
      if (!inLink && !LINK_SEPARATORS.test(decodeText(node.text))) return undefined;
      continue;
    }
    const isLink = node.name === 'a';
    if (isLink) {
      const href = attributeValue(node.tag, 'href');
      if (href === undefined) return undefined;
      hrefs.push(href);
    }
    for (const child of node.children) pending.push({ node: child, inLink: inLink || isLink });
  }
  return hrefs;
}

function isOtherPage(href: string, pageUrl: string | undefined): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  return pageUrl === undefined || withoutFragment(href) !== withoutFragment(pageUrl);
}

function sameHost(href: string, pageUrl: string): boolean {
  const own = hostOf(pageUrl);
  return own !== undefined && hostOf(href) === own;
}

function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : undefined;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Reverses the escapes sanitize-html writes in text. */
function decodeText(text: string): string {
  return toNfc(decodeSanitizedText(text));
}
