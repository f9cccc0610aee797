/** Link cleanup: one canonical form per article URL, and absolute URLs for links inside content. */

// Parameters that only say who sent the reader (ads, newsletters, Facebook, Zalo shares),
// never which article; portals' own parameters (?id=, ?page=) are kept.
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'igshid', 'mibextid', 'fb_action_ids', 'fb_action_types', 'fb_source', 'fb_ref',
  'zarsrc', 'gidzl', // Zalo appends these (with utm_*) to every shared link
  '_hsenc', '_hsmi', 'mc_cid', 'mc_eid', 'mkt_tok', '_ga', '_gl', 'ref_src', 'ref_url',
]);
const TRACKING_PREFIXES = ['utm_'];

const WEB_PROTOCOLS = new Set(['http:', 'https:']);
const CONTACT_PROTOCOLS = new Set(['mailto:', 'tel:']);

/** Resolves href against base; undefined when either is unusable. */
function resolveUrl(href: string | undefined, base: string | undefined): URL | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  // Without a base, a protocol-relative link ("//cdn.example/a.jpg") is most likely https.
  const withScheme = base === undefined && trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  try {
    return new URL(withScheme, base);
  } catch {
    // An unusable base should not hide an href that is already absolute.
    if (base === undefined) return undefined;
    return resolveUrl(trimmed, undefined);
  }
}

function isTrackingParam(rawName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    name = rawName.toLowerCase();
  }
  return TRACKING_PARAMS.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The query without tracking parameters; the others keep their order and exact encoding. */
function stripTrackingParams(search: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair.split('=', 1)[0] ?? ''));
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/**
 * The canonical form of an article link: absolute http(s), lower-case scheme and host, no
 * default port, no fragment, no tracking parameters. Undefined for anything else.
 */
export function canonicalizeUrl(href: string | undefined, base?: string): string | undefined {
  const url = resolveUrl(href, base);
  if (!url || !WEB_PROTOCOLS.has(url.protocol)) return undefined;
  // WHATWG URL already lower-cases scheme and host and drops default ports.
  url.hash = '';
  url.search = stripTrackingParams(url.search);
  // Setting an empty search leaves no "?", but an href like "a?" keeps one; remove it.
  return url.href.replace(/\?$/, '');
}

/**
 * An absolute form of a link found in content: http(s), mailto: and tel: are kept, anything
 * else (javascript:, data:, relative without a base) gives undefined.
 */
export function absolutizeUrl(href: string | undefined, base: string | undefined): string | undefined {
  const url = resolveUrl(href, base);
  if (!url) return undefined;
  if (WEB_PROTOCOLS.has(url.protocol)) return url.href;
  // URL percent-encodes `<` and `>` in http(s) links only; encoded here too, so no markup rides in a
  // mailto: link (sanitize-html strips each `<!--…-->` of a link one at a time, in quadratic time).
  if (CONTACT_PROTOCOLS.has(url.protocol)) return url.href.replace(/[<>]/g, (char) => encodeURIComponent(char));
  return undefined;
}
