/**
 * What a headline's shape says beyond its words. A Vietnamese headline puts its subject and act first
 * ("Khởi tố…", "Tặng mũ bảo hiểm…") and then, after a frame word, where, when, why, by whom or for whom
 * ("… tại chợ phiên", "… ở doanh nghiệp FDI", "… nơi vùng lũ", "… dịp lễ hội Xuân", "… do doanh nghiệp
 * giảm đơn hàng", "… cho học sinh"): a keyword in that tail is the story's setting, not what it is about,
 * so it weighs as a text keyword.
 */
import { comparisonKey } from '../normalize/vietnamese-text.ts';

/** Syllables that open the setting of a headline (compared as comparison keys). */
export const SETTING_WORDS: readonly string[] = ['tại', 'ở', 'dịp', 'do', 'phục vụ', 'nơi', 'cho', 'trên'];

/**
 * Words a setting word is part of, where it opens nothing: a house ("nhà ở"), a reason ("lý do", "do đó"),
 * freedom ("tự do"), lending, renting, allowing ("cho vay", "cho thuê", "cho phép"), about ("trên dưới").
 */
export const NOT_SETTING: readonly string[] = [
  'nhà ở', 'chỗ ở', 'nơi ở', 'lý do', 'do đó', 'tự do', 'cho vay', 'cho thuê', 'cho phép', 'cho biết', 'cho thấy', 'cho rằng', 'cho ra',
  'trên dưới',
];

// Each setting word as a key spells it between two spaces, as every word stands in a key padded with a space at each end.
const SETTING_NEEDLES: readonly string[] = SETTING_WORDS.map((word) => ` ${comparisonKey(word)} `);
// Setting words that say "more than" before a number ("trên 20 ca sốt xuất huyết"): there they open nothing.
const COUNTING_NEEDLES: ReadonlySet<string> = new Set(['trên'].map((word) => ` ${comparisonKey(word)} `));
// Each word a setting word is part of, once for each setting word in it ("nơi ở" holds two), with the offset of
// that setting word's leading space in it.
const NOT_SETTING_NEEDLES = NOT_SETTING.flatMap((word) => {
  const needle = ` ${comparisonKey(word)} `;
  const offsets = SETTING_NEEDLES.map((setting) => needle.indexOf(setting)).filter((offset) => offset !== -1);
  if (offsets.length === 0) throw new Error(`title-frames: "${word}" holds no setting word`);
  return offsets.map((offset) => ({ needle, offset }));
});

/**
 * The position (in syllables of the title's comparison key) of the first setting word, or Infinity
 * when the headline has none; a keyword starting after it is in the setting. A setting word inside a keyword
 * ("giao xe cho người không đủ điều kiện": `keywordAt` says which positions keywords hold), part of a longer
 * word (NOT_SETTING: "nhà ở") or saying "more than" before a number ("trên 20 ca") opens nothing. Every filed
 * copy asks, so the key is searched for each setting word rather than cut into words.
 */
export function settingStart(titleKey: string, keywordAt: (position: number) => boolean = () => false): number {
  const padded = ` ${titleKey} `;
  let first = Infinity;
  for (const needle of SETTING_NEEDLES) {
    // From 1: the headline's first word never opens a setting.
    for (let at = padded.indexOf(needle, 1); at !== -1; at = padded.indexOf(needle, at + 1)) {
      // The spaces before the needle's leading space count the syllables before the setting word.
      const position = spacesBefore(padded, at);
      if (position >= first) break;
      if (keywordAt(position) || inLongerWord(padded, at) || (COUNTING_NEEDLES.has(needle) && isDigit(padded.charCodeAt(at + needle.length)))) continue;
      first = position;
      break;
    }
  }
  return first;
}

/** Whether the setting word whose leading space is at `at` is part of a word that opens nothing ("nhà ở"). */
function inLongerWord(padded: string, at: number): boolean {
  return NOT_SETTING_NEEDLES.some(({ needle, offset }) => at >= offset && padded.startsWith(needle, at - offset));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function spacesBefore(key: string, end: number): number {
  let count = 0;
  for (let at = 0; at < end; at++) if (key.charCodeAt(at) === 32) count++;
  return count;
}
