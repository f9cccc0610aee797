/** `npm run preview -- <source id | URL>`: what bantin would take from one source, and which rule found each field; writes nothing. */
import type { Config, Copy, SourceConfig } from '../model/types.ts';
import type { FieldRules } from '../pipeline/extract/extract-article.ts';
import { collectSource, type SourceOutcome } from '../pipeline/collect-source.ts';
import { copyText } from '../pipeline/normalize/copy-text.ts';
import { createIngestionCrawler } from '../pipeline/run-ingestion.ts';
import { userAgent } from '../version.ts';

const TEXT_PREVIEW_CHARS = 200;

/** Prints the preview; resolves to the exit code: 0 when at least one item was found, 1 otherwise. */
export async function runPreviewCommand(config: Config, target: string | undefined, print: (line: string) => void): Promise<number> {
  const source = target === undefined ? undefined : sourceFor(config, target);
  if (source === undefined) {
    print(target === undefined ? 'usage: npm run preview -- <source id | URL> [--config <path>]' : `no source "${target}" in ${config.configPath ?? 'the config'}, and not an http(s) URL`);
    return 1;
  }
  const options = { timeoutMs: config.fetchTimeoutSeconds * 1000, maxBytes: config.maxFeedBytes, maxItems: config.maxItemsPerFetch, userAgent: userAgent(config.baseUrl), now: new Date(), crawler: createIngestionCrawler(config) };
  let outcome = await collectSource(source, undefined, options);
  // A URL given by hand may be a feed or a portal's list page: a page that is not a feed is read as a list.
  if (!outcome.ok && outcome.code === 'NOT_A_FEED' && source.id === 'preview') {
    outcome = await collectSource({ ...source, html: { remove: [] } }, undefined, options);
    source.html = { remove: [] };
  }
  for (const line of describeOutcome(source, outcome, config.timezone)) print(line);
  return outcome.ok && !outcome.notModified && outcome.copies.length > 0 ? 0 : 1;
}

type PreviewSource = { -readonly [K in keyof SourceConfig]: SourceConfig[K] };

function sourceFor(config: Config, target: string): PreviewSource | undefined {
  const configured = config.sources.find((source) => source.id === target);
  if (configured !== undefined) return { ...configured };
  if (!/^https?:\/\//i.test(target) || !URL.canParse(target)) return undefined;
  return { id: 'preview', name: target, url: target, priority: 0, categoryMap: {}, timezone: config.timezone, enabled: true };
}

function describeOutcome(source: PreviewSource, outcome: SourceOutcome, timeZone: string): string[] {
  const kind = source.html !== undefined && !source.fullText ? 'HTML list page' : source.fullText ? 'feed, full text from each item\'s page' : 'feed';
  const lines = [`${source.id} — ${source.name} (${kind}: ${source.url ?? source.file})`];
  if (!outcome.ok) return [...lines, `error: ${outcome.error}`];
  if (outcome.notModified) return [...lines, 'not modified (304)'];
  if (outcome.linkRule !== undefined) lines.push(`article links: ${outcome.items} (${outcome.linkRule})`);
  if (outcome.articleErrors) lines.push(`article pages that failed: ${outcome.articleErrors}`);
  if (outcome.robotsRefused) lines.push(`article pages robots.txt refused: ${outcome.robotsRefused}`);
  lines.push(`items: ${outcome.copies.length}`, '');
  outcome.copies.forEach((copy, index) => lines.push(...describeCopy(copy, index, outcome.fieldRules?.get(copy.url), timeZone), ''));
  return lines;
}

function describeCopy(copy: Copy, index: number, rules: FieldRules | undefined, timeZone: string): string[] {
  const rule = (field: keyof FieldRules) => (rules === undefined ? '' : `   [${rules[field]}]`);
  const text = copyText(copy).replace(/\s+/g, ' ').trim();
  const opening = text.length > TEXT_PREVIEW_CHARS ? `${text.slice(0, TEXT_PREVIEW_CHARS)}…` : text;
  return [
    `${index + 1}. ${copy.title}${rule('title')}`,
    `   date:    ${localTime(copy.datePublished, timeZone)}${rule('date')}`,
    `   link:    ${copy.url}`,
    `   author:  ${copy.author ?? '—'}${rule('author')}`,
    `   text:    ${opening || '—'}${rule('content')}`,
  ];
}

/** `2026-12-04 08:30 (Asia/Ho_Chi_Minh)`. */
function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${parts.replace(',', '')} (${timeZone})`;
}
