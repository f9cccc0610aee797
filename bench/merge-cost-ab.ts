/**
 * `tsx bench/merge-cost-ab.ts <repo root> <repo root> …`: the merge cost of several checkouts of bantin
 * on the same input, in one process, alternating run by run so a loaded machine's drift falls on all of
 * them alike. The input is the small bench's cold ingest: the synthetic province of 40 portals × 100
 * items (seed and repost share of `npm run bench`), each checkout normalising the items with its own
 * normalizeItem (not timed), then merging all of them into an empty store in one mergeCopies call, as a
 * cold cycle does. Prints each checkout's median CPU ms and, per run, each one's ratio to the first root.
 * Pass `--runs N` (default 8). Checkouts need node_modules (a symlink to this one's will do).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeProvince } from './synthetic/make-province.ts';

const SEED = 20261125;
const REPOST_SHARE = 0.3;
const SOURCES = 40;
const ITEMS_PER_SOURCE = 100;

interface Checkout {
  root: string;
  normalizeItem: (raw: unknown, context: unknown) => unknown;
  mergeCopies: (stories: unknown[], copies: readonly unknown[], context: unknown) => unknown;
}

async function loadCheckout(root: string): Promise<Checkout> {
  const at = (file: string) => pathToFileURL(path.resolve(root, file)).href;
  const normalize = (await import(at('src/pipeline/normalize/normalize-item.ts'))) as Pick<Checkout, 'normalizeItem'>;
  const merge = (await import(at('src/pipeline/merge/merge-copies.ts'))) as Pick<Checkout, 'mergeCopies'>;
  return { root, normalizeItem: normalize.normalizeItem, mergeCopies: merge.mergeCopies };
}

function parseArgs(argv: readonly string[]): { roots: string[]; runs: number } {
  const roots: string[] = [];
  let runs = 8;
  for (let index = 0; index < argv.length; index++) {
    if (argv[index] === '--runs') runs = Number(argv[++index]);
    else roots.push(argv[index]!);
  }
  if (roots.length < 2 || !Number.isInteger(runs) || runs < 1) throw new Error('merge-cost-ab: give two repo roots or more, and --runs N ≥ 1');
  return { roots, runs };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const { roots, runs } = parseArgs(process.argv.slice(2));
const checkouts = await Promise.all(roots.map(loadCheckout));
const now = Date.UTC(2026, 11, 4, 8, 0, 0);
const province = makeProvince({ seed: SEED, sources: SOURCES, itemsPerSource: ITEMS_PER_SOURCE, now, repostShare: REPOST_SHARE });
const sourceConfig = (id: string) => ({ id, name: id, url: `https://${id}.example.vn/rss`, priority: 0, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true });
const sources = new Map(province.sources.map((source) => [source.id, sourceConfig(source.id)]));
const raws = province.sources.flatMap((source) =>
  province.items.get(source.id)!.map((item) => ({
    source: source.id,
    raw: {
      guid: item.guid,
      link: item.link,
      title: item.title,
      contentHtml: item.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(''),
      date: new Date(item.time).toISOString(),
      categories: [item.section],
    },
  })),
);
const seenAt = new Date(now + 3_600_000);

function mergeOnce(checkout: Checkout): number {
  const copies = raws.map(({ source, raw }) => checkout.normalizeItem(raw, { source: sources.get(source), now: seenAt })).filter((copy) => copy !== undefined);
  const stories: unknown[] = [];
  const before = process.cpuUsage();
  checkout.mergeCopies(stories, copies, { now: seenAt, sources, tombstones: {} });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

// One untimed run each: module loading and the JIT's first compilation are not the merge.
for (const checkout of checkouts) mergeOnce(checkout);
const times = checkouts.map(() => [] as number[]);
const ratios = checkouts.map(() => [] as number[]);
for (let run = 0; run < runs; run++) {
  // Each run starts with another checkout, so none is always first after a pause.
  const order = checkouts.map((_, index) => (index + run) % checkouts.length);
  const round: number[] = [];
  for (const index of order) round[index] = mergeOnce(checkouts[index]!);
  round.forEach((ms, index) => {
    times[index]!.push(ms);
    ratios[index]!.push(ms / round[0]!);
  });
  console.log(`run ${run + 1}: ${round.map((ms) => `${Math.round(ms)} ms`).join(' | ')}`);
}
console.log(`${raws.length} items merged cold into an empty store, ${runs} runs alternating; CPU ms, median:`);
checkouts.forEach((checkout, index) => {
  console.log(`  ${checkout.root}: ${Math.round(median(times[index]!))} ms, ${(median(ratios[index]!)).toFixed(2)}× the first (median of per-run ratios)`);
});
