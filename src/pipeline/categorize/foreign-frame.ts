/**
 * Foreign news files in no category (SPEC "What the shipped categories hold": foreign crime unless
 * Vietnamese authorities are involved; foreign news is none). A headline is foreign when it names a
 * foreign country, city or body — written with its capitals, alone, so "xã Mỹ Thủy", "Nguyễn Minh
 * Đức" or "mỹ phẩm" are not — and neither it nor the lead names Việt Nam or a Vietnamese authority.
 */
import { comparisonKey, findPhrases, indexPhrases, type PhraseIndex } from '../normalize/vietnamese-text.ts';

/** Foreign places and bodies as headlines spell them. */
export const FOREIGN_NAMES: readonly string[] = [
  'Mỹ', 'Hoa Kỳ', 'Nga', 'Trung Quốc', 'Nhật Bản', 'Nhật', 'Hàn Quốc', 'Hàn', 'Triều Tiên', 'Đài Loan', 'Hồng Kông', 'Hong Kong',
  'Ấn Độ', 'Thái Lan', 'Lào', 'Campuchia', 'Myanmar', 'Malaysia', 'Singapore', 'Indonesia', 'Philippines', 'Brunei', 'Timor-Leste',
  'Úc', 'Australia', 'New Zealand', 'Canada', 'Mexico', 'Brazil', 'Argentina', 'Anh', 'Pháp', 'Đức', 'Ý', 'Italy', 'Tây Ban Nha',
  'Bồ Đào Nha', 'Hà Lan', 'Bỉ', 'Thụy Sĩ', 'Thụy Điển', 'Na Uy', 'Phần Lan', 'Đan Mạch', 'Ba Lan', 'Hy Lạp', 'Thổ Nhĩ Kỳ', 'Ukraine',
  'Israel', 'Iran', 'Iraq', 'Syria', 'Gaza', 'Ả Rập Xê Út', 'Ai Cập', 'Nam Phi', 'EU', 'Liên minh châu Âu', 'Liên hợp quốc', 'LHQ',
  'Texas', 'California', 'Florida', 'New York', 'Washington', 'London', 'Paris', 'Berlin', 'Moscow', 'Tokyo', 'Seoul', 'Bắc Kinh',
  'Bangkok', 'Sydney', 'Thames',
];

/** What makes a story with a foreign name Vietnamese news all the same. */
export const VIETNAMESE_ANCHORS: readonly string[] = [
  'Việt Nam', 'trong nước', 'nước ta', 'Bộ Công an', 'Bộ Ngoại giao', 'Đại sứ quán', 'đại sứ', 'dẫn độ', 'bảo hộ công dân', 'về nước',
  'tiếp nhận', 'bàn giao', 'công an', 'biên phòng', 'hải quan', 'UBND', 'HĐND', 'tỉnh ủy', 'thành ủy',
  // The 34 provinces and cities since 1 July 2025: a story placed in one is Vietnamese news.
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng',
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình', 'Quảng Trị', 'Đà Nẵng',
  'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'TP.HCM', 'TPHCM', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ',
  'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];

// A name right after one of these is where a Vietnamese actor goes or trades ("xuất khẩu sang Mỹ", "thăm
// Lào"), a language ("tiếng Anh") or a school abroad ("du học Nhật Bản", "đại học Hàn Quốc").
const TOWARDS = new Set(['sang', 'từ', 'với', 'tiếp', 'thăm', 'đến', 'tới', 'tiếng', 'học'].map(comparisonKey));
// After a form of address the name is a person's ("ông Đức", "chị Mỹ", "bé Nga", "bác sĩ Anh").
const ADDRESSES = new Set(['ông', 'bà', 'anh', 'chị', 'em', 'cô', 'chú', 'bác', 'cụ', 'cháu', 'thầy', 'sĩ', 'bé', 'cậu', 'chàng', 'nàng'].map(comparisonKey));

const ANCHORS: PhraseIndex<true> = indexPhrases(VIETNAMESE_ANCHORS.map((phrase) => [phrase, true] as const));
const NAMES_BY_FIRST_WORD = groupByFirstWord(FOREIGN_NAMES.map((name) => name.split(' ')));
const FIRST_SYLLABLES = new Set([...NAMES_BY_FIRST_WORD.keys()].map((word) => comparisonKey(word).split(' ')[0]!));
const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * The foreign name that makes a copy foreign news — its title (NFC, as written) names a foreign place
 * and nothing in the title or lead anchors it here — or undefined.
 */
export function foreignNewsName(title: string, titleKey: string, leadKey: string): string | undefined {
  // Most headlines hold no syllable a foreign name starts with: one pass over the key spares them the word scan.
  if (!titleKey.split(' ').some((syllable) => FIRST_SYLLABLES.has(syllable))) return undefined;
  const name = foreignPlaceIn(title);
  if (name === undefined) return undefined;
  return findPhrases(titleKey, ANCHORS).size === 0 && findPhrases(leadKey, ANCHORS).size === 0 ? name : undefined;
}

function foreignPlaceIn(title: string): string | undefined {
  const words = [...title.matchAll(WORD)].map((match) => ({ text: match[0], end: match.index + match[0].length }));
  for (let at = 0; at < words.length; at++) {
    for (const name of NAMES_BY_FIRST_WORD.get(words[at]!.text) ?? []) {
      if (spellsAt(words, at, name) && isForeignUse(title, words, at, name.length)) return name.join(' ');
    }
  }
  return undefined;
}

function groupByFirstWord(names: readonly string[][]): Map<string, string[][]> {
  const groups = new Map<string, string[][]>();
  for (const name of names) groups.set(name[0]!, [...(groups.get(name[0]!) ?? []), name]);
  return groups;
}

function spellsAt(words: readonly { text: string }[], at: number, name: readonly string[]): boolean {
  return name.every((part, offset) => words[at + offset]?.text === part);
}

/**
 * The name stands alone (no capitalised word right before or after it, which would make it part of a
 * Vietnamese name), is no person's (after a form of address) and is not the destination of a Vietnamese actor. A one-word name opening the
 * headline counts only before a colon, comma or "và" ("Mỹ: …"), since every headline opens with a capital.
 */
function isForeignUse(title: string, words: readonly { text: string; end: number }[], at: number, length: number): boolean {
  const before = words[at - 1];
  const after = words[at + length];
  if (after !== undefined && isCapitalised(after.text)) return false;
  if (before !== undefined) return !isCapitalised(before.text) && !TOWARDS.has(comparisonKey(before.text)) && !ADDRESSES.has(comparisonKey(before.text));
  if (length > 1) return true;
  const next = title.slice(words[at]!.end).trimStart();
  return next.startsWith(':') || next.startsWith(',') || after?.text === 'và';
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}
