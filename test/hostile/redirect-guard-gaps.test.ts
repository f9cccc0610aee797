// Replays SSRF through a public portal's redirect: DNS that answers the guard with a public address and the socket with loopback (rebinding), and targets in special ranges a hand-kept list missed.
//
// Only loopback is ever reached. 127.0.0.2 stands in for a public address (the injected classifier says so);
// a "trap" server listens wherever the system resolves `localhost` (127.0.0.1, maybe ::1): reaching it means a
// socket went to loopback behind the guard's back. Special-range addresses are only ever answered by the
// injected resolver and must be refused before any socket is opened; on the code before the fix the socket
// resolved `localhost` itself and so landed in the trap, never on those addresses.
import { lookup } from 'node:dns/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.ts';
import { fetchSource, type FetchOptions } from '../../src/pipeline/fetch/fetch-source.ts';
import { isPrivateAddress } from '../../src/pipeline/fetch/address-ranges.ts';
import { startFixtureServer, type FixtureHandler, type FixtureServer } from '../helpers/fixture-server.ts';
import { rejectionOf } from '../helpers/rejection.ts';

const RSS = '<rss version="2.0"><channel><title>Cổng thông tin tỉnh Hòa Bình</title></channel></rss>';
const PUBLIC_STAND_IN = '127.0.0.2';
const OPTIONS: FetchOptions = {
  timeoutMs: 3_000,
  maxBytes: 1_000_000,
  userAgent: 'bantin/test',
  isPrivateAddress: (address) => address !== PUBLIC_STAND_IN && isPrivateAddress(address),
};

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: FixtureHandler | Record<string, FixtureHandler>, host: string, port?: number): Promise<FixtureServer> {
  const server = await startFixtureServer(handler, { host, ...(port !== undefined && { port }) });
  servers.push(server);
  return server;
}

/** Servers on every address the system resolves `localhost` to, all on one port; any request they get is a breach. */
async function startLocalhostTrap(): Promise<{ port: number; requests: () => string[] }> {
  const addresses = [...new Set((await lookup('localhost', { all: true })).map((entry) => entry.address))];
  expect(addresses.every((address) => address === '::1' || address.startsWith('127.'))).toBe(true);
  const trapHandler: FixtureHandler = (_req, res) => res.end('<rss version="2.0"><channel><title>máy nội bộ</title></channel></rss>');
  const first = await serve(trapHandler, addresses[0]!);
  const port = Number(new URL(first.url).port);
  const rest = await Promise.all(addresses.slice(1).map((address) => serve(trapHandler, address, port)));
  return { port, requests: () => [first, ...rest].flatMap((server) => server.requests.map((request) => request.url)) };
}

/** The trap, and an honest server on the public stand-in at the same port (retried: the port must be free on both). */
async function startTrapAndHonestServer(): Promise<{ port: number; trapRequests: () => string[]; honest: FixtureServer }> {
  for (let attempt = 1; ; attempt++) {
    const trap = await startLocalhostTrap();
    try {
      const honest = await serve({ '/start': (_req, res) => res.writeHead(302, { location: '/feed' }).end(), '/feed': (_req, res) => res.end(RSS) }, PUBLIC_STAND_IN, trap.port);
      return { port: trap.port, trapRequests: trap.requests, honest };
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

describe('isPrivateAddress on the ranges a hand list missed', () => {
  it.each([
    ['198.18.0.1', 'benchmarking 198.18.0.0/15'],
    ['198.19.255.254', 'benchmarking 198.18.0.0/15'],
    ['192.0.0.8', 'IETF protocol assignments 192.0.0.0/24'],
    ['192.0.0.170', 'NAT64 discovery in 192.0.0.0/24'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast (SSDP)'],
    ['240.0.0.1', 'reserved 240.0.0.0/4'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
    ['64:ff9b::10.0.0.1', 'NAT64 of a private address, dotted'],
    ['64:ff9b:1::cb71:8301', 'local-use NAT64 64:ff9b:1::/48'],
    ['2002:7f00:1::1', '6to4 of 127.0.0.1'],
    ['2002:a9fe:a9fe::', '6to4 of the metadata address'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['::7f00:1', 'IPv4-compatible 127.0.0.1'],
    ['::127.0.0.1', 'IPv4-compatible 127.0.0.1, dotted'],
    ['::a9fe:a9fe', 'IPv4-compatible metadata address'],
    ['::ffff:0:7f00:1', 'IPv4-translated 127.0.0.1'],
    ['::ffff:198.18.0.1', 'IPv4-mapped benchmarking'],
    ['fec0::1', 'site-local fec0::/10'],
    ['ff02::1', 'IPv6 multicast'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['100::1', 'IPv6 discard'],
    ['2001::1', 'Teredo'],
  ])('refuses %s (%s)', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    ['203.113.131.1', 'a Vietnamese portal address'],
    ['14.225.0.1', 'a Vietnamese hosting address'],
    ['2402:800:6314::1', 'a Vietnamese IPv6 address'],
    ['::ffff:203.113.131.1', 'IPv4-mapped public'],
    ['64:ff9b::cb71:8301', 'NAT64 of a public address (an IPv6-only host reaching an IPv4 portal)'],
    ['2002:cb71:8301::1', '6to4 of a public address'],
  ])('accepts %s (%s)', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('a redirect from a public source to a name in a special range', () => {
  it.each(['64:ff9b::7f00:1', '2002:7f00:1::1', '::7f00:1', '::ffff:0:7f00:1', '198.18.0.1', '192.0.0.8', '224.0.0.1', 'fec0::1'])(
    'is refused before any socket is opened when the name resolves to %s',
    async (address) => {
      const trap = await startLocalhostTrap();
      const target = `http://localhost:${trap.port}/feed`;
      const origin = await serve({ '/start': (_req, res) => res.writeHead(302, { location: target }).end() }, PUBLIC_STAND_IN);
      const resolveHost = async (host: string): Promise<string[]> => (host === 'localhost' ? [address] : [host]);
      const error = await rejectionOf(fetchSource({ url: `${origin.url}/start` }, { ...OPTIONS, resolveHost }), FetchError);
      expect(error).toMatchObject({ code: 'REDIRECT', message: `redirect to a private address refused: ${target}` });
      expect(trap.requests()).toEqual([]);
    },
  );
});

describe('DNS rebinding', () => {
  it('connects a redirect to the address the guard checked, though the name answers loopback when asked again', async () => {
    const { port, trapRequests, honest } = await startTrapAndHonestServer();
    const origin = await serve({ '/start': (_req, res) => res.writeHead(302, { location: `http://localhost:${port}/feed` }).end() }, PUBLIC_STAND_IN);
    const asked: string[] = [];
    const resolveHost = async (host: string): Promise<string[]> => {
      if (host !== 'localhost') return [host];
      asked.push(host);
      return asked.length === 1 ? [PUBLIC_STAND_IN] : ['127.0.0.1'];
    };
    const result = await fetchSource({ url: `${origin.url}/start` }, { ...OPTIONS, resolveHost });
    expect(result).toMatchObject({ kind: 'body', body: Buffer.from(RSS), finalUrl: `http://localhost:${port}/feed` });
    expect(honest.requests.map((request) => request.url)).toEqual(['/feed']);
    expect(trapRequests()).toEqual([]);
    expect(asked).toEqual(['localhost']);
  });

  it("judges a source by the address its socket connects to, so its own name cannot rebind to loopback mid-fetch", async () => {
    const { port, trapRequests, honest } = await startTrapAndHonestServer();
    const asked: string[] = [];
    const resolveHost = async (host: string): Promise<string[]> => {
      asked.push(host);
      return asked.length === 1 ? [PUBLIC_STAND_IN] : ['127.0.0.1'];
    };
    const result = await fetchSource({ url: `http://localhost:${port}/start` }, { ...OPTIONS, resolveHost });
    expect(result).toMatchObject({ kind: 'body', body: Buffer.from(RSS) });
    expect(honest.requests.map((request) => request.url)).toEqual(['/start', '/feed']);
    expect(trapRequests()).toEqual([]);
  });
});
