/**
 * Section 5's servers, one per child process so the load generator never shares their event loop:
 * bantin as `npm start` runs it (startService: HTTP on this thread, ingestion on its own), and two baselines answering the
 * same feed bytes from memory with nothing else: an express 5 route and a bare node:http server.
 * `bantin` can also run ingestion cycles back to back, as the schedule would, while it is measured.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { startService } from '../../src/commands/serve-command.ts';
import { buildFeedCatalog, type PublishedFeed } from '../../src/publish/feed-catalog.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { childArgument, tellParent } from './child-process.ts';

export type ServeTargetKind = 'bantin' | 'express' | 'node-http';
/** A schedule that does not come round during a bench (New Year's midnight): cycles run when the bench asks. */
const YEARLY = '0 0 1 1 *';

export interface ServeTargetArgument {
  kind: ServeTargetKind;
  configPath: string;
  feedName: string;
}

export interface ServeTargetReady {
  url: string;
  etag: string;
  bytes: number;
  /** bantin only: the newest story's page, and a search for the first two words of its title. */
  storyUrl?: string;
  searchUrl?: string;
}

/**
 * Messages from the bench: start ingesting (portals publish before each cycle; the child says
 * `warmed` after a first cycle, unmeasured, so the merge cache is in its steady state), stop and report.
 */
export type ServeTargetCommand = { type: 'ingest'; publishUrl: string } | { type: 'stop-ingesting' };
export interface IngestingReport {
  firstCycleMs: number;
  cycles: number;
  cycleMs: number[];
}

const argument = childArgument<ServeTargetArgument>();
const config = loadConfig(argument.configPath);
const service = argument.kind === 'bantin' ? await startService({ ...config, port: 0, schedule: YEARLY }, createSilentLogger()) : undefined;
// The start-up cycle (portals mostly answering 304) must not run while a load is measured.
await service?.firstIngestion;
const feed = service ? await fetchServed(service.server, argument.feedName) : await storedFeed(argument.feedName);

/** The baselines' whole work: a 304 for a conditional request, else the bytes. */
function answer(ifNoneMatch: string | undefined, end: (status: number, body?: Buffer) => void): void {
  if (ifNoneMatch !== undefined) end(304);
  else end(200, feed.body);
}

let server: Server;
if (service) {
  server = service.server;
} else if (argument.kind === 'express') {
  const app = express();
  app.get(`/feeds/${argument.feedName}`, (req, res) =>
    answer(req.headers['if-none-match'], (status, body) => {
      res.statusCode = status;
      if (body) res.setHeader('Content-Type', feed.contentType);
      res.end(body);
    }),
  );
  server = app.listen(0, '127.0.0.1');
} else {
  server = createServer((req, res) =>
    answer(req.headers['if-none-match'], (status, body) => {
      res.statusCode = status;
      if (body) res.setHeader('Content-Type', feed.contentType);
      res.end(body);
    }),
  ).listen(0, '127.0.0.1');
}

const tellReady = async () => {
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  tellParent({ url: `${origin}/feeds/${argument.feedName}`, etag: feed.etag, bytes: feed.body.length, ...(service ? await storyAddresses(origin) : {}) } satisfies ServeTargetReady);
};

/** The newest story's page and a search that finds it; the search is asked once first, so its index is built before a load is measured. */
async function storyAddresses(origin: string): Promise<Pick<ServeTargetReady, 'storyUrl' | 'searchUrl'>> {
  const newest = ((await (await fetch(`${origin}/feeds/all.json`)).json()) as { items: { id: string; title: string }[] }).items[0]!;
  const words = newest.title.split(/\s+/).slice(0, 2).join(' ');
  const searchUrl = `${origin}/search?q=${encodeURIComponent(words)}`;
  await (await fetch(searchUrl)).arrayBuffer();
  return { storyUrl: `${origin}/stories/${newest.id.replace(/^urn:uuid:/, '')}`, searchUrl };
}
if (server.listening) void tellReady();
else server.on('listening', () => void tellReady());

/** The feed as bantin would publish it from the stored data, for the baselines to serve. */
async function storedFeed(name: string): Promise<Pick<PublishedFeed, 'body' | 'etag' | 'contentType'>> {
  const data = await createLowdbStore(config.store).load();
  const catalog = await buildFeedCatalog({ ...data, feeds: structuredClone(data.feeds) }, config, new Date());
  return catalog.feeds.get(name)!;
}

/** The feed as the running service answers it (identity encoding), with its ETag. */
async function fetchServed(running: Server, name: string): Promise<Pick<PublishedFeed, 'body' | 'etag' | 'contentType'>> {
  const { port } = running.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/feeds/${name}`, { headers: { 'accept-encoding': 'identity' } });
  return { body: Buffer.from(await response.arrayBuffer()), etag: response.headers.get('etag')!, contentType: response.headers.get('content-type')! };
}

let ingesting = false;
process.on('message', (command: ServeTargetCommand) => {
  if (command.type === 'stop-ingesting') {
    ingesting = false;
    return;
  }
  void ingestLoop(command.publishUrl);
});

/**
 * Cycles as the schedule runs them, one after another, through `npm start`'s own service (its
 * ingestion thread): portals publish a few stories, the service ingests and swaps what it serves.
 */
async function ingestLoop(publishUrl: string): Promise<void> {
  ingesting = true;
  const cycle = async () => {
    await fetch(publishUrl, { method: 'POST' });
    const start = performance.now();
    await service!.ingestNow();
    return performance.now() - start;
  };
  const firstCycleMs = await cycle();
  tellParent('warmed');
  const cycleMs: number[] = [];
  while (ingesting) cycleMs.push(await cycle());
  tellParent({ firstCycleMs, cycles: cycleMs.length, cycleMs } satisfies IngestingReport);
}

process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
