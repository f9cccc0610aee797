/** A config in a temp folder whose sources are the shipped demo sources served over loopback HTTP. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
  html?: object;
  fullText?: boolean;
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

/**
 * Demo sources over HTTP, plus a `hong` source that always answers 500. An HTML source's folder is served
 * whole (list and article pages); a fullText feed stays a local file, since its items' links are relative
 * to it and would otherwise resolve against its channel's (non-existent) site.
 */
export async function setUpDemo(dir: string, extra: Record<string, unknown> = {}): Promise<DemoSetup> {
  const shipped = JSON.parse(await readFile(DEFAULT_CONFIG_PATH, 'utf8')) as { categories: unknown[]; sources: ShippedSource[] };
  const routes: Record<string, ReturnType<typeof serveFile>> = {};
  const paths: Record<string, string> = {};
  const local = new Set(shipped.sources.filter((source) => source.fullText).map((source) => source.id));
  for (const source of shipped.sources) {
    const file = path.resolve(REPO_ROOT, source.file!);
    if (local.has(source.id)) continue;
    if (source.html !== undefined) {
      const folder = path.basename(path.dirname(file));
      for (const name of await readdir(path.dirname(file))) routes[`/${folder}/${name}`] = serveFile(path.join(path.dirname(file), name), 'text/html; charset=utf-8');
      paths[source.id] = `/${folder}/${path.basename(file)}`;
      continue;
    }
    paths[source.id] = `/${path.basename(file)}`;
    routes[paths[source.id]!] = serveFile(file, file.includes('atom') || source.id.includes('bao') ? 'application/atom+xml' : 'application/rss+xml; charset=utf-8');
  }
  routes['/hong.rss'] = async (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html' });
    res.end('<h1>Lỗi máy chủ</h1>');
  };
  const server = await startFixtureServer(routes);
  const sources = [
    ...shipped.sources.map(({ file, ...source }) =>
      local.has(source.id) ? { ...source, file: path.resolve(REPO_ROOT, file!) } : { ...source, url: `${server.url}${paths[source.id]}` },
    ),
    { id: 'cong-huyen-hong', name: 'Cổng thông tin huyện (hỏng)', url: `${server.url}/hong.rss` },
  ];
  const configFile = path.join(dir, 'bantin.json');
  await writeFile(configFile, JSON.stringify({ port: 0, hostDelaySeconds: 0, categories: shipped.categories, sources, ...extra }, null, 2));
  return { server, configFile, paths };
}
