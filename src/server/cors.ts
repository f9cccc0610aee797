/** CORS for feeds, OPML and /healthz: public read-only data any site's script may fetch. */
import type { NextFunction, Request, Response } from 'express';

const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

/** What every cross-origin answer carries; ETag is not CORS-safelisted, and a script polling conditionally needs it. */
export const CORS_HEADERS = Object.freeze({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag' });

/** `Access-Control-Allow-Origin: *` on every answer, 404s included, so a script can tell them apart. */
export function allowAnyOrigin(res: Response): Response {
  return res.set(CORS_HEADERS);
}

export function allowAnyOriginMiddleware(_req: Request, res: Response, next: NextFunction): void {
  allowAnyOrigin(res);
  next();
}

/** Answers an `OPTIONS` preflight: reading only, with whatever request headers the script wants to send. */
export function answerPreflight(req: Request, res: Response): void {
  res.set({
    Allow: 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
  });
  // Nothing here depends on credentials or request headers, so reflecting them is safe.
  const requested = req.get('access-control-request-headers');
  if (requested) res.set('Access-Control-Allow-Headers', requested).vary('Access-Control-Request-Headers');
  res.status(204).end();
}
