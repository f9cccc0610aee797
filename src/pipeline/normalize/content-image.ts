/** Finds the first image of sanitised content (SPEC: a copy without an enclosure or media element takes its first content image). */
import { decodeSanitizedText } from './sanitize-content.ts';

const IMG_OPEN = '<img ';

/**
 * The `src` of the first `<img>` in HTML written by sanitizeContent (already absolute http(s), with
 * tracking pixels gone), or undefined. Read by walking the tag's attributes rather than searching
 * for ` src="`, which could sit inside another attribute's value.
 */
export function firstContentImage(html: string): string | undefined {
  for (let at = html.indexOf(IMG_OPEN); at >= 0; at = html.indexOf(IMG_OPEN, at + IMG_OPEN.length)) {
    const src = attributeOf(html, at + IMG_OPEN.length, 'src');
    if (src !== undefined && /^https?:\/\//i.test(src)) return src;
  }
  return undefined;
}

/** The value of attribute `name` of a tag as sanitizeContent writes one (`<a href="…" title="…">`), or undefined. */
export function attributeValue(tag: string, name: string): string | undefined {
  const afterName = tag.indexOf(' ');
  return afterName < 0 ? undefined : attributeOf(tag, afterName, name);
}

/** The value of `name` among the attributes starting at `from` (` a="…" b c="…"`), up to the tag's end. */
function attributeOf(html: string, from: number, name: string): string | undefined {
  let at = from;
  while (at < html.length) {
    while (html[at] === ' ') at++;
    if (html[at] === '>' || html[at] === '/' || at >= html.length) return undefined;
    const nameEnd = scanName(html, at);
    if (nameEnd === at) return undefined; // not the shape sanitize-html writes
    const attribute = html.slice(at, nameEnd);
    if (html[nameEnd] !== '=' || html[nameEnd + 1] !== '"') {
      at = nameEnd;
      continue;
    }
    const valueEnd = html.indexOf('"', nameEnd + 2);
    if (valueEnd < 0) return undefined;
    if (attribute === name) return decodeSanitizedText(html.slice(nameEnd + 2, valueEnd));
    at = valueEnd + 1;
  }
  return undefined;
}

function scanName(html: string, from: number): number {
  let at = from;
  while (at < html.length && /[a-z0-9-]/.test(html[at]!)) at++;
  return at;
}

