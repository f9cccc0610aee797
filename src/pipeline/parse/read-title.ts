/** Reads a title element as the HTML the normaliser expects, honouring Atom's text / html / xhtml types (RFC 4287 §3.1). */
import { asArray, attributesOf, isRecord, textOf } from './read-value.ts';

const TEXT_TYPES = new Set(['text', 'text/plain']);
// Elements whose content is never shown as text.
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template']);

/**
 * The title as HTML: an Atom `type="text"` title (Atom's default) is escaped so that `<blink>` in it
 * stays visible text; `type="html"` and RSS titles are HTML already; markup written as child elements
 * (xhtml titles, or a portal's naked `<b>`) is reduced to its text and escaped.
 */
export function readTitle(element: unknown, isAtom: boolean): string | undefined {
  const node = asArray(element)[0];
  if (hasChildElements(node)) {
    const text = markupText(node).trim();
    return text === '' ? undefined : escapeHtml(text);
  }
  const attributes = attributesOf(node);
  const type = typeof attributes.type === 'string' ? attributes.type.toLowerCase() : undefined;
  const raw = textOf(node);
  // Atom 0.3 `mode="base64"`, and Atom 1.0 titles given a binary media type, are base64.
  const isBase64 = isAtom && raw !== undefined && (attributes.mode === 'base64' || type === 'application/octet-stream');
  const text = isBase64 ? Buffer.from(raw, 'base64').toString('utf8').trim() || undefined : raw;
  if (text === undefined) return undefined;
  const isText = isAtom && (type === undefined || TEXT_TYPES.has(type) || type === 'application/octet-stream');
  return isText ? escapeHtml(text) : text;
}

function hasChildElements(node: unknown): boolean {
  return isRecord(node) && Object.keys(node).some((key) => key !== '$' && key !== '_');
}

/** The text of an xml2js node and its children (xml2js keeps a node's own text ahead of its children's). */
function markupText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(markupText).join('');
  if (!isRecord(node)) return '';
  const own = typeof node._ === 'string' ? node._ : '';
  const children = Object.entries(node).filter(([key]) => key !== '$' && key !== '_' && !HIDDEN_ELEMENTS.has(key.toLowerCase()));
  return own + children.map(([, child]) => markupText(child)).join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
