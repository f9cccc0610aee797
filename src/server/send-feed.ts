/** Answers a feed request from pre-built bytes: conditional GET, HEAD, pre-compressed bodies; no per-request work. */
import type { Request, Response } from 'express';
import type { PublishedFeed } from '../publish/feed-catalog.ts';
import { feedCacheControl } from './cache-policy.ts';

type Encoding = 'br' | 'gzip' | 'identity';

/** Sends the feed or a 304; `maxAgeSeconds` lets caches hold it until the next ingestion may change it. */
export function sendFeed(req: Request, res: Response, feed: PublishedFeed, maxAgeSeconds: number): void {
  const encoding = chooseEncoding(req.get('accept-encoding'));
  res.set({
    'Content-Type': feed.contentType,
    'Cache-Control': feedCacheControl(maxAgeSeconds),
    'Last-Modified': lastModifiedHeader(feed.lastModified, new Date()),
    ETag: etagFor(feed.etag, encoding),
    Vary: 'Accept-Encoding',
    'Access-Control-Allow-Origin': '*',
  });
  if (isNotModified(req, feed)) {
    res.status(304).end();
    return;
  }
  const body = encoding === 'br' ? feed.br : encoding === 'gzip' ? feed.gzip : feed.body;
  if (encoding !== 'identity') res.set('Content-Encoding', encoding);
  res.set('Content-Length', String(body.length));
  res.status(200).end(body);
}

/**
 * A feed changed twice within one second is stamped a second ahead (feed-catalog), so its
 * Last-Modified can lie in the future; RFC 9110 §8.8.2.1 says to send the current time then.
 */
function lastModifiedHeader(lastModified: Date, now: Date): string {
  return (lastModified > now ? now : lastModified).toUTCString();
}

/** Each encoding is its own representation, so its ETag differs; all share the content hash. */
function etagFor(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

function isNotModified(req: Request, feed: PublishedFeed): boolean {
  const ifNoneMatch = req.get('if-none-match');
  // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
  if (ifNoneMatch !== undefined) return matchesEtag(ifNoneMatch, feed.etag);
  const ifModifiedSince = req.get('if-modified-since');
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(feed.lastModified.getTime() / 1000) * 1000 <= since;
}

function matchesEtag(header: string, etag: string): boolean {
  const hash = etag.slice(1, -1);
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    if (tag === '*') return true;
    const inner = tag.slice(1, -1).replace(/-(?:gzip|br)$/, '');
    return inner === hash;
  });
}

function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
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
