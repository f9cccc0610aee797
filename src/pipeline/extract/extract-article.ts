/** Extract stage entry: an article page's title, date, author and cleaned content, each with the rule that found it. */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapsedText, descendants, isWithin, loadPage, measureTextLengths, pageWrappers } from './load-page.ts';
import { comparisonKey } from '../normalize/vietnamese-text.ts';
import { CHROME_ATTRIBUTE, isRelatedHeading, isSidebarTitle } from './portal-words.ts';

const LINKS = new Set(['a']);
import type { HtmlRules, RawItem } from '../../model/types.ts';
import { canonicalizeUrl } from '../normalize/canonical-url.ts';
import { cleanContent } from './clean-content.ts';
import { describe, detectMainText } from './detect-main-text.ts';
import { findAuthor, labelledBylineAround } from './find-author.ts';
import { findArticleDate } from './find-date.ts';
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
  const cleaned = content.element === undefined ? { html: '' } : cleanContent($, content.element, { remove: selectors.remove, drop: [title.element, date.element, ...(content.drop ?? [])] });
  const author = metaAuthor.value ?? cleaned.byline ?? (content.element === undefined ? undefined : labelledBylineAround($, title.element, content.element));
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
      author: metaAuthor.value !== undefined ? metaAuthor.rule : cleaned.byline !== undefined ? 'closing byline' : author !== undefined ? 'labelled byline beside the content' : 'none',
      content: content.rule,
    },
  };
}

/** The extracted article as the feed path's raw item, so it is normalised, identified and merged like any other. */
export function toRawItem(article: ExtractedArticle, link: string): RawItem {
  return { link, title: article.title, contentHtml: article.contentHtml, date: article.date, author: article.author, categories: [] };
}

/**
 * The headline the page shows: the first h1, else the first title-named element (`itemprop=headline`,
 * class `news-title`, `lblTieuDe`), else the first h2–h4, else the first bold line standing alone; never a
 * link, chrome, a box heading or a line of fewer than MIN_HEADLINE_WORDS words. og:title wins when it holds
 * that headline ("Cao Bằng: " + the h1) and is passed over when it does not: then it is the site's name or a
 * social-media rewording. `<title>` (with its site suffix) last.
 */
function findTitle($: CheerioAPI, selector: string | undefined): { value?: string; rule: string; element?: Element } {
  if (selector !== undefined) {
    const element = $(selector).first();
    const value = collapsedText(element.text());
    if (value !== undefined) return { value, rule: `title selector "${selector}"`, element: element.get(0) as Element };
  }
  const headline = findHeadline($);
  const og = collapsedText($('meta[property="og:title"]').attr('content'));
  const shown = headline === undefined ? undefined : collapsedText($(headline.element).text());
  if (og !== undefined && (shown === undefined || (comparisonKey(og).includes(comparisonKey(shown)) && !addsSiteName(og, shown)))) return { value: og, rule: 'og:title', element: headline?.element };
  if (headline !== undefined) return { value: shown, rule: headline.rule, element: headline.element };
  const documentTitle = collapsedText($('title').first().text());
  return documentTitle === undefined ? { rule: 'none' } : { value: documentTitle, rule: '<title>' };
}

/** og:title = the site's name joined to the headline by a dash or bar ("Sở Giáo dục … - <headline>"): a suffix like `<title>`'s, not a dateline as "Cao Bằng: " is. */
function addsSiteName(og: string, shown: string): boolean {
  const rest = og.startsWith(shown) ? og.slice(shown.length) : og.endsWith(shown) ? og.slice(0, og.length - shown.length) : undefined;
  return rest !== undefined && (/^\s+[-–—|»]\s/u.test(rest) || /\s[-–—|«]\s+$/u.test(rest));
}

const MIN_HEADLINE_WORDS = 5;
const MAX_HEADLINE_CHARS = 300;
// `contentheading`: Joomla 1.5 prints the headline in a table cell so named.
const TITLE_ATTRIBUTE = /title|tieu-?de|headline|contentheading/i;
const HEADLINE_KINDS: readonly { rule: string; matches: (element: Element, $: CheerioAPI, textLength: (node: AnyNode) => number) => boolean }[] = [
  { rule: 'first h1', matches: (element) => element.name === 'h1' },
  { rule: 'title-named element', matches: (element) => element.attribs.itemprop === 'headline' || TITLE_ATTRIBUTE.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`) },
  { rule: 'first h2–h4', matches: (element) => /^h[2-4]$/.test(element.name) },
  {
    rule: 'bold line standing alone',
    matches: (element, $, textLength) =>
      ['b', 'strong'].includes(element.name) && !isWithin(element, 'p') && element.parent !== null && textLength(element.parent) <= MAX_HEADLINE_CHARS * 2 && collapsedText($(element.parent).text()) === collapsedText($(element).text()),
  },
];
const HEADLINE_CHROME = new Set(['nav', 'footer', 'aside', 'a', 'form']);

function findHeadline($: CheerioAPI): { element: Element; rule: string } | undefined {
  const textLength = measureTextLengths($);
  const wrappers = pageWrappers($, textLength);
  const candidates = $('body *').toArray().filter((element): element is Element => element.type === 'tag' && !HEADLINE_TAGS_SKIPPED.has(element.name));
  // An h1 in the page header names the site, unless the page shows nothing else like a headline.
  let headerH1: Element | undefined;
  for (const kind of HEADLINE_KINDS) {
    for (const element of candidates) {
      // Long elements are never a headline: their text is not built (a page of many such would be quadratic).
      if (textLength(element) > MAX_HEADLINE_CHARS * 2 || !kind.matches(element, $, textLength)) continue;
      const value = collapsedText($(element).text());
      if (value === undefined) continue;
      // h1 is taken as it stands (portals use it for the headline); the weaker kinds must look like one.
      if (kind.rule === 'first h1' && inSiteHeader(element, wrappers)) headerH1 ??= element;
      else if (kind.rule === 'first h1' || looksLikeHeadline($, element, value, wrappers)) return { element, rule: kind.rule };
    }
  }
  return headerH1 === undefined ? undefined : { element: headerH1, rule: 'first h1' };
}

const HEADLINE_TAGS_SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'title', 'meta', 'link']);

// The block holding the portal's name and logo; an article's own header (`entry-header`, `page-header`) is not one.
const SITE_HEADER_ATTRIBUTE = /(?:^|\s)(?:header|site-header|top-header|header-top|logo|brand|navbar-brand|site-name|site-title|site-branding|banner)(?:\s|$)/i;

function inSiteHeader(element: Element, wrappers: ReadonlySet<Element>): boolean {
  for (let node: Element | null = element; node !== null && node.type === 'tag' && !wrappers.has(node); node = node.parent as Element | null) {
    if (SITE_HEADER_ATTRIBUTE.test(`${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`)) return true;
  }
  return false;
}

function looksLikeHeadline($: CheerioAPI, element: Element, value: string, wrappers: ReadonlySet<Element>): boolean {
  if (value.length > MAX_HEADLINE_CHARS || value.split(' ').filter((word) => /\p{L}/u.test(word)).length < MIN_HEADLINE_WORDS) return false;
  if (isSidebarTitle(value) || isRelatedHeading(value) || descendants(element, LINKS).length > 0) return false;
  for (let node: Element | null = element; node !== null && node.type === 'tag' && !wrappers.has(node); node = node.parent as Element | null) {
    if (HEADLINE_CHROME.has(node.name) || CHROME_ATTRIBUTE.test(`${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`)) return false;
  }
  return true;
}

function findContent($: CheerioAPI, selector: string | undefined, title: Element | undefined): { element?: Element; drop?: Element[]; rule: string } {
  if (selector !== undefined) {
    const element = $(selector).get(0) as Element | undefined;
    if (element !== undefined) return { element, rule: `content selector "${selector}"` };
  }
  const main = detectMainText($, new Set(title === undefined ? [] : [title]));
  if (main === undefined) return { rule: 'none' };
  if (main.lead !== undefined) $(main.element).prepend($(main.lead).clone());
  return { element: main.element, ...(main.drop === undefined ? {} : { drop: main.drop }), rule: `detected main text ${describe(main.element)}` };
}

function canonicalOf($: CheerioAPI, pageUrl: string): { canonicalUrl?: string } {
  const href = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  const canonical = href === undefined ? undefined : canonicalizeUrl(href, pageUrl.startsWith('file:') ? undefined : pageUrl);
  return canonical === undefined ? {} : { canonicalUrl: canonical };
}
