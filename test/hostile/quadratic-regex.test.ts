// Replays issue 10's quadratic titles (96 KB of "[clip]" held a cycle for seconds) against every text function, hand-made and fast-check-made.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import type { Copy, RawItem } from '../../src/model/types.ts';
import { decodeBody } from '../../src/pipeline/fetch/decode-body.ts';
import { createCategorizer } from '../../src/pipeline/categorize/categorize-story.ts';
import { profileCopy, copyFigures } from '../../src/pipeline/merge/match-profile.ts';
import { stripTextBoilerplate, stripTitleBoilerplate } from '../../src/pipeline/merge/strip-boilerplate.ts';
import { absolutizeUrl, canonicalizeUrl } from '../../src/pipeline/normalize/canonical-url.ts';
import { copyComparisonKey, copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { normalizeItem } from '../../src/pipeline/normalize/normalize-item.ts';
import { parseFeedDate } from '../../src/pipeline/normalize/parse-date.ts';
import { parseVietnameseDate } from '../../src/pipeline/normalize/vietnamese-date.ts';
import { htmlToText, readSanitizedText, sanitizeContent } from '../../src/pipeline/normalize/sanitize-content.ts';
import { comparisonKey, findPhrases, foldToneMarks, indexPhrases, lineComparisonKeys, toNfc } from '../../src/pipeline/normalize/vietnamese-text.ts';
import { parseFeed } from '../../src/pipeline/parse/parse-feed.ts';
import { prepareXml } from '../../src/pipeline/parse/prepare-xml.ts';
import { readTitle } from '../../src/pipeline/parse/read-title.ts';
import { entryImage, summarize } from '../../src/publish/entry-content.ts';
import { escapeHtml } from '../../src/publish/clean-text.ts';
import { escapeXmlAttr } from '../../src/publish/xml-builder.ts';
import { makeSource } from '../helpers/make-copy.ts';
import { measureGrowth, repeatTo } from '../helpers/time-growth.ts';

const SMALL_CHARS = 10_000;
const LARGE_CHARS = 100_000;
// Ten times the input: linear work takes about 10×, quadratic about 100×.
const RATIO_LIMIT = 30;

const SOURCE = makeSource('bao-tinh');
const NOW = new Date('2026-11-25T03:00:00Z');
const KEYWORDS = indexPhrases([['ma túy', 'an-ninh'], ['tai nạn giao thông', 'an-ninh'], ['tiêm chủng', 'y-te']]);
const categorize = createCategorizer(
  [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['ma túy', 'cháy nổ'] }],
  [makeSource('bao-tinh', { categoryMap: { 'An ninh': 'an-ninh-trat-tu' } })],
);

function copyOf(title: string, html: string): Copy {
  return { sourceId: 'bao-tinh', key: 'guid:1', url: 'https://baotinh.example.vn/1', title, contentHtml: html, datePublished: NOW.toISOString(), sourceCategories: ['An ninh'], firstSeenAt: NOW.toISOString() };
}

function rssWith(title: string, description: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Báo tỉnh</title><item><guid>1</guid>` +
    `<title>${title}</title><link>https://baotinh.example.vn/1</link><description>${description}</description>` +
    `<pubDate>${short(title)}</pubDate></item></channel></rss>`;
}

/**
 * The head of an input, for the second field of a function that reads two: each field's own function is
 * timed on the whole input already, and the pair at full size would only double the time.
 */
function short(text: string): string {
  return text.slice(0, 300);
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Swallows the refusals hostile input may rightly cause (the project's own errors: ParseError and its
 * kin), so only time is measured; any other error is a bug that would also make a function look linear
 * by failing at once, and fails the test.
 */
function quietly<T>(run: (input: string) => T): (input: string) => T | undefined {
  const refusal = (error: unknown) => {
    if (error instanceof AppError) return undefined;
    throw error;
  };
  return (input) => {
    try {
      const result = run(input);
      return result instanceof Promise ? (result.catch(refusal) as T) : result;
    } catch (error) {
      return refusal(error);
    }
  };
}

// Every function that reads text a source controls (titles, bodies, dates, links, categories, headers).
const TEXT_FUNCTIONS: Readonly<Record<string, (input: string) => unknown>> = {
  stripTitleBoilerplate,
  stripTextBoilerplate,
  toNfc,
  foldToneMarks,
  comparisonKey,
  lineComparisonKeys,
  findPhrases: (input) => findPhrases(comparisonKey(input), KEYWORDS),
  categorize: (input) => categorize({ id: 'urn:uuid:1', copies: [copyOf(short(input), `<p>${escapeMarkup(input)}</p>`)], categories: [], datePublished: '', dateModified: '' }),
  parseFeedDate: (input) => parseFeedDate(input, 'Asia/Ho_Chi_Minh'),
  parseVietnameseDate: (input) => parseVietnameseDate(input.toLowerCase()),
  canonicalizeUrl: (input) => canonicalizeUrl(input, 'https://baotinh.example.vn/tin/'),
  canonicalizeUrlQuery: (input) => canonicalizeUrl(`https://baotinh.example.vn/a?${input}#${input}`),
  absolutizeUrl: (input) => absolutizeUrl(input, 'https://baotinh.example.vn/'),
  sanitizeContent: (input) => sanitizeContent(input, 'https://baotinh.example.vn/'),
  sanitizeImage: (input) => sanitizeContent(`<img src="a.jpg" width="${input}" height="1">`, 'https://baotinh.example.vn/'),
  sanitizeLink: (input) => sanitizeContent(`<a href="mailto:${input}">Toà soạn</a>`, 'https://baotinh.example.vn/'),
  htmlToText,
  readSanitizedText,
  copyText: (input) => copyText({ contentHtml: input }),
  copyComparisonKey: (input) => copyComparisonKey({ title: short(input), contentHtml: `<p>${escapeMarkup(input)}</p>` }),
  profileCopy: (input) => profileCopy({ title: short(input), contentHtml: `<p>${escapeMarkup(input)}</p>` }),
  copyFigures,
  readTitle: (input) => [readTitle({ _: input, $: { type: 'html' } }, true), readTitle(input, false)],
  prepareXml,
  parseFeedRaw: (input) => parseFeed(rssWith(input, short(input))),
  parseFeedEscaped: (input) => parseFeed(rssWith(short(escapeMarkup(input)), escapeMarkup(input))),
  normalizeItem: (input) => {
    const raw: RawItem = { link: `/tin/${input}`, title: short(input), contentHtml: input, date: short(input), categories: [] };
    return normalizeItem(raw, { source: SOURCE, feedLink: 'https://baotinh.example.vn/', now: NOW });
  },
  decodeBody: (input) => decodeBody(Buffer.from(`<?xml version="1.0" ${input}?><rss/>`, 'latin1'), `text/xml; ${input}`),
  summarize,
  entryImage: (input) => entryImage(`https://baotinh.example.vn/${input}`),
  escapeHtml,
  escapeXmlAttr,
};

// Shapes that make backtracking regexes try every split: a run that nearly matches, then a spoiler.
const HAND_MADE: Readonly<Record<string, (chars: number) => string>> = {
  'repeated [clip]': (n) => repeatTo(n, '[clip]', 'Tin ', 'x'),
  'repeated [clip] with spaces': (n) => repeatTo(n, '[clip] ', 'Tin ', 'x'),
  'repeated (Ảnh)': (n) => repeatTo(n, '(Ảnh)', 'Tin ', 'x'),
  'repeated [Video] in NFD': (n) => repeatTo(n, '[Video]'.normalize('NFD'), 'Tin '.normalize('NFD'), '.'),
  'a run of spaces': (n) => repeatTo(n, ' ', 'a', 'b'),
  'a pixel size of spaces': (n) => repeatTo(n, ' ', '1', 'x'),
  'a run of mixed white space': (n) => repeatTo(n, ' \t\u00a0\u3000', 'Tin', ','),
  'lines of spaces': (n) => repeatTo(n, '   \n', 'x', 'x'),
  'punctuation': (n) => repeatTo(n, '.,:;-–—|!?…', 'Tin ', 'x'),
  'nested brackets': (n) => repeatTo(n / 2, '[(', 'x') + repeatTo(n / 2, ')]', '', 'x'),
  'unclosed brackets': (n) => repeatTo(n, '((((ảnh', '', 'x'),
  'partial tags': (n) => repeatTo(n, '<b ', '', 'x'),
  'partial attributes': (n) => repeatTo(n, '<a href="x a="', '', 'x'),
  'nested tags': (n) => repeatTo(n / 2, '<b>', '', 'sâu') + repeatTo(n / 2, '</b>'),
  'stray closing tags': (n) => repeatTo(n, '<b></i>'),
  'comments': (n) => repeatTo(n, '<!---->', '', 'x'),
  'block tags with spaces': (n) => repeatTo(n, '<p   ', '', '/'),
  'entities': (n) => repeatTo(n, '&amp;&#1;&#x;&nbsp', '', '&'),
  'a long entity name': (n) => repeatTo(n, 'a', '&', 'x'),
  'a credit of spaces': (n) => repeatTo(n, ' ', 'theo', ','),
  'photo credits': (n) => repeatTo(n, '(ảnh: ', 'Tin ', 'x'),
  'caption starts': (n) => repeatTo(n, '.ảnh:', '', 'x'),
  'trailer heading and spaces': (n) => repeatTo(n, ' ', 'Tin liên quan', 'x'),
  'site tag and spaces': (n) => repeatTo(n, ' ', '(Baothanhhoa.vn)', 'x'),
  'date-like digits': (n) => repeatTo(n, '19/11/2024 19h40 (GMT+7) ', 'Thứ Ba, ', 'x'),
  'a date, then spaces': (n) => repeatTo(n, ' ', '19/11/2024', 'x'),
  'zone starts': (n) => repeatTo(n, '(gmt ', '', 'x'),
  'digits and separators': (n) => repeatTo(n, '1.2,3/', '', 'x'),
  'tone-mark pairs': (n) => repeatTo(n, 'òa hoà thuỷ ', '', 'x'),
  'invisible characters': (n) => repeatTo(n, 'a\u200b\u0301\u00ad', '', 'x'),
  'query parameters': (n) => repeatTo(n, 'utm_source=x&a=%&', '', 'x'),
  'charset parameters': (n) => repeatTo(n, '; charset =  ', '', 'x'),
  'closing tags without end': (n) => repeatTo(n, ' ', '<rss></rss', 'x'),
};

// Pieces fast-check strings together into a repeated unit, with a prefix and a spoiler.
const PIECES = [
  '[clip]', '(Ảnh)', '[', ']', '(', ')', ' ', '\t', '\n', '\u00a0', ':', '-', '–', '|', '.', ',', ';', 'clip', 'ảnh',
  'video', 'theo ', 'nguồn:', 'Tin liên quan', '<b>', '</b>', '<p ', '<', '>', '/', '&', '&amp;', '&#', '#', '"', "'",
  '=', '1', '19/11', '2024', 'gmt', '+7', 'h', 'a', 'ò', 'a\u0300', '\u200b', '?', 'utm_', '%', 'x',
];
const pieces = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
const patterns = fc.record({ prefix: pieces, unit: pieces, suffix: pieces });
const SEED = 20_261_128;
const GENERATED_RUNS = 4;
// A steep pattern is measured up to three times (measureGrowth), so a function steep in several takes tens of
// seconds: the test must end on its list of steep patterns, not on the default 20 s timeout.
const PER_FUNCTION_TIMEOUT_MS = 90_000;

async function growthOf(run: (input: string) => unknown, build: (chars: number) => string) {
  return measureGrowth(quietly(run), build(SMALL_CHARS), build(LARGE_CHARS), { limit: RATIO_LIMIT });
}

function describeGrowth(name: string, growth: { smallMs: number; largeMs: number; ratio: number }): string {
  return `${name}: ${growth.smallMs.toFixed(3)} ms → ${growth.largeMs.toFixed(3)} ms (${growth.ratio.toFixed(1)}×)`;
}

describe('every text function takes linear time on hostile input', () => {
  it.each(Object.entries(TEXT_FUNCTIONS))('%s grows at most ~linearly from 10 KB to 100 KB', async (_name, run) => {
    const steep: string[] = [];
    for (const [pattern, build] of Object.entries(HAND_MADE)) {
      const growth = await growthOf(run, build);
      if (growth.ratio > RATIO_LIMIT) steep.push(describeGrowth(pattern, growth));
    }
    await fc.assert(
      fc.asyncProperty(patterns, async ({ prefix, unit, suffix }) => {
        const growth = await growthOf(run, (chars) => repeatTo(chars, unit, prefix, suffix));
        if (growth.ratio > RATIO_LIMIT) steep.push(describeGrowth(JSON.stringify({ prefix, unit, suffix }), growth));
      }),
      { seed: SEED, numRuns: GENERATED_RUNS, endOnFailure: true },
    );
    expect(steep, `steep growth:\n${steep.join('\n')}`).toEqual([]);
  }, PER_FUNCTION_TIMEOUT_MS);

  // sanitize-html strips a link's comments one at a time, and V8 keeps that cheap up to about 100 KB,
  // so this one is measured from 20 KB to 200 KB.
  it('sanitises a mailto: link full of comments in linear time', async () => {
    const link = (chars: number) => `<a href="mailto:${repeatTo(chars, 'x<!--a-->')}">Toà soạn</a>`;
    const growth = await measureGrowth((html: string) => sanitizeContent(html, 'https://baotinh.example.vn/'), link(20_000), link(200_000), { limit: RATIO_LIMIT });
    expect(growth.ratio, describeGrowth('mailto: comments', growth)).toBeLessThanOrEqual(RATIO_LIMIT);
  });
});

describe('the growth measure of this file', () => {
  // It must still catch what this file is for, however often it measures a steep ratio again.
  it('finds a backtracking regex steep', async () => {
    // /\s+$/ tries every start in a run of spaces that ends in a letter: quadratic. On the input's last tenth,
    // so that it takes milliseconds rather than the seconds issue 10's titles took.
    const backtracking = (input: string) => input.slice(-input.length / 10).replace(/\s+$/, '');
    const growth = await growthOf(backtracking, HAND_MADE['a run of spaces']!);
    expect(growth.ratio, describeGrowth('/\\s+$/ over a run of spaces', growth)).toBeGreaterThan(RATIO_LIMIT);
  });
});
