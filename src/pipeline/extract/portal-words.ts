/** The words and class names by which Vietnamese portals mark the parts of a page that are not the news. */
import { comparisonKey } from '../normalize/vietnamese-text.ts';

const phraseKeys = (phrases: readonly string[]): string[] => phrases.map(comparisonKey);

// Boxes beside the main list; compared under the comparison rules (case, tone-mark style, punctuation folded).
const SIDEBAR_TITLES = phraseKeys([
  'Tin nổi bật', 'Tin xem nhiều', 'Xem nhiều', 'Tin đọc nhiều', 'Đọc nhiều', 'Tin mới nhất', 'Tin nóng',
  'Tin tiêu điểm', 'Tiêu điểm', 'Tin hot', 'Danh mục', 'Chuyên mục', 'Liên kết website', 'Thăm dò ý kiến', 'Văn bản mới', 'Lịch công tác',
]);
// SPEC: these blocks and everything after them leave the content.
const RELATED_HEADINGS = phraseKeys([
  'Các tin tức khác', 'Các tin khác', 'Tin tức khác', 'Tin khác', 'Tin liên quan', 'Tin bài liên quan',
  'Tin cùng chuyên mục', 'Bài viết liên quan', 'Bài liên quan', 'Các bài viết khác', 'Xem thêm', 'Đọc thêm',
]);
const VIEW_COUNTERS = phraseKeys(['Lượt xem', 'Lượt đọc', 'Số lượt xem', 'Lượt truy cập']);
// Share, print and email widgets as their visible words; anything else in the element keeps it.
const WIDGET_WORDS = new Set(
  phraseKeys([
    'chia sẻ', 'chia', 'sẻ', 'in', 'bài', 'trang', 'bản', 'gửi', 'email', 'e-mail', 'mail', 'lưu', 'bài viết',
    'facebook', 'zalo', 'twitter', 'x', 'print', 'share', 'tweet', 'like', 'thích', 'quay lại', 'lại', 'quay',
    'về', 'lên', 'đầu', 'trở', 'cỡ', 'chữ', 'a', 'phản', 'hồi', 'bình', 'luận', 'copy', 'link', 'sao', 'chép', 'liên', 'kết',
    'quảng cáo', 'advertisement', 'ads',
  ]).flatMap((key) => key.split(' ')),
);

function startsWithPhrase(text: string, phrases: readonly string[], maxChars: number): boolean {
  if (text.length > maxChars) return false;
  const key = comparisonKey(text);
  return phrases.some((phrase) => key === phrase || key.startsWith(`${phrase} `));
}

export function isSidebarTitle(text: string): boolean {
  return startsWithPhrase(text, SIDEBAR_TITLES, 40);
}

/**
 * A heading opening a related-news block: the phrase alone ("Tin liên quan", "TIN CÙNG CHUYÊN MỤC »") or
 * before a colon ("Xem thêm: …"); a sentence that starts with the same words is not one.
 */
export function isRelatedHeading(text: string): boolean {
  if (text.length > 200) return false;
  const head = comparisonKey(text.split(':', 1)[0]!);
  return RELATED_HEADINGS.includes(head);
}

export function isViewCounter(text: string): boolean {
  if (text.length > 60) return false;
  const key = comparisonKey(text);
  return VIEW_COUNTERS.some((phrase) => key.includes(phrase));
}

/** Text made only of share / print / email / font-size words (and counts), e.g. "Chia sẻ | In bài | Gửi email". */
export function isWidgetText(text: string): boolean {
  if (text.length > 80) return false;
  const words = comparisonKey(text).split(' ').filter((word) => word !== '' && !/^\d+$/.test(word));
  return words.length > 0 && words.every((word) => WIDGET_WORDS.has(word));
}

const token = (names: string): RegExp => new RegExp(`(?:^|[-_\\s])(?:${names})(?:$|[-_\\s\\d])`, 'i');
// Widget classes are often compounds (`sharedaddy`, `jp-relatedposts`): matched from a word start on.
const prefix = (names: string): RegExp => new RegExp(`(?:^|[-_\\s])(?:${names})`, 'i');

/** Page chrome around the news: never the source of article links. */
export const CHROME_ATTRIBUTE = token('menu|menus|nav|navbar|navigation|breadcrumbs?|footer|pagination|paging|pager|phan-?trang|sidebar|side-bar');
/** Blocks inside an article that are not its text (share bars, comment forms, counters, related lists, tags). */
export const NOISE_ATTRIBUTE = prefix(
  'share|sharing|social|print|email|mail|sendmail|bookmark|breadcrumbs?|comments?|binh-?luan|rating|toolbar|tags?|tag-?list|keywords?|luot-?xem|view-?count|views|facebook|fb|zalo|like|font-?size|related|lien-?quan|tin-?khac|tinlienquan|other-?news|same-?cat|navigation|nav|menu|pagination|paging|pager|audio|player|ads|advert|banner|quang-?cao',
);
/** Class names portals give their article body. */
export const CONTENT_ATTRIBUTE = /content|article|detail|body|noi-?dung|noidung|chi-?tiet|chitiet|entry|post|news|main|fulltext|text/i;
/** Class names of an article's lead (sapo), often a sibling of the body. */
export const LEAD_ATTRIBUTE = /sapo|lead|summary|tom-?tat|tomtat|mo-?ta|chapeau|intro|desc|quote-?top/i;
