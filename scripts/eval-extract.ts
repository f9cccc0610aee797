/**
 * `npm run eval:extract`: per-field accuracy of HTML extraction on each blind page set
 * (test/fixtures/extract-eval/blind and blind-2, each written by someone who never read the extraction code):
 * title, date, author, first and last paragraph, captions kept, removed blocks absent on the article
 * pages; links found and extra links on the list pages. `-- --explain` prints every miss, expected vs got.
 */
import { existsSync } from 'node:fs';
import { accuracy, evaluatePages, loadBlindPages, BLIND_PAGES_DIR, SECOND_BLIND_PAGES_DIR } from './extract-eval/evaluate-pages.ts';

const argv = process.argv.slice(2);
for (const arg of argv) if (arg !== '--explain') throw new Error(`eval:extract: unknown option ${arg} (--explain)`);

const SETS = [
  { name: 'blind set', dir: BLIND_PAGES_DIR, about: 'the rules were tuned on it' },
  { name: 'second blind set', dir: SECOND_BLIND_PAGES_DIR, about: 'another writer; scored once before any rule saw it, then the rules were tuned on it' },
];
for (const set of SETS) {
  if (!existsSync(set.dir)) {
    console.log(`${set.name}: ${set.dir.pathname} is absent\n`);
    continue;
  }
  printSet(set.name, set.about, set.dir);
}

function printSet(name: string, about: string, dir: URL): void {
  const pages = loadBlindPages(dir);
  const outcomes = evaluatePages(pages);
  const articles = pages.filter((page) => page.expected.kind === 'article').length;
  console.log(`${name}: ${articles} article pages, ${pages.length - articles} list pages, no selectors given (detection only; ${about})`);
  for (const [field, { right, total }] of accuracy(outcomes)) {
    const share = total === 0 ? '—' : `${((right / total) * 100).toFixed(1)} %`;
    const detail = field === 'list links extra' ? `${total - right} extra of ${total} links found` : `${right} of ${total}`;
    console.log(`  ${field.padEnd(22)} ${share.padStart(7)}  (${detail})`);
  }
  const misses = outcomes.filter((outcome) => !outcome.ok);
  if (argv.includes('--explain')) {
    console.log(`\n  misses (${misses.length}):`);
    for (const miss of misses) {
      console.log(`  ✗ ${miss.page} · ${miss.field}`);
      console.log(`      expected: ${miss.expected}`);
      console.log(`      got:      ${miss.got}`);
    }
  } else if (misses.length > 0) console.log(`\n  ${misses.length} misses; \`npm run eval:extract -- --explain\` lists them`);
  console.log('');
}
