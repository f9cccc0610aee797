/** robots.txt per origin (RFC 9309): rules for `bantin`, else `*`; kept in memory and read again at most daily. */
import robotsParserModule from 'robots-parser';
import { FetchError } from '../../errors.ts';

interface Robot {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}
// robots-parser is CommonJS (`module.exports = fn`) but its types say `export default`, which under
// `nodenext` types the default import as the module object; at run time it is the function.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;

const ROBOTS_TTL_MS = 24 * 3600_000;
/** RFC 9309 §2.5: a crawler must read at least 500 KiB; more is not worth holding. */
export const ROBOTS_MAX_BYTES = 512_000;
const PRODUCT_TOKEN = 'bantin';

/** Fetches `/robots.txt`: its text, or the HTTP status it failed with (FetchError otherwise). */
export type FetchRobotsText = (robotsUrl: string) => Promise<string>;

export interface RobotsRules {
  /** Whether bantin may fetch url; throws FetchError when the origin's robots.txt cannot be read (5xx, network). */
  isAllowed(url: string): Promise<boolean>;
}

interface Entry {
  readAtMs: number;
  rules: Promise<Robot | undefined>;
}

/**
 * One cache per process (`npm start` keeps it across cycles). A 4xx robots.txt allows everything
 * (RFC 9309 §2.3.1.3); a 5xx or an unreachable one refuses this time and is asked again next time
 * (§2.3.1.4), so a portal's bad hour does not close it for a day.
 */
export function createRobotsRules(fetchText: FetchRobotsText, now: () => number = Date.now): RobotsRules {
  const byOrigin = new Map<string, Entry>();

  function rulesFor(origin: string): Entry['rules'] {
    const cached = byOrigin.get(origin);
    if (cached !== undefined && now() - cached.readAtMs < ROBOTS_TTL_MS) return cached.rules;
    const robotsUrl = `${origin}/robots.txt`;
    const rules = fetchText(robotsUrl).then(
      (text) => robotsParser(robotsUrl, text),
      (error: unknown) => {
        if (error instanceof FetchError && error.code === 'HTTP_STATUS' && error.status! >= 400 && error.status! < 500) return undefined;
        byOrigin.delete(origin);
        throw new FetchError(error instanceof FetchError ? error.code : 'NETWORK', `robots.txt could not be read: ${(error as Error).message}`, { cause: error });
      },
    );
    byOrigin.set(origin, { readAtMs: now(), rules });
    return rules;
  }

  return {
    async isAllowed(url) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
      const rules = await rulesFor(parsed.origin);
      return rules?.isAllowed(parsed.href, PRODUCT_TOKEN) ?? true;
    },
  };
}
