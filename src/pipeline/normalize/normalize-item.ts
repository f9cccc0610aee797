/** Turns one raw feed item into a normalised Copy: NFC text, canonical links, safe HTML, an ISO date. */

import type { Copy, RawItem, SourceConfig } from '../../model/types.ts';
import { absolutizeUrl, canonicalizeUrl } from './canonical-url.ts';
import { parseFeedDate, type NumericDateOrder } from './parse-date.ts';
import { withoutRelatedBlock, withoutRelatedNavigation } from './related-list.ts';
import { htmlToText, sanitizedHtmlToText, sanitizeContent } from './sanitize-content.ts';
import { comparisonKey, toNfc } from './vietnamese-text.ts';
import { rememberCopyText } from './copy-text.ts';
import { firstContentImage } from './content-image.ts';

export interface NormalizeContext {
  source: SourceConfig;
  /** The feed's own link, the base for relative item links. */
  feedLink?: string;
  now: Date;
  /** How this fetch's numeric dates read (numericDateOrder over all its items); day-first when absent. */
  dateOrder?: NumericDateOrder;
}

const TITLE_FALLBACK_WORDS = 12;
// Feeds that stamp items ahead (time-zone mistakes, scheduled posts) would otherwise pin
// them to the top of every feed; a day's slack keeps honest zone differences.
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The title as plain text, or the opening words of the text when the feed gave none. */
function pickTitle(rawTitle: string | undefined, text: string): string | undefined {
  const title = oneLine(htmlToText(rawTitle ?? ''));
  if (title !== '') return title;
  const words = oneLine(text).split(' ').filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const opening = words.slice(0, TITLE_FALLBACK_WORDS).join(' ');
  return words.length > TITLE_FALLBACK_WORDS ? `${opening}…` : opening;
}

/** The item's link, else its guid when the guid is itself a web address. */
function pickUrl(raw: RawItem, guid: string | undefined, feedLink: string | undefined): string | undefined {
  return canonicalizeUrl(raw.link, feedLink) ?? (guid ? canonicalizeUrl(guid) : undefined);
}

/** The item's date, or undefined when it has none that can be read (or one too far ahead to believe). */
export function readItemDate(rawDate: string | undefined, timeZone: string, now: Date, order?: NumericDateOrder): Date | undefined {
  const parsed = parseFeedDate(rawDate, timeZone, order);
  return !parsed || parsed.getTime() > now.getTime() + MAX_FUTURE_MS ? undefined : parsed;
}

/** NFC, trimmed, without empties; duplicates (under comparison rules) keep their first spelling. */
function cleanCategories(categories: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const category of categories) {
    const clean = oneLine(toNfc(category));
    const key = comparisonKey(clean);
    if (clean === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(clean);
  }
  return result;
}

function cleanAuthor(author: string | undefined): string | undefined {
  const clean = oneLine(toNfc(author ?? ''));
  return clean === '' ? undefined : clean;
}

function pickImage(imageUrl: string | undefined, base: string): string | undefined {
  const absolute = absolutizeUrl(imageUrl, base);
  return absolute && /^https?:/.test(absolute) ? absolute : undefined;
}

/**
 * SPEC: the item's enclosure or media element, else the first content image. A feed that sends its
 * full text in content:encoded often keeps the lead photo only in the description.
 */
function itemImage(raw: RawItem, contentHtml: string, url: string): string | undefined {
  const own = pickImage(raw.imageUrl, url) ?? firstContentImage(contentHtml);
  if (own !== undefined || raw.summary === undefined || raw.summary === raw.contentHtml || !/<img/i.test(raw.summary)) return own;
  return firstContentImage(sanitizeContent(raw.summary, url));
}

function firstNonBlank(...values: (string | undefined)[]): string {
  return values.find((v) => v !== undefined && v.trim() !== '') ?? '';
}

/**
 * One portal's copy of a story, or undefined when the item has no usable web address
 * (neither its link nor its guid is http(s)) or nothing to call it by (no title, no text).
 */
export function normalizeItem(raw: RawItem, ctx: NormalizeContext): Copy | undefined {
  const guid = toNfc(raw.guid ?? '').trim() || undefined;
  const url = pickUrl(raw, guid, ctx.feedLink);
  if (url === undefined) return undefined;
  // A trailing list of links to other stories is the portal's navigation, not the story: never published.
  const contentHtml = withoutRelatedNavigation(sanitizeContent(firstNonBlank(raw.contentHtml, raw.summary), url), url);
  // The story's own part, read once for both its text and its image.
  const ownHtml = withoutRelatedBlock(contentHtml);
  const text = sanitizedHtmlToText(ownHtml);
  const title = pickTitle(raw.title, text);
  if (title === undefined) return undefined;
  const date = readItemDate(raw.date, ctx.source.timezone, ctx.now, ctx.dateOrder);
  const copy: Copy = {
    sourceId: ctx.source.id,
    key: guid !== undefined ? `guid:${guid}` : `link:${url}`,
    url,
    title,
    contentHtml,
    // Without a date the copy is dated when first seen; merge keeps that date on later updates.
    datePublished: (date ?? ctx.now).toISOString(),
    sourceCategories: cleanCategories(raw.categories),
    author: cleanAuthor(raw.author),
    imageUrl: itemImage(raw, ownHtml, url),
    firstSeenAt: ctx.now.toISOString(),
    ...(date === undefined ? { undated: true as const } : {}),
  };
  rememberCopyText(copy, text);
  return copy;
}
