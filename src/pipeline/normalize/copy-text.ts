/**
 * A copy's plain text, derived from its stored `contentHtml` on demand (the store keeps only the
 * HTML) and remembered per copy object, so merge, categorise and publish read it once between them.
 */
import type { Copy } from '../../model/types.ts';
import { sanitizedHtmlToText } from './sanitize-content.ts';

interface Remembered {
  contentHtml: string;
  text: string;
}

// By object, not by store key: every cycle reloads the store as new objects, and the old ones go
// with their entries.
const texts = new WeakMap<Pick<Copy, 'contentHtml'>, Remembered>();

/** The plain NFC text of a copy's content, one line per block. */
export function copyText(copy: Pick<Copy, 'contentHtml'>): string {
  const remembered = texts.get(copy);
  // Compared on every hit: a copy whose HTML was replaced in place gets the new text.
  if (remembered !== undefined && remembered.contentHtml === copy.contentHtml) return remembered.text;
  const text = sanitizedHtmlToText(copy.contentHtml);
  texts.set(copy, { contentHtml: copy.contentHtml, text });
  return text;
}

/** Records the text normalisation already derived from this copy's HTML, so nothing derives it again. */
export function rememberCopyText(copy: Pick<Copy, 'contentHtml'>, text: string): void {
  texts.set(copy, { contentHtml: copy.contentHtml, text });
}
