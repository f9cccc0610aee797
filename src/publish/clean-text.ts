/** Makes any string safe to publish: XML-legal characters only, NFC (SPEC "Text"). */

/**
 * Characters XML 1.0 forbids even as references: C0 controls except tab, LF and CR,
 * the non-characters U+FFFE/U+FFFF, and lone UTF-16 surrogates. One of them in a title
 * makes the whole feed ill-formed, so they are dropped from every text we emit.
 */
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Strips XML-illegal characters and normalises to NFC. */
export function cleanText(value: string): string {
  return value.replace(XML_ILLEGAL, '').normalize('NFC');
}

/** Escapes text for an HTML fragment (element content or a double-quoted attribute). */
export function escapeHtml(value: string): string {
  return cleanText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Escapes text for HTML element content: `&` and `<` only. Enough that no reader can build an element
 * from it, while quotes, common in Vietnamese headlines, stay as they are for readers that take the text
 * as it comes (RSS titles are read as HTML by some readers and as plain text by others).
 */
export function escapeHtmlText(value: string): string {
  return cleanText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
