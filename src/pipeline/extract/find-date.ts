/** Finds an article's date: machine-readable marks first, then a Vietnamese date printed near its title. */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { parseFeedDate } from '../normalize/parse-date.ts';
import { LONG_DATE } from '../normalize/vietnamese-date.ts';
import { descendants, hasDescendant } from './load-page.ts';

const BLOCKS = new Set(['p', 'div', 'li', 'table']);
const LINKS = new Set(['a']);
// A link of this many words names an article (a list's item), not a category, an author or a share button.
const TITLE_LINK_MIN_WORDS = 5;
const WORDS_AROUND_DATE_IN_LINK = 3;
// A list item: a title and its date; a longer parent is a section of the page.
const ITEM_MAX_CHARS = 300;
const UPDATED_MARK = /updated|modified|cap-?nhat/i;

// "Thứ Ba, 12/03/2019 - 16:45", "12/03/2019 | 16:45", "16:45 12/03/2019", "19h40 ngày 19/11/2024", "(GMT+7)".
const WEEKDAY = '(?:thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\\s+nhật|cn|t[2-7])\\s*,?\\s*';
const TIME = '\\d{1,2}(?::\\d{2}(?::\\d{2})?|h\\d{0,2})(?:\\s*(?:am|pm|sa|ch))?';
// dd/mm/yyyy, or "25 tháng 3 năm 2026" / "25 Tháng 3 2026" (Joomla's Vietnamese locale).
const DAY = `(?:\\d{1,2}([/.-])\\d{1,2}\\1(?:\\d{4}|\\d{2})(?!\\d)|${LONG_DATE.source})`;
const DATE_SNIPPET = new RegExp(
  `(?<![\\d/.-])(?:${WEEKDAY})?(?:${TIME}\\s*(?:[,|-]|ngày)?\\s*)?(?:ngày\\s*)?${DAY}(?:\\s*(?:[-|,]|lúc)?\\s*${TIME})?(?:\\s*\\(?gmt\\s*[+-]\\s*\\d{1,2}\\)?)?`,
  'iu',
);
// Elements whose own text is this short can be a date line; a paragraph mentioning a date is not one.
const DATE_LINE_MAX_CHARS = 160;
const ELEMENTS_AFTER_TITLE = 40;
const ELEMENTS_BEFORE_TITLE = 6;

/** The first Vietnamese date in text, as a string parseFeedDate reads in `timeZone`; undefined when none. */
export function findDateText(text: string, timeZone: string): string | undefined {
  const match = DATE_SNIPPET.exec(text.normalize('NFC').toLowerCase());
  if (match === null) return undefined;
  const snippet = match[0].trim();
  return parseFeedDate(snippet, timeZone) === undefined ? undefined : snippet;
}

export interface FoundDate {
  value?: string;
  rule: string;
  /** The element the date was printed in, removed from the content. */
  element?: Element;
}

/** SPEC order: the `date` selector, article:published_time, <time datetime>, JSON-LD datePublished, a date near the title. */
export function findArticleDate($: CheerioAPI, selector: string | undefined, titleElement: Element | undefined, timeZone: string): FoundDate {
  if (selector !== undefined) {
    const element = $(selector).first();
    const raw = element.attr('datetime') ?? element.attr('content') ?? element.text();
    const value = readable(raw, timeZone) ?? findDateText(raw ?? '', timeZone);
    if (value !== undefined) return { value, rule: `date selector "${selector}"`, element: element.get(0) as Element | undefined };
  }
  const published = readable($('meta[property="article:published_time"], meta[itemprop="datePublished"]').first().attr('content'), timeZone);
  if (published !== undefined) return { value: published, rule: 'meta article:published_time' };
  // A theme prints the update time beside the publication time (`time.updated`); only the latter dates the article.
  const time = $('time[datetime]').filter((_, element) => !UPDATED_MARK.test(`${element.attribs.class ?? ''} ${element.attribs.itemprop ?? ''}`)).first();
  const timeValue = readable(time.attr('datetime'), timeZone);
  if (timeValue !== undefined) return { value: timeValue, rule: '<time datetime>', element: time.get(0) as Element | undefined };
  const fromJsonLd = jsonLdField($, 'datePublished');
  const jsonLd = readable(typeof fromJsonLd === 'string' ? fromJsonLd : undefined, timeZone);
  if (jsonLd !== undefined) return { value: jsonLd, rule: 'JSON-LD datePublished' };
  return titleElement === undefined ? { rule: 'none' } : dateNearTitle($, titleElement, timeZone);
}

function readable(raw: string | undefined, timeZone: string): string | undefined {
  const value = raw?.trim();
  return value && parseFeedDate(value, timeZone) !== undefined ? value : undefined;
}

/** The short element holding a date nearest to the title, after it or just before it (portals print both ways). */
function dateNearTitle($: CheerioAPI, title: Element, timeZone: string): FoundDate {
  const all = $('*').toArray() as Element[];
  const at = all.indexOf(title);
  if (at === -1) return { rule: 'none' };
  const isDateLine = (element: Element): string | undefined => {
    if (element === title || hasDescendant(element, BLOCKS)) return undefined;
    const text = $(element).text();
    const date = text.length <= DATE_LINE_MAX_CHARS ? findDateText(text, timeZone) : undefined;
    return date === undefined || besideTitleLink($, element, date) ? undefined : date;
  };
  // Nearest first, whichever side: a date printed just above the title beats one further down (a related list's).
  const nearest: Element[] = [];
  for (let distance = 1; distance <= ELEMENTS_AFTER_TITLE; distance++) {
    if (at + distance < all.length) nearest.push(all[at + distance]!);
    if (distance <= ELEMENTS_BEFORE_TITLE && at - distance >= 0) nearest.push(all[at - distance]!);
  }
  for (const element of nearest) {
    const value = isDateLine(element);
    if (value !== undefined) return { value, rule: 'Vietnamese date near the title', element };
  }
  return { rule: 'none' };
}

/**
 * A date in another article's link ("<a>Kế hoạch số 56/KH-UBND ngày 16/03/2026</a>"), or printed beside one in a short
 * item ("<li><a>Title of it</a> <span>(20/03/2026)</span></li>"), dates that article. A permalink printed as the date
 * (WordPress's `<a rel="bookmark"><time>…`) and a category link beside it ("Văn hóa - Du lịch") are no title.
 */
function besideTitleLink($: CheerioAPI, element: Element, date: string): boolean {
  for (const link of [...enclosingLink(element), ...descendants(element, LINKS)]) if (wordsBesideDate($, link, date) >= WORDS_AROUND_DATE_IN_LINK) return true;
  const parent = element.parent;
  if (parent === null || parent.type !== 'tag' || !isShorterThan(parent, ITEM_MAX_CHARS)) return false;
  for (const link of descendants(parent, LINKS)) if (wordsBesideDate($, link, date) >= TITLE_LINK_MIN_WORDS) return true;
  return false;
}

function wordsBesideDate($: CheerioAPI, link: Element, date: string): number {
  let count = 0;
  for (const word of $(link).text().normalize('NFC').toLowerCase().replace(date, '').split(/\s+/u)) if (/\p{L}/u.test(word)) count++;
  return count;
}

/** Whether node's text is shorter than max characters; stops counting past it (the parent may be the whole article). */
function isShorterThan(node: AnyNode, max: number): boolean {
  let length = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'text') length += next.data.length;
    else if ('children' in next) stack.push(...next.children);
    if (length > max) return false;
  }
  return true;
}

function enclosingLink(element: Element): Element[] {
  for (let node: AnyNode | null = element; node !== null; node = node.parent) if (node.type === 'tag' && (node as Element).name === 'a') return [node as Element];
  return [];
}

/** A field of the page's JSON-LD (NewsArticle and the like, in @graph or arrays); undefined when absent or malformed. */
export function jsonLdField($: CheerioAPI, field: string): unknown {
  for (const script of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try {
      data = JSON.parse($(script).text());
    } catch {
      continue;
    }
    const found = findField(data, field, 0);
    if (found !== undefined) return found;
  }
  return undefined;
}

function findField(data: unknown, field: string, depth: number): unknown {
  if (depth > 4 || data === null || typeof data !== 'object') return undefined;
  if (Array.isArray(data)) {
    for (const entry of data) {
      const found = findField(entry, field, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = data as Record<string, unknown>;
  if (record[field] !== undefined) return record[field];
  return findField(record['@graph'], field, depth + 1);
}
