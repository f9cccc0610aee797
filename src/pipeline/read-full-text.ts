/** `fullText: true`: a summary-only feed's new items get their page's content, keeping the feed's title, date and guid. */
import type { PageState, RawItem, SourceConfig, SourceState } from '../model/types.ts';
import type { FieldRules } from './extract/extract-article.ts';
import { resolveLink } from './extract/find-article-links.ts';
import { listPageUrl } from './fetch/fetch-page.ts';
import { canonicalizeUrl } from './normalize/canonical-url.ts';
import { readArticles, type ArticleRead } from './read-articles.ts';
import type { CollectContext } from './collect-source.ts';

export interface FullTextRead {
  /** Items to normalise: with their page's content, or their summary when the page failed; items already read are left out. */
  items: RawItem[];
  pages: Record<string, PageState>;
  articleErrors: number;
  robotsRefused: number;
  /** By the copy's canonical link. */
  fieldRules: Map<string, FieldRules>;
}

/** A local feed's relative links name files beside it, as a local list page's do. */
export async function readFullText(items: readonly RawItem[], base: string | undefined, source: SourceConfig, state: SourceState | undefined, context: CollectContext): Promise<FullTextRead> {
  const pageBase = source.file !== undefined ? listPageUrl(source) : base;
  const pageUrls = items.map((item) => (pageBase === undefined ? undefined : resolveLink(item.link, pageBase)));
  const targets = items.flatMap((item, index) => {
    const pageUrl = pageUrls[index];
    return pageUrl === undefined ? [] : [{ pageUrl, entry: `${item.title ?? ''}\n${item.date ?? ''}` }];
  });
  const read = await readArticles(targets, source, state?.pages ?? {}, { crawler: context.crawler, fetch: context.fetch, deadlineMs: performance.now() + context.fetch.timeoutMs });
  const byPage = new Map<string, ArticleRead>(targets.map((target, index) => [target.pageUrl, read.reads[index]!]));
  const fieldRules = new Map<string, FieldRules>();
  let articleErrors = read.articleErrors;
  const out: RawItem[] = [];
  items.forEach((item, index) => {
    const pageUrl = pageUrls[index];
    const outcome = pageUrl === undefined ? undefined : byPage.get(pageUrl);
    // Read before and unchanged: the stored copy keeps its full text; a summary would overwrite it.
    if (outcome?.kind === 'unchanged' || outcome?.kind === 'not-modified') return;
    if (outcome?.kind !== 'read') return void out.push(item);
    const link = outcome.url.startsWith('file:') ? outcome.article.canonicalUrl : item.link;
    if (outcome.article.contentHtml.trim() === '' || link === undefined) {
      articleErrors++;
      read.pages[pageUrl!] = { entry: read.pages[pageUrl!]!.entry, retry: true };
      return void out.push(item);
    }
    // Title and date are the feed's (SPEC); the page gives the content, and the author when the feed has none.
    const author = item.author !== undefined ? 'feed item' : outcome.article.rules.author;
    fieldRules.set(canonicalizeUrl(link) ?? pageUrl!, { ...outcome.article.rules, title: 'feed item', date: 'feed item', author });
    out.push({ ...item, link, contentHtml: outcome.article.contentHtml, author: item.author ?? outcome.article.author });
  });
  return { items: out, pages: read.pages, articleErrors, robotsRefused: read.robotsRefused, fieldRules };
}
