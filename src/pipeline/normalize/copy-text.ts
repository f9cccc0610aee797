/**
 * A copy's plain text, derived from its stored `contentHtml` on demand (the store keeps only the
 * HTML), and the comparison keys of its title and text lines; each is worked out once per copy
 * object, so merge, categorise and publish share it.
 */
import type { Copy } from '../../model/types.ts';
import { withoutRelatedBlock } from './related-list.ts';
import { sanitizedHtmlToText } from './sanitize-content.ts';
import { comparisonKey, joinKeys, lineComparisonKeys } from './vietnamese-text.ts';

/** Comparison keys of a copy's title and of each line of its text, in order. */
export interface CopyKeys {
  title: string;
  lines: readonly string[];
}

interface Remembered {
  contentHtml: string;
  text: string;
  keys?: { title: string; keys: CopyKeys };
}

// By object, not by store key: every cycle reloads the store as new objects, and the old ones go
// with their entries. Title and HTML are compared on every hit, so a copy replaced in place is read again.
const remembered = new WeakMap<Pick<Copy, 'contentHtml'>, Remembered>();

function rememberedFor(copy: Pick<Copy, 'contentHtml'>): Remembered {
  let entry = remembered.get(copy);
  if (entry === undefined || entry.contentHtml !== copy.contentHtml) {
    entry = { contentHtml: copy.contentHtml, text: storyText(copy.contentHtml) };
    remembered.set(copy, entry);
  }
  return entry;
}

/**
 * The plain NFC text of a copy's own story, one line per block: its content without a trailing list of
 * related articles ("Tin liên quan", related-list.ts), whose headlines would otherwise file or merge it.
 */
export function storyText(contentHtml: string): string {
  return sanitizedHtmlToText(withoutRelatedBlock(contentHtml));
}

/** storyText of a copy, worked out once per copy object. */
export function copyText(copy: Pick<Copy, 'contentHtml'>): string {
  return rememberedFor(copy).text;
}

/** Records the text normalisation already derived from this copy's HTML, so nothing derives it again. */
export function rememberCopyText(copy: Pick<Copy, 'contentHtml'>, text: string): void {
  remembered.set(copy, { contentHtml: copy.contentHtml, text });
}

/** Lets a new object of the same copy (the same title and HTML, another field added) reuse what was derived from the old one. */
export function carryCopyText(from: Pick<Copy, 'contentHtml'>, to: Pick<Copy, 'contentHtml'>): void {
  const entry = remembered.get(from);
  if (entry !== undefined && entry.contentHtml === to.contentHtml) remembered.set(to, entry);
}

/** The comparison keys of a copy's title and text lines: what matching and keywords compare. */
export function copyKeys(copy: Pick<Copy, 'title' | 'contentHtml'>): CopyKeys {
  const entry = rememberedFor(copy);
  if (entry.keys === undefined || entry.keys.title !== copy.title) {
    const keys = { title: comparisonKey(copy.title), lines: lineComparisonKeys(entry.text) };
    entry.keys = { title: copy.title, keys };
  }
  return entry.keys.keys;
}

/** comparisonKey(`${title} ${text}`) of a copy, from its per-line keys. */
export function copyComparisonKey(copy: Pick<Copy, 'title' | 'contentHtml'>): string {
  const { title, lines } = copyKeys(copy);
  return joinKeys([title, ...lines]);
}
