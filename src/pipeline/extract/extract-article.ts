/** Extract stage entry: an article page's title, date, author and cleaned content, each with the rule that found it. */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { loadPage } from './load-page.ts';
import type { HtmlRules, RawItem } from '../../model/types.ts';
import { canonicalizeUrl } from '../normalize/canonical-url.ts';
import { cleanContent } from './clean-content.ts';
import { describe, detectMainText } from './detect-main-text.ts';
import { readByline } from './find-byline.ts';
import { findArticleDate, jsonLdField } from './find-date.ts';
import type { ListEntry } from './find-article-links.ts';

/** Which selector or detection rule found each field (`npm run preview` prints them). */
export interface FieldRules {
  title: string;
  date: string;
  author: string;
  content: string;
}

export interface ExtractedArticle {
  title?: string;
  /** As printed or marked up; normalisation reads it in the source's zone. */
  date?: string;
  author?: string;
  contentHtml: string;
  /** The page's own `rel=canonical` / `og:url`, when http(s). */
  canonicalUrl?: string;
  rules: FieldRules;
}

const NO_RULES: Pick<HtmlRules, 'remove'> = { remove: [] };

/** Extracts one article page; `entry` is its line on the list page (a date there is the fallback). */
export function extractArticle(html: string, pageUrl: string, rules: Partial<HtmlRules> | undefined, timeZone: string, entry?: Pick<ListEntry, 'date'>): ExtractedArticle {
  const $ = loadPage(html);
  const selectors = { ...NO_RULES, ...rules };
  const title = findTitle($, selectors.title);
  const date = findArticleDate($, selectors.date, title.element, timeZone);
  const metaAuthor = findAuthor($, selectors.author);
  const content = findContent($, selectors.content, title.element);
  const cleaned = content.element === undefined ? { html: '' } : cleanContent($, content.element, { remove: selectors.remove, drop: [title.element, date.element] });
  const author = metaAuthor.value ?? cleaned.byline;
  const dateRule = date.value !== undefined ? date.rule : entry?.date !== undefined ? 'date beside its link on the list page' : 'time first seen';
  return {
    ...(title.value === undefined ? {} : { title: title.value }),
    ...(date.value ?? entry?.date) !== undefined ? { date: (date.value ?? entry?.date)! } : {},
    ...(author === undefined ? {} : { author }),
    contentHtml: cleaned.html,
    ...canonicalOf($, pageUrl),
    rules: {
      title: title.rule,
      date: dateRule,
      author: metaAuthor.value !== undefined ? metaAuthor.rule : cleaned.byline !== undefined ? 'closing byline' : 'none',
      content: content.rule,
    },
  };
}

/** The extracted article as the feed path's raw item, so it is normalised, identified and merged like any other. */
export function toRawItem(article: ExtractedArticle, link: string): RawItem {
  return { link, title: article.title, contentHtml: article.contentHtml, date: article.date, author: article.author, categories: [] };
}

function text(value: string | undefined): string | undefined {
  const clean = value?.replace(/\s+/g, ' ').trim();
  return clean ? clean : undefined;
}

function findTitle($: CheerioAPI, selector: string | undefined): { value?: string; rule: string; element?: Element } {
  const h1 = $('h1').toArray().find((element) => text($(element).text()) !== undefined);
  if (selector !== undefined) {
    const element = $(selector).first();
    const value = text(element.text());
    if (value !== undefined) return { value, rule: `title selector "${selector}"`, element: element.get(0) as Element };
  }
  const og = text($('meta[property="og:title"]').attr('content'));
  if (og !== undefined) return { value: og, rule: 'og:title', element: h1 };
  if (h1 !== undefined) return { value: text($(h1).text()), rule: 'first h1', element: h1 };
  const documentTitle = text($('title').first().text());
  return documentTitle === undefined ? { rule: 'none' } : { value: documentTitle, rule: '<title>' };
}

function findAuthor($: CheerioAPI, selector: string | undefined): { value?: string; rule: string } {
  if (selector !== undefined) {
    const raw = text($(selector).first().text());
    const value = raw === undefined ? undefined : (readByline(raw) ?? raw);
    if (value !== undefined) return { value, rule: `author selector "${selector}"` };
  }
  const fromJsonLd = jsonLdField($, 'author');
  const jsonLdName = authorName(fromJsonLd);
  if (jsonLdName !== undefined) return { value: jsonLdName, rule: 'JSON-LD author' };
  const meta = text($('meta[name="author"]').attr('content'));
  return meta === undefined ? { rule: 'none' } : { value: meta, rule: 'meta author' };
}

function authorName(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return text(value.map(authorName).filter(Boolean).join(', '));
  if (value !== null && typeof value === 'object') return authorName((value as { name?: unknown }).name);
  return undefined;
}

function findContent($: CheerioAPI, selector: string | undefined, title: Element | undefined): { element?: Element; rule: string } {
  if (selector !== undefined) {
    const element = $(selector).get(0) as Element | undefined;
    if (element !== undefined) return { element, rule: `content selector "${selector}"` };
  }
  const main = detectMainText($, new Set(title === undefined ? [] : [title]));
  if (main === undefined) return { rule: 'none' };
  if (main.lead !== undefined) $(main.element).prepend($(main.lead).clone());
  return { element: main.element, rule: `detected main text ${describe(main.element)}` };
}

function canonicalOf($: CheerioAPI, pageUrl: string): { canonicalUrl?: string } {
  const href = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  const canonical = href === undefined ? undefined : canonicalizeUrl(href, pageUrl.startsWith('file:') ? undefined : pageUrl);
  return canonical === undefined ? {} : { canonicalUrl: canonical };
}
