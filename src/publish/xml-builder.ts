/**
 * A minimal XML writer for OPML (which `feed` does not write) and the attribute escaping of
 * the links added to `feed`'s RSS and Atom. Every text and attribute passes one escaper, and no
 * CDATA section is ever written, so titles or content holding `]]>`, `<` or control
 * characters cannot break well-formedness.
 */
import { cleanText } from './clean-text.ts';

export type XmlAttrs = Readonly<Record<string, string | undefined>>;
/** A string child is text; undefined and false are skipped, which keeps optional elements inline. */
export type XmlChild = XmlElement | string | undefined | false;

export interface XmlElement {
  readonly name: string;
  readonly attrs: XmlAttrs;
  readonly children: readonly XmlChild[];
}

const INDENT = '  ';

/** Builds one element; attributes whose value is undefined are left out. */
export function el(name: string, attrs: XmlAttrs = {}, ...children: XmlChild[]): XmlElement {
  return { name, attrs, children };
}

/** Serialises a document with an XML declaration and two-space indentation. */
export function serializeXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${serializeElement(root, 0)}\n`;
}

/** Escapes character data; `>` too, so `]]>` never appears literally. */
export function escapeXmlText(value: string): string {
  return cleanText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a double-quoted attribute value; whitespace as references so parsers keep it. */
export function escapeXmlAttr(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function serializeAttrs(attrs: XmlAttrs): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttr(value)}"`)
    .join('');
}

function serializeElement(element: XmlElement, depth: number): string {
  const pad = INDENT.repeat(depth);
  const open = `${pad}<${element.name}${serializeAttrs(element.attrs)}`;
  const children = element.children.filter((child): child is XmlElement | string => child !== undefined && child !== false);
  if (children.length === 0) return `${open}/>`;
  // Text-only elements stay on one line so no indentation whitespace leaks into their value.
  if (children.every((child) => typeof child === 'string')) {
    return `${open}>${children.map(escapeXmlText).join('')}</${element.name}>`;
  }
  const inner = children.map((child) =>
    typeof child === 'string' ? `${pad}${INDENT}${escapeXmlText(child)}` : serializeElement(child, depth + 1),
  );
  return `${open}>\n${inner.join('\n')}\n${pad}</${element.name}>`;
}
