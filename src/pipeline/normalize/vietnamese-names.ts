/**
 * What both merging (merge/event-anchors.ts) and filing (categorize/foreign-frame.ts) know about
 * Vietnamese names: the provinces, the forms of address before a person's name, and what a capital is.
 */

/** The 34 provinces and centrally-run cities since 1 July 2025, as headlines spell them. */
export const PROVINCES_SINCE_2025: readonly string[] = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng',
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình', 'Quảng Trị', 'Đà Nẵng',
  'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long',
  'Đồng Tháp', 'Cà Mau', 'An Giang',
];

/** The provinces merged away on 1 July 2025, whose names copies still use ("Bà Rịa - Vũng Tàu" as its two halves). */
export const FORMER_PROVINCES: readonly string[] = [
  'Thừa Thiên Huế', 'Hà Giang', 'Yên Bái', 'Bắc Kạn', 'Hòa Bình', 'Vĩnh Phúc', 'Bắc Giang', 'Hải Dương', 'Thái Bình', 'Nam Định',
  'Hà Nam', 'Quảng Bình', 'Quảng Nam', 'Kon Tum', 'Bình Định', 'Phú Yên', 'Ninh Thuận', 'Bình Thuận', 'Đắk Nông', 'Bình Phước',
  'Bình Dương', 'Bà Rịa', 'Vũng Tàu', 'Long An', 'Tiền Giang', 'Bến Tre', 'Trà Vinh', 'Sóc Trăng', 'Hậu Giang', 'Bạc Liêu',
  'Kiên Giang',
];

/** Forms of address a person's name follows ("ông Đức", "chị Mỹ", "bé Nga"), lower case. */
export const PERSON_TITLES: readonly string[] = ['ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'bé', 'cụ', 'chú', 'cô', 'bác'];

/** A word of a text and where it stands in it. */
export interface WordSpan {
  text: string;
  start: number;
  end: number;
}

/** The words of a text, as `pattern` (global) cuts them, each with where it stands. */
export function wordSpans(text: string, pattern: RegExp): WordSpan[] {
  return [...text.matchAll(pattern)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

/** Whether a character code is a capital letter: ASCII, Latin-1 and the Vietnamese letters by their code alone. */
export function isUpperCode(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  if (code < 0x100) return code >= 0xc0 && code <= 0xde && code !== 0xd7;
  // Latin Extended-A (Ă Đ Ĩ Ũ) and the Vietnamese block (Ạ … Ỹ) pair each capital with the small letter after it.
  if (code < 0x180) return code % 2 === 0;
  if (code === 0x1a0 || code === 0x1af) return true; // Ơ Ư
  if (code >= 0x1ea0 && code <= 0x1ef9) return code % 2 === 0;
  const char = String.fromCharCode(code);
  return char !== char.toLowerCase() && char === char.toUpperCase();
}
