/** Turns low-level fetch failures into FetchErrors with stable codes and plain-word messages (shown in /healthz). */
import { FetchError } from '../../errors.ts';

export function timeoutError(timeoutMs: number, cause: unknown): FetchError {
  return new FetchError('TIMEOUT', `timed out after ${timeoutMs / 1000} s`, { cause });
}

export function tooLargeError(maxBytes: number): FetchError {
  return new FetchError('TOO_LARGE', `larger than ${maxBytes} bytes`);
}

export function httpStatusError(status: number): FetchError {
  return new FetchError('HTTP_STATUS', `HTTP ${status}`, { status });
}

export function fileError(path: string, cause: unknown): FetchError {
  return new FetchError('FILE', `cannot read file ${path}: ${errorCode(cause) ?? describe(cause)}`, { cause });
}

export function networkError(cause: unknown): FetchError {
  return new FetchError('NETWORK', `network error: ${errorCode(cause) ?? describe(cause)}`, { cause });
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
