/** Makes a feed's HTML safe to republish (allowlist, absolute links) and derives its plain text. */

import sanitizeHtml from 'sanitize-html';
import { sanitizeBounded } from './bounded-sanitize.ts';
import { absolutizeUrl } from './canonical-url.ts';
import { toNfc } from './vietnamese-text.ts';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'div', 'span', 'a', 'img', 'figure', 'figcaption',
  'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'q', 'cite', 'pre', 'code', 'strong', 'em', 'b', 'i', 'u', 's',
  'sub', 'sup', 'small', 'mark', 'del', 'ins', 'abbr',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

// Elements whose text must go with them; the defaults would keep, say, an iframe's fallback
// text or a <title> of a full page pasted into a feed.
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'button', 'noscript', 'template',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'head', 'title',
];

// Lazy-loading portals put the real image here and a placeholder (often data:) in src.
const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src'];

function absolutizeAttribute(attribs: sanitizeHtml.Attributes, name: string, baseUrl: string | undefined) {
  const result: sanitizeHtml.Attributes = {};
  // Rebuilt in place (not appended) so attributes keep the order the author wrote.
  for (const [key, value] of Object.entries(attribs)) {
    if (key !== name) {
      result[key] = value;
      continue;
    }
    const absolute = absolutizeUrl(value, baseUrl);
    // A link that cannot be made absolute would be broken for readers elsewhere; drop it.
    if (absolute !== undefined) result[key] = absolute;
  }
  return result;
}

function transformImage(baseUrl: string | undefined): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const src = attribs.src?.trim() ?? '';
    const lazy = LAZY_SRC_ATTRIBUTES.map((name) => attribs[name]).find((v) => v?.trim());
    const chosen = lazy !== undefined && (src === '' || src.startsWith('data:')) ? lazy : src;
    return { tagName, attribs: absolutizeAttribute({ ...attribs, src: chosen }, 'src', baseUrl) };
  };
}

/** Tracking pixels (1×1) and images left without a usable src are removed. */
function isUnwantedImage(frame: sanitizeHtml.IFrame): boolean {
  if (frame.tag !== 'img') return false;
  const { src, width, height } = frame.attribs;
  return !src || (isOnePixel(width) && isOnePixel(height));
}

// "1", " 1px ", "1 px". The white space after "px" belongs to the optional group: two runs of `\s*` side
// by side would backtrack quadratically over a long run of spaces in a hostile width.
const ONE_PIXEL = /^\s*1\s*(?:px\s*)?$/i;

function isOnePixel(value: string | undefined): boolean {
  return value !== undefined && ONE_PIXEL.test(value);
}

function sanitizeOptions(baseUrl: string | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    // No style, class, id or on* anywhere; links carry no target, so rel="noopener" is moot.
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'],
      ol: ['start'], abbr: ['title'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: {
      h1: 'h2', // the item title is the page's h1
      a: (tagName, attribs) => ({ tagName, attribs: absolutizeAttribute(attribs, 'href', baseUrl) }),
      img: transformImage(baseUrl),
    },
    exclusiveFilter: isUnwantedImage,
  };
}

/** Sanitised NFC HTML with absolute http(s) links and images, relative ones resolved against baseUrl. */
export function sanitizeContent(html: string, baseUrl: string | undefined): string {
  return toNfc(sanitizeBounded(html, sanitizeOptions(baseUrl)).trim());
}

const BLOCK_TAGS = [
  'p', 'div', 'br', 'hr', 'li', 'dt', 'dd', 'tr', 'blockquote', 'pre', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'caption',
];
const CELL_TAGS = ['td', 'th'];
const BLOCK_TAG = new RegExp(`</?(?:${BLOCK_TAGS.join('|')})\\s*/?>`, 'g');
const CELL_TAG = new RegExp(`</?(?:${CELL_TAGS.join('|')})\\s*/?>`, 'g');

/** Reverses the only escapes sanitize-html writes into text. */
/** Text or an attribute value of sanitised HTML with the four entities sanitize-html writes decoded. */
export function decodeSanitizedText(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Plain NFC text of some HTML: entities decoded, one line per block, spaces collapsed. */
export function htmlToText(html: string): string {
  // Keep only bare block and cell tags (no attributes), so the regexes below see a known shape.
  const skeleton = sanitizeBounded(html, {
    allowedTags: [...BLOCK_TAGS, ...CELL_TAGS],
    allowedAttributes: {},
    nonTextTags: DROPPED_WITH_CONTENT,
  });
  return plainLines(decodeSanitizedText(skeleton.replace(BLOCK_TAG, '\n').replace(CELL_TAG, ' ')));
}

function plainLines(text: string): string {
  return toNfc(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const ALLOWED_TAG_SET = new Set(ALLOWED_TAGS);
const BLOCK_TAG_SET = new Set(BLOCK_TAGS);
const CELL_TAG_SET = new Set(CELL_TAGS);

// A tag exactly as sanitize-html writes one: a lower-case name, attributes as ` name` or ` name="…"`
// with & < > " escaped in the value (its escapeHtml), ` />` closing a void element. So no `>` ends a
// tag early and no `<` is left in text.
const WRITTEN_TAG = /<\/([a-z][a-z0-9]*)>|<([a-z][a-z0-9]*)(?: [a-z][a-z0-9-]*(?:="[^"<>]*")?)*(?: \/)?>/g;
// Left over after the tags: markup a parser would read otherwise than as escaped text (a comment, a
// stray bracket, &nbsp; or a numeric reference), so the HTML did not come from sanitizeContent.
const NOT_ESCAPED_TEXT = /[<>]|&(?!(?:amp|lt|gt|quot);)/;

/**
 * htmlToText of HTML that sanitizeContent wrote (a stored `contentHtml`), without parsing it a second
 * time; HTML of any other shape takes the full parse.
 */
export function sanitizedHtmlToText(html: string): string {
  return readSanitizedText(html) ?? htmlToText(html);
}

/**
 * The text of HTML in the shape sanitizeContent writes, by regexes alone; undefined for HTML of any
 * other shape. Equal to htmlToText wherever it answers (test/pipeline/normalize/sanitized-html-to-text.test.ts).
 */
export function readSanitizedText(html: string): string | undefined {
  let foreign = false;
  const stripped = html.replace(WRITTEN_TAG, (_tag, closing: string | undefined, opening: string | undefined) => {
    const name = (closing ?? opening)!;
    if (BLOCK_TAG_SET.has(name)) return '\n';
    if (CELL_TAG_SET.has(name)) return ' ';
    if (!ALLOWED_TAG_SET.has(name)) foreign = true;
    return '';
  });
  if (foreign || NOT_ESCAPED_TEXT.test(stripped)) return undefined;
  return plainLines(decodeSanitizedText(stripped));
}
