/**
 * What the RSS and Atom renderers share around the `feed` package (6.0.0, writing through
 * xml-js 1.6.11): inputs it can take safely and the repair of the string it returns.
 *
 * xml-js splits only the first `]]>` of a CDATA section, and escapes only `"` in attributes
 * (`feed` adds `&`), so a second `]]>` in content or a `<` in a category label would make
 * the document ill-formed. Both are swapped for U+FFFF / U+FFFE before `feed` sees them —
 * `cleanText` strips those non-characters from every input, so they cannot be real text —
 * and written out properly afterwards.
 */
import { cleanText } from './clean-text.ts';

const CDATA_END_MARK = '\uFFFF';
const LESS_THAN_MARK = '\uFFFE';

/** A string `feed` wraps in CDATA (entry titles, summaries, content): cleaned, every `]]>` marked. */
export function cdataInput(text: string): string {
  return cleanText(text).replaceAll(']]>', CDATA_END_MARK);
}

/** An attribute value `feed` escapes only `&` in (Atom category label and term): cleaned, `<` marked. */
export function attributeInput(text: string): string {
  return cleanText(text).replaceAll('<', LESS_THAN_MARK);
}

/** `feed` calls `new URL()` on links and throws on a bad one; a bad stored link should only lose the link. */
export function parseableUrl(url: string | undefined): string | undefined {
  return url !== undefined && URL.canParse(url) ? url : undefined;
}

/** `feed` takes Date objects; feed-dates has already turned unusable dates into valid ones, so this never yields an Invalid Date. */
export function toDate(rfc3339: string): Date {
  return new Date(rfc3339);
}

/** Writes the marks out (a split CDATA section, `&lt;`) and ends the document with a newline. */
export function finishFeedXml(xml: string): string {
  return `${xml.replaceAll(CDATA_END_MARK, ']]]]><![CDATA[>').replaceAll(LESS_THAN_MARK, '&lt;')}\n`;
}

/**
 * Inserts `text` right after the first match of `anchor`. Throws when the anchor is missing,
 * so an upgrade of `feed` that changes its output fails loudly instead of dropping elements.
 */
export function insertAfter(xml: string, anchor: RegExp, text: (match: RegExpExecArray) => string): string {
  const match = anchor.exec(xml);
  if (match === null) throw new Error(`publish: feed output has no ${anchor.source}`);
  const end = match.index + match[0].length;
  return xml.slice(0, end) + text(match) + xml.slice(end);
}
