// The shingle hash table over the whole signed 32-bit range that shingleWords produces, across rehashes.
import { describe, expect, it } from 'vitest';
import { ShingleTable } from '../../../src/pipeline/merge/shingle-table.ts';
import { shingleWords } from '../../../src/pipeline/merge/text-shingles.ts';
import { syllables } from '../../../src/pipeline/normalize/vietnamese-text.ts';

describe('ShingleTable', () => {
  it('finds every key it was given, negative ones too, after growing many times', () => {
    const table = new ShingleTable<number>();
    const keys = Array.from({ length: 20_000 }, (_, index) => Math.imul(index + 1, 0x9e3779b1));
    keys.forEach((key, index) => table.add(key, index));
    expect(keys.some((key) => key < 0)).toBe(true);
    expect(keys.map((key) => table.get(key))).toEqual(keys.map((_, index) => index));
    expect(table.get(0x7fffffff)).toBeUndefined();
  });

  it('holds the shingles of Vietnamese text under the values shingleWords gives', () => {
    const shingles = [...shingleWords(syllables('Công an tỉnh Hòa Bình triệt phá đường dây mua bán trái phép chất ma túy xuyên tỉnh'))];
    expect(shingles.every((shingle) => shingle === (shingle | 0))).toBe(true);
    const table = new ShingleTable<string>();
    for (const shingle of shingles) table.add(shingle, String(shingle));
    expect(shingles.map((shingle) => table.get(shingle))).toEqual(shingles.map(String));
  });
});
