/** Fetch stage entry: gets one source's raw body, over HTTP(S) or from a local file, within its time and size limits. */
import { fetchFile } from './fetch-file.ts';
import { fetchHttp } from './fetch-http.ts';
import type { AddressClassifier, ResolveHost } from './redirect-guard.ts';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  /** Validators from the last successful fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  /** DNS for the redirect guard; real DNS by default (tests declare loopback hosts public with these two). */
  resolveHost?: ResolveHost;
  /** Which resolved addresses a public source may not be redirected to; the real ranges by default. */
  isPrivateAddress?: AddressClassifier;
}

/** `movedTo`: where the leading permanent (301/308) redirects led, when there were any. */
export type FetchResult =
  | { kind: 'not-modified'; movedTo?: string }
  | { kind: 'body'; body: Buffer; contentType?: string; etag?: string; lastModified?: string; finalUrl?: string; movedTo?: string };

/**
 * Fetches a source's body; throws FetchError (TIMEOUT, HTTP_STATUS, TOO_LARGE, NETWORK,
 * REDIRECT, FILE) whose message is fit for /healthz; only a refused redirect names its target url.
 */
export async function fetchSource(
  source: { url?: string; file?: string },
  options: FetchOptions,
): Promise<FetchResult> {
  if (source.file !== undefined) return fetchFile(source.file, options.maxBytes);
  if (source.url !== undefined) return fetchHttp(source.url, options);
  throw new TypeError('fetchSource: the source has neither url nor file');
}
