/**
 * Issue 15's search as a way to slow the service on purpose: searches run on the ingestion thread,
 * in one queue with story pages, `/api/changes` and ingestion. A burst of costly searches (common
 * syllables in a phrase no story holds: every story checked) must leave a story page waiting behind a
 * few of them at most, /healthz answering, and the excess turned away with 503 and Retry-After.
 * Counted, not timed: the searches answered while the story page waited are the work queued ahead of it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoryCorpus, makeStoredStories, SOURCE_IDS } from '../../bench/synthetic/make-stories.ts';
import { startService, type RunningService } from '../../src/commands/serve-command.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { STORE_SCHEMA_VERSION, type StoreData } from '../../src/model/types.ts';
import { categoryRulesFingerprint } from '../../src/pipeline/categorize/categorize-story.ts';
import { recordChanges } from '../../src/pipeline/record-changes.ts';
import { MAX_QUERY_LENGTH, MAX_QUERY_SYLLABLES } from '../../src/publish/story-lookup.ts';
import { MAX_SEARCHES_RUNNING, MAX_SEARCHES_WAITING } from '../../src/server/story-routes.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { findClosedPort } from '../helpers/fixture-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const STORIES = 3_000;
const BURST = 80;
// Syllables nearly every synthetic article holds, in an order none does: each search checks the phrase on every story.
const COSTLY_QUERY = 'trong của đồng';

let service: RunningService;
let base: string;
let slug: string;

beforeAll(async () => {
  const dir = await makeTempDir();
  const port = await findClosedPort();
  base = `http://127.0.0.1:${port}`;
  const configFile = path.join(dir, 'bantin.json');
  const sources = SOURCE_IDS.map((id) => ({ id, name: `Cổng ${id}`, url: 'http://127.0.0.1:9/rss', enabled: false }));
  const categories = [{ id: 'an-ninh-trat-tu', title: 'An ninh trật tự', keywords: ['trộm'] }];
  await writeFile(configFile, JSON.stringify({ port, baseUrl: base, schedule: '0 0 1 1 *', store: 'db.json', outDir: 'feeds', categories, sources }));
  const config = loadConfig(configFile);
  const stories = makeStoredStories(createStoryCorpus(20261204), STORIES, Date.now(), 60);
  const data: StoreData = { schemaVersion: STORE_SCHEMA_VERSION, stories, sources: {}, tombstones: {}, feeds: {} };
  // The rules the stories were filed by, so the start-up cycle re-files nothing.
  data.categoryRules = categoryRulesFingerprint(config.categories, config.sources);
  data.changes = recordChanges(undefined, { created: stories.map((story) => story.id), updated: [], merged: [], removed: [] }, new Date().toISOString());
  await createLowdbStore(config.store).save(data);
  slug = stories[0]!.id.slice('urn:uuid:'.length);
  service = await startService(config, createSilentLogger());
  await service.firstIngestion;
  // The first search indexes the stories; a burst is about what comes after.
  expect((await fetch(`${base}/search?q=${encodeURIComponent(COSTLY_QUERY)}`)).status).toBe(200);
}, 180_000);

afterAll(() => service?.stop());

const connections = () => new Promise<number>((resolve, reject) => service.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

interface Answer {
  status: number;
  retryAfter: string | null;
}

describe('a burst of searches', () => {
  it('holds a story page behind a few searches at most, leaves /healthz answering, and turns the excess away with 503', async () => {
    let searchesAnswered = 0;
    const search = async (): Promise<Answer> => {
      const response = await fetch(`${base}/search?q=${encodeURIComponent(COSTLY_QUERY)}`);
      await response.arrayBuffer();
      if (response.status === 200) searchesAnswered++;
      return { status: response.status, retryAfter: response.headers.get('retry-after') };
    };
    /** The page's status and how many searches were answered while it waited: the searches queued ahead of it. */
    const waitedBehind = async (url: string) => {
      const before = searchesAnswered;
      const started = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      return { status: response.status, searches: searchesAnswered - before, ms: Math.round(performance.now() - started) };
    };

    const alone = await waitedBehind(`${base}/stories/${slug}`);
    const burst = Array.from({ length: BURST }, search);
    // Every search of the burst has reached the service before the story page is asked for.
    for (let tries = 0; tries < 200 && (await connections()) < BURST; tries++) await delay(10);
    await delay(50);
    const [page, health] = await Promise.all([waitedBehind(`${base}/stories/${slug}`), waitedBehind(`${base}/healthz`)]);
    const answers = await Promise.all(burst);
    // Not asserted (times on a shared machine): for the report.
    console.log(`story page alone ${alone.ms} ms; during the burst ${page.ms} ms behind ${page.searches} searches; /healthz ${health.ms} ms; ${answers.filter((a) => a.status === 503).length} of ${BURST} searches turned away`);

    expect(page.status).toBe(200);
    expect(health.status).toBe(200);
    // Those running when it arrived, and at most one answered in the same instant it was.
    expect(page.searches).toBeLessThanOrEqual(MAX_SEARCHES_RUNNING + 1);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(BURST - MAX_SEARCHES_RUNNING - MAX_SEARCHES_WAITING);
    for (const answer of refused) expect(answer.retryAfter).toMatch(/^\d+$/);
  }, 120_000);
});

describe('a query too long to be a search', () => {
  it('is refused with 400 and a page that says why, by characters and by syllables', async () => {
    const longest = 'ma túy '.repeat(MAX_QUERY_SYLLABLES / 2).trim();
    expect((await fetch(`${base}/search?q=${encodeURIComponent(longest)}`)).status).toBe(200);
    for (const query of [`${longest} ma`, 'á'.repeat(MAX_QUERY_LENGTH + 1)]) {
      const response = await fetch(`${base}/search?q=${encodeURIComponent(query)}`);
      expect(response.status, query.slice(0, 20)).toBe(400);
      expect(await response.text()).toContain(`tối đa ${MAX_QUERY_LENGTH} ký tự và ${MAX_QUERY_SYLLABLES} tiếng`);
    }
  });
});
