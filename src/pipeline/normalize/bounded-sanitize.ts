/**
 * sanitize-html with a bound on nesting. Its parser (htmlparser2) looks every closing tag up in its stack
 * of open elements, so thousands of unclosed tags followed by as many stray closing tags cost quadratic
 * time; HTML that nests deeper than MAX_HTML_DEPTH is therefore sanitised as its plain text, one
 * paragraph per block, instead. test/pipeline/normalize/html-parser-gaps.test.ts pins htmlparser2's cost.
 */
import { Tokenizer } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

/** Open elements one inside another that content may have; a real article needs a few dozen at most. */
export const MAX_HTML_DEPTH = 100;

class NestedTooDeep extends Error {}

/** sanitizeHtml(html, options), or, for HTML nested deeper than MAX_HTML_DEPTH, sanitizeHtml of its text. */
export function sanitizeBounded(html: string, options: sanitizeHtml.IOptions): string {
  try {
    return sanitizeHtml(html, { ...options, ...depthGuard() });
  } catch (error) {
    if (!(error instanceof NestedTooDeep)) throw error;
    return sanitizeHtml(flattenHtml(html), options);
  }
}

/** Hooks that count open elements as the parser's stack holds them, and stop the parse past the limit. */
function depthGuard(): Pick<sanitizeHtml.IOptions, 'onOpenTag' | 'onCloseTag'> {
  let depth = 0;
  return {
    onOpenTag: () => {
      if (++depth > MAX_HTML_DEPTH) throw new NestedTooDeep();
    },
    onCloseTag: () => {
      depth--;
    },
  };
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'hr', 'li', 'dt', 'dd', 'tr', 'blockquote', 'pre', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'caption', 'section', 'article',
]);
// The tokenizer itself reads these as raw text up to their closing tag; their text is never content.
const RAW_TEXT_TAGS = new Set(['script', 'style', 'title']);

/**
 * The text of some HTML as escaped paragraphs, read by htmlparser2's tokenizer alone: it keeps no stack of
 * open elements, so any nesting costs linear time. Entities are left as written for the sanitiser to read.
 */
export function flattenHtml(html: string): string {
  const parts: string[] = [];
  let rawText = false;
  let tagName = '';
  const nameAt = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const ignore = () => undefined;
  const tokenizer = new Tokenizer({ decodeEntities: false }, {
    ontext: (start, end) => {
      if (!rawText) parts.push(html.slice(start, end));
    },
    onopentagname: (start, end) => {
      tagName = nameAt(start, end);
      rawText = RAW_TEXT_TAGS.has(tagName);
      if (BLOCK_TAGS.has(tagName)) parts.push('\n');
    },
    onselfclosingtag: () => {
      rawText = false; // `<script/>`: the tokenizer reads on as ordinary HTML
    },
    onclosetag: (start, end) => {
      const name = nameAt(start, end);
      if (RAW_TEXT_TAGS.has(name)) rawText = false;
      else if (BLOCK_TAGS.has(name)) parts.push('\n');
      else if (name === 'td' || name === 'th') parts.push(' ');
    },
    onattribdata: ignore, onattribentity: ignore, onattribend: ignore, onattribname: ignore, oncdata: ignore,
    oncomment: ignore, ondeclaration: ignore, onend: ignore, onopentagend: ignore, onprocessinginstruction: ignore,
    ontextentity: ignore,
  });
  tokenizer.write(html);
  tokenizer.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${line.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
    .join('');
}
