/** A config in a temp folder whose sources are the shipped demo feeds served over loopback HTTP. */
import { readFile, writeFile } from 'node:fs/promises';
import type { ServerResponse, IncomingMessage } from 'node:http';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH, REPO_ROOT } from '../../src/config/load-config.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

interface ShippedSource {
  id: string;
  name: string;
  file?: string;
  priority?: number;
  categoryMap?: Record<string, string>;
}

export interface DemoSetup {
  server: FixtureServer;
  configFile: string;
  /** Source id → path on the fixture server. */
  paths: Record<string, string>;
}

/** Serves a file with a stable ETag and honours If-None-Match, as a well-behaved portal does. */
export function serveFile(file: string, contentType: string) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readFile(file);
    const etag = `"${body.length}-${body.subarray(0, 64).toString('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag });
    res.end(body);
  };
}

/** Demo sources over HTTP, plus a `hong` source that always answers 500. */
export async function setUpDemo(dir: string, extra: Record<string, unknown> = {}): Promise<DemoSetup> {
  const shipped = JSON.parse(await readFile(DEFAULT_CONFIG_PATH, 'utf8')) as { categories: unknown[]; sources: ShippedSource[] };
  const routes: Record<string, ReturnType<typeof serveFile>> = {};
  const paths: Record<string, string> = {};
  for (const source of shipped.sources) {
    const file = path.resolve(REPO_ROOT, source.file!);
    paths[source.id] = `/${path.basename(file)}`;
    routes[paths[source.id]!] = serveFile(file, file.includes('atom') || source.id.includes('bao') ? 'application/atom+xml' : 'application/rss+xml; charset=utf-8');
  }
  routes['/hong.rss'] = async (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html' });
    res.end('<h1>Lỗi máy chủ</h1>');
  };
  const server = await startFixtureServer(routes);
  const sources = [
    ...shipped.sources.map(({ file: _file, ...source }) => ({ ...source, url: `${server.url}${paths[source.id]}` })),
    { id: 'cong-huyen-hong', name: 'Cổng thông tin huyện (hỏng)', url: `${server.url}/hong.rss` },
  ];
  const configFile = path.join(dir, 'bantin.json');
  await writeFile(configFile, JSON.stringify({ port: 0, categories: shipped.categories, sources, ...extra }, null, 2));
  return { server, configFile, paths };
}
