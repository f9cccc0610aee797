/** Fetch stage entry: gets one source's raw body, over HTTP(S) or from a local file, within its time and size limits. */
import { fetchFile } from './fetch-file.ts';
import { fetchHttp } from './fetch-http.ts';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  /** Validators from the last successful fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { kind: 'not-modified' }
  | { kind: 'body'; body: Buffer; contentType?: string; etag?: string; lastModified?: string; finalUrl?: string };

/**
 * Fetches a source's body; throws FetchError (TIMEOUT, HTTP_STATUS, TOO_LARGE, NETWORK,
 * REDIRECT, FILE) whose message is fit for /healthz and never contains the url.
 */
export async function fetchSource(
  source: { url?: string; file?: string },
  options: FetchOptions,
): Promise<FetchResult> {
  if (source.file !== undefined) return fetchFile(source.file, options.maxBytes);
  if (source.url !== undefined) return fetchHttp(source.url, options);
  throw new TypeError('fetchSource: the source has neither url nor file');
}
