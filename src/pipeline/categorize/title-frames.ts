/**
 * What a headline's shape says beyond its words. A Vietnamese headline puts its subject and act first
 * ("Khởi tố…", "Tặng mũ bảo hiểm…") and then, after a frame word, where, when, why or by whom ("… tại chợ
 * phiên", "… ở doanh nghiệp FDI", "… dịp lễ hội Xuân", "… do doanh nghiệp giảm đơn hàng"): a
 * keyword in that tail is the story's setting, not what it is about, so it weighs as a text keyword.
 */
import { comparisonKey } from '../normalize/vietnamese-text.ts';

/** Syllables that open the setting of a headline (compared as comparison keys). */
export const SETTING_WORDS: readonly string[] = ['tại', 'ở', 'dịp', 'do', 'phục vụ'];

// Each setting word's syllables, by its first syllable: a headline's words are looked up, not compared with every setting word.
const SETTING_KEYS: ReadonlyMap<string, readonly string[][]> = SETTING_WORDS.reduce((byFirst, word) => {
  const syllables = comparisonKey(word).split(' ');
  return byFirst.set(syllables[0]!, [...(byFirst.get(syllables[0]!) ?? []), syllables]);
}, new Map<string, string[][]>());

/**
 * The position (in syllables of the title's comparison key) of the first setting word, or Infinity
 * when the headline has none; a keyword starting after it is in the setting.
 */
export function settingStart(titleKey: string): number {
  if (titleKey === '') return Infinity;
  const words = titleKey.split(' ');
  // The first word is the headline's act or subject, so it never opens a setting.
  for (let at = 1; at < words.length; at++) {
    const settings = SETTING_KEYS.get(words[at]!);
    if (settings?.some((setting) => setting.every((syllable, offset) => words[at + offset] === syllable))) return at;
  }
  return Infinity;
}
