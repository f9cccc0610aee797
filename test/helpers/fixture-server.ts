/** A real node:http server on 127.0.0.1:0 for tests that fetch: one handler, or a table of handlers by path. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FixtureHandler = (req: IncomingMessage, res: ServerResponse) => unknown;
/** Path (without query) → handler; unknown paths answer 404. */
export type FixtureRoutes = Readonly<Record<string, FixtureHandler>>;

export interface RecordedRequest {
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface FixtureServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Destroys open connections (stalled responses included) and stops listening; once, however often called. */
  close(): Promise<void>;
}

/** Servers started and not closed yet, for closeFixtureServers. */
const openServers = new Set<FixtureServer>();

/** Closes every fixture server still open: `afterEach(closeFixtureServers)` in a file whose tests each start their own. */
export async function closeFixtureServers(): Promise<void> {
  await Promise.all([...openServers].map((server) => server.close()));
}

/** Where to listen: another loopback address (127.0.0.2, ::1) or a given port; 127.0.0.1 and a free port by default. */
export interface FixtureListen {
  host?: string;
  port?: number;
}

/** Starts the server; call close() (or closeFixtureServers) in afterEach/afterAll so no socket outlives the test. */
export async function startFixtureServer(handler: FixtureHandler | FixtureRoutes, listen: FixtureListen = {}): Promise<FixtureServer> {
  const host = listen.host ?? '127.0.0.1';
  if (!/^(127\.\d+\.\d+\.\d+|::1)$/.test(host)) throw new Error(`fixture servers listen on loopback only, not ${host}`);
  const requests: RecordedRequest[] = [];
  const handle = typeof handler === 'function' ? handler : routeTable(handler);
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, at: performance.now() });
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const fixture: FixtureServer = {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    requests,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        openServers.delete(fixture);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })),
  };
  openServers.add(fixture);
  return fixture;
}

function routeTable(routes: FixtureRoutes): FixtureHandler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture').pathname;
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (route !== undefined) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function findClosedPort(): Promise<number> {
  const server = await startFixtureServer(() => undefined);
  await server.close();
  return Number(new URL(server.url).port);
}
