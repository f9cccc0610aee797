// Replays copies built to make the readers of names, codes, days and spelled figures scan quadratically: one endless word, endless capitals, digits, punctuation and number words.
import { describe, expect, it } from 'vitest';
import { readEventAnchors } from '../../src/pipeline/merge/event-anchors.ts';
import { readFigureForms } from '../../src/pipeline/merge/figure-forms.ts';
import { profileCopy } from '../../src/pipeline/merge/match-profile.ts';
import { compareFigures } from '../../src/pipeline/merge/match-score.ts';
import { LineWords } from '../../src/pipeline/merge/text-tokens.ts';
import { htmlOfText } from '../helpers/make-copy.ts';

const SIZE = 40_000;

const HOSTILE: Record<string, (size: number) => string> = {
  'one capitalised word with no space': (size) => 'Ă'.repeat(size),
  'capitalised words without end': (size) => 'Nguyễn '.repeat(size / 7),
  'initials without end': (size) => 'K. '.repeat(size / 3),
  'digits and separators without end': (size) => '1.2-3+4/'.repeat(size / 8),
  'opening brackets before a capital': (size) => `${'('.repeat(size)}Hòa`,
  'number words without end': (size) => 'hai mươi nghìn rưỡi '.repeat(size / 20),
  'place words without end': (size) => 'xã thôn ấp '.repeat(size / 11),
};

/** CPU time of reading one line, the least of a few tries (the machine is shared). */
function readTime(line: string): number {
  let least = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = process.cpuUsage();
    readEventAnchors([line]);
    readFigureForms([new LineWords(line)]);
    const used = process.cpuUsage(started);
    least = Math.min(least, used.user + used.system);
  }
  return Math.max(least, 1);
}

describe('the anchor and figure readers on hostile text', () => {
  it.each(Object.keys(HOSTILE))('read %s in time that grows with its length, not its square', (name) => {
    const make = HOSTILE[name]!;
    readTime(make(SIZE / 4));
    const small = readTime(make(SIZE));
    const large = readTime(make(SIZE * 4));
    // Four times the text: about four times the time; a quadratic reader would take sixteen.
    expect(large / small).toBeLessThan(10);
  });
});

describe('the figure comparison on two hostile copies', () => {
  // A brief counting hundreds of things in words against a copy counting hundreds of things in digits: every
  // word the brief counts was looked up against every figure of the other.
  // Things named by letters only (a digit in a word makes it a code): "ybac", "xbac".
  const thing = (n: number) => [n % 26, Math.floor(n / 26) % 26, Math.floor(n / 676)].map((code) => String.fromCharCode(97 + code)).join('');
  const brief = (count: number) => profileCopy({ title: 'Tin', contentHtml: htmlOfText(Array.from({ length: count }, (_, n) => `hai y${thing(n)}`).join(' ')) });
  // The other counts other things, so no word of the brief is settled early: each is looked up.
  const other = (count: number) => profileCopy({ title: 'Tin', contentHtml: htmlOfText(Array.from({ length: count }, (_, n) => `${11 + n} x${thing(n)}`).join(' ')) });
  const compareTime = (count: number) => {
    const [a, b] = [brief(count), other(count)];
    a.forms();
    b.forms();
    let least = Infinity;
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = process.cpuUsage();
      compareFigures(a, b, () => ({ contained: 2026, other: 2026 }));
      const used = process.cpuUsage(started);
      least = Math.min(least, used.user + used.system);
    }
    return Math.max(least, 1);
  };

  it('compares counts in words in time that grows with the copies, not their product', () => {
    compareTime(250);
    const small = compareTime(1_000);
    const large = compareTime(4_000);
    expect(large / small).toBeLessThan(10);
  });
});
