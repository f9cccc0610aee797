/**
 * HTTP(S) fetching: conditional GET, guarded manual redirects, one deadline for the whole exchange and a
 * streaming size cap. undici's own fetch and Agent (Node 20 bundles undici without exporting it): the
 * Agent's sockets take their addresses from the redirect guard, so what was checked is what is connected to.
 */
import { Agent, fetch, type Response } from 'undici';
import { FetchError } from '../../errors.ts';
import { httpStatusError, networkError, timeoutError } from './fetch-errors.ts';
import type { FetchOptions, FetchResult } from './fetch-source.ts';
import { checkDeclaredLength, discardBody, readCappedBody } from './read-capped-body.ts';
import { createRedirectGuard, type RedirectGuard } from './redirect-guard.ts';
import { retryAfterMs } from './retry-after.ts';

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECT_STATUSES = new Set([301, 308]);
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

/** Fetches url; the deadline covers connecting, every redirect and reading the body to its end. */
export async function fetchHttp(url: string, options: FetchOptions): Promise<FetchResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const guard = createRedirectGuard(options);
  // One Agent per fetch: its sockets answer to this fetch's guard, and none is kept once the body is read.
  const agent = new Agent({ connect: { lookup: guard.lookup } });
  try {
    return await followRedirects(toHttpUrl(url), options, { guard, agent, signal: controller.signal });
  } catch (error) {
    controller.abort(); // closes the socket of a failed exchange now, not when the server gives up
    if (timedOut) throw timeoutError(options.timeoutMs, error);
    throw error instanceof FetchError ? error : networkError(error);
  } finally {
    clearTimeout(timer);
    await agent.destroy().catch(() => undefined);
  }
}

interface Exchange {
  guard: RedirectGuard;
  agent: Agent;
  signal: AbortSignal;
}

async function followRedirects(start: URL, options: FetchOptions, { guard, agent, signal }: Exchange): Promise<FetchResult> {
  await guard.admitStart(start, signal);
  let url = start;
  // The url after the leading run of permanent redirects: where the operator should point the config.
  let movedTo: URL | undefined;
  let onlyPermanent = true;
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(url, { headers: requestHeaders(options), redirect: 'manual', signal, dispatcher: agent });
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return readResponse(response, url, movedTo);
    await discardBody(response.body);
    if (redirects === MAX_REDIRECTS) {
      throw new FetchError('REDIRECT', `too many redirects (more than ${MAX_REDIRECTS})`);
    }
    url = resolveRedirect(location, url);
    await guard.admitRedirect(url, signal);
    onlyPermanent &&= PERMANENT_REDIRECT_STATUSES.has(response.status);
    if (onlyPermanent) movedTo = url;
  }

  async function readResponse(response: Response, finalUrl: URL, moved: URL | undefined): Promise<FetchResult> {
    const movedField = moved === undefined ? {} : { movedTo: moved.href };
    if (response.status === 304 || !response.ok) {
      await discardBody(response.body);
      if (response.status === 304) return { kind: 'not-modified', ...movedField };
      throw httpStatusError(response.status, retryAfterMs(response.status, response.headers));
    }
    try {
      checkDeclaredLength(response.headers.get('content-length'), options.maxBytes);
    } catch (error) {
      await discardBody(response.body);
      throw error;
    }
    const body = await readCappedBody(response.body, options.maxBytes);
    return { kind: 'body', body, finalUrl: finalUrl.href, ...validators(response.headers), ...movedField };
  }
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'User-Agent': options.userAgent,
    Accept: ACCEPT,
    'Accept-Encoding': 'gzip, deflate, br',
  };
  if (options.etag !== undefined) headers['If-None-Match'] = options.etag;
  if (options.lastModified !== undefined) headers['If-Modified-Since'] = options.lastModified;
  return headers;
}

function validators(headers: Headers): { contentType?: string; etag?: string; lastModified?: string } {
  return {
    contentType: headers.get('content-type') ?? undefined,
    etag: headers.get('etag') ?? undefined,
    lastModified: headers.get('last-modified') ?? undefined,
  };
}

function toHttpUrl(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined) throw new FetchError('NETWORK', 'invalid url');
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('NETWORK', `unsupported scheme ${parsed.protocol}`);
  }
  return parsed;
}

function resolveRedirect(location: string, base: URL): URL {
  if (!URL.canParse(location, base)) throw new FetchError('REDIRECT', 'redirect to an invalid location');
  const target = new URL(location, base);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new FetchError('REDIRECT', `redirect to unsupported scheme ${target.protocol}`);
  }
  return target;
}
