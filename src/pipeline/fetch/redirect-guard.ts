/** Keeps redirects from leading a public source to a loopback, private or link-local address (SSRF). */
import { lookup } from 'node:dns/promises';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { FetchError } from '../../errors.ts';

/** Every address a host name resolves to (an IP literal resolves to itself). */
export type ResolveHost = (hostname: string) => Promise<string[]>;
/** Whether an IP address is one a public source must not be sent to. */
export type AddressClassifier = (address: string) => boolean;

const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT; some clouds put metadata services here
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, 169.254.169.254 is the cloud metadata service
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) PRIVATE_RANGES.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
] as const) PRIVATE_RANGES.addSubnet(network, prefix, 'ipv6');

/** The real ranges: loopback, private, link-local, unspecified, CGNAT; IPv4-mapped IPv6 read as IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = mappedIpv4(address);
  if (mapped !== undefined) return PRIVATE_RANGES.check(mapped, 'ipv4');
  if (isIPv4(address)) return PRIVATE_RANGES.check(address, 'ipv4');
  if (isIPv6(address)) return PRIVATE_RANGES.check(address, 'ipv6');
  return true; // not an address at all: refuse rather than guess
}

/** Real DNS through the system resolver, as the HTTP client itself would resolve. */
export const resolveHost: ResolveHost = async (hostname) => {
  const results = await lookup(hostname, { all: true, verbatim: true });
  return results.map((result) => result.address);
};

export interface RedirectGuard {
  /** Throws FetchError REDIRECT when `target` resolves to a private address but the source did not. */
  check(target: URL, signal: AbortSignal): Promise<void>;
}

/**
 * A guard for one fetch starting at `origin`. A source configured with a private address
 * (an intranet portal, a test server) may redirect within private space; a public one may not.
 * The check runs on the resolved addresses, so a public name pointing at 127.0.0.1 is caught too.
 * Known gap: fetch resolves the name again to connect, so a name that answers differently a moment
 * later (DNS rebinding) slips through; closing it means pinning the checked address in the HTTP
 * client (an undici Agent with `connect.lookup`), which needs the undici package: Node 20 bundles it unexported.
 */
export function createRedirectGuard(
  origin: URL,
  options: { resolveHost?: ResolveHost; isPrivateAddress?: AddressClassifier },
): RedirectGuard {
  const resolve = options.resolveHost ?? resolveHost;
  const isPrivate = options.isPrivateAddress ?? isPrivateAddress;
  let originIsPrivate: Promise<boolean> | undefined;
  return {
    async check(target, signal) {
      // Resolved once, on the first redirect: most fetches never redirect.
      originIsPrivate ??= resolveWithin(resolve, origin, signal).then(
        (addresses) => addresses.length > 0 && addresses.every(isPrivate),
        () => false, // unresolvable now: hold it to the public rule
      );
      if (await originIsPrivate) return;
      const addresses = await resolveWithin(resolve, target, signal);
      if (addresses.some(isPrivate)) {
        throw new FetchError('REDIRECT', `redirect to a private address refused: ${withoutCredentials(target)}`);
      }
    },
  };
}

/** DNS lookups take no AbortSignal; racing the signal keeps them inside the whole-request deadline. */
function resolveWithin(resolve: ResolveHost, url: URL, signal: AbortSignal): Promise<string[]> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((fulfil, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    resolve(hostname).then(fulfil, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The url as /healthz may show it: no user name or password. */
function withoutCredentials(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return shown.href;
}

/** `::ffff:127.0.0.1` or `::ffff:7f00:1` → `127.0.0.1`. */
function mappedIpv4(address: string): string | undefined {
  const match = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (match === null) return undefined;
  if (match[1] !== undefined) return match[1];
  const high = parseInt(match[2]!, 16);
  const low = parseInt(match[3]!, 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
