// A copy's text and comparison keys, derived from its stored HTML once per copy object: they follow
// the copy when its HTML or title is replaced, and the per-line keys give exactly the key of the whole.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyComparisonKey, copyKeys, copyText } from '../../../src/pipeline/normalize/copy-text.ts';
import { sanitizeContent } from '../../../src/pipeline/normalize/sanitize-content.ts';
import { comparisonKey, joinKeys, lineComparisonKeys } from '../../../src/pipeline/normalize/vietnamese-text.ts';
import { parseFeed } from '../../../src/pipeline/parse/parse-feed.ts';
import { randomHtml, seededRandom, type Random } from '../../helpers/random-html.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
const BASE = 'https://baohoabinh.com.vn/thoi-su/bai-viet-1.htm';

async function demoCopies(): Promise<{ title: string; contentHtml: string }[]> {
  const folder = path.join(REPO, 'data/demo');
  const copies: { title: string; contentHtml: string }[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.xml'))) {
    for (const item of (await parseFeed(readFileSync(path.join(folder, name), 'utf8'))).items) {
      copies.push({ title: item.title ?? '', contentHtml: sanitizeContent(item.contentHtml ?? item.summary ?? '', BASE) });
    }
  }
  return copies;
}

// Pieces whose edges test the join: marks and punctuation at either end, a Greek final sigma, a toned
// o that would fold were it followed by a, a lone a, Đ, digits.
const PIECES = ['Hòa', 'a', 'ΟΔΟΣ', 'Σ', 'İ', '\r', '.\u0301', '\u0301ma', 'túy.', '– 24/11 –', '', ' ', '"Đắk Lắk"', 'ủy', 'y', 'HOÀ', 'khỏe', '3,2 kg', '…', 'x\u200b'];

function randomPieces(random: Random): string[] {
  return Array.from({ length: 1 + Math.floor(random() * 5) }, () => PIECES[Math.floor(random() * PIECES.length)]!);
}

describe('copyText', () => {
  it('follows a copy whose HTML was replaced in place', () => {
    const copy = { contentHtml: '<p>Cháy nhà dân</p>' };
    expect(copyText(copy)).toBe('Cháy nhà dân');
    copy.contentHtml = '<p>Tai nạn</p><p>giao thông</p>';
    expect(copyText(copy)).toBe('Tai nạn\ngiao thông');
  });
});

describe('copyKeys', () => {
  it('keys the title and each line, and follows a new title', () => {
    const copy = { title: 'Thủy điện Hòa Bình', contentHtml: '<p>Xả lũ, lần 2!</p><p>MA TÚY</p>' };
    expect(copyKeys(copy)).toEqual({ title: 'thuỷ điện hoà bình', lines: ['xả lũ lần 2', 'ma tuý'] });
    copy.title = 'Khỏe mạnh';
    expect(copyKeys(copy).title).toBe('khoẻ mạnh');
  });
});

describe('copyComparisonKey', () => {
  it('equals the key of title and text as one string, for every demo item', async () => {
    for (const copy of await demoCopies()) {
      expect(copyComparisonKey(copy)).toBe(comparisonKey(`${copy.title} ${copyText(copy)}`));
      expect(copyKeys(copy).lines).toEqual(copyText(copy).split('\n').map(comparisonKey));
    }
  });

  it('equals the key of title and text as one string, for 2,000 generated items', () => {
    const random = seededRandom(11);
    for (let index = 0; index < 2000; index++) {
      const copy = { title: randomPieces(random).join(''), contentHtml: sanitizeContent(randomHtml(random), BASE) };
      expect(copyComparisonKey(copy)).toBe(comparisonKey(`${copy.title} ${copyText(copy)}`));
      expect(copyKeys(copy).lines).toEqual(copyText(copy).split('\n').map(comparisonKey));
    }
  });
});

describe('lineComparisonKeys', () => {
  it('keys each line as comparisonKey does, over lines of awkward pieces', () => {
    const random = seededRandom(13);
    for (let index = 0; index < 3000; index++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () => randomPieces(random).join(random() < 0.5 ? ' ' : ''));
      const text = lines.join('\n');
      expect(lineComparisonKeys(text), JSON.stringify(text)).toEqual(lines.map(comparisonKey));
    }
  });
});

describe('joinKeys', () => {
  it('gives the key of pieces joined by spaces or line breaks from the pieces\' keys', () => {
    const random = seededRandom(12);
    for (let index = 0; index < 3000; index++) {
      const pieces = randomPieces(random);
      const separator = random() < 0.5 ? ' ' : '\n';
      expect(joinKeys(pieces.map(comparisonKey)), JSON.stringify(pieces)).toBe(comparisonKey(pieces.join(separator)));
    }
  });
});
