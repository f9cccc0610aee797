/** Finds an article page's main text: the element whose paragraphs carry the most prose, readability-style, kept small. */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { descendants, isWithin, measureTextLengths, pageWrappers } from './load-page.ts';

import { CHROME_ATTRIBUTE, CONTENT_ATTRIBUTE, LEAD_ATTRIBUTE, NOISE_ATTRIBUTE } from './portal-words.ts';

const LINKS = new Set(['a']);
const IMAGES = new Set(['img']);

const MIN_PARAGRAPH_CHARS = 25;
const LEAD_LEVELS = 4;
// A date line (`span.ms-descriptiontext`) is not a lead, whatever its class.
const MIN_LEAD_WORDS = 8;
// A lead is a paragraph or two; a longer block before the body is something else.
const MAX_LEAD_CHARS = 800;
const CONTAINER_TAGS = new Set(['div', 'article', 'section', 'main', 'td', 'span', 'font', 'center']);
// `font`: old table-layout CMSs print the whole body as text runs in one <font>, paragraphs split by <br><br>.
const PROSE_TAGS = 'p, pre, blockquote, h2, h3, h4, div, td, span, font';

export interface MainText {
  element: Element;
  /** Rows of a layout table taken as the body that are not part of it. */
  drop?: Element[];
  /** Where the lead (sapo) sat apart from the body: prepended to it. */
  lead?: Element;
}

/** The best-scoring container of prose; undefined on a page with no paragraph of text. */
export function detectMainText($: CheerioAPI, skip: ReadonlySet<Element>): MainText | undefined {
  const scores = new Map<Element, number>();
  // Grandparents of scored <p>s: a layout table's row holding paragraphs (its cell is the parent).
  const paragraphHolders = new Set<Element | undefined>();
  const wrappers = pageWrappers($, measureTextLengths($));
  for (const block of $(PROSE_TAGS).toArray()) {
    if (skip.has(block) || ((block.name === 'span' || block.name === 'font') && isWithin(block, 'p'))) continue;
    const chars = proseChars($, block);
    if (chars < MIN_PARAGRAPH_CHARS || insideChrome(block, wrappers)) continue;
    // One point a paragraph, one per 100 characters (three at most), one per comma: prose, not link lists.
    const score = 1 + Math.min(3, Math.floor(chars / 100)) + Math.min(3, commas($, block));
    credit(scores, parentElement(block), score);
    credit(scores, parentElement(parentElement(block)), score / 2);
    if (block.name === 'p') paragraphHolders.add(parentElement(parentElement(block)));
  }
  let best: { element: Element; score: number } | undefined;
  for (const [element, raw] of scores) {
    if (!CONTAINER_TAGS.has(element.name) && element.name !== 'body') continue;
    const score = raw * attributeWeight(element) * (1 - linkDensity($, element));
    if (best === undefined || score > best.score) best = { element, score };
  }
  if (best === undefined) return undefined;
  const table = layoutTableAround(best.element, paragraphHolders);
  const element = table?.element ?? best.element;
  return { element, ...(table === undefined ? {} : { drop: table.drop }), lead: leadBefore($, element) };
}

const ROW_GROUPS = new Set(['tbody', 'thead', 'tfoot']);
const CELLS = new Set(['td', 'th']);

/**
 * A body pasted from Word often sits in a one-column layout table, a row per part (text, image, caption,
 * text): when the best cell is one of its rows, the run of rows around it that hold paragraphs (`<p>` of
 * ≥ 25 characters) or an image outside a link is
 * the body. Only a table of one cell per row: any other table is data or the page's columns.
 */
function layoutTableAround(cell: Element, paragraphHolders: ReadonlySet<Element | undefined>): { element: Element; drop: Element[] } | undefined {
  const row = parentElement(cell);
  if (cell.name !== 'td' || row?.name !== 'tr') return undefined;
  let table = parentElement(row);
  if (table !== undefined && ROW_GROUPS.has(table.name)) table = parentElement(table);
  if (table?.name !== 'table') return undefined;
  const rows = tableRows(table);
  if (rows.some((other) => other.children.filter((child) => child.type === 'tag' && CELLS.has((child as Element).name)).length !== 1)) return undefined;
  const holdsArticle = (other: Element): boolean => paragraphHolders.has(other) || descendants(other, IMAGES).some((image) => !isWithin(image, 'a'));
  let first = rows.indexOf(row);
  let last = first;
  while (first > 0 && holdsArticle(rows[first - 1]!)) first--;
  while (last < rows.length - 1 && holdsArticle(rows[last + 1]!)) last++;
  if (first === last) return undefined;
  return { element: table, drop: [...rows.slice(0, first), ...rows.slice(last + 1)] };
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'tag') continue;
    const element = child as Element;
    if (element.name === 'tr') rows.push(element);
    else if (ROW_GROUPS.has(element.name)) rows.push(...element.children.filter((grand): grand is Element => grand.type === 'tag' && (grand as Element).name === 'tr'));
  }
  return rows;
}

/** Characters of text the block holds itself (text nodes and inline children), not in nested blocks. */
function proseChars($: CheerioAPI, block: Element): number {
  if (block.name === 'p' || block.name === 'pre' || block.name === 'blockquote' || block.name.startsWith('h')) return $(block).text().trim().length;
  let chars = 0;
  for (const child of block.children) {
    if (child.type === 'text') chars += child.data.trim().length;
    else if (child.type === 'tag' && ['a', 'b', 'strong', 'em', 'i', 'u', 'span', 'font', 'br'].includes(child.name)) chars += $(child).text().trim().length;
  }
  return chars;
}

/** Commas in the block's first 1000 characters: enough to tell prose from a list of links. */
function commas($: CheerioAPI, block: Element): number {
  let count = 0;
  for (const child of block.children) {
    const text = child.type === 'text' ? child.data : child.type === 'tag' && child.name !== 'div' && child.name !== 'p' ? $(child).text() : '';
    count += (text.slice(0, 1000).match(/,/g) ?? []).length;
    if (count >= 3) break;
  }
  return count;
}

function credit(scores: Map<Element, number>, element: Element | undefined, score: number): void {
  if (element !== undefined) scores.set(element, (scores.get(element) ?? 0) + score);
}

function parentElement(element: Element | undefined): Element | undefined {
  const parent = element?.parent;
  return parent && parent.type === 'tag' ? (parent as Element) : undefined;
}

function attributes(element: Element): string {
  return `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
}

function attributeWeight(element: Element): number {
  const names = attributes(element);
  if (element.attribs.itemprop === 'articleBody') return 2;
  if (NOISE_ATTRIBUTE.test(names) || /comment|binh-?luan|sidebar/i.test(names)) return 0.3;
  return CONTENT_ATTRIBUTE.test(names) ? 1.3 : 1;
}

function insideChrome(element: Element, wrappers: ReadonlySet<Element>): boolean {
  for (let node: Element | undefined = element; node !== undefined; node = parentElement(node)) {
    if (wrappers.has(node)) break;
    if (['nav', 'footer', 'header', 'aside', 'form'].includes(node.name) || CHROME_ATTRIBUTE.test(attributes(node))) return true;
  }
  return false;
}

function linkDensity($: CheerioAPI, element: Element): number {
  const text = $(element).text().length;
  const linked = descendants(element, LINKS).reduce((sum, link) => sum + $(link).text().length, 0);
  return text === 0 ? 1 : Math.min(1, linked / text);
}

/**
 * A lead (sapo) portals print apart, just before the body: a lead-named sibling of the body or of one of its
 * LEAD_LEVELS nearest ancestors (SharePoint puts it in the table row above the body's), or inside one.
 */
function leadBefore($: CheerioAPI, body: Element): Element | undefined {
  let node: Element | undefined = body;
  for (let level = 0; level < LEAD_LEVELS && node !== undefined; level++, node = parentElement(node)) {
    for (const previous of $(node).prevAll().slice(0, 3).toArray()) {
      const lead = [previous, ...descendants(previous)].find((element) => LEAD_ATTRIBUTE.test(attributes(element)));
      const leadText = lead === undefined ? '' : $(lead).text().trim();
      if (leadText.length >= MIN_PARAGRAPH_CHARS && leadText.length <= MAX_LEAD_CHARS && leadText.split(/\s+/).length >= MIN_LEAD_WORDS) return lead;
    }
  }
  return undefined;
}

export function describe(element: Element): string {
  const id = element.attribs.id ? `#${element.attribs.id}` : '';
  const classes = (element.attribs.class ?? '').trim().split(/\s+/).filter(Boolean).map((name) => `.${name}`).join('');
  return `${element.name}${id}${classes}`;
}
