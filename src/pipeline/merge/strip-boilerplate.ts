/**
 * Removes what portals wrap around a story (media tags, site tags, photo captions, related-story
 * lists, source and byline trailers) from the text used for matching. Published text is untouched.
 */
import { toNfc } from '../normalize/vietnamese-text.ts';

const MEDIA_WORDS = String.raw`clip|video|ảnh|photo|infographic|inforgraphic|emagazine|e-magazine|longform|podcast|audio|trực tiếp|đồ hoạ|đồ họa|phóng sự ảnh`;

// "[Clip] …", "(Ảnh) …", "… [Video]", "Infographic: …", "Video - …".
const TITLE_TAG_START = new RegExp(String.raw`^\s*(?:[\[(](?:${MEDIA_WORDS})[\])]\s*[:\-–—|]?\s*|(?:${MEDIA_WORDS})\s*[:|–—-]\s+)+`, 'iu');
// One tag ending a title ("… [Video]"), tried on its last few characters only: a pattern anchored at the
// end of the whole title backtracks from every earlier bracket (96 KB of "[clip]" took seconds).
const TITLE_TAG_AT_END = new RegExp(String.raw`[\[(](?:${MEDIA_WORDS})[\])]$`, 'iu');
const TITLE_TAG_MAX_CHARS = Math.max(...MEDIA_WORDS.split('|').map((word) => word.length)) + 2;

// A newspaper's lead-in: "(Baothanhhoa.vn) - ", "(PLVN) – ", "HBĐT - ", "TTXVN - ".
const SITE_TAG_START = /^\s*(?:\([^()\n]{2,40}\)|[\p{Lu}]{2,8}(?:\.vn)?)\s*[-–—]\s+/u;

// "(Ảnh: Biên phòng cung cấp)", "(Video: …)", "(Nguồn: …)", "(Ảnh minh hoạ)".
// It starts only where white space starts: from inside a run of spaces the match would be tried again
// from every space (quadratic on a long run).
const INLINE_CREDIT = /(?<!\s)\s*\((?:ảnh|video|clip|nguồn)(?:\s*:[^()\n]*| minh hoạ| minh họa)\)/giu;

// A caption line ends with a photo credit: "Tang vật thu giữ. Ảnh: Công an tỉnh cung cấp",
// "Quang cảnh hội nghị (Ảnh: Thu Hà)", or is "Ảnh minh hoạ"; credits may hold initials ("Ảnh: T.L").
const CAPTION_LINE =
  /(?:^|[\s.–—-])\(?(?:ảnh|video|clip)\s*:(?:(?![.!?]\s)[^\n]){0,60}$|^\s*\(?ảnh minh (?:hoạ|họa)\)?\.?\s*$/iu;
const CAPTION_MAX_WORDS = 25;

// Everything after one of these headings is a list of other stories.
const TRAILER_HEADING =
  /^\s*(?:tin liên quan|tin bài liên quan|bài viết liên quan|các tin tức khác|các tin khác|tin khác|tin cùng chuyên mục|tin mới hơn|tin cũ hơn|tin đã đưa|xem thêm|đọc thêm)\s*(?::.*)?$/iu;

// Lines that point elsewhere or credit the source: "Nguồn: Báo Bắc Ninh", "Xem chi tiết tại …", and a
// bare "Theo Báo Ấp Bắc" (no comma or full stop, unlike "Theo cáo trạng, …"). One `\s` after "theo", not
// `\s+`: the rest already takes spaces, and two runs that can share spaces backtrack quadratically.
const CREDIT_LINE = /^\s*(?:nguồn\s*:|xem chi tiết|xem tiếp|mời (?:quý )?(?:bạn đọc|độc giả))|^\s*theo\s[^,.;:]+$/iu;
const CREDIT_MAX_WORDS = 12;
// A last short line without sentence punctuation is a byline ("Minh Anh", "Hồng Hạnh (TTXVN)").
const BYLINE_MAX_WORDS = 6;

/** The title without media tags such as "[Clip]", "(Ảnh)" or "Infographic:". */
export function stripTitleBoilerplate(title: string): string {
  return withoutEndTags(toNfc(title).replace(TITLE_TAG_START, '')).trim();
}

/** The title without the media tags (and the white space around them) it ends with. */
function withoutEndTags(title: string): string {
  let end = endWithoutWhiteSpace(title, title.length);
  for (;;) {
    const tail = title.slice(Math.max(0, end - TITLE_TAG_MAX_CHARS), end);
    const tag = TITLE_TAG_AT_END.exec(tail);
    if (tag === null) return title.slice(0, end);
    end = endWithoutWhiteSpace(title, end - tail.length + tag.index);
  }
}

function endWithoutWhiteSpace(text: string, end: number): number {
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The text without site tags, photo captions and credits, related-story lists, source and byline trailers. */
export function stripTextBoilerplate(text: string): string {
  return keptTextLines(text).map(({ line }) => line).join('\n');
}

export interface KeptLine {
  /** The line as kept: trimmed, an inline credit or (first line) a site tag taken out. */
  line: string;
  /** Its place among the text's lines, so work already done on that line can be reused. */
  index: number;
}

/** The lines stripTextBoilerplate keeps, in order. */
export function keptTextLines(text: string): KeptLine[] {
  const lines = toNfc(text).split('\n');
  const kept: KeptLine[] = [];
  for (const [index, raw] of lines.entries()) {
    if (TRAILER_HEADING.test(raw)) break;
    if (isCaption(raw.trim())) continue;
    let line = raw.replace(INLINE_CREDIT, '');
    if (index === 0) line = line.replace(SITE_TAG_START, '');
    line = line.trim();
    if (line === '' || isCredit(line)) continue;
    kept.push({ line, index });
  }
  while (kept.length > 1 && isByline(kept[kept.length - 1]!.line)) kept.pop();
  return kept;
}

/** `line.split(/\s+/).length` without building the array (it ran on every line of every copy): one more than the runs of white space. */
export function wordCount(line: string): number {
  let count = 1;
  let inSpace = false;
  for (let index = 0; index < line.length; index++) {
    const space = isWhiteSpace(line.charCodeAt(index));
    if (space && !inSpace) count++;
    inSpace = space;
  }
  return count;
}

/** What `\s` matches: ECMAScript white space and line terminators (all in the BMP). */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function isCaption(line: string): boolean {
  return wordCount(line) <= CAPTION_MAX_WORDS && CAPTION_LINE.test(line);
}

function isCredit(line: string): boolean {
  return wordCount(line) <= CREDIT_MAX_WORDS && CREDIT_LINE.test(line);
}

function isByline(line: string): boolean {
  return wordCount(line) <= BYLINE_MAX_WORDS && !/[.!?…:;"”]$/u.test(line);
}
