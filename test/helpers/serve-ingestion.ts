/** The real express app on 127.0.0.1:0 serving what one runIngestion produced, for tests that drive the pipeline with their own clock. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSilentLogger } from '../../src/logger.ts';
import type { Config } from '../../src/model/types.ts';
import type { IngestionResult } from '../../src/pipeline/run-ingestion.ts';
import { createApp } from '../../src/server/create-app.ts';
import { healthFromStore } from '../../src/server/serve-state.ts';
import { createStoryIndex } from '../../src/publish/story-lookup.ts';

export interface ServedIngestion {
  /** Origin without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

export async function serveIngestion(config: Config, result: IngestionResult): Promise<ServedIngestion> {
  const state = { config, catalog: result.catalog, health: healthFromStore(result.data), stories: createStoryIndex(result.data, config) };
  const app = createApp({ getState: () => state, logger: createSilentLogger() });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
