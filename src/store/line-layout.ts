/**
 * The store file's layout: one JSON document, written so that it can be written and read a line
 * at a time, never as one string as big as the file (V8 caps strings at 2^29 − 24 characters).
 *
 * ```
 * {"schemaVersion":1,                  ← always the first line: it marks the layout
 * "stories":[                          ← a non-empty array or plain object at the top level opens…
 * {"id":"urn:uuid:…","copies":[…]},    ← …one line per element or `"key":value` entry…
 * {"id":"urn:uuid:…","copies":[…]}
 * ],                                   ← …and closes on a line of its own
 * "sources":{
 * "cong-an":{"id":"cong-an",…}
 * },
 * "feeds":{},                          ← empty containers and other values: one `"key":value` line
 * "prunedAt":"2026-11-20T01:00:00.000Z"
 * }
 * ```
 *
 * Every value is `JSON.stringify`'d on its own, so no line holds a raw newline (JSON escapes it
 * inside strings) and splitting the bytes on 0x0A is safe in UTF-8. Commas end lines exactly where
 * JSON puts them, so the reader can tell a file cut short (no final `}`) from a whole one.
 * A file that does not start with the marker line — a store written by `JSON.stringify` before this
 * layout, or one pretty-printed by hand — is read as plain JSON.
 */

/** The first line, with its newline: `{"schemaVersion":<integer>,`. */
const FIRST_LINE = /^\{"schemaVersion":(-?\d+),\n/;

/** Enough bytes to hold the first line of a file in this layout. */
export const FIRST_LINE_MAX_BYTES = 40;

/** The schema version on the marker line, or undefined when `start` (the file's first bytes) is not this layout. */
export function lineLayoutVersion(start: Buffer): number | undefined {
  const match = FIRST_LINE.exec(start.toString('latin1', 0, Math.min(start.length, FIRST_LINE_MAX_BYTES)));
  return match ? Number(match[1]) : undefined;
}

/** The first line for a store of this schema version, without its newline. */
export function firstLine(schemaVersion: number): string {
  return `{"schemaVersion":${schemaVersion},`;
}
