/**
 * Parses an HTML page for extraction with htmlparser2 (not cheerio's default parse5, whose tree building
 * is quadratic in nesting depth: 30 000 unclosed `<div>`s took 18 s), refusing a page nested so deeply
 * that walking its ancestors would be quadratic.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { CrawlError } from '../../errors.ts';

// Real portal pages nest a few dozen elements deep; the extraction rules walk ancestors and subtrees,
// which a page of thousands of nested elements turns into minutes of work.
export const MAX_PAGE_DEPTH = 256;
// Before parsing: open tags not yet closed, counted by a plain scan. Even htmlparser2 slows down
// quadratically on tens of thousands of unclosed elements, so such a page is refused unparsed.
// Elements a parser closes implicitly (p, li, td…) and void elements are not counted.
const MAX_OPEN_TAGS = 2000;
const SELF_CLOSING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rt', 'rp',
]);
const TAG = /<(\/?)([a-z][a-z0-9-]*)\b[^>]*?(\/?)>/gi;

function checkOpenTags(html: string): void {
  let open = 0;
  for (const [, closing, rawName, selfClosing] of html.matchAll(TAG)) {
    const name = rawName!.toLowerCase();
    if (SELF_CLOSING.has(name) || selfClosing === '/') continue;
    open = closing === '/' ? Math.max(0, open - 1) : open + 1;
    if (open > MAX_OPEN_TAGS) throw new CrawlError('TOO_DEEP', `page nested more than ${MAX_PAGE_DEPTH} elements deep`);
  }
}

/** The parsed page; throws CrawlError TOO_DEEP past MAX_PAGE_DEPTH. */
export function loadPage(html: string): CheerioAPI {
  checkOpenTags(html);
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true, encodeEntities: 'utf8' } });
  const root = $.root().get(0)!;
  // A page without <html> leaves its elements at the root, and every $(selector) then costs the square
  // of their number (css-select's removeSubsets over the root's children): give them one parent.
  if (root.children.length > 1) $.root().wrapInner('<html></html>');
  const stack: { node: AnyNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_PAGE_DEPTH) throw new CrawlError('TOO_DEEP', `page nested more than ${MAX_PAGE_DEPTH} elements deep`);
    if ('children' in node) for (const child of node.children) if (child.type === 'tag' || child.type === 'root') stack.push({ node: child, depth: depth + 1 });
  }
  return $;
}

/**
 * Each element's text length, measured once bottom-up, so the rules that look only at short lines
 * (headings, bylines, counters, sidebar titles) skip long elements without building their text.
 */
export function measureTextLengths($: CheerioAPI): (element: AnyNode) => number {
  const lengths = new Map<AnyNode, number>();
  const order: AnyNode[] = [];
  const stack: AnyNode[] = [$.root().get(0)!];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    if ('children' in node) stack.push(...node.children);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    let length = node.type === 'text' ? node.data.length : 0;
    if ('children' in node) for (const child of node.children) length += lengths.get(child) ?? 0;
    lengths.set(node, length);
  }
  return (element) => lengths.get(element) ?? $(element).text().length;
}

/**
 * Whether element sits inside a `name` element (itself included). A plain walk: cheerio's closest()
 * and parents(selector) run a selector match per ancestor, quadratic in the page's depth.
 */
export function isWithin(element: AnyNode, name: string): boolean {
  for (let node: AnyNode | null = element; node !== null; node = node.parent) if (node.type === 'tag' && (node as { name: string }).name === name) return true;
  return false;
}

/**
 * The elements under root in document order, optionally only those named: one walk, where cheerio's
 * find() checks each candidate's ancestry against its context, costing the page's depth per element.
 */
export function descendants(root: AnyNode, names?: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = 'children' in root ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const element = node as Element;
    if (names === undefined || names.has(element.name)) out.push(element);
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
  }
  return out;
}

/** Whether root holds an element of one of these names; stops at the first. */
export function hasDescendant(root: AnyNode, names: ReadonlySet<string>): boolean {
  const stack: AnyNode[] = 'children' in root ? [...root.children] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    if (names.has((node as Element).name)) return true;
    stack.push(...(node as Element).children);
  }
  return false;
}

/**
 * The chain of elements that each hold more than half of the page's text (html, body, ASP.NET's
 * whole-page `<form>`, a theme's outer divs). Their tag or class (`form`, `body.right-sidebar`) describes
 * the layout, not the part they hold, so they are never taken for page chrome.
 */
export function pageWrappers($: CheerioAPI, textLength: (element: AnyNode) => number): Set<Element> {
  const wrappers = new Set<Element>();
  const root = $.root().get(0)!;
  const half = textLength(root) / 2;
  let node: AnyNode | undefined = root;
  while (node !== undefined && 'children' in node) {
    node = node.children.find((child) => child.type === 'tag' && textLength(child) > half);
    if (node !== undefined) wrappers.add(node as Element);
  }
  return wrappers;
}

/** Up to `limit` elements after node's own subtree, in document order; empty when `until` is not reached within them. */
export function elementsAfter(node: Element, limit: number, until?: Element): Element[] {
  const out: Element[] = [];
  let next = nextInOrder(node, false);
  while (next !== undefined && out.length < limit) {
    if (next === until) return out;
    out.push(next);
    next = nextInOrder(next, true);
  }
  return until === undefined ? out : [];
}

/** The next element in document order: the first child (when entering is allowed), else the next sibling of node or of an ancestor. */
function nextInOrder(node: Element, enter: boolean): Element | undefined {
  if (enter) {
    const child = node.children.find((candidate) => candidate.type === 'tag');
    if (child !== undefined) return child as Element;
  }
  for (let at: AnyNode | null = node; at !== null; at = at.parent) {
    for (let sibling = at.nextSibling; sibling !== null; sibling = sibling.nextSibling) if (sibling.type === 'tag') return sibling as Element;
  }
  return undefined;
}

/** `value` with its whitespace runs as single spaces, or undefined when nothing is left. */
export function collapsedText(value: string | undefined): string | undefined {
  const clean = value?.replace(/\s+/g, ' ').trim();
  return clean ? clean : undefined;
}

/** Whether node sits inside container (container itself excluded). */
export function isInside(node: AnyNode, container: Element): boolean {
  for (let at = node.parent; at !== null; at = at.parent) if (at === container) return true;
  return false;
}
