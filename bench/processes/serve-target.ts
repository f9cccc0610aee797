/**
 * Section 5's servers, one per child process so the load generator never shares their event loop:
 * bantin as `npm start` runs it (startService: HTTP on this thread, ingestion on its own), two
 * baselines answering the same feed bytes from memory with nothing else — an express 5 route and
 * a bare node:http server —, and nginx serving the static copy in `outDir` (nginx-server.ts).
 * `bantin` can also run ingestion cycles back to back, as the schedule would, while it is measured.
 * Everything listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { startService } from '../../src/commands/serve-command.ts';
import { buildFeedCatalog, type PublishedFeed } from '../../src/publish/feed-catalog.ts';
import { feedCacheControl, feedMaxAgeSeconds } from '../../src/server/cache-policy.ts';
import { CORS_HEADERS } from '../../src/server/cors.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { childArgument, tellParent } from './child-process.ts';
import { startNginx, type RunningNginx } from './nginx-server.ts';

export type ServeTargetKind = 'bantin' | 'express' | 'node-http' | 'node-http-headers' | 'nginx';
const LOOPBACK = '127.0.0.1';
/** A schedule that does not come round during a bench (New Year's midnight): cycles run when the bench asks. */
const YEARLY = '0 0 1 1 *';

export interface ServeTargetArgument {
  kind: ServeTargetKind;
  configPath: string;
  feedName: string;
  /** The nginx binary, for kind `nginx`. */
  nginx?: string;
}

export interface ServeTargetReady {
  url: string;
  /** The ETag this server gives the feed (nginx makes its own from the file's size and time). */
  etag: string;
  bytes: number;
}

/**
 * Messages from the bench: start ingesting (portals publish before each cycle; the child says
 * `warmed` after a first cycle, unmeasured, so the merge cache is in its steady state), stop and
 * report; or say how much CPU the server has used so far (a CpuReport).
 */
export type ServeTargetCommand = { type: 'ingest'; publishUrl: string } | { type: 'stop-ingesting' } | { type: 'cpu' };
/** User + system CPU of the server process (nginx's own for nginx), in microseconds; null where it cannot be read. */
export interface CpuReport {
  cpuMicros: number | null;
}
export interface IngestingReport {
  firstCycleMs: number;
  cycles: number;
  cycleMs: number[];
}

const argument = childArgument<ServeTargetArgument>();
const config = loadConfig(argument.configPath);
let nginx: RunningNginx | undefined;
const service = argument.kind === 'bantin' ? await startService({ ...config, port: 0, schedule: YEARLY }, createSilentLogger(), { host: LOOPBACK }) : undefined;
// The start-up cycle (portals mostly answering 304) must not run while a load is measured.
await service?.firstIngestion;
tellParent(await startTarget());

async function startTarget(): Promise<ServeTargetReady> {
  if (argument.kind === 'nginx') return serveWithNginx(argument.nginx!);
  const feed = service ? await fetchServed(service.server, argument.feedName) : await storedFeed(argument.feedName);
  const server = service ? service.server : await listenBaseline(feed);
  const { port } = server.address() as AddressInfo;
  return { url: `http://${LOOPBACK}:${port}/feeds/${argument.feedName}`, etag: feed.etag, bytes: feed.body.length };
}

type ServedBytes = Pick<PublishedFeed, 'body' | 'etag' | 'contentType' | 'lastModified'>;

/** The baselines' whole work: a 304 for a conditional request, else the bytes. */
function listenBaseline(feed: ServedBytes): Promise<Server> {
  const answer = argument.kind === 'node-http-headers' ? answerWithHeaders(feed) : answerBare(feed);
  let server: Server;
  if (argument.kind === 'express') {
    const app = express();
    app.get(`/feeds/${argument.feedName}`, answer);
    server = createServer(app);
  } else {
    server = createServer(answer);
  }
  return new Promise((resolve) => server.listen(0, LOOPBACK, () => resolve(server)));
}

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

/** Status, Content-Type and the bytes: nothing a cache or a partner's script would need. */
function answerBare(feed: ServedBytes): Answer {
  return (req, res) => {
    const notModified = req.headers['if-none-match'] !== undefined;
    res.statusCode = notModified ? 304 : 200;
    if (!notModified) res.setHeader('Content-Type', feed.contentType);
    res.end(notModified ? undefined : feed.body);
  };
}

/**
 * The headers bantin sends for the identity encoding (validators, Cache-Control, Vary, CORS), written
 * ready-made: the bare server answering bantin's exact response, to tell the cost of the answer from
 * the cost of getting to it. serve.ts checks that the two answers match.
 */
function answerWithHeaders(feed: ServedBytes): Answer {
  const notModified = [
    'Cache-Control', feedCacheControl(feedMaxAgeSeconds(YEARLY, config.timezone)),
    'Last-Modified', feed.lastModified.toUTCString(),
    'ETag', feed.etag,
    'Vary', 'Accept-Encoding',
    ...Object.entries(CORS_HEADERS).flat(),
  ];
  const full = ['Content-Type', feed.contentType, 'Content-Length', String(feed.body.length), ...notModified];
  return (req, res) => {
    if (req.headers['if-none-match'] !== undefined) {
      res.writeHead(304, notModified);
      res.end();
    } else {
      res.writeHead(200, full);
      res.end(feed.body);
    }
  };
}

/** nginx on the static copy `npm run ingest` wrote to outDir, with the max-age bantin gives it here. */
async function serveWithNginx(binary: string): Promise<ServeTargetReady> {
  nginx = await startNginx(binary, config.outDir, feedMaxAgeSeconds(YEARLY, config.timezone));
  const url = `${nginx.feedsUrl}${argument.feedName}`;
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { url, etag: response.headers.get('etag')!, bytes };
}

/** The feed as bantin would publish it from the stored data, for the baselines to serve. */
async function storedFeed(name: string): Promise<ServedBytes> {
  const data = await createLowdbStore(config.store).load();
  const catalog = await buildFeedCatalog({ ...data, feeds: structuredClone(data.feeds) }, config, new Date());
  return catalog.feeds.get(name)!;
}

/** The feed as the running service answers it (identity encoding), with its ETag. */
async function fetchServed(running: Server, name: string): Promise<ServedBytes> {
  const { port } = running.address() as AddressInfo;
  const response = await fetch(`http://${LOOPBACK}:${port}/feeds/${name}`, { headers: { 'accept-encoding': 'identity' } });
  const { headers } = response;
  return { body: Buffer.from(await response.arrayBuffer()), etag: headers.get('etag')!, contentType: headers.get('content-type')!, lastModified: new Date(headers.get('last-modified')!) };
}

let ingesting = false;
process.on('message', (command: ServeTargetCommand) => {
  if (command.type === 'cpu') return void cpuMicros().then((micros) => tellParent({ cpuMicros: micros } satisfies CpuReport));
  if (command.type === 'stop-ingesting') {
    ingesting = false;
    return;
  }
  void ingestLoop(command.publishUrl);
});

async function cpuMicros(): Promise<number | null> {
  if (nginx) return nginx.cpuMicros();
  const used = process.cpuUsage();
  return used.user + used.system;
}

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

/** Ends nginx with this process, so no server outlives the bench. */
async function exit(): Promise<never> {
  await nginx?.stop();
  process.exit(0);
}
process.on('disconnect', () => void exit());
process.on('SIGTERM', () => void exit());
