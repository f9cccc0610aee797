/** Turns a fetched body into NFC text, choosing the charset in the order SPEC "Ingestion manners" gives. */
import iconv from 'iconv-lite';

const DEFAULT_CHARSET = 'utf-8';
const BOMS: readonly { bytes: readonly number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  // UTF-32LE before UTF-16LE: both start FF FE.
  { bytes: [0xff, 0xfe, 0x00, 0x00], charset: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], charset: 'utf-32be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];
// WHATWG Encoding: these labels mean windows-1252, which is what such portals really send.
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);

/**
 * Decodes body: BOM, else the HTTP charset parameter, else the XML declaration, else UTF-8.
 * An unknown label decides nothing (the next rule applies); the result has no BOM and is NFC.
 */
export function decodeBody(body: Buffer, contentType?: string): { text: string; charset: string } {
  return decodeWith(body, contentType, charsetFromXmlDeclaration);
}

/**
 * Decodes an HTML page (SPEC "Portals without feeds"): BOM, else the HTTP charset parameter, else
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`, else UTF-8.
 */
export function decodeHtmlBody(body: Buffer, contentType?: string): { text: string; charset: string } {
  return decodeWith(body, contentType, charsetFromMeta);
}

function decodeWith(body: Buffer, contentType: string | undefined, declared: (body: Buffer) => string | undefined): { text: string; charset: string } {
  const bom = BOMS.find(({ bytes }) => bytes.every((byte, i) => body[i] === byte));
  const charset =
    bom?.charset ??
    knownCharset(charsetFromContentType(contentType)) ??
    knownCharset(declared(body)) ??
    DEFAULT_CHARSET;
  const payload = body.subarray(bom?.bytes.length ?? 0);
  const text = iconv.decode(payload, charset).replace(/^\uFEFF/, '');
  // windows-1258 writes tone marks as combining characters; NFC joins them to their letters.
  return { text: text.normalize('NFC'), charset };
}

/** The `charset` parameter of a media type; `text/xml` alone names none. */
function charsetFromContentType(contentType: string | undefined): string | undefined {
  // Some servers quote the value with single quotes (`charset='us-ascii'`).
  const match = /;\s*charset\s*=\s*(["']?)([^"';,\s]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

/** The encoding an XML declaration names, or UTF-16/32 told by the byte pattern of `<` without a BOM (XML 1.0 appendix F). */
function charsetFromXmlDeclaration(body: Buffer): string | undefined {
  if (body[0] === 0x00 && body[1] === 0x00 && body[2] === 0x00 && body[3] === 0x3c) return 'utf-32be';
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x00 && body[3] === 0x00) return 'utf-32le';
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x3f && body[3] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c && body[2] === 0x00 && body[3] === 0x3f) return 'utf-16be';
  const head = body.subarray(0, 512).toString('latin1');
  const label = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  // A declaration we could read as ASCII is not really in a 16- or 32-bit encoding.
  return label !== undefined && /^(utf|ucs)-?(16|32|2|4)/i.test(label) ? undefined : label;
}

// WHATWG's prescan reads 1024 bytes; portals often put a long <head> of scripts first, so look further.
const META_SCAN_BYTES = 8192;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset a `<meta>` names in the head; a 16-bit label there cannot be true of ASCII-readable bytes. */
function charsetFromMeta(body: Buffer): string | undefined {
  const label = META_CHARSET.exec(body.subarray(0, META_SCAN_BYTES).toString('latin1'))?.[1];
  return label !== undefined && /^(utf|ucs)-?(16|32|2|4)/i.test(label) ? 'utf-8' : label;
}

function knownCharset(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const normalized = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(normalized)) return 'windows-1252';
  return iconv.encodingExists(normalized) ? normalized : undefined;
}
