/** Turns low-level fetch failures into FetchErrors with stable codes and plain-word messages (shown in /healthz). */
import { FetchError } from '../../errors.ts';

// Node, undici, zlib and TLS codes as an operator would say them; an unknown code is shown as is.
const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'connection closed by the server',
  ECONNABORTED: 'connection aborted',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed (temporary failure)',
  EAI_FAIL: 'DNS lookup failed',
  EAI_NODATA: 'host not found',
  EAI_NONAME: 'host not found',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the body stopped arriving',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host is down',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'body length does not match Content-Length',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'body length does not match Content-Length',
  Z_DATA_ERROR: 'corrupt compressed body',
  Z_BUF_ERROR: 'truncated compressed body',
  Z_STREAM_ERROR: 'corrupt compressed body',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  CERT_NOT_YET_VALID: 'TLS certificate not yet valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted (incomplete chain)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate not trusted (unknown issuer)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
  EPROTO: 'TLS handshake failed',
};

const FILE_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a folder in the path is a file',
  EMFILE: 'too many open files',
};

export function timeoutError(timeoutMs: number, cause: unknown): FetchError {
  return new FetchError('TIMEOUT', `timed out after ${timeoutMs / 1000} s`, { cause });
}

export function tooLargeError(maxBytes: number): FetchError {
  return new FetchError('TOO_LARGE', `larger than ${maxBytes} bytes`);
}

/** `HTTP 503`, and when the server asked for a pause, `HTTP 503, retry after 120 s`. */
export function httpStatusError(status: number, retryAfterMs?: number): FetchError {
  const pause = retryAfterMs === undefined ? '' : `, retry after ${Math.ceil(retryAfterMs / 1000)} s`;
  return new FetchError('HTTP_STATUS', `HTTP ${status}${pause}`, { status, retryAfterMs });
}

export function fileError(path: string, cause: unknown): FetchError {
  const code = errorCode(cause);
  const words = (code !== undefined ? FILE_WORDS[code] : undefined) ?? code ?? describe(cause);
  return new FetchError('FILE', `cannot read file ${path}: ${words}`, { cause });
}

export function networkError(cause: unknown): FetchError {
  const code = errorCode(cause);
  return new FetchError('NETWORK', code === undefined ? `network error: ${describe(cause)}` : networkWords(code), { cause });
}

/** Plain words for a socket, DNS, TLS or decompression code. */
export function networkWords(code: string): string {
  const known = NETWORK_WORDS[code];
  if (known !== undefined) return known;
  // Brotli reports `ERR__ERROR_FORMAT_…`, llhttp `HPE_…`, OpenSSL `ERR_SSL_…`.
  if (code.startsWith('ERR__ERROR_') || code.startsWith('Z_')) return 'corrupt compressed body';
  if (code.startsWith('HPE_')) return 'malformed HTTP response';
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'TLS handshake failed';
  return `network error (${code})`;
}

/**
 * The first `code` along the cause chain: undici wraps socket failures as
 * TypeError('fetch failed', { cause }), sometimes with an AggregateError inside.
 */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string') return candidate.code;
    current = candidate.cause ?? (Array.isArray(candidate.errors) ? candidate.errors[0] : undefined);
  }
  return undefined;
}

function describe(error: unknown): string {
  const innermost = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return innermost instanceof Error ? innermost.message : String(innermost);
}
