/** Pieces of an entry's body derived from its copies: the provenance line, the summary, the image. */
import { escapeHtml, cleanText } from './clean-text.ts';

export interface EntrySource {
  id: string;
  name: string;
  url: string;
  /** RFC 3339. */
  datePublished: string;
}

export interface EntryImage {
  url: string;
  type: string;
}

const SUMMARY_MAX_CHARS = 280;
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};
// Portals often serve photos from extension-less handlers; JPEG is by far the likeliest.
const DEFAULT_IMAGE_TYPE = 'image/jpeg';

/** `<p>Nguồn: <a href="…">Name</a>, …</p>` naming every copy's portal; empty without copies. */
export function provenanceHtml(sources: readonly EntrySource[], storyUrl?: string): string {
  if (sources.length === 0) return '';
  const links = sources.map((source) => `<a href="${escapeHtml(source.url)}">${escapeHtml(source.name)}</a>`);
  // The story page shows every copy side by side and why they are one story: the line's natural follow-up.
  const story = storyUrl === undefined ? '' : ` · <a href="${escapeHtml(storyUrl)}">Xem mọi bản đăng</a>`;
  return `<p>Nguồn: ${links.join(', ')}${story}</p>`;
}

/** A short plain-text summary: whitespace collapsed, cut at a word boundary with an ellipsis. */
export function summarize(text: string): string {
  const chars = Array.from(cleanText(text).replace(/\s+/g, ' ').trim());
  if (chars.length <= SUMMARY_MAX_CHARS) return chars.join('');
  const cut = chars.slice(0, SUMMARY_MAX_CHARS).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The image with its media type guessed from the extension; undefined when the URL is not absolute. */
export function entryImage(imageUrl: string | undefined): EntryImage | undefined {
  if (imageUrl === undefined || imageUrl === '') return undefined;
  let pathname: string;
  try {
    pathname = new URL(imageUrl).pathname;
  } catch {
    return undefined; // feed 6.0.0 throws here; a bad image URL should only lose the image.
  }
  const extension = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase() ?? '';
  return { url: cleanText(imageUrl), type: IMAGE_TYPES[extension] ?? DEFAULT_IMAGE_TYPE };
}
