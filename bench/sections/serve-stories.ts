/**
 * Section 5, story routes: `npm start`'s own service over a store of 20,000 synthetic stories (a
 * change log of as many), its feed route beside a story page, the story API, a search, and the change
 * stream as a partner polling every minute sees it (up to date: a 304 to the ETag it holds).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEFAULT_CONFIG_PATH } from '../../src/config/load-config.ts';
import type { BenchSize } from '../bench-size.ts';
import { median, round } from '../measure.ts';
import { startChild, type BenchChild } from '../processes/child-process.ts';
import type { ServeTargetReady } from '../processes/serve-target.ts';
import type { StoryStoreArgument, StoryStoreReady } from '../processes/story-store-child.ts';
import { SOURCE_IDS } from '../synthetic/make-stories.ts';
import { measure, serverCpuMicros, type LoadFigures } from './serve.ts';

const TARGET = new URL('../processes/serve-target.ts', import.meta.url);
const STORE_CHILD = new URL('../processes/story-store-child.ts', import.meta.url);
const SEED = 20261204;
/** A commune the synthetic articles name: a search with many pages of hits, as a reader's would have. */
export const SEARCH_QUERY = 'Kim Bôi';
const FEED = 'all.rss';

export type StoryRoute = 'feed' | 'feedNotModified' | 'storyPage' | 'storyApi' | 'search' | 'changesNotModified' | 'changes';

/** What each route is, in the report's order. */
export const STORY_ROUTES: readonly { route: StoryRoute; label: string }[] = [
  { route: 'feed', label: `feed \`/feeds/${FEED}\`, full body` },
  { route: 'feedNotModified', label: 'feed, 304' },
  { route: 'storyPage', label: 'story page `/stories/{id}`' },
  { route: 'storyApi', label: 'story API `/api/stories/{id}`' },
  { route: 'changesNotModified', label: 'changes, up to date, 304 (a partner polling)' },
  { route: 'changes', label: 'changes, up to date, no ETag sent' },
  // Last: its answers cost the most, and those still queued on the ingestion thread when a measure ends would delay the next route's.
  { route: 'search', label: `search \`/search?q=${SEARCH_QUERY}\`, page 1` },
];

export interface StoryRoutesResult {
  stories: number;
  changesHeld: number;
  connections: number;
  rounds: number;
  /** Medians over the rounds, with the server's CPU per answer. */
  routes: Record<StoryRoute, LoadFigures & { bytes: number }>;
  /** Partners polling once a minute that the 304 rate answers: req/s × 60. */
  partnersPerMinute: number;
}

interface RouteRequest {
  url: string;
  headers: Record<string, string>;
  status: number;
  bytes: number;
}

export async function benchStoryRoutes(size: BenchSize, log: (line: string) => void): Promise<StoryRoutesResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-stories-'));
  try {
    const configPath = await writeStoriesConfig(dir);
    const store = await startChild<StoryStoreReady>(STORE_CHILD, { configPath, stories: size.stories.count, seed: SEED, now: Date.now() } satisfies StoryStoreArgument);
    await store.child.stop();
    log(`  story routes: ${size.stories.count} stories, ${store.ready.changesHeld} changes held`);
    const { child, ready } = await startChild<ServeTargetReady>(TARGET, { kind: 'bantin', configPath, feedName: FEED });
    try {
      const requests = await routeRequests(ready, store.ready);
      const runs = new Map<StoryRoute, LoadFigures[]>();
      // One answer through the ingestion thread comes after every request still queued there.
      const settle = () => fetch(requests.changes.url).then((response) => response.arrayBuffer());
      for (const { route } of STORY_ROUTES) await warmUp(requests[route], size).then(settle);
      for (let round = 0; round < size.stories.rounds; round++) {
        for (const { route } of STORY_ROUTES) {
          runs.set(route, [...(runs.get(route) ?? []), await measureRoute(child, requests[route], size)]);
          await settle();
        }
        log(`  story routes round ${round + 1}: ${STORY_ROUTES.map(({ route }) => `${route} ${runs.get(route)!.at(-1)!.requestsPerSecond}`).join(', ')} (req/s)`);
      }
      const routes = Object.fromEntries(STORY_ROUTES.map(({ route }) => [route, { ...medianOf(runs.get(route)!), bytes: requests[route].bytes }])) as StoryRoutesResult['routes'];
      return {
        stories: size.stories.count,
        changesHeld: store.ready.changesHeld,
        connections: size.serve.connections,
        rounds: size.stories.rounds,
        routes,
        partnersPerMinute: Math.round(routes.changesNotModified.requestsPerSecond * 60),
      };
    } finally {
      await child.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The shipped categories and the synthetic stories' portals, none enabled: the service serves the store and fetches nothing. */
async function writeStoriesConfig(dir: string): Promise<string> {
  const shipped = JSON.parse(await readFile(DEFAULT_CONFIG_PATH, 'utf8')) as { categories: unknown[] };
  const file = path.join(dir, 'bantin.json');
  const sources = SOURCE_IDS.map((id, index) => ({ id, name: `Cổng thông tin ${index + 1}`, url: `http://127.0.0.1:9/${id}.rss`, enabled: false }));
  await writeFile(file, JSON.stringify({ port: 0, baseUrl: 'http://bantin.bench.example', store: 'db.json', outDir: 'feeds', categories: shipped.categories, sources }, null, 2));
  return file;
}

/** Each route's request, checked once: its status, its size and, for the conditional ones, the ETag a client would hold. */
async function routeRequests(ready: ServeTargetReady, store: StoryStoreReady): Promise<Record<StoryRoute, RouteRequest>> {
  const origin = new URL(ready.url).origin;
  const changes = `${origin}/api/changes?since=${store.next}`;
  const urls: Record<StoryRoute, [string, boolean]> = {
    feed: [ready.url, false],
    feedNotModified: [ready.url, true],
    storyPage: [`${origin}/stories/${store.slug}`, false],
    storyApi: [`${origin}/api/stories/${store.slug}`, false],
    search: [`${origin}/search?q=${encodeURIComponent(SEARCH_QUERY)}`, false],
    changesNotModified: [changes, true],
    changes: [changes, false],
  };
  const requests = {} as Record<StoryRoute, RouteRequest>;
  for (const [route, [url, conditional]] of Object.entries(urls) as [StoryRoute, [string, boolean]][]) {
    const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await first.arrayBuffer());
    if (first.status !== 200) throw new Error(`bench: ${url} answered ${first.status}`);
    const etag = first.headers.get('etag');
    if (conditional && !etag) throw new Error(`bench: ${url} gave no ETag`);
    // A search that finds nothing renders no list: not the page a reader waits for.
    if (route === 'search' && !body.includes('<ol class="headlines"')) throw new Error(`bench: ${url} found no story`);
    requests[route] = conditional ? { url, headers: { 'if-none-match': etag! }, status: 304, bytes: 0 } : { url, headers: {}, status: 200, bytes: body.length };
  }
  return requests;
}

async function warmUp(request: RouteRequest, size: BenchSize): Promise<void> {
  if (size.serve.requests !== undefined) return; // tiny runs check the bench works, not its figures
  await autocannon({ url: request.url, headers: request.headers, connections: size.serve.connections, duration: 1 });
}

async function measureRoute(child: BenchChild, request: RouteRequest, size: BenchSize): Promise<LoadFigures> {
  const before = await serverCpuMicros(child);
  const figures = await measure(request.url, request.headers, request.status, size);
  const after = await serverCpuMicros(child);
  const answers = Math.max(1, figures.expectedStatus + figures.other);
  return { ...figures, serverCpuUs: before === null || after === null ? null : round((after - before) / answers, 2) };
}

function medianOf(list: readonly LoadFigures[]): LoadFigures {
  const of = (pick: (figures: LoadFigures) => number, digits = 1) => round(median(list.map(pick)), digits);
  const cpu = list.map((figures) => figures.serverCpuUs);
  return {
    requestsPerSecond: of((figures) => figures.requestsPerSecond),
    p50Ms: of((figures) => figures.p50Ms, 2),
    p99Ms: of((figures) => figures.p99Ms, 2),
    expectedStatus: list.reduce((sum, figures) => sum + figures.expectedStatus, 0),
    other: list.reduce((sum, figures) => sum + figures.other, 0),
    serverCpuUs: cpu.every((value) => typeof value === 'number') ? of((figures) => figures.serverCpuUs!, 2) : null,
  };
}
