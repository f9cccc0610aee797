/**
 * Section 5's servers, one per child process so the load generator never shares their event loop:
 * bantin's own app (createApp, state built as `npm start` builds it), and two baselines answering the
 * same feed bytes from memory with nothing else: an express 5 route and a bare node:http server.
 * `bantin` can also run ingestion cycles back to back, as the schedule would, while it is measured.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { createMergeCache } from '../../src/pipeline/merge/merge-cache.ts';
import { runIngestion } from '../../src/pipeline/run-ingestion.ts';
import { buildFeedCatalog } from '../../src/publish/feed-catalog.ts';
import { createApp } from '../../src/server/create-app.ts';
import { healthFromStore, type ServeState } from '../../src/server/serve-state.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { childArgument, tellParent } from './child-process.ts';

export type ServeTargetKind = 'bantin' | 'express' | 'node-http';

export interface ServeTargetArgument {
  kind: ServeTargetKind;
  configPath: string;
  feedName: string;
}

export interface ServeTargetReady {
  url: string;
  etag: string;
  bytes: number;
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
const store = createLowdbStore(config.store);
const data = await store.load();
// As serve-command's stateFrom: validators of a copy, so building the view never moves Last-Modified.
let state: ServeState = { config, catalog: await buildFeedCatalog({ ...data, feeds: structuredClone(data.feeds) }, config, new Date()), health: healthFromStore(data) };
const feed = state.catalog.feeds.get(argument.feedName)!;

/** The baselines' whole work: a 304 for a conditional request, else the bytes. */
function answer(ifNoneMatch: string | undefined, end: (status: number, body?: Buffer) => void): void {
  if (ifNoneMatch !== undefined) end(304);
  else end(200, feed.body);
}

let server: Server;
if (argument.kind === 'bantin') {
  server = createApp({ getState: () => state, logger: createSilentLogger() }).listen(0, '127.0.0.1');
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

server.on('listening', () => {
  const { port } = server.address() as AddressInfo;
  tellParent({ url: `http://127.0.0.1:${port}/feeds/${argument.feedName}`, etag: feed.etag, bytes: feed.body.length } satisfies ServeTargetReady);
});

let ingesting = false;
process.on('message', (command: ServeTargetCommand) => {
  if (command.type === 'stop-ingesting') {
    ingesting = false;
    return;
  }
  void ingestLoop(command.publishUrl);
});

/** Cycles as the schedule runs them, one after another: portals publish a few stories, bantin ingests, the state is swapped. */
async function ingestLoop(publishUrl: string): Promise<void> {
  ingesting = true;
  const mergeCache = createMergeCache();
  const cycle = async () => {
    await fetch(publishUrl, { method: 'POST' });
    const start = performance.now();
    const result = await runIngestion({ config, store, logger: createSilentLogger(), mode: 'due', mergeCache, previousCatalog: state.catalog, saveWhenOnlyHealthChanged: false });
    state = { config, catalog: result.catalog, health: healthFromStore(result.data) };
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
