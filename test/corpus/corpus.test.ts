// The fetch-less pipeline (decodeBody → parseFeed → normalizeItem) over every feed file in ../shared/corpus
// (feedparser, rss-parser, rowanmanning, miniflux, W3C feedvalidator; layout in its README.md): no crash, no
// file slow enough to look like a hang, every file either a feed or a clear ParseError, the reference parsers'
// item counts met, and agreement with feedparser's `Expect:` lines on the fields bantin publishes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, listCorpusFiles, runPipeline, type CorpusOutcome } from './corpus-files.ts';
import { copyComparisonKey, copyKeys, copyText } from '../../src/pipeline/normalize/copy-text.ts';
import { htmlToText, readSanitizedText } from '../../src/pipeline/normalize/sanitize-content.ts';
import { comparisonKey } from '../../src/pipeline/normalize/vietnamese-text.ts';
import { compareCheck, loadFeedparserCases, PUBLISHED_FIELDS, type ExpectField, type FeedparserCase } from './feedparser-expect.ts';

const PRESENT = existsSync(path.join(CORPUS_DIR, 'README.md'));
/** Far above the slowest file (about 100 ms for a 1.6 MB podcast feed); only a runaway parse passes it. */
const PER_FILE_LIMIT_MS = 3_000;
const PARSE_ERROR_MESSAGES = /^(empty body|not a feed: .+|XML error( at line \d+)?: .+)$/;
// What an operator should never have to read in /healthz: raw error codes, JavaScript leaking through.
const UNPLAIN_WORDS = /\b[A-Z]+_[A-Z_]+\b|undefined|\[object|TypeError|Cannot read/;
const NOW = new Date('2026-11-28T00:00:00Z');

interface FileResult { file: string; ms: number; outcome: CorpusOutcome }

describe.skipIf(!PRESENT)(`real-world corpus in ${PRESENT ? CORPUS_DIR : `${CORPUS_DIR} (absent: skipped)`}`, () => {
  let results: FileResult[] = [];
  let cases: Map<string, FeedparserCase>;

  beforeAll(async () => {
    cases = new Map(loadFeedparserCases().map((c) => [c.file, c]));
    results = [];
    for (const file of listCorpusFiles()) {
      const started = performance.now();
      const outcome = await runPipeline(file, cases.get(file)?.contentType, NOW);
      results.push({ file, ms: performance.now() - started, outcome });
    }
    const feeds = results.filter((r) => r.outcome.kind === 'feed');
    const errorsByCode = new Map<string, number>();
    for (const { outcome } of results) if (outcome.kind === 'parse-error') errorsByCode.set(outcome.code, (errorsByCode.get(outcome.code) ?? 0) + 1);
    const count = (pick: (o: Extract<CorpusOutcome, { kind: 'feed' }>) => number): number =>
      feeds.reduce((sum, r) => sum + (r.outcome.kind === 'feed' ? pick(r.outcome) : 0), 0);
    console.log(
      `corpus: ${results.length} files in ${Math.round(results.reduce((s, r) => s + r.ms, 0))} ms; ` +
        `${feeds.filter((r) => r.outcome.kind === 'feed' && r.outcome.feed.items.length > 0).length} feeds with items, ` +
        `${feeds.filter((r) => r.outcome.kind === 'feed' && r.outcome.feed.items.length === 0).length} feeds without; ` +
        `${count((o) => o.feed.items.length)} items, ${count((o) => o.copies.filter(Boolean).length)} kept after normalising; ` +
        `ParseErrors ${JSON.stringify(Object.fromEntries(errorsByCode))}`,
    );
  }, 120_000);

  it('never crashes: every file is a feed or a ParseError with a stable code and a plain message', () => {
    const crashes = results.flatMap(({ file, outcome }) => (outcome.kind === 'crash' ? [`${file}: ${String(outcome.error)}`] : []));
    expect(crashes).toEqual([]);
    const unclear = results.flatMap(({ file, outcome }) =>
      outcome.kind === 'parse-error' &&
      (!['EMPTY', 'NOT_A_FEED', 'XML'].includes(outcome.code) || !PARSE_ERROR_MESSAGES.test(outcome.message) || UNPLAIN_WORDS.test(outcome.message))
        ? [`${file}: ${outcome.code} ${outcome.message}`]
        : [],
    );
    expect(unclear).toEqual([]);
  });

  it(`parses every file in under ${PER_FILE_LIMIT_MS / 1000} s`, () => {
    const slow = results.filter((r) => r.ms > PER_FILE_LIMIT_MS).map((r) => `${r.file}: ${Math.round(r.ms)} ms`);
    expect(slow).toEqual([]);
  });

  it('reads the feeds every reference parser reads, with as many items', () => {
    const mismatches = referenceItemCounts().flatMap(({ file, expected }) => {
      const outcome = results.find((r) => r.file === file)?.outcome;
      const actual = outcome?.kind === 'feed' ? outcome.feed.items.length : outcome?.kind;
      return actual === expected ? [] : [`${file}: ${String(actual)} items, reference ${expected}`];
    });
    // One sample feed really is malformed (a duplicated </media:content>): a clear XML error is right there.
    expect(mismatches).toEqual(['rowanmanning-feed-parser/feeds/examples/b9a3aa1b3f1d9c9446bf7166ef1f1aa8/feed.xml: parse-error items, reference 1']);
  });

  it('reads the text of every stored contentHtml without a second parse, as the full parse reads it', () => {
    const differing: string[] = [];
    let read = 0;
    for (const { file, outcome } of results) {
      if (outcome.kind !== 'feed') continue;
      for (const copy of outcome.copies) {
        if (copy === undefined) continue;
        const text = readSanitizedText(copy.contentHtml);
        if (text !== undefined) read++;
        if (text !== htmlToText(copy.contentHtml)) differing.push(`${file} ${copy.key}: ${JSON.stringify(copy.contentHtml.slice(0, 200))}`);
      }
    }
    expect(differing).toEqual([]);
    expect(read).toBeGreaterThan(1000);
  });

  it('keys every copy from its title and text lines as from the two as one string', () => {
    const differing: string[] = [];
    for (const { file, outcome } of results) {
      if (outcome.kind !== 'feed') continue;
      for (const copy of outcome.copies) {
        if (copy === undefined) continue;
        const whole = comparisonKey(`${copy.title} ${copyText(copy)}`);
        const lines = copyText(copy).split('\n').map(comparisonKey);
        if (copyComparisonKey(copy) !== whole || copyKeys(copy).lines.join('\n') !== lines.join('\n')) differing.push(`${file} ${copy.key}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('agrees with feedparser on at least 90 % of the published fields it checks', () => {
    const tally = new Map<ExpectField, { agree: number; total: number }>();
    const disagreements: string[] = [];
    for (const { file, outcome } of results) {
      const check = cases.get(file)?.check;
      if (check === undefined) continue;
      const { agrees, actual } = compareCheck(check, outcome, file, NOW);
      const row = tally.get(check.field) ?? { agree: 0, total: 0 };
      row.total++;
      if (agrees) row.agree++;
      else disagreements.push(`${file}: ${check.path} == ${JSON.stringify(check.expected)}, bantin ${JSON.stringify(actual)}`);
      tally.set(check.field, row);
    }
    const rate = (fields: readonly ExpectField[]): { agree: number; total: number } =>
      fields.reduce((sum, f) => ({ agree: sum.agree + (tally.get(f)?.agree ?? 0), total: sum.total + (tally.get(f)?.total ?? 0) }), { agree: 0, total: 0 });
    const percent = ({ agree, total }: { agree: number; total: number }): string => `${agree}/${total} (${((100 * agree) / total).toFixed(1)} %)`;
    const published = rate(PUBLISHED_FIELDS);
    console.log(
      `feedparser agreement: published fields ${percent(published)}; all compared fields ${percent(rate([...tally.keys()]))}\n` +
        [...tally].map(([field, row]) => `  ${field}: ${percent(row)}`).join('\n') +
        `\ndisagreements:\n  ${disagreements.join('\n  ')}`,
    );
    expect(published.total).toBeGreaterThan(100);
    expect(published.agree / published.total).toBeGreaterThanOrEqual(0.9);
  });
});

/** Item counts from rowanmanning/feed-parser's snapshots and rss-parser's golden outputs, per corpus file. */
function referenceItemCounts(): { file: string; expected: number }[] {
  const counts: { file: string; expected: number }[] = [];
  for (const kind of ['examples', 'real-world']) {
    const dir = path.join(CORPUS_DIR, 'rowanmanning-feed-parser/snapshots', kind);
    for (const name of readdirSync(dir)) {
      const file = `rowanmanning-feed-parser/feeds/${kind}/${name.replace(/\.json$/, '')}/feed.xml`;
      if (!existsSync(path.join(CORPUS_DIR, file))) continue;
      const snapshot = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { feed: { items: unknown[] } };
      counts.push({ file, expected: snapshot.feed.items.length });
    }
  }
  const inputs = readdirSync(path.join(CORPUS_DIR, 'rss-parser/input'));
  for (const name of readdirSync(path.join(CORPUS_DIR, 'rss-parser/output'))) {
    const input = inputs.find((i) => i.replace(/\.(rss|atom)$/, '') === name.replace(/\.json$/, ''));
    if (input === undefined) continue;
    // encoding.json is itself latin1; the item count does not care.
    const golden = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'rss-parser/output', name), 'latin1')) as { feed: { items: unknown[] } };
    counts.push({ file: `rss-parser/input/${input}`, expected: golden.feed.items.length });
  }
  return counts;
}
