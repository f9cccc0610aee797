/** Finds an article's author: the `author` selector, JSON-LD or meta author (never a CMS's default account), else a labelled byline beside the content. */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { comparisonKey } from '../normalize/vietnamese-text.ts';
import { readByline, readLabelledByline } from './find-byline.ts';
import { jsonLdField } from './find-date.ts';
import { collapsedText, elementsAfter, hasDescendant, isInside } from './load-page.ts';

/** SPEC order: the `author` selector, JSON-LD `author`, `meta name="author"`; a CMS account in either counts as none. */
export function findAuthor($: CheerioAPI, selector: string | undefined): { value?: string; rule: string } {
  if (selector !== undefined) {
    const raw = collapsedText($(selector).first().text());
    const value = raw === undefined ? undefined : (readByline(raw) ?? raw);
    if (value !== undefined) return { value, rule: `author selector "${selector}"` };
  }
  const fromJsonLd = jsonLdField($, 'author');
  const jsonLdName = authorName(fromJsonLd);
  if (jsonLdName !== undefined && !isCmsAccount(jsonLdName)) return { value: jsonLdName, rule: 'JSON-LD author' };
  const meta = collapsedText($('meta[name="author"]').attr('content'));
  return meta === undefined || isCmsAccount(meta) ? { rule: 'none' } : { value: meta, rule: 'meta author' };
}

// A CMS's default account ("admin", Joomla's "Super User") names whoever was logged in, not a writer: the byline decides.
const CMS_ACCOUNTS = new Set(['admin', 'administrator', 'super user', 'superuser', 'quản trị', 'quản trị viên', 'biên tập viên', 'webmaster', 'editor', 'root'].map(comparisonKey));

function isCmsAccount(name: string): boolean {
  return CMS_ACCOUNTS.has(comparisonKey(name));
}

function authorName(value: unknown): string | undefined {
  if (typeof value === 'string') return collapsedText(value);
  if (Array.isArray(value)) return collapsedText(value.map(authorName).filter(Boolean).join(', '));
  if (value !== null && typeof value === 'object') return authorName((value as { name?: unknown }).name);
  return undefined;
}

const BYLINE_BLOCKS = new Set(['p', 'div', 'li', 'table', 'ul']);
const BYLINE_MAX_CHARS = 100;
// Past the content, a byline comes before the share bar and the related list; this many elements are enough to see it.
const ELEMENTS_AFTER_CONTENT = 8;
// A theme's article head (date, counters, author, sapo) between the headline and the body.
const ELEMENTS_BEFORE_CONTENT = 40;

/**
 * A labelled byline line ("Tác giả: N.T.P", "Tin, ảnh: Đ.V.T") printed outside the content: between the headline
 * and the content (the article's head), or just after the content (a closing byline the theme prints apart).
 */
export function labelledBylineAround($: CheerioAPI, title: Element | undefined, content: Element): string | undefined {
  const head = title === undefined || isInside(title, content) ? [] : elementsAfter(title, ELEMENTS_BEFORE_CONTENT, content);
  for (const element of [...head, ...elementsAfter(content, ELEMENTS_AFTER_CONTENT)]) {
    if (hasDescendant(element, BYLINE_BLOCKS)) continue;
    const line = $(element).text();
    const name = line.length <= BYLINE_MAX_CHARS ? readLabelledByline(line) : undefined;
    if (name !== undefined && !isCmsAccount(name)) return name;
  }
  return undefined;
}
