// The redirect guard against a real local server: a public source may not be redirected into
// loopback, private or link-local space; a source configured with such an address may.
// The fixture server lives on 127.0.0.1, so tests that need a "public" start declare that one
// address public through the injectable classifier; every other address keeps the real ranges.
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../../src/errors.ts';
import { fetchSource, type FetchOptions } from '../../../src/pipeline/fetch/fetch-source.ts';
import { isPrivateAddress } from '../../../src/pipeline/fetch/address-ranges.ts';
import { resolveHost } from '../../../src/pipeline/fetch/redirect-guard.ts';
import { closeFixtureServers, startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.ts';
import { rejectionOf } from '../../helpers/rejection.ts';

const RSS = '<rss version="2.0"><channel><title>Công an tỉnh</title></channel></rss>';
const OPTIONS: FetchOptions = { timeoutMs: 2_000, maxBytes: 1_000_000, userAgent: 'bantin/test' };
/** 127.0.0.1 (the fixture server) counts as public; everything else is classified for real. */
const FIXTURE_IS_PUBLIC: FetchOptions = {
  ...OPTIONS,
  isPrivateAddress: (address) => address !== '127.0.0.1' && isPrivateAddress(address),
};

let server: FixtureServer | undefined;
afterEach(closeFixtureServers);

function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  return rejectionOf(promise, FetchError);
}

function redirectTo(location: string, status = 302): Parameters<typeof startFixtureServer>[0] {
  return {
    '/start': (_req, res) => res.writeHead(status, { location }).end(),
    '/feed': (_req, res) => res.end(RSS),
  };
}

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true], ['127.255.0.9', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true],
    ['192.168.1.10', true], ['169.254.169.254', true], ['169.254.0.1', true], ['0.0.0.0', true], ['100.100.100.200', true],
    ['::1', true], ['::', true], ['fc00::1', true], ['fd12:3456::1', true], ['fe80::1', true],
    ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:a9fe:a9fe', true], ['fec0::1', true],
    ['8.8.8.8', false], ['172.32.0.1', false], ['172.15.255.255', false], ['203.113.131.1', false], ['1.1.1.1', false],
    ['2001:4860:4860::8888', false], ['::ffff:8.8.8.8', false],
    ['not-an-address', true],
  ])('classifies %s as private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('resolveHost (real DNS)', () => {
  it('resolves localhost to loopback addresses only, and an IP literal to itself', async () => {
    const addresses = await resolveHost('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every(isPrivateAddress)).toBe(true);
    expect(await resolveHost('169.254.169.254')).toEqual(['169.254.169.254']);
  });
});

describe('fetchSource redirect guard', () => {
  it.each([
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['another loopback address', 'http://127.0.0.2/feed'],
    ['an IPv6 loopback literal', 'http://[::1]/feed'],
    ['a private range', 'https://10.0.0.8/rss'],
    ['the unspecified address', 'http://0.0.0.0/rss'],
  ])('refuses a redirect from a public address to %s', async (_name, target) => {
    server = await startFixtureServer(redirectTo(target));
    const error = await failureOf(fetchSource({ url: `${server.url}/start` }, FIXTURE_IS_PUBLIC));
    expect(error).toMatchObject({ code: 'REDIRECT', message: `redirect to a private address refused: ${new URL(target).href}` });
    expect(server.requests).toHaveLength(1);
  });

  it('checks the target after DNS resolution, not its name', async () => {
    server = await startFixtureServer(redirectTo('http://intranet.example.vn/feed'));
    const resolveHost = async (host: string): Promise<string[]> =>
      host === 'intranet.example.vn' ? ['203.113.131.1', '192.168.10.5'] : ['127.0.0.1'];
    const error = await failureOf(fetchSource({ url: `${server.url}/start` }, { ...FIXTURE_IS_PUBLIC, resolveHost }));
    expect(error).toMatchObject({ code: 'REDIRECT', message: 'redirect to a private address refused: http://intranet.example.vn/feed' });
  });

  it('refuses a redirect hidden further down a chain, and never shows credentials', async () => {
    server = await startFixtureServer({
      '/start': (_req, res) => res.writeHead(301, { location: '/hop' }).end(),
      '/hop': (_req, res) => res.writeHead(307, { location: 'http://admin:secret@192.168.1.1/feed' }).end(),
    });
    const error = await failureOf(fetchSource({ url: `${server.url}/start` }, FIXTURE_IS_PUBLIC));
    expect(error.message).toBe('redirect to a private address refused: http://192.168.1.1/feed');
    expect(server.requests.map((r) => r.url)).toEqual(['/start', '/hop']);
  });

  it('follows a redirect from a public address to a public one', async () => {
    server = await startFixtureServer(redirectTo('/feed'));
    const result = await fetchSource({ url: `${server.url}/start` }, FIXTURE_IS_PUBLIC);
    expect(result).toMatchObject({ kind: 'body', body: Buffer.from(RSS), finalUrl: `${server.url}/feed` });
  });

  it('lets a source configured with a private address redirect within private space', async () => {
    server = await startFixtureServer(redirectTo('/feed'));
    // Default options: real ranges, so the 127.0.0.1 source is private and may go to 127.0.0.1.
    const result = await fetchSource({ url: `${server.url}/start` }, OPTIONS);
    expect(result).toMatchObject({ kind: 'body', finalUrl: `${server.url}/feed` });
  });

  it('words a redirect target that does not resolve plainly', async () => {
    server = await startFixtureServer(redirectTo('http://no-such-host.invalid/feed'));
    const resolveHost = async (host: string): Promise<string[]> => {
      if (host === '127.0.0.1') return ['127.0.0.1'];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const error = await failureOf(fetchSource({ url: `${server.url}/start` }, { ...FIXTURE_IS_PUBLIC, resolveHost }));
    expect(error).toMatchObject({ code: 'NETWORK', message: 'host not found' });
  });

  it('keeps a slow DNS answer inside the whole-request deadline', async () => {
    server = await startFixtureServer(redirectTo('http://slow-dns.example.vn/feed'));
    const resolveHost = (host: string): Promise<string[]> =>
      host === '127.0.0.1' ? Promise.resolve(['127.0.0.1']) : new Promise(() => undefined);
    const started = Date.now();
    const error = await failureOf(fetchSource({ url: `${server.url}/start` }, { ...FIXTURE_IS_PUBLIC, timeoutMs: 300, resolveHost }));
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'timed out after 0.3 s' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
