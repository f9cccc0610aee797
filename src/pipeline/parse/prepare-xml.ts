/** Lenient repairs that make real-world feed XML well-formed, and guarantee no entity is ever expanded or fetched. */
import { HTML_ENTITIES } from './html-entities.ts';

export interface PreparedXml {
  /** The document without its DOCTYPE (newlines kept), bare `&` and `<` escaped, HTML entities replaced. */
  xml: string;
  /** Name of the first element, e.g. `rss`, `rdf:RDF`, `feed`, `html`. */
  rootName?: string;
  /** `<!DOCTYPE html …>` or an `<html>` root. */
  isHtml: boolean;
}

interface Doctype { start: number; end: number; isHtml: boolean }

const XML_ENTITY_NAMES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:RDF']);
const AMPERSAND = /&(?:([A-Za-z][A-Za-z0-9]*);|#([0-9]+);|#[xX]([0-9A-Fa-f]+);)?/g;
// A `<` that cannot open a tag, comment, PI or close tag (`a < b`, `<3`) is text a portal forgot to escape.
const BARE_LESS_THAN = /<(?![A-Za-z_:/!?\u00C0-\uFFFF])/g;

/** Removes the DOCTYPE (and any internal subset) before parsing, then repairs entities outside CDATA and comments. */
export function prepareXml(text: string): PreparedXml {
  const { doctype, rootName } = scanProlog(text);
  // The DOCTYPE's newlines stay, so XML error line numbers still point into the original text.
  const withoutDoctype = doctype
    ? text.slice(0, doctype.start) + text.slice(doctype.start, doctype.end).replace(/[^\n]/g, '') + text.slice(doctype.end)
    : text;
  const xml = mapOutsideCdataAndComments(withoutDoctype, repairEntities);
  return {
    xml: rootName === undefined ? xml : closeRootTag(xml, rootName),
    ...(rootName === undefined ? {} : { rootName }),
    // An XHTML DOCTYPE pasted above a real <rss> (a CMS template quirk) does not make it a page.
    isHtml: rootName?.toLowerCase() === 'html' || ((doctype?.isHtml ?? false) && !FEED_ROOTS.has(rootName ?? '')),
  };
}

/** Walks the prolog (declaration, PIs, comments, DOCTYPE) up to the first element. */
function scanProlog(text: string): { doctype?: Doctype; rootName?: string } {
  let doctype: Doctype | undefined;
  let pos = skipSpace(text, 0);
  for (;;) {
    if (text.startsWith('<?', pos)) pos = skipPast(text, pos, '?>');
    else if (text.startsWith('<!--', pos)) pos = skipPast(text, pos, '-->');
    else if (text.slice(pos, pos + 9).toUpperCase() === '<!DOCTYPE') {
      doctype = { start: pos, end: findDoctypeEnd(text, pos), isHtml: /^<!DOCTYPE\s+html\b/i.test(text.slice(pos, pos + 20)) };
      pos = doctype.end;
    } else break;
    pos = skipSpace(text, pos);
  }
  const rootName = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(pos, pos + 256))?.[1];
  return { ...(doctype && { doctype }), ...(rootName !== undefined && { rootName }) };
}

/** End of a DOCTYPE, past its internal subset; quotes and comments may hide `]` and `>`. */
function findDoctypeEnd(text: string, start: number): number {
  let quote: string | undefined;
  let inSubset = false;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (inSubset && text.startsWith('<!--', i)) i = skipPast(text, i, '-->') - 1;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
  }
  return text.length;
}

/** Applies repair to the text between CDATA sections and comments, whose content XML takes literally. */
function mapOutsideCdataAndComments(xml: string, repair: (part: string) => string): string {
  const opener = /<!\[CDATA\[|<!--/g;
  const parts: string[] = [];
  let pos = 0;
  for (let match = opener.exec(xml); match !== null; match = opener.exec(xml)) {
    const closer = match[0] === '<!--' ? '-->' : ']]>';
    const end = skipPast(xml, match.index + match[0].length, closer);
    parts.push(repair(xml.slice(pos, match.index)), xml.slice(match.index, end));
    pos = opener.lastIndex = end;
  }
  parts.push(repair(xml.slice(pos)));
  return parts.join('');
}

/** Escapes bare `&` and `<`, turns HTML named entities into characters, drops references to non-XML characters. */
function repairEntities(part: string): string {
  return part.replace(BARE_LESS_THAN, '&lt;').replace(AMPERSAND, (whole, name?: string, decimal?: string, hex?: string) => {
    if (name !== undefined) {
      if (XML_ENTITY_NAMES.has(name.toLowerCase())) return whole;
      // Undeclared names (including those of the removed DOCTYPE) stay visible as text, unexpanded.
      return HTML_ENTITIES.get(name) ?? `&amp;${name};`;
    }
    if (decimal !== undefined || hex !== undefined) {
      return isXmlChar(decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16)) ? whole : '';
    }
    return '&amp;';
  });
}

/** Adds the `>` a truncated or hand-edited feed lost from its last tag (`…</channel></rss`). */
function closeRootTag(xml: string, rootName: string): string {
  const unclosed = /<\/([\w.:-]+)\s*$/.exec(xml);
  return unclosed?.[1] === rootName ? `${xml.trimEnd()}>` : xml;
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
  return pos;
}

/** Index just after the next `token` from pos, or the end of text when it never comes. */
function skipPast(text: string, pos: number, token: string): number {
  const found = text.indexOf(token, pos);
  return found === -1 ? text.length : found + token.length;
}
