/**
 * The blind extraction set (test/fixtures/extract-eval/blind): every page run through the real extract →
 * normalise path, each field compared with its `*.expected.json` as the set's README defines them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extractArticle, toRawItem } from '../../src/pipeline/extract/extract-article.ts';
import { findArticleLinks, resolveLink } from '../../src/pipeline/extract/find-article-links.ts';
import { normalizeItem, readItemDate } from '../../src/pipeline/normalize/normalize-item.ts';
import { sanitizedHtmlToText } from '../../src/pipeline/normalize/sanitize-content.ts';
import type { SourceConfig } from '../../src/model/types.ts';

export const BLIND_PAGES_DIR = new URL('../../test/fixtures/extract-eval/blind/pages/', import.meta.url);
/** The second blind page set, by another writer from a brief alone; scored before any rule saw it. */
export const SECOND_BLIND_PAGES_DIR = new URL('../../test/fixtures/extract-eval/blind-2/pages/', import.meta.url);
const ZONE = 'Asia/Ho_Chi_Minh';
// After every date in the set, so none is refused as "in the future".
const NOW = new Date('2027-06-01T00:00:00Z');
// Pages name no address of their own; relative links and images resolve against this one.
const DEFAULT_HOST = 'https://portal.example.gov.vn';

export interface ExpectedArticle {
  kind: 'article';
  title: string;
  date: string | null;
  author: string | null;
  firstParagraph: string;
  lastParagraph: string;
  imageCaptions?: string[];
  removed: string[];
}

export interface ExpectedList {
  kind: 'list';
  articleLinks: string[];
  notLinks: string[];
}

export interface BlindPage {
  name: string;
  html: string;
  expected: ExpectedArticle | ExpectedList;
}

/** One field of one page: right or not, and what was expected and found (for `--explain`). */
export interface FieldOutcome {
  page: string;
  field: ArticleField | ListField;
  ok: boolean;
  expected: string;
  got: string;
}

export const ARTICLE_FIELDS = ['title', 'date', 'author', 'first paragraph', 'last paragraph', 'captions kept', 'removed blocks absent'] as const;
export const LIST_FIELDS = ['list links found', 'list links extra'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];

export function loadBlindPages(dir: URL = BLIND_PAGES_DIR): BlindPage[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.html'.length);
      return {
        name,
        html: readFileSync(new URL(file, dir), 'utf8'),
        expected: JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as BlindPage['expected'],
      };
    });
}

const oneLine = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const show = (value: string | undefined | null): string => (value === undefined || value === null ? '(none)' : value);

/** Every field of every page, in page order. */
export function evaluatePages(pages: readonly BlindPage[]): FieldOutcome[] {
  return pages.flatMap((page) => (page.expected.kind === 'article' ? evaluateArticle(page, page.expected) : evaluateList(page, page.expected)));
}

/** Share right per field: removed blocks and list links count one per snippet / link, the rest one per page. */
export function accuracy(outcomes: readonly FieldOutcome[]): Map<ArticleField | ListField, { right: number; total: number }> {
  const out = new Map<ArticleField | ListField, { right: number; total: number }>();
  for (const field of [...ARTICLE_FIELDS, ...LIST_FIELDS]) out.set(field, { right: 0, total: 0 });
  for (const outcome of outcomes) {
    const counts = out.get(outcome.field)!;
    counts.total++;
    if (outcome.ok) counts.right++;
  }
  return out;
}

function pageUrl(page: BlindPage): string {
  // A list whose article links are absolute names its own site: the page is read as a page of that site.
  const hosts = [...page.html.matchAll(/href="(https?:\/\/[^/"]+)/g)].map((match) => match[1]!);
  const counts = new Map<string, number>();
  for (const host of hosts) counts.set(host, (counts.get(host) ?? 0) + 1);
  const host = [...counts].sort((a, b) => b[1] - a[1]).find(([, count]) => count >= 3)?.[0] ?? DEFAULT_HOST;
  return `${host}/chuyen-muc/${page.name}.html`;
}

const SOURCE: SourceConfig = { id: 'blind', name: 'blind set', url: DEFAULT_HOST, priority: 0, categoryMap: {}, timezone: ZONE, enabled: true };

function evaluateArticle(page: BlindPage, expected: ExpectedArticle): FieldOutcome[] {
  const url = pageUrl(page);
  const article = extractArticle(page.html, url, undefined, ZONE);
  const copy = normalizeItem(toRawItem(article, url), { source: SOURCE, now: NOW });
  // What a reader of the published feed sees, one line per block.
  const text = copy === undefined ? '' : sanitizedHtmlToText(copy.contentHtml);
  const captions = new Set((expected.imageCaptions ?? []).map(oneLine));
  const lines = text.split('\n').map(oneLine).filter((line) => line !== '' && !captions.has(line));
  const flat = oneLine(text);
  const outcome = (field: ArticleField, ok: boolean, want: string, got: string): FieldOutcome => ({ page: page.name, field, ok, expected: want, got });
  const date = readItemDate(article.date, ZONE, NOW);
  const wantDate = expected.date === null ? undefined : new Date(expected.date);
  return [
    outcome('title', copy?.title === oneLine(expected.title), expected.title, show(copy?.title)),
    outcome('date', date?.getTime() === wantDate?.getTime(), show(expected.date), `${show(article.date)} → ${date === undefined ? '(none)' : date.toISOString()}  [${article.rules.date}]`),
    outcome('author', (copy?.author ?? null) === (expected.author === null ? null : oneLine(expected.author)), show(expected.author), `${show(copy?.author)}  [${article.rules.author}]`),
    outcome('first paragraph', lines[0] === oneLine(expected.firstParagraph), expected.firstParagraph, `${show(lines[0])}  [${article.rules.content}]`),
    outcome('last paragraph', lines.at(-1) === oneLine(expected.lastParagraph), expected.lastParagraph, show(lines.at(-1))),
    ...(expected.imageCaptions ?? []).map((caption) => outcome('captions kept', flat.includes(oneLine(caption)), caption, flat.includes(oneLine(caption)) ? caption : '(not in the content)')),
    ...expected.removed.map((snippet) => outcome('removed blocks absent', !flat.includes(oneLine(snippet)), `"${snippet}" absent`, flat.includes(oneLine(snippet)) ? `present: …${around(flat, oneLine(snippet))}…` : 'absent')),
  ];
}

function around(text: string, snippet: string): string {
  const at = text.indexOf(snippet);
  return text.slice(Math.max(0, at - 40), at + snippet.length + 40);
}

function evaluateList(page: BlindPage, expected: ExpectedList): FieldOutcome[] {
  const url = pageUrl(page);
  const found = findArticleLinks(page.html, url, {}, ZONE).entries.map((entry) => entry.url);
  const resolve = (href: string) => resolveLink(href, url) ?? href;
  const wanted = new Set(expected.articleLinks.map(resolve));
  const notLinks = new Set(expected.notLinks.map(resolve));
  const outcome = (field: ListField, ok: boolean, want: string, got: string): FieldOutcome => ({ page: page.name, field, ok, expected: want, got });
  return [
    ...expected.articleLinks.map((href) => outcome('list links found', found.includes(resolve(href)), href, found.includes(resolve(href)) ? 'found' : 'not found')),
    // One outcome per link found: right when it is a main-list link, so the share right is the precision.
    ...found.map((link) => outcome('list links extra', wanted.has(link), 'a main-list link', wanted.has(link) ? link : `${link}${notLinks.has(link) ? ' (a menu / sidebar / pagination link)' : ''} is extra`)),
  ];
}
