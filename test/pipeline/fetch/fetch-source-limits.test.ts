// fetchSource's limits against a real local server: deadlines, size caps, redirects, refused connections.
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../../src/errors.ts';
import { fetchSource, type FetchOptions } from '../../../src/pipeline/fetch/fetch-source.ts';
import { closeFixtureServers, findClosedPort, startFixtureServer, type FixtureHandler, type FixtureServer } from '../../helpers/fixture-server.ts';
import { rejectionOf } from '../../helpers/rejection.ts';

const OPTIONS: FetchOptions = { timeoutMs: 300, maxBytes: 1_000_000, userAgent: 'bantin/test' };
const RSS = '<rss version="2.0"><channel><title>Công an tỉnh</title></channel></rss>';

let server: FixtureServer | undefined;
afterEach(closeFixtureServers);

function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  return rejectionOf(promise, FetchError);
}

/** Redirects /r/N to /r/N-1 and /r/0 to the feed. */
function redirectChain(): FixtureHandler {
  return (req, res) => {
    const hops = Number(/^\/r\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
    if (hops > 0) res.writeHead(302, { location: `/r/${hops - 1}` }).end();
    else if (hops === 0) res.writeHead(301, { location: '/feed' }).end();
    else res.end(RSS);
  };
}

describe('fetchSource deadline', () => {
  it('times out when the server never answers', async () => {
    server = await startFixtureServer(() => undefined);
    const error = await failureOf(fetchSource({ url: server.url }, OPTIONS));
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'timed out after 0.3 s' });
  });

  it('times out when the server sends headers and then stalls the body', async () => {
    server = await startFixtureServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
    });
    const started = Date.now();
    const error = await failureOf(fetchSource({ url: server.url }, OPTIONS));
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'timed out after 0.3 s' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('words whole seconds as the operator configured them', async () => {
    server = await startFixtureServer(() => undefined);
    const pending = failureOf(fetchSource({ url: server.url }, { ...OPTIONS, timeoutMs: 1_000 }));
    expect((await pending).message).toBe('timed out after 1 s');
  });
});

describe('fetchSource size cap', () => {
  it('abandons an endless body once it passes maxBytes, so memory stays bounded', async () => {
    let sent = 0;
    server = await startFixtureServer((_req, res) => {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      pump();
    });
    const error = await failureOf(fetchSource({ url: server.url }, { ...OPTIONS, timeoutMs: 10_000 }));
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: 'larger than 1000000 bytes' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sentAfterAbort = sent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toBe(sentAfterAbort); // the connection is closed: the server stopped writing
    expect(sent).toBeLessThan(16_000_000);
  });

  it('rejects a declared Content-Length over the cap before reading the body', async () => {
    server = await startFixtureServer((_req, res) => {
      res.writeHead(200, { 'content-length': '20000000' });
      res.write('<rss>'); // then stalls: only the up-front check can answer before the deadline
    });
    const error = await failureOf(fetchSource({ url: server.url }, { ...OPTIONS, timeoutMs: 5_000 }));
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: 'larger than 1000000 bytes' });
  });
});

describe('fetchSource redirects', () => {
  it('follows a chain of five redirects and reports the final url', async () => {
    server = await startFixtureServer(redirectChain());
    const result = await fetchSource({ url: `${server.url}/r/4` }, OPTIONS);
    expect(result).toMatchObject({ kind: 'body', body: Buffer.from(RSS), finalUrl: `${server.url}/feed` });
    expect(server.requests.every((r) => r.headers['user-agent'] === 'bantin/test')).toBe(true);
  });

  it('gives up after five redirects', async () => {
    server = await startFixtureServer(redirectChain());
    const error = await failureOf(fetchSource({ url: `${server.url}/r/5` }, OPTIONS));
    expect(error).toMatchObject({ code: 'REDIRECT', message: 'too many redirects (more than 5)' });
    expect(server.requests).toHaveLength(6);
  });

  it.each([
    { chain: '301', statuses: [301], movedTo: '/feed' },
    { chain: '308', statuses: [308], movedTo: '/feed' },
    { chain: '301 then 302', statuses: [301, 302], movedTo: '/hop/1' },
    { chain: '308 then 301', statuses: [308, 301], movedTo: '/feed' },
    { chain: '302', statuses: [302], movedTo: undefined },
    { chain: '307 then 301', statuses: [307, 301], movedTo: undefined },
  ])('reports where a $chain redirect permanently moved the source', async ({ statuses, movedTo }) => {
    const routes: Record<string, FixtureHandler> = { '/feed': (_req, res) => res.end(RSS) };
    statuses.forEach((status, i) => {
      const next = i + 1 < statuses.length ? `/hop/${i + 1}` : '/feed';
      routes[`/hop/${i}`] = (_req, res) => res.writeHead(status, { location: next }).end();
    });
    server = await startFixtureServer(routes);
    const result = await fetchSource({ url: `${server.url}/hop/0` }, OPTIONS);
    expect(result.movedTo).toBe(movedTo === undefined ? undefined : `${server.url}${movedTo}`);
  });

  it('reports a permanent move on a 304 too', async () => {
    server = await startFixtureServer({
      '/old': (_req, res) => res.writeHead(301, { location: '/new' }).end(),
      '/new': (_req, res) => res.writeHead(304).end(),
    });
    expect(await fetchSource({ url: `${server.url}/old` }, { ...OPTIONS, etag: '"v1"' })).toEqual({ kind: 'not-modified', movedTo: `${server.url}/new` });
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    server = await startFixtureServer((_req, res) => res.writeHead(302, { location: 'ftp://example.org/feed.xml' }).end());
    const error = await failureOf(fetchSource({ url: server.url }, OPTIONS));
    expect(error).toMatchObject({ code: 'REDIRECT', message: 'redirect to unsupported scheme ftp:' });
  });
});

describe('fetchSource network failures', () => {
  it('names the cause when the connection is refused', async () => {
    const port = await findClosedPort();
    const error = await failureOf(fetchSource({ url: `http://127.0.0.1:${port}/rss` }, OPTIONS));
    expect(error).toMatchObject({ code: 'NETWORK', message: 'connection refused' });
  });
});
