/** One source through fetch → decode → parse → normalise; a failure is returned as data, never thrown. */
import { describeError } from '../errors.ts';
import type { Copy, SourceConfig, SourceState } from '../model/types.ts';
import { decodeBody } from './fetch/decode-body.ts';
import { fetchSource } from './fetch/fetch-source.ts';
import { normalizeItem } from './normalize/normalize-item.ts';
import { parseFeed } from './parse/parse-feed.ts';

export interface CollectOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  now: Date;
}

export type SourceOutcome =
  | { ok: true; notModified: true }
  | { ok: true; notModified: false; copies: Copy[]; items: number; etag?: string; lastModified?: string }
  | { ok: false; error: string; code: string };

/** Fetches a source with the validators of its last success and normalises what it lists. */
export async function collectSource(source: SourceConfig, state: SourceState | undefined, options: CollectOptions): Promise<SourceOutcome> {
  try {
    const fetched = await fetchSource(source, {
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      userAgent: options.userAgent,
      etag: state?.etag,
      lastModified: state?.lastModified,
    });
    if (fetched.kind === 'not-modified') return { ok: true, notModified: true };
    const { text } = decodeBody(fetched.body, fetched.contentType);
    const feed = await parseFeed(text);
    const feedLink = fetched.finalUrl ?? feed.link ?? source.url;
    const copies = feed.items
      .map((item) => normalizeItem(item, { source, feedLink: feed.link ?? feedLink, now: options.now }))
      .filter((copy): copy is Copy => copy !== undefined);
    return { ok: true, notModified: false, copies: dedupeWithinFetch(copies), items: feed.items.length, etag: fetched.etag, lastModified: fetched.lastModified };
  } catch (error) {
    const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'UNKNOWN';
    return { ok: false, error: describeError(error), code };
  }
}

/** A feed listing the same key twice keeps the first (newest-first feeds list the current version first). */
function dedupeWithinFetch(copies: Copy[]): Copy[] {
  const seen = new Set<string>();
  return copies.filter((copy) => {
    if (seen.has(copy.key)) return false;
    seen.add(copy.key);
    return true;
  });
}
