/**
 * Answers a feed request from pre-built bytes: conditional GET, HEAD, pre-compressed bodies. Each
 * feed's headers are built once, on its first request, so a request costs a lookup and a write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import { feedCacheControl } from './cache-policy.ts';
import { CORS_HEADERS } from './cors.ts';

type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS: readonly Encoding[] = ['br', 'gzip', 'identity'];
// Clients send a handful of distinct Accept-Encoding values; more than this means someone is varying them on purpose.
const ENCODING_CACHE_LIMIT = 64;

interface PreparedFeed {
  /** Per encoding: the 200's headers (with Content-Encoding and Content-Length) and the 304's. */
  full: Record<Encoding, FlatHeaders>;
  notModified: Record<Encoding, FlatHeaders>;
  /** If-None-Match values that match exactly, the common case of a client echoing our ETag. */
  exactTags: ReadonlySet<string>;
  /** Last-Modified in whole milliseconds since the epoch, for the future-date rule and If-Modified-Since. */
  lastModifiedMs: number;
}

/** Takes node's request and response, so express routes and the fast path (fast-feeds.ts) both call it. */
export type FeedSender = (req: IncomingMessage, res: ServerResponse, feed: PublishedFeed) => void;

/** A sender whose caches may keep feeds until the next ingestion may change them (`maxAgeSeconds`). */
export function createFeedSender(maxAgeSeconds: number): FeedSender {
  const prepared = new WeakMap<PublishedFeed, PreparedFeed>();
  const encodings = new Map<string, Encoding>();
  const prepare = (feed: PublishedFeed) => {
    let ready = prepared.get(feed);
    if (ready === undefined) {
      ready = prepareFeed(feed, feedCacheControl(maxAgeSeconds));
      prepared.set(feed, ready);
    }
    return ready;
  };
  const encodingOf = (header: string | undefined) => {
    if (!header) return 'identity';
    let encoding = encodings.get(header);
    if (encoding === undefined) {
      encoding = chooseEncoding(header);
      if (encodings.size >= ENCODING_CACHE_LIMIT) encodings.clear();
      encodings.set(header, encoding);
    }
    return encoding;
  };
  return (req, res, feed) => {
    const ready = prepare(feed);
    const encoding = encodingOf(req.headers['accept-encoding']);
    const now = Date.now();
    const notModified = isNotModified(req, ready);
    const headers = notModified ? ready.notModified[encoding] : ready.full[encoding];
    // A feed changed twice within one second is stamped a second ahead (feed-catalog); RFC 9110
    // §8.8.2.1 says to send the current time then.
    const sent = ready.lastModifiedMs > now ? withLastModified(headers, new Date(now).toUTCString()) : headers;
    res.writeHead(notModified ? 304 : 200, sent as string[]);
    res.end(notModified ? undefined : bodyFor(feed, encoding));
  };
}

function prepareFeed(feed: PublishedFeed, cacheControl: string): PreparedFeed {
  const full = {} as Record<Encoding, FlatHeaders>;
  const notModified = {} as Record<Encoding, FlatHeaders>;
  for (const encoding of ENCODINGS) {
    // What a cache needs to update its stored copy (RFC 9110 §15.4.5), and CORS for a script's poll.
    const validators = [
      'Cache-Control', cacheControl,
      'Last-Modified', feed.lastModified.toUTCString(),
      'ETag', etagFor(feed.etag, encoding),
      'Vary', 'Accept-Encoding',
      ...Object.entries(CORS_HEADERS).flat(),
    ];
    notModified[encoding] = Object.freeze(validators);
    const body = bodyFor(feed, encoding);
    const representation = ['Content-Type', feed.contentType, 'Content-Length', String(body.length)];
    if (encoding !== 'identity') representation.push('Content-Encoding', encoding);
    full[encoding] = Object.freeze([...representation, ...validators]);
  }
  const exactTags = new Set(ENCODINGS.flatMap((encoding) => [etagFor(feed.etag, encoding), `W/${etagFor(feed.etag, encoding)}`]));
  return { full, notModified, exactTags, lastModifiedMs: feed.lastModified.getTime() };
}

/** Headers as node:http takes them fastest: names and values in one flat list. */
type FlatHeaders = readonly string[];

/** The list with Last-Modified set to `value`. */
function withLastModified(headers: FlatHeaders, value: string): string[] {
  const copy = [...headers];
  copy[copy.indexOf('Last-Modified') + 1] = value;
  return copy;
}

function bodyFor(feed: PublishedFeed, encoding: Encoding): Buffer {
  return encoding === 'br' ? feed.br : encoding === 'gzip' ? feed.gzip : feed.body;
}

/** Each encoding is its own representation, so its ETag differs; all share the content hash. */
function etagFor(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

function isNotModified(req: IncomingMessage, feed: PreparedFeed): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
  if (ifNoneMatch !== undefined) return feed.exactTags.has(ifNoneMatch) || matchesEtag(ifNoneMatch, feed.exactTags);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(feed.lastModifiedMs / 1000) * 1000 <= since;
}

/** Whether an If-None-Match header (a list of tags, weak or strong, or `*`) names one of `tags` as written. */
export function matchesEtag(header: string, tags: ReadonlySet<string>): boolean {
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tags.has(tag);
  });
}

function chooseEncoding(header: string): Encoding {
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) : 1);
  }
  const quality = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  const br = quality('br');
  const gzip = quality('gzip');
  // The client's preference decides; on a tie brotli wins, being smaller.
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}
