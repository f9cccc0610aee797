/** robots.txt per origin (RFC 9309): rules for `bantin`, else `*`; kept in memory and in the store, read again at most daily. */
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
  /** Takes in the robots.txt files the store kept (another process may have read them); older than a day is ignored. */
  load(stored: Readonly<Record<string, StoredRobots>>): void;
  /** The files read within the day, by origin, for the store. */
  stored(): Promise<Record<string, StoredRobots>>;
}

/** A robots.txt as the store keeps it: its text ('' for a missing one, which allows all) and when it was read. */
export interface StoredRobots {
  text: string;
  readAt: string;
}

// A robots.txt longer than this is not kept in the store (it is read again by the next process).
const STORED_MAX_CHARS = 64_000;

interface Entry {
  readAtMs: number;
  rules: Promise<Robot | undefined>;
  /** The text once read; undefined while reading or after a failure. */
  text?: string;
}

/**
 * One cache per process (`npm start` keeps it across cycles), loaded from and saved to the store so a
 * process per cycle (`npm run ingest`) reads each file at most daily too. A 4xx robots.txt allows everything
 * (RFC 9309 §2.3.1.3); a 5xx or an unreachable one refuses this time and is asked again next time
 * (§2.3.1.4), so a portal's bad hour does not close it for a day.
 */
export function createRobotsRules(fetchText: FetchRobotsText, now: () => number = Date.now): RobotsRules {
  const byOrigin = new Map<string, Entry>();

  function rulesFor(origin: string): Entry['rules'] {
    const cached = byOrigin.get(origin);
    if (cached !== undefined && now() - cached.readAtMs < ROBOTS_TTL_MS) return cached.rules;
    const robotsUrl = `${origin}/robots.txt`;
    const entry: Entry = { readAtMs: now(), rules: Promise.resolve(undefined) };
    entry.rules = fetchText(robotsUrl).then(
      (text) => {
        entry.text = text;
        return robotsParser(robotsUrl, text);
      },
      (error: unknown) => {
        if (error instanceof FetchError && error.code === 'HTTP_STATUS' && error.status! >= 400 && error.status! < 500) {
          entry.text = '';
          return undefined;
        }
        byOrigin.delete(origin);
        throw new FetchError(error instanceof FetchError ? error.code : 'NETWORK', `robots.txt could not be read: ${(error as Error).message}`, { cause: error });
      },
    );
    byOrigin.set(origin, entry);
    return entry.rules;
  }

  function load(stored: Readonly<Record<string, StoredRobots>>): void {
    for (const [origin, { text, readAt }] of Object.entries(stored)) {
      const readAtMs = Date.parse(readAt);
      const known = byOrigin.get(origin);
      if (!(now() - readAtMs < ROBOTS_TTL_MS) || (known !== undefined && known.readAtMs >= readAtMs)) continue;
      byOrigin.set(origin, { readAtMs, text, rules: Promise.resolve(robotsParser(`${origin}/robots.txt`, text)) });
    }
  }

  async function stored(): Promise<Record<string, StoredRobots>> {
    await Promise.allSettled([...byOrigin.values()].map((entry) => entry.rules));
    const out: Record<string, StoredRobots> = {};
    for (const [origin, entry] of [...byOrigin].sort(([a], [b]) => a.localeCompare(b))) {
      if (entry.text === undefined || entry.text.length > STORED_MAX_CHARS || !(now() - entry.readAtMs < ROBOTS_TTL_MS)) continue;
      out[origin] = { text: entry.text, readAt: new Date(entry.readAtMs).toISOString() };
    }
    return out;
  }

  return {
    load,
    stored,
    async isAllowed(url) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
      const rules = await rulesFor(parsed.origin);
      return rules?.isAllowed(parsed.href, PRODUCT_TOKEN) ?? true;
    },
  };
}
