/**
 * What a headline's shape says beyond its words. A Vietnamese headline puts its subject and act first
 * ("Khởi tố…", "Tặng mũ bảo hiểm…") and then, after a frame word, where, when, why, by whom or for whom
 * ("… tại chợ phiên", "… ở doanh nghiệp FDI", "… nơi vùng lũ", "… dịp lễ hội Xuân", "… do doanh nghiệp
 * giảm đơn hàng", "… cho học sinh"): a keyword in that tail is the story's setting, not what it is about,
 * so it weighs as a text keyword.
 */
import { comparisonKey } from '../normalize/vietnamese-text.ts';

/** Syllables that open the setting of a headline (compared as comparison keys). */
export const SETTING_WORDS: readonly string[] = ['tại', 'ở', 'dịp', 'do', 'phục vụ', 'nơi', 'cho'];

// Each setting word as a key spells it between two spaces: the first word never opens a setting, so one
// always has a space before it, and a key padded with a space after its end has one after it.
const SETTING_NEEDLES: readonly string[] = SETTING_WORDS.map((word) => ` ${comparisonKey(word)} `);

/**
 * The position (in syllables of the title's comparison key) of the first setting word, or Infinity
 * when the headline has none; a keyword starting after it is in the setting. A setting word that starts
 * a keyword ("cho vay nặng lãi") opens nothing: `keywordAt` says where keywords start. Every filed copy
 * asks, so the key is searched for each setting word rather than cut into words.
 */
export function settingStart(titleKey: string, keywordAt: (position: number) => boolean = () => false): number {
  const padded = `${titleKey} `;
  let first = Infinity;
  for (const needle of SETTING_NEEDLES) {
    for (let at = padded.indexOf(needle); at !== -1; at = padded.indexOf(needle, at + 1)) {
      // The word starts after the needle's leading space: the spaces before it count the syllables before it.
      const position = spacesBefore(padded, at + 1);
      if (position >= first) break;
      if (keywordAt(position)) continue;
      first = position;
      break;
    }
  }
  return first;
}

function spacesBefore(key: string, end: number): number {
  let count = 0;
  for (let at = 0; at < end; at++) if (key.charCodeAt(at) === 32) count++;
  return count;
}
