/**
 * `tsx bench/categorize-cost-ab.ts <repo root> [<repo root> …] [--runs N] [--repeat N]`: what filing costs
 * in several checkouts of bantin on the same input, in one process, alternating run by run so a loaded
 * machine's drift falls on all of them alike. Two inputs, each checkout normalising and merging them with
 * its own code first (not timed, so the copies' comparison keys are derived as in a cycle):
 * - cycle: the small bench's cold ingest (the synthetic province, 40 portals × 100 items, long articles),
 *   merged into an empty store, then filed as the cycle files it — a categoriser built afresh, every story
 *   filed once — `--repeat` times per run;
 * - labelled: every labelled item of the first root's tuning sets and team set (title and sapo, some with a
 *   body), the same items for every checkout, as `npm run eval:categories` files them, `--repeat` times per run.
 * Prints each checkout's median CPU ms per input and the median of per-run ratios to the first root, and
 * fails when any checkout files any story differently from the first (categories, rules and their words),
 * without printing a story. Pass `--runs N` (default 8), `--repeat N` (default 3). With one root it only
 * times (for `node --cpu-prof`). Checkouts need node_modules (a symlink to this one's will do).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BLIND_SETS } from '../scripts/category-eval/evaluate-items.ts';
import { cpuMsSince } from '../src/cpu-time.ts';
import { median } from './measure.ts';
import { makeProvince } from './synthetic/make-province.ts';

const SEED = 20261125;
const REPOST_SHARE = 0.3;
const SOURCES = 40;
const ITEMS_PER_SOURCE = 100;
// The tuning sets and the team's, as eval:categories lists them; a held-out set is left out, never filed here.
const CATEGORY_SETS = [...BLIND_SETS.filter((set) => !set.heldOut).map((set) => set.folder), 'team'];

type Story = { copies: unknown[] };
type Categorizer = (story: Story) => unknown[];

interface Checkout {
  root: string;
  createCategorizer: (categories: unknown[], sources: unknown[]) => Categorizer;
  cycleStories: Story[];
  labelledStories: Story[];
}

interface Input {
  categories: unknown[];
  sources: unknown[];
}

const now = Date.UTC(2026, 11, 4, 8, 0, 0);
const seenAt = new Date(now + 3_600_000);
const sourceConfig = (id: string) => ({ id, name: id, url: `https://${id}.example.vn/rss`, priority: 0, categoryMap: {}, timezone: 'Asia/Ho_Chi_Minh', enabled: true });

async function loadCheckout(root: string, province: ReturnType<typeof makeProvince>, sources: Map<string, unknown>, items: readonly unknown[]): Promise<Checkout> {
  const at = (file: string) => pathToFileURL(path.resolve(root, file)).href;
  const { normalizeItem } = (await import(at('src/pipeline/normalize/normalize-item.ts'))) as { normalizeItem: (raw: unknown, context: unknown) => unknown };
  const { mergeCopies } = (await import(at('src/pipeline/merge/merge-copies.ts'))) as { mergeCopies: (stories: Story[], copies: unknown[], context: unknown) => unknown };
  const { createCategorizer } = (await import(at('src/pipeline/categorize/categorize-story.ts'))) as Pick<Checkout, 'createCategorizer'>;
  const evaluate = (await import(at('scripts/category-eval/evaluate-items.ts'))) as { storyOf: (item: unknown) => Story };
  const copies = province.sources.flatMap((source) =>
    province.items.get(source.id)!.map((item) => {
      const raw = { guid: item.guid, link: item.link, title: item.title, contentHtml: item.paragraphs.map((p) => `<p>${p}</p>`).join(''), date: new Date(item.time).toISOString(), categories: [item.section] };
      return normalizeItem(raw, { source: sources.get(source.id), now: seenAt });
    }),
  );
  const cycleStories: Story[] = [];
  mergeCopies(cycleStories, copies.filter((copy) => copy !== undefined), { now: seenAt, sources, tombstones: {} });
  const labelledStories = items.map((item) => evaluate.storyOf(item));
  return { root, createCategorizer, cycleStories, labelledStories };
}

function labelledItems(root: string): unknown[] {
  return CATEGORY_SETS.flatMap((set) => {
    const file = path.resolve(root, 'test/fixtures/category-eval', set, 'items.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { items: unknown[] }).items : [];
  });
}

/** CPU ms of `repeat` cycles' filing: a categoriser built afresh each time, as runIngestion builds one per cycle. */
function fileAll(checkout: Checkout, stories: readonly Story[], input: Input, repeat: number): number {
  const before = process.cpuUsage();
  for (let time = 0; time < repeat; time++) {
    const categorize = checkout.createCategorizer(input.categories, input.sources);
    for (const story of stories) categorize(story);
  }
  return cpuMsSince(before);
}

/** One hash of every story's filings: equal hashes, equal filings. */
function filingsHash(checkout: Checkout, stories: readonly Story[], input: Input): string {
  const categorize = checkout.createCategorizer(input.categories, input.sources);
  const hash = createHash('sha256');
  for (const story of stories) hash.update(JSON.stringify(categorize(story)));
  return hash.digest('hex').slice(0, 16);
}

function parseArgs(argv: readonly string[]): { roots: string[]; runs: number; repeat: number } {
  const roots: string[] = [];
  let runs = 8;
  let repeat = 3;
  for (let index = 0; index < argv.length; index++) {
    if (argv[index] === '--runs') runs = Number(argv[++index]);
    else if (argv[index] === '--repeat') repeat = Number(argv[++index]);
    else roots.push(argv[index]!);
  }
  if (roots.length < 1 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(repeat) || repeat < 1) {
    throw new Error('categorize-cost-ab: give one repo root or more, --runs N ≥ 1 and --repeat N ≥ 1');
  }
  return { roots, runs, repeat };
}


const { roots, runs, repeat } = parseArgs(process.argv.slice(2));
const province = makeProvince({ seed: SEED, sources: SOURCES, itemsPerSource: ITEMS_PER_SOURCE, now, repostShare: REPOST_SHARE });
const sources = new Map(province.sources.map((source) => [source.id, sourceConfig(source.id)]));
// The first root's shipped categories for every checkout: the rules are the same, only the code differs.
const shipped = JSON.parse(readFileSync(path.resolve(roots[0]!, 'bantin.config.json'), 'utf8')) as { categories: unknown[] };
const cycleInput: Input = { categories: shipped.categories, sources: [...sources.values()] };
const labelledInput: Input = { categories: shipped.categories, sources: [sourceConfig('eval')] };
// The first root's labelled items for every checkout too: an older checkout lacks the sets written since.
const items = labelledItems(roots[0]!);
const checkouts: Checkout[] = [];
for (const root of roots) checkouts.push(await loadCheckout(root, province, sources, items));

const inputs = [
  { name: 'cycle', stories: (checkout: Checkout) => checkout.cycleStories, input: cycleInput },
  { name: 'labelled', stories: (checkout: Checkout) => checkout.labelledStories, input: labelledInput },
];
for (const { name, stories, input } of inputs) {
  const hashes = checkouts.map((checkout) => filingsHash(checkout, stories(checkout), input));
  console.log(`${name}: ${stories(checkouts[0]!).length} stories, filings ${hashes.join(' | ')}`);
  if (hashes.some((hash) => hash !== hashes[0])) throw new Error(`categorize-cost-ab: the checkouts file the ${name} stories differently`);
}

const times = inputs.map(() => checkouts.map(() => [] as number[]));
const ratios = inputs.map(() => checkouts.map(() => [] as number[]));
for (let run = 0; run < runs; run++) {
  // Each run starts with another checkout, so none is always first after a pause.
  const order = checkouts.map((_, index) => (index + run) % checkouts.length);
  const line: string[] = [];
  inputs.forEach(({ stories, input }, which) => {
    const round: number[] = [];
    for (const index of order) round[index] = fileAll(checkouts[index]!, stories(checkouts[index]!), input, repeat);
    round.forEach((ms, index) => {
      times[which]![index]!.push(ms);
      ratios[which]![index]!.push(ms / round[0]!);
    });
    line.push(round.map((ms) => `${Math.round(ms)} ms`).join(' | '));
  });
  console.log(`run ${run + 1}: ${line.join('   ')}`);
}
console.log(`${runs} runs alternating, each filing every story ${repeat} times; CPU ms, median:`);
inputs.forEach(({ name, stories }, which) => {
  checkouts.forEach((checkout, index) => {
    const ms = median(times[which]![index]!);
    const perStory = (ms * 1000) / (repeat * stories(checkout).length);
    console.log(`  ${name} ${checkout.root}: ${Math.round(ms)} ms (${perStory.toFixed(1)} µs a story), ${median(ratios[which]![index]!).toFixed(3)}× the first`);
  });
});
