// Vietnamese headlines as portals write them: mixed tone-mark styles, decomposed Unicode, stray controls.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  comparisonKey, containsPhrase, findPhrases, foldToneMarks, indexPhrases, lineComparisonKeys, spaceOutNonWords, syllables, toNfc,
} from '../../../src/pipeline/normalize/vietnamese-text.ts';
import { seededRandom } from '../../helpers/random-html.ts';

const nfd = (s: string) => s.normalize('NFD');
const REPO = path.resolve(import.meta.dirname, '../../..');

describe('toNfc', () => {
  it.each([
    { input: nfd('Tai nạn giao thông'), expected: 'Tai nạn giao thông' },
    { input: 'Hà\u200bNội', expected: 'HàNội' },
    { input: '\ufeffBản tin', expected: 'Bản tin' },
    { input: 'a\u0000b\u0007c\u0085d', expected: 'abcd' },
    { input: 'dòng 1\r\n\tdòng 2', expected: 'dòng 1\r\n\tdòng 2' },
    { input: 'ma tu\u200b\u0301y', expected: 'ma túy' }, // zero-width between base and mark
  ])('cleans $input', ({ input, expected }) => {
    expect(toNfc(input)).toBe(expected);
  });
});

describe('foldToneMarks', () => {
  it.each([
    { input: 'Hòa Bình', expected: 'Hoà Bình' },
    { input: 'Hoà Bình', expected: 'Hoà Bình' },
    { input: 'thủy lợi', expected: 'thuỷ lợi' },
    { input: 'ủy ban nhân dân', expected: 'uỷ ban nhân dân' },
    { input: 'tùy', expected: 'tuỳ' },
    { input: 'sức khỏe', expected: 'sức khoẻ' },
    { input: 'lòe loẹt', expected: 'loè loẹt' },
    { input: 'góa bụa, tai họa, thỏa thuận, lõa thể', expected: 'goá bụa, tai hoạ, thoả thuận, loã thể' },
    { input: 'tuyến tụy, nhòe, xòe', expected: 'tuyến tuỵ, nhoè, xoè' },
    { input: 'HÒA BÌNH, ỦY BAN', expected: 'HOÀ BÌNH, UỶ BAN' },
    { input: 'Òa khóc', expected: 'Oà khóc' },
    { input: 'qúy, quý', expected: 'quý, quý' },
    { input: 'hoàn toàn, toán, khoảng, quyết, thuyền, khuỷu, ngoài', expected: 'hoàn toàn, toán, khoảng, quyết, thuyền, khuỷu, ngoài' },
    { input: 'của, mùa, quà, tuổi', expected: 'của, mùa, quà, tuổi' }, // ua/uô are other diphthongs
    { input: nfd('Hòa Bình'), expected: 'Hoà Bình' },
  ])('rewrites $input as $expected', ({ input, expected }) => {
    expect(foldToneMarks(input)).toBe(expected);
  });
});

// The rule as first written, in NFD, where a toned vowel is base + tone mark: o|u + tone + a|e|y,
// then no letter or mark. foldToneMarks matches it in NFC instead and must give the same text.
const NFD_TONE = '[\u0300\u0301\u0303\u0309\u0323]';
const NFD_OLD_STYLE = new RegExp(`([oO])(${NFD_TONE})([aAeE])(?![\\p{L}\\p{M}])|([uU])(${NFD_TONE})([yY])(?![\\p{L}\\p{M}])`, 'gu');
function moveOldStyleTones(s: string): string {
  return nfd(s)
    .replace(NFD_OLD_STYLE, (_m, o?: string, oTone?: string, ae?: string, u?: string, uTone?: string, y?: string) =>
      o !== undefined ? `${o}${ae}${oTone}` : `${u}${y}${uTone}`)
    .normalize('NFC');
}

// Every Vietnamese rhyme (vowel nucleus) with each tone on each of its vowels, after several initials
// and before every final, in lower, upper and title case, NFC and NFD, then nothing, a space, a letter,
// punctuation, a digit, a Greek letter or a mark (one NFC composes, one it cannot): foldToneMarks must
// agree with the rule in NFD on all of them.
const INITIALS = ['', 'h', 'kh', 'qu', 'th', 'ng', 'gi', 'đ'];
const NUCLEI = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'oa', 'oă', 'oe', 'uy', 'uê', 'uơ', 'ươ', 'iê', 'yê', 'ua', 'uô',
  'ia', 'ưa', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'iu', 'oi', 'ôi', 'ơi', 'ui', 'ưi', 'uya', 'uyê', 'oai', 'oay',
  'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'iêu', 'yêu', 'uyu',
];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const FINALS = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
const AFTER = ['', ' ', 'n', ',', '1', 'α', '\u0301', '\u0327'];

/** The syllable with the tone on the vowel at `position` of its nucleus (in NFD, after the vowel's own mark). */
function syllable(initial: string, nucleus: string, tone: string, position: number, final: string): string {
  const vowels = [...nucleus.normalize('NFD').matchAll(/\p{L}\p{M}*/gu)].map(([vowel]) => vowel);
  vowels[position] += tone;
  return `${initial}${vowels.join('')}${final}`.normalize('NFC');
}

function* generatedSyllables(): Generator<string> {
  let turn = 0;
  for (const nucleus of NUCLEI) {
    const length = [...nucleus].length;
    for (const tone of TONES) {
      for (let position = 0; position < length; position++) {
        for (const final of FINALS) {
          const base = syllable(INITIALS[turn++ % INITIALS.length]!, nucleus, tone, position, final);
          for (const cased of [base, base.toUpperCase(), base[0]!.toUpperCase() + base.slice(1)]) {
            for (const after of AFTER) {
              yield `${cased}${after}`;
              yield nfd(`${cased}${after}`);
            }
          }
        }
      }
    }
  }
}

describe('foldToneMarks against the rule in NFD', () => {
  it('agrees on every rhyme × tone × tone position, in every case and form', () => {
    let changed = 0;
    let total = 0;
    for (const text of generatedSyllables()) {
      const full = moveOldStyleTones(text);
      expect(foldToneMarks(text), JSON.stringify(text)).toBe(full);
      total++;
      if (full !== text.normalize('NFC')) changed++;
    }
    expect(total).toBeGreaterThan(100_000);
    // Old-style oa, oe and uy with each tone, in each case and form, ending the syllable: the fold had work to do.
    expect(changed).toBe(3 * 5 * 3 * 4 * 2);
  });

  it('agrees on the demo feeds and the merge-eval texts', () => {
    const texts = [
      ...['bao-tinh.xml', 'cong-an-tinh.xml', 'cong-thong-tin-tinh.xml'].map((name) => readFileSync(path.join(REPO, 'data/demo', name), 'utf8')),
      readFileSync(path.join(REPO, 'test/fixtures/merge-eval/pairs.json'), 'utf8'),
    ];
    for (const text of texts) {
      for (const line of text.split('\n')) {
        expect(foldToneMarks(line)).toBe(moveOldStyleTones(line));
        expect(foldToneMarks(line.toUpperCase())).toBe(moveOldStyleTones(line.toUpperCase()));
      }
    }
  });
});

describe('comparisonKey', () => {
  it.each([
    { input: 'Hòa Bình', expected: 'hoà bình' },
    { input: 'HOÀ BÌNH', expected: 'hoà bình' },
    { input: nfd('Hòa Bình'), expected: 'hoà bình' },
    { input: 'ĐẮK LẮK', expected: 'đắk lắk' },
    { input: 'Đà Nẵng', expected: 'đà nẵng' },
    { input: '"Phòng cháy, chữa cháy" – 2024!', expected: 'phòng cháy chữa cháy 2024' },
    { input: 'Bà Rịa-Vũng Tàu', expected: 'bà rịa vũng tàu' },
    { input: '  tai   nạn\n\tgiao thông  ', expected: 'tai nạn giao thông' },
    { input: 'Thủy điện #Hòa_Bình @UBND', expected: 'thuỷ điện hoà bình ubnd' },
    { input: 'H\u2019Mông', expected: 'h mông' },
    { input: '...', expected: '' },
  ])('keys $input as "$expected"', ({ input, expected }) => {
    expect(comparisonKey(input)).toBe(expected);
  });

  it('keeps diacritics significant', () => {
    expect(comparisonKey('ma túy')).not.toBe(comparisonKey('mà tùy'));
    expect(comparisonKey('cháy')).not.toBe(comparisonKey('chạy'));
    expect(comparisonKey('Đà')).not.toBe(comparisonKey('Da'));
  });

  it('gives the same key for old and new tone style, any case, NFC or NFD', () => {
    const variants = ['Thủy điện Hòa Bình', 'Thuỷ điện Hoà Bình', 'THỦY ĐIỆN HÒA BÌNH', nfd('thuỷ điện hoà bình')];
    expect(new Set(variants.map(comparisonKey)).size).toBe(1);
  });
});

describe('syllables', () => {
  it.each([
    { input: 'Tai nạn giao thông!', expected: ['tai', 'nạn', 'giao', 'thông'] },
    { input: 'Hòa Bình', expected: ['hoà', 'bình'] },
    { input: '', expected: [] },
    { input: ' – ', expected: [] },
  ])('splits $input', ({ input, expected }) => {
    expect(syllables(input)).toEqual(expected);
  });
});

describe('findPhrases', () => {
  // The rule as first written: the phrase's key, padded with spaces, inside the padded text key.
  const byScan = (key: string, phrases: readonly string[]) =>
    new Set(phrases.filter((phrase) => comparisonKey(phrase) !== '' && ` ${key} `.includes(` ${comparisonKey(phrase)} `)));
  const VOCABULARY = ['ma', 'túy', 'tuý', 'mà', 'tùy', 'cháy', 'chạy', 'nhà', 'dân', 'phòng', 'chữa', 'giao', 'thông', 'tai', 'nạn', 'Hòa', 'Bình', '3', '2026', '!', ','];

  it('finds exactly the phrases a padded scan finds, over generated texts and keyword lists', () => {
    let random = 7;
    const next = () => (random = (Math.imul(random, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const words = (count: number) => Array.from({ length: count }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!).join(' ');
    let hits = 0;
    for (let round = 0; round < 2000; round++) {
      const key = comparisonKey(words(Math.floor(next() * 30)));
      const phrases = Array.from({ length: 1 + Math.floor(next() * 6) }, () => words(1 + Math.floor(next() * 3)));
      const found = findPhrases(key, indexPhrases(phrases.map((phrase) => [phrase, phrase] as const)));
      expect(found, `${key} / ${JSON.stringify(phrases)}`).toEqual(byScan(key, phrases));
      hits += found.size;
    }
    expect(hits).toBeGreaterThan(1000);
  });
});

describe('containsPhrase', () => {
  it.each([
    { text: 'Triệt phá vụ án ma túy lớn', phrase: 'ma túy', expected: true },
    { text: 'Triệt phá vụ án MA TUÝ lớn', phrase: 'ma túy', expected: true },
    { text: nfd('Triệt phá vụ án ma túy lớn'), phrase: 'Ma Túy', expected: true },
    { text: 'Đường dây ma túyx', phrase: 'ma túy', expected: false },
    { text: 'Tuỳ trường hợp, mà tùy cơ ứng biến', phrase: 'ma túy', expected: false },
    { text: 'Xe khách chạy quá tốc độ', phrase: 'cháy', expected: false },
    { text: 'Cháy nhà dân ở Lương Sơn', phrase: 'cháy', expected: true },
    { text: 'Tai nạn giao thông trên QL6', phrase: 'tai nạn giao thông', expected: true },
    { text: 'Tai nạn lao động, giao thông thông suốt', phrase: 'tai nạn giao thông', expected: false },
    { text: 'Diễn tập phòng cháy, chữa cháy tại KCN', phrase: 'phòng cháy chữa cháy', expected: true },
    { text: 'Công an tỉnh Hoà Bình', phrase: 'Hòa Bình', expected: true },
    { text: 'Thủy điện Hòa Bình xả lũ', phrase: 'thuỷ điện', expected: true },
    { text: 'Hoà bình thế giới', phrase: 'hoà bình', expected: true },
    { text: 'Lũ quét ở Mai Châu', phrase: 'lũ', expected: true },
    { text: 'Lúa chín', phrase: 'lũ', expected: false },
    { text: 'Bắt giữ đối tượng trộm cắp', phrase: 'trộm', expected: true },
    { text: 'Bắt giữ đối tượng', phrase: '', expected: false },
    { text: 'Bắt giữ đối tượng', phrase: '!!', expected: false },
  ])('"$text" contains "$phrase": $expected', ({ text, phrase, expected }) => {
    expect(containsPhrase(comparisonKey(text), phrase)).toBe(expected);
  });
});

describe('spaceOutNonWords', () => {
  // What it stands in for: the Unicode property regexes, slower by about four times on long texts.
  const byRegex = (s: string, keepLineBreaks: boolean) => s.replace(keepLineBreaks ? /[^\p{L}\p{M}\p{N}\n]+/gu : /[^\p{L}\p{M}\p{N}]+/gu, ' ');

  it('agrees with the property regexes on every UTF-16 unit outside the surrogates, alone and between words', () => {
    const disagreements: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const char = String.fromCharCode(unit);
      for (const text of [char, `Hà${char}Nội`, ` ${char}${char} `]) {
        for (const keep of [false, true]) if (spaceOutNonWords(text, keep) !== byRegex(text, keep)) disagreements.push(`U+${unit.toString(16)} ${keep}`);
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('agrees with them on random mixes of Vietnamese, punctuation, spaces, line breaks and astral characters', () => {
    const random = seededRandom(20261204);
    const pieces = ['Quảng Trị', 'ma tu\u0301y', ' ', '  ', '\n', ' \n ', '.', ', ', '–', '…', '\t', '\u00a0', '12,5', 'Đ', '𠀀', '😀', '\ud800', 'x', '"', '(BCB) - '];
    for (let run = 0; run < 2_000; run++) {
      let text = '';
      const length = Math.floor(random() * 20);
      for (let index = 0; index < length; index++) text += pieces[Math.floor(random() * pieces.length)];
      for (const keep of [false, true]) expect(spaceOutNonWords(text, keep), JSON.stringify(text)).toBe(byRegex(text, keep));
    }
  });

  it('gives comparison keys with one space between words and line keys per line', () => {
    expect(comparisonKey('  (BCB) -  Cháy nhà   xưởng ở phường Thục Phán!!  ')).toBe('bcb cháy nhà xưởng ở phường thục phán');
    expect(lineComparisonKeys('Dòng một.\n\n  Dòng — hai  ')).toEqual(['dòng một', '', 'dòng hai']);
  });
});
