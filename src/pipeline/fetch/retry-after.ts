/** Reads a 429 / 503 answer's `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date. */

const STATUSES_WITH_RETRY_AFTER = new Set([429, 503]);

/**
 * The pause the server asked for, in ms, or undefined when it asked none (or nothing readable).
 * An HTTP date is measured against the answer's own `Date` header when it has one, so a server
 * whose clock is off still gets the pause it meant.
 */
export function retryAfterMs(status: number, headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!STATUSES_WITH_RETRY_AFTER.has(status) || !value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const serverNow = Date.parse(headers.get('date') ?? '');
  return Math.max(0, at - (Number.isNaN(serverNow) ? now : serverNow));
}
