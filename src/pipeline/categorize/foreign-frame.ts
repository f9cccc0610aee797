/**
 * Foreign news files in no category (SPEC "What the shipped categories hold": foreign crime unless
 * Vietnamese authorities are involved; foreign news is none). A headline is foreign when it names a
 * foreign country, city or body — written with its capitals, alone, so "xã Mỹ Thủy", "Nguyễn Minh
 * Đức" or "mỹ phẩm" are not — or a foreign actor no Vietnamese word spells (Trump, Apple, OPEC, the Fed),
 * and neither it nor the lead names Việt Nam or a Vietnamese authority.
 */
import { isUpperCode, PERSON_TITLES, PROVINCES_SINCE_2025, wordSpans, type WordSpan as Word } from '../normalize/vietnamese-names.ts';
import { comparisonKey, findPhrases, foldToneMarks, indexPhrases, type PhraseIndex } from '../normalize/vietnamese-text.ts';

/** Foreign places and bodies as headlines spell them. */
export const FOREIGN_NAMES: readonly string[] = [
  'Mỹ', 'Hoa Kỳ', 'Nga', 'Trung Quốc', 'Nhật Bản', 'Nhật', 'Hàn Quốc', 'Hàn', 'Triều Tiên', 'Đài Loan', 'Hồng Kông', 'Hong Kong',
  'Ấn Độ', 'Thái Lan', 'Lào', 'Campuchia', 'Myanmar', 'Malaysia', 'Singapore', 'Indonesia', 'Philippines', 'Brunei', 'Timor-Leste',
  'Úc', 'Australia', 'New Zealand', 'Canada', 'Mexico', 'Brazil', 'Argentina', 'Anh', 'Pháp', 'Đức', 'Ý', 'Italy', 'Tây Ban Nha',
  'Bồ Đào Nha', 'Hà Lan', 'Bỉ', 'Thụy Sĩ', 'Thụy Điển', 'Na Uy', 'Phần Lan', 'Đan Mạch', 'Ba Lan', 'Hy Lạp', 'Thổ Nhĩ Kỳ', 'Ukraine',
  'Israel', 'Iran', 'Iraq', 'Syria', 'Gaza', 'Ả Rập Xê Út', 'Ai Cập', 'Nam Phi', 'EU', 'Liên minh châu Âu', 'Liên hợp quốc', 'LHQ',
  'Trung Đông', 'châu Âu', 'Mỹ Latinh',
];

/** Cities and rivers abroad: unlike a country's Vietnamese name ("sông Hàn"), no river or street here is named after them. */
const PLACES_ABROAD: readonly string[] = [
  'Texas', 'California', 'Florida', 'New York', 'Washington', 'London', 'Paris', 'Berlin', 'Moscow', 'Tokyo', 'Seoul', 'Bắc Kinh',
  'Bangkok', 'Sydney', 'Thames',
];

/**
 * Foreign people, companies and bodies that business and world news name without their country ("Ông Trump
 * áp thuế…", "Apple công bố lợi nhuận…", "Giá xăng giảm sau quyết định của OPEC+"). No Vietnamese word or
 * name spells them, so they count wherever they stand in the headline, after "ông" or "Tổng thống" too.
 */
export const FOREIGN_ACTORS: readonly string[] = [
  'Trump', 'Biden', 'Obama', 'Putin', 'Zelensky', 'Macron', 'Netanyahu', 'Kim Jong-un', 'Elon Musk', 'Musk',
  'Fed', 'OPEC', 'IMF', 'ECB', 'Phố Wall', 'Wall Street', 'Nasdaq', 'Dow Jones',
  'Apple', 'Microsoft', 'Amazon', 'Nvidia', 'OpenAI', 'Netflix', 'Disney',
];
// Not Facebook, TikTok or Google: scams here are told through them, often with no anchor in the lead; not Tesla, a unit ("MRI 3 Tesla").

/**
 * A world price quote is a market abroad ("Giá vàng thế giới lập đỉnh mới"): most writers file it nowhere, as foreign
 * news. A home price read against it names the home market ("Giá vàng trong nước bám sát giá vàng thế giới"), an anchor.
 */
const WORLD_PRICES: readonly string[] = ['vàng thế giới', 'dầu thế giới', 'xăng thế giới'];

/**
 * What makes a story with a foreign name Vietnamese news all the same (and any of the 34 provinces: a story placed in one is).
 * A delegation received ("Tổng Bí thư tiếp Đoàn đại biểu cấp cao Lào") is received here: a visit abroad names Việt Nam.
 */
export const VIETNAMESE_ANCHORS: readonly string[] = [
  'Việt Nam', 'trong nước', 'nước ta', 'Bộ Công an', 'Bộ Ngoại giao', 'Đại sứ quán', 'đại sứ', 'dẫn độ', 'bảo hộ công dân', 'về nước',
  'tiếp nhận', 'bàn giao', 'công an', 'biên phòng', 'hải quan', 'UBND', 'HĐND', 'tỉnh ủy', 'thành ủy', 'TP.HCM', 'TPHCM',
  'tiếp đoàn',
];

// A name right after one of these is where a Vietnamese actor goes or trades ("xuất khẩu sang Mỹ", "thăm
// Lào", "trái dừa đi Mỹ", "lên kệ siêu thị Nhật"), a language ("tiếng Anh") or a school abroad ("du học Nhật
// Bản", "đại học Hàn Quốc").
const TOWARDS = new Set(['sang', 'từ', 'với', 'tiếp', 'thăm', 'đến', 'tới', 'đi', 'siêu thị', 'tiếng', 'học']);
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
  // A disease named for a country is caught here too ("vắc xin viêm não Nhật Bản").
  'viêm não',
]);
// After a river, a bridge, a street or a pass the name is a place here ("sông Hàn" in Đà Nẵng, "phố Nhật" in Hội An).
const LOCAL_FEATURES = new Set(['sông', 'cầu', 'phố', 'bến', 'đèo'].map(comparisonKey));
const NOT_FOREIGN_BEFORE = new Set([...TOWARDS, ...PERSON_WORDS, ...KINDS].map(comparisonKey));
const MARKET = comparisonKey('thị trường');
// What goes into a market abroad from here: "xuất khẩu vào thị trường Mỹ", "chạm ngõ thị trường Nhật".
const ENTERING_MARKET = new Set(['vào', 'sang', 'tới', 'đến', 'ngõ', 'chinh phục', 'thâm nhập', 'xuất khẩu', 'mở rộng', 'mở cửa', 'tấn công'].map(comparisonKey));
// A name and the small word after it that make a common word: "Anh hùng lực lượng vũ trang", "Nhật ký", "Ý kiến".
const COMPOUNDS = new Set(
  ['Anh hùng', 'Anh dũng', 'Anh em', 'Anh trai', 'Nhật ký', 'Nhật thực', 'Mỹ thuật', 'Mỹ nghệ', 'Mỹ phẩm', 'Mỹ nhân', 'Đức tính', 'Ý kiến', 'Ý nghĩa', 'Ý chí', 'Ý tưởng', 'Ý thức'].map(comparisonKey),
);
// What may follow a one-word name that opens the headline for it to be the subject ("Mỹ: …", "Nga, Ukraine …",
// "Nga - Ukraine …"), besides "và".
const OPENING_NAME_FOLLOWERS = [':', ',', '-', '–', '—'];

const ANCHORS: PhraseIndex<true> = indexPhrases(VIETNAMESE_ANCHORS.map((phrase) => [phrase, true] as const));
// Vietnamese people abroad are no Vietnamese authority: "thuyền viên Việt Nam", "quốc tịch Việt Nam", goods stolen
// abroad and "gửi về nước" stay foreign news (SPEC: foreign crime unless Vietnamese authorities are involved).
// Only "Việt Nam" goes: the word before it stays, so "bảo hộ công dân Việt Nam" still anchors as "bảo hộ công dân".
const NATIONALS_ABROAD = new RegExp(
  `(?:^| )(?:(${['người', 'công dân', 'thuyền viên', 'lao động', 'du học sinh', 'du khách', 'quốc tịch'].map(comparisonKey).join('|')}) ${comparisonKey('Việt Nam')}|${comparisonKey('gửi về nước')})(?= |$)`,
  'g',
);
// A province anchors a story only as a name, with its capitals: "cao bằng" (as high as) is no Cao Bằng.
const PROVINCE_SPELLINGS = PROVINCES_SINCE_2025.map(foldToneMarks);
const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;
const NAMES_BY_FIRST_WORD = groupByFirstWord([...FOREIGN_NAMES, ...PLACES_ABROAD].map((name) => name.split(' ')));
const PLACE_ABROAD_FIRST_WORDS = new Set(PLACES_ABROAD.map((name) => name.split(' ')[0]!));
const ACTORS_BY_FIRST_WORD = groupByFirstWord([...FOREIGN_ACTORS, ...WORLD_PRICES].map((name) => [...name.matchAll(WORD)].map((match) => match[0])));
// A foreign actor is looked for by its last word, which no Vietnamese headline holds otherwise ("Wall", not "Phố").
const FIRST_SYLLABLES = new Set([
  ...[...NAMES_BY_FIRST_WORD.keys()].map((word) => comparisonKey(word).split(' ')[0]!),
  ...[...ACTORS_BY_FIRST_WORD.values()].flat().map((name) => comparisonKey(name.at(-1)!).split(' ')[0]!),
]);

/**
 * The foreign name that makes a copy foreign news — its title (NFC, as written) names a foreign place
 * and nothing in the title or lead anchors it here — or undefined.
 */
export function foreignNewsName(title: string, titleKey: string, lead: () => string, leadKey: string): string | undefined {
  // Most headlines hold no syllable a foreign name starts with: one pass over the key spares them the word scan.
  if (!titleKey.split(' ').some((syllable) => FIRST_SYLLABLES.has(syllable))) return undefined;
  const name = foreignPlaceIn(title);
  if (name === undefined) return undefined;
  return isAnchored(() => title, titleKey) || isAnchored(lead, leadKey) ? undefined : name;
}

/** The lead's text is read only for a headline that names a foreign place: most never do. */
function isAnchored(text: () => string, key: string): boolean {
  if (findPhrases(key.replace(NATIONALS_ABROAD, ' $1'), ANCHORS).size > 0) return true;
  const spelled = foldToneMarks(text());
  return PROVINCE_SPELLINGS.some((province) => spelled.includes(province));
}

function foreignPlaceIn(title: string): string | undefined {
  const words = wordSpans(title, WORD);
  const actor = foreignActorIn(words);
  if (actor !== undefined) return actor;
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

/** A foreign actor's name, spelled as it is written, anywhere among the headline's words. */
function foreignActorIn(words: readonly Word[]): string | undefined {
  for (let at = 0; at < words.length; at++) {
    const name = ACTORS_BY_FIRST_WORD.get(words[at]!.text)?.find((candidate) => spellsAt(words, at, candidate));
    if (name !== undefined) return name.join(' ');
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
  // After a colon or a comma the word before belongs to another clause or list item ("Giá dầu: Mỹ …"); a quoted
  // word still leads to the name ("trái dừa "đi" Mỹ").
  if (before !== undefined) return !isQuotedOrSpaced(title, before, words[at]!) || (!isCapitalised(before.text) && !followsNotForeign(title, words, at));
  if (length > 1) return true;
  const next = title.slice(words[last]!.end).trimStart();
  return OPENING_NAME_FOLLOWERS.some((mark) => next.startsWith(mark)) || (after?.text === 'và' && isSpaced(title, words[last]!, after));
}

/**
 * Whether the word or two words right before the name (spaces only between) make it no foreign place, or
 * whether it is a market abroad that something enters ("chạm ngõ thị trường Nhật", "vào thị trường Mỹ"), a
 * destination like "sang Mỹ" ("thị trường Mỹ lao dốc" stays foreign).
 */
function followsNotForeign(title: string, words: readonly Word[], at: number): boolean {
  const one = comparisonKey(words[at - 1]!.text);
  if (NOT_FOREIGN_BEFORE.has(one)) return true;
  if (LOCAL_FEATURES.has(one)) return !PLACE_ABROAD_FIRST_WORDS.has(words[at]!.text);
  const two = words[at - 2];
  if (two === undefined || !isSpaced(title, two, words[at - 1]!)) return false;
  const pair = `${comparisonKey(two.text)} ${one}`;
  if (NOT_FOREIGN_BEFORE.has(pair)) return true;
  return pair === MARKET && entersMarket(title, words, at - 2);
}

/** Whether the one or two words before "thị trường" at `at` say something goes into it. */
function entersMarket(title: string, words: readonly Word[], at: number): boolean {
  const one = words[at - 1];
  // A figurative verb is often quoted: "chạm ngõ" thị trường Nhật.
  if (one === undefined || !isQuotedOrSpaced(title, one, words[at]!)) return false;
  if (ENTERING_MARKET.has(comparisonKey(one.text))) return true;
  const two = words[at - 2];
  return two !== undefined && isSpaced(title, two, one) && ENTERING_MARKET.has(`${comparisonKey(two.text)} ${comparisonKey(one.text)}`);
}

/** Whether only white space and quotation marks stand between two words. */
function isQuotedOrSpaced(title: string, first: Word, second: Word): boolean {
  return /^["“”'‘’\s]*$/u.test(title.slice(first.end, second.start));
}

/** Whether only white space stands between two words. */
function isSpaced(title: string, first: Word, second: Word): boolean {
  return title.slice(first.end, second.start).trim() === '';
}

function isCapitalised(word: string): boolean {
  return isUpperCode(word.charCodeAt(0));
}
