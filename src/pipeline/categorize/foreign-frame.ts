/**
 * Foreign news files in no category (SPEC "What the shipped categories hold": foreign crime unless
 * Vietnamese authorities are involved; foreign news is none). A headline is foreign when it names a
 * foreign country, city or body — written with its capitals, alone, so "xã Mỹ Thủy", "Nguyễn Minh
 * Đức" or "mỹ phẩm" are not — and neither it nor the lead names Việt Nam or a Vietnamese authority.
 */
import { isUpperCode, PERSON_TITLES, PROVINCES_SINCE_2025 } from '../normalize/vietnamese-names.ts';
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

/** What makes a story with a foreign name Vietnamese news all the same (and any of the 34 provinces: a story placed in one is). */
export const VIETNAMESE_ANCHORS: readonly string[] = [
  'Việt Nam', 'trong nước', 'nước ta', 'Bộ Công an', 'Bộ Ngoại giao', 'Đại sứ quán', 'đại sứ', 'dẫn độ', 'bảo hộ công dân', 'về nước',
  'tiếp nhận', 'bàn giao', 'công an', 'biên phòng', 'hải quan', 'UBND', 'HĐND', 'tỉnh ủy', 'thành ủy', 'TP.HCM', 'TPHCM',
];

// A name right after one of these is where a Vietnamese actor goes or trades ("xuất khẩu sang Mỹ", "thăm
// Lào"), a language ("tiếng Anh") or a school abroad ("du học Nhật Bản", "đại học Hàn Quốc").
const TOWARDS = new Set(['sang', 'từ', 'với', 'tiếp', 'thăm', 'đến', 'tới', 'tiếng', 'học']);
// After a form of address or a calling the name is a person's ("ông Đức", "bác sĩ Anh", "cô giáo Nga",
// "thương binh Đức"). Not "binh sĩ", "cựu binh" nor "cựu chiến binh": "binh sĩ Mỹ" are American soldiers.
const PERSON_WORDS = new Set([
  ...PERSON_TITLES, 'thầy', 'cậu', 'chàng', 'nàng', 'bác sĩ', 'y sĩ', 'liệt sĩ', 'cô giáo', 'thầy giáo', 'nhà giáo', 'thương binh',
  'bệnh binh', 'nghệ nhân', 'nữ sinh', 'nam sinh', 'đồng chí',
]);
// After an animal or a crop the name is a breed or a variety, sold or raised here ("cá sấu Mỹ", "bò Úc", "sâm Hàn Quốc").
const KINDS = new Set([
  'bò', 'gà', 'heo', 'lợn', 'dê', 'cừu', 'ngựa', 'chó', 'mèo', 'cá sấu', 'cá hồi', 'tôm hùm', 'cam', 'táo', 'nho', 'sâm', 'nhân sâm',
  'lúa',
]);
const NOT_FOREIGN_BEFORE = new Set([...TOWARDS, ...PERSON_WORDS, ...KINDS].map(comparisonKey));
// A name and the small word after it that make a common word: "Anh hùng lực lượng vũ trang", "Nhật ký", "Ý kiến".
const COMPOUNDS = new Set(
  ['Anh hùng', 'Anh dũng', 'Anh em', 'Anh trai', 'Nhật ký', 'Nhật thực', 'Mỹ thuật', 'Mỹ nghệ', 'Mỹ phẩm', 'Mỹ nhân', 'Đức tính', 'Ý kiến', 'Ý nghĩa', 'Ý chí', 'Ý tưởng', 'Ý thức'].map(comparisonKey),
);
// What may follow a one-word name that opens the headline for it to be the subject ("Mỹ: …", "Nga, Ukraine …",
// "Nga - Ukraine …"), besides "và".
const OPENING_NAME_FOLLOWERS = [':', ',', '-', '–', '—'];

const ANCHORS: PhraseIndex<true> = indexPhrases([...VIETNAMESE_ANCHORS, ...PROVINCES_SINCE_2025].map((phrase) => [phrase, true] as const));
const NAMES_BY_FIRST_WORD = groupByFirstWord(FOREIGN_NAMES.map((name) => name.split(' ')));
const FIRST_SYLLABLES = new Set([...NAMES_BY_FIRST_WORD.keys()].map((word) => comparisonKey(word).split(' ')[0]!));
const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

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
  const words = [...title.matchAll(WORD)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
  // The last name read and whether it was foreign: a name listed after it is read as it was ("sang Mỹ, Nhật Bản và Hàn Quốc").
  let previous: { last: number; foreign: boolean } | undefined;
  for (let at = 0; at < words.length; at++) {
    const name = NAMES_BY_FIRST_WORD.get(words[at]!.text)?.find((candidate) => spellsAt(words, at, candidate));
    if (name === undefined) continue;
    const foreign = previous !== undefined && continuesList(title, words, previous.last, at) ? previous.foreign : isForeignUse(title, words, at, name.length);
    if (foreign) return name.join(' ');
    previous = { last: at + name.length - 1, foreign };
    at = previous.last;
  }
  return undefined;
}

/** Whether the name at `at` follows the one ending at `last` in a list: after a comma, "và" or "hoặc". */
function continuesList(title: string, words: readonly Word[], last: number, at: number): boolean {
  if (last === at - 1) return title.slice(words[last]!.end, words[at]!.start).trim() === ',';
  const link = words[at - 1]!;
  return last === at - 2 && (link.text === 'và' || link.text === 'hoặc') && isSpaced(title, words[last]!, link) && isSpaced(title, link, words[at]!);
}

function groupByFirstWord(names: readonly string[][]): Map<string, string[][]> {
  const groups = new Map<string, string[][]>();
  for (const name of names) groups.set(name[0]!, [...(groups.get(name[0]!) ?? []), name]);
  // The longest name first: "Nhật Bản" is read before "Nhật".
  for (const group of groups.values()) group.sort((a, b) => b.length - a.length);
  return groups;
}

function spellsAt(words: readonly Word[], at: number, name: readonly string[]): boolean {
  return name.every((part, offset) => words[at + offset]?.text === part);
}

/**
 * The name stands alone (no capitalised word right before or after it with only a space between, which
 * would make it part of a Vietnamese name), makes no common word with the word after it ("Anh hùng"),
 * and does not follow a word that makes it a person ("cô giáo Nga"), a breed ("cá sấu Mỹ") or the
 * destination of a Vietnamese actor ("sang Mỹ"). A one-word name opening the headline counts only before
 * a colon, comma, dash or "và" ("Mỹ: …", "Nga, Ukraine …"), since every headline opens with a capital.
 */
function isForeignUse(title: string, words: readonly Word[], at: number, length: number): boolean {
  const last = at + length - 1;
  const after = words[last + 1];
  if (after !== undefined && isSpaced(title, words[last]!, after)) {
    if (isCapitalised(after.text)) return false;
    if (length === 1 && COMPOUNDS.has(comparisonKey(`${words[at]!.text} ${after.text}`))) return false;
  }
  const before = words[at - 1];
  // After a colon or a comma the word before belongs to another clause or list item ("Giá dầu: Mỹ …").
  if (before !== undefined) return !isSpaced(title, before, words[at]!) || (!isCapitalised(before.text) && !followsNotForeign(title, words, at));
  if (length > 1) return true;
  const next = title.slice(words[last]!.end).trimStart();
  return OPENING_NAME_FOLLOWERS.some((mark) => next.startsWith(mark)) || (after?.text === 'và' && isSpaced(title, words[last]!, after));
}

/** Whether the word or two words right before the name (spaces only between) make it no foreign place. */
function followsNotForeign(title: string, words: readonly Word[], at: number): boolean {
  const one = comparisonKey(words[at - 1]!.text);
  if (NOT_FOREIGN_BEFORE.has(one)) return true;
  const two = words[at - 2];
  return two !== undefined && isSpaced(title, two, words[at - 1]!) && NOT_FOREIGN_BEFORE.has(`${comparisonKey(two.text)} ${one}`);
}

/** Whether only white space stands between two words. */
function isSpaced(title: string, first: Word, second: Word): boolean {
  return title.slice(first.end, second.start).trim() === '';
}

function isCapitalised(word: string): boolean {
  return isUpperCode(word.charCodeAt(0));
}
