/**
 * The national section's processes: `npm start`'s own service (startService: HTTP here, ingestion on
 * its thread) on the PostgreSQL store, on 127.0.0.1, with no schedule (cycles run when the bench asks),
 * or `render`: a process that loads the store and renders the catalog once, cold, then exits.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/load-config.ts';
import { createSilentLogger } from '../../src/logger.ts';
import { startService } from '../../src/commands/serve-command.ts';
import { buildFeedCatalog } from '../../src/publish/feed-catalog.ts';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { childArgument, tellParent } from './child-process.ts';

const YEARLY = '0 0 1 1 *';

export interface NationalServiceArgument {
  mode: 'serve' | 'render';
  configPath: string;
  /** The category feed the bench loads or renders. */
  feedName: string;
}

export interface Memory {
  rssMB: number;
  peakRssMB: number;
}

/** `serve`: listening (the store read and the catalog built); then `first-cycle` when the start-up cycle is done. */
export interface ServiceReady extends Memory {
  url: string;
  startupMs: number;
}
export interface CycleDone extends Memory {
  ms: number;
  ok: boolean;
  error?: string;
}
export interface RenderReport extends Memory {
  loadMs: number;
  catalogMs: number;
  feedBytes: number;
  stories: number;
}

export type NationalCommand = { type: 'ingest' } | { type: 'memory' };

const argument = childArgument<NationalServiceArgument>();
const config = loadConfig(argument.configPath);

function memory(): Memory {
  return { rssMB: Math.round(process.memoryUsage().rss / 1e6), peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6) };
}

if (argument.mode === 'render') {
  // Cold: a process that has read nothing yet, as after a restart.
  const store = createPostgresStore(config.store);
  let start = performance.now();
  const data = await store.load();
  const loadMs = performance.now() - start;
  start = performance.now();
  const catalog = await buildFeedCatalog(data, config, new Date());
  const catalogMs = performance.now() - start;
  await store.close();
  tellParent({ loadMs, catalogMs, feedBytes: catalog.feeds.get(argument.feedName)?.body.length ?? 0, stories: data.stories.length, ...memory() } satisfies RenderReport);
  process.disconnect?.();
} else {
  const start = performance.now();
  const service = await startService({ ...config, port: 0, schedule: YEARLY }, createSilentLogger(), { host: '127.0.0.1' });
  const startupMs = performance.now() - start;
  const { port } = service.server.address() as AddressInfo;
  tellParent({ url: `http://127.0.0.1:${port}/feeds/${argument.feedName}`, startupMs, ...memory() } satisfies ServiceReady);
  const timedCycle = async (cycle: Promise<void>): Promise<CycleDone> => {
    const begin = performance.now();
    try {
      await cycle;
      const error = service.ingestion().lastCycle?.error ?? null;
      return { ms: performance.now() - begin, ok: error === null, ...(error === null ? {} : { error }), ...memory() };
    } catch (error) {
      return { ms: performance.now() - begin, ok: false, error: (error as Error).message, ...memory() };
    }
  };
  tellParent(await timedCycle(service.firstIngestion));
  process.on('message', (command: NationalCommand) => {
    if (command.type === 'memory') tellParent(memory());
    else void timedCycle(service.ingestNow()).then(tellParent);
  });
  const stop = () => void service.stop().finally(() => process.exit(0));
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
}
