/** Fetches HTML pages (list pages, article pages) with a feed's limits, robots.txt, per-host manners and the HTML charset order. */
import { pathToFileURL, fileURLToPath } from 'node:url';
import { decodeHtmlBody } from './decode-body.ts';
import { fetchSource, type FetchOptions } from './fetch-source.ts';
import { createHostLimiter, type HostLimiter } from './host-limiter.ts';
import { createRobotsRules, ROBOTS_MAX_BYTES, type RobotsRules } from './robots-rules.ts';

/** `url` is where the page was finally read from (after redirects); a local page's is its `file:` URL. */
export type PageResult =
  | { kind: 'refused' }
  | { kind: 'not-modified' }
  /** The host's turn came after the deadline: left for the next cycle. */
  | { kind: 'deferred' }
  | { kind: 'page'; text: string; url: string; etag?: string; lastModified?: string };

export type PageFetchOptions = Omit<FetchOptions, 'etag' | 'lastModified'>;

/** What one process shares between all its sources: the per-host limiter and the robots.txt cache. */
export interface Crawler {
  limiter: HostLimiter;
  robots: RobotsRules;
  /** Fetches a page (http(s) or `file:`) with the validators it was last read with; throws FetchError. */
  fetchPage(url: string, validators: { etag?: string; lastModified?: string } | undefined, options: PageFetchOptions & { deadlineMs?: number }): Promise<PageResult>;
}

/** `now` is the robots.txt cache's clock (ms since the epoch). */
export function createCrawler(options: { hostDelayMs: number; robotsFetch: PageFetchOptions; now?: () => number }): Crawler {
  const limiter = createHostLimiter({ delayMs: options.hostDelayMs });
  const robots = createRobotsRules(async (robotsUrl) => {
    const fetchOptions = { ...options.robotsFetch, maxBytes: Math.min(options.robotsFetch.maxBytes, ROBOTS_MAX_BYTES) };
    const result = await limiter.run(robotsUrl, () => fetchSource({ url: robotsUrl }, fetchOptions));
    return result.kind === 'body' ? decodeHtmlBody(result.body, result.contentType).text : '';
  }, options.now);
  return {
    limiter,
    robots,
    async fetchPage(url, validators, fetchOptions) {
      if (url.startsWith('file:')) {
        const result = await fetchSource({ file: fileURLToPath(url) }, fetchOptions);
        return result.kind === 'body' ? { kind: 'page', text: decodeHtmlBody(result.body).text, url } : { kind: 'not-modified' };
      }
      if (!(await robots.isAllowed(url))) return { kind: 'refused' };
      const result = await limiter.runBefore(fetchOptions.deadlineMs ?? Infinity, url, () => fetchSource({ url }, { ...fetchOptions, ...validators }));
      if (result === undefined) return { kind: 'deferred' };
      if (result.kind === 'not-modified') return { kind: 'not-modified' };
      const { text } = decodeHtmlBody(result.body, result.contentType);
      return { kind: 'page', text, url: result.finalUrl ?? url, etag: result.etag, lastModified: result.lastModified };
    },
  };
}

/** The address of a source's list page: its url, or its local file as a `file:` URL so relative links name files beside it. */
export function listPageUrl(source: { url?: string; file?: string }): string {
  return source.url ?? pathToFileURL(source.file!).href;
}
