/**
 * The real service (`npm start`'s startService) over the demo portals, listening on a
 * loopback port chosen beforehand so that `baseUrl` is the address it is reached at: self
 * links match the location, and every link a client follows stays on 127.0.0.1.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startService, type RunningService } from '../../src/commands/serve-command.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { compareStoriesNewestFirst, representativeCopy } from '../../src/model/story.ts';
import type { Config, StoreData } from '../../src/model/types.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { setUpDemo, type DemoSetup } from './demo-config.ts';
import { findClosedPort } from './fixture-server.ts';

export interface DemoService {
  /** `http://127.0.0.1:<port>`, equal to the config's baseUrl. */
  base: string;
  config: Config;
  dir: string;
  demo: DemoSetup;
  service: RunningService;
  /** Stops the service and starts a new one on the same port, store and config; resolves after its start-up ingestion. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface DemoServiceOptions {
  /** Config keys to set (feedSize, schedule, websubHub, …). */
  config?: Record<string, unknown>;
  /** Sources added after the demo ones. */
  extraSources?: Record<string, unknown>[];
}

/** Starts the service and waits for its start-up ingestion. */
export async function startDemoService(options: DemoServiceOptions = {}): Promise<DemoService> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-service-'));
  const port = await findClosedPort();
  const base = `http://127.0.0.1:${port}`;
  const demo = await setUpDemo(dir, { port, baseUrl: base, ...options.config });
  if (options.extraSources) {
    const written = JSON.parse(await readFile(demo.configFile, 'utf8')) as { sources: unknown[] };
    written.sources.push(...options.extraSources);
    await writeFile(demo.configFile, JSON.stringify(written, null, 2));
  }
  const config = loadConfig(demo.configFile);
  const start = async () => {
    const service = await startService(config, createSilentLogger());
    await service.firstIngestion;
    return service;
  };
  const running: DemoService = {
    base,
    config,
    dir,
    demo,
    service: await start(),
    async restart() {
      await running.service.stop();
      running.service = await start();
    },
    async close() {
      await running.service.stop();
      await demo.server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return running;
}

export interface HeldStory {
  id: string;
  title: string;
  url: string;
  /** Names of the portals that carried it. */
  portals: string[];
}

/**
 * What bantin holds for a category, read from the store rather than from any feed: its
 * stories newest first, each with its representative copy's title and link.
 */
export async function heldStories(config: Config, categoryId: string): Promise<HeldStory[]> {
  const data: StoreData = await createLowdbStore(config.store).load();
  const sources = new Map(config.sources.map((source) => [source.id, source]));
  return data.stories
    .filter((story) => categoryId === 'all' || story.categories.includes(categoryId))
    .sort(compareStoriesNewestFirst)
    .map((story) => {
      const shown = representativeCopy(story, sources)!;
      const portals = [...new Set(story.copies.map((copy) => sources.get(copy.sourceId)?.name ?? copy.sourceId))];
      return { id: story.id, title: shown.title.normalize('NFC'), url: shown.url, portals };
    });
}

/** Every published category id, `all` included. */
export function categoryIds(config: Config): string[] {
  return [...config.categories.map((category) => category.id), 'all'];
}
