/** An HTML source: list page → its first maxArticles article links → the new or changed article pages → copies. */
import { CrawlError } from '../errors.ts';
import type { Copy, SourceConfig, SourceState } from '../model/types.ts';
import type { FieldRules } from './extract/extract-article.ts';
import { toRawItem } from './extract/extract-article.ts';
import { findArticleLinks } from './extract/find-article-links.ts';
import { listPageUrl } from './fetch/fetch-page.ts';
import { canonicalizeUrl } from './normalize/canonical-url.ts';
import { normalizeItem } from './normalize/normalize-item.ts';
import { readArticles, type ArticleRead } from './read-articles.ts';
import type { CollectContext, SourceOutcome } from './collect-source.ts';

export const DEFAULT_MAX_ARTICLES = 20;

/** Throws CrawlError / FetchError for the list page; article pages fail one by one into `articleErrors`. */
export async function collectHtmlSource(source: SourceConfig, state: SourceState | undefined, context: CollectContext): Promise<SourceOutcome> {
  const rules = source.html ?? { remove: [] };
  const previous = state?.pages ?? {};
  // A page left to retry must be read even when the list page itself did not change.
  const retrying = Object.values(previous).some((page) => page.retry);
  const validators = retrying ? undefined : { etag: state?.etag, lastModified: state?.lastModified };
  const list = await context.crawler.fetchPage(listPageUrl(source), validators, context.fetch);
  if (list.kind === 'refused') throw new CrawlError('ROBOTS_REFUSED', 'robots.txt does not allow bantin to read the list page');
  if (list.kind !== 'page') return { ok: true, notModified: true };
  const links = findArticleLinks(list.text, list.url, rules, source.timezone);
  if (links.entries.length === 0) throw new CrawlError('NO_ARTICLE_LINKS', 'no article links found on the list page');
  const entries = links.entries.slice(0, rules.maxArticles ?? DEFAULT_MAX_ARTICLES);
  const targets = entries.map((entry) => ({ pageUrl: entry.url, entry: `${entry.title}\n${entry.date ?? ''}`, listDate: entry.date }));
  const read = await readArticles(targets, source, previous, { crawler: context.crawler, fetch: context.fetch, deadlineMs: performance.now() + context.fetch.timeoutMs });
  const copies: Copy[] = [];
  const fields = new Map<string, FieldRules>();
  let articleErrors = read.articleErrors;
  read.reads.forEach((outcome, index) => {
    const copy = outcome.kind === 'read' ? toCopy(outcome, source, context.now) : undefined;
    if (outcome.kind !== 'read') return;
    // A page with no title and no text, or a local page naming no web address, is a failed article.
    if (copy === undefined) {
      articleErrors++;
      read.pages[targets[index]!.pageUrl] = { entry: targets[index]!.entry, retry: true };
      return;
    }
    copies.push(copy);
    fields.set(copy.url, outcome.article.rules);
  });
  return {
    ok: true,
    notModified: false,
    copies,
    items: entries.length,
    etag: list.etag,
    lastModified: list.lastModified,
    pages: read.pages,
    articleErrors,
    robotsRefused: read.robotsRefused,
    fieldRules: fields,
    linkRule: links.rule,
  };
}

/** The copy's address is the page's (after redirects); a local page's is the web address its rel=canonical names. */
function toCopy(read: Extract<ArticleRead, { kind: 'read' }>, source: SourceConfig, now: Date): Copy | undefined {
  const url = read.url.startsWith('file:') ? read.article.canonicalUrl : canonicalizeUrl(read.url);
  if (url === undefined) return undefined;
  return normalizeItem(toRawItem(read.article, url), { source, now });
}
