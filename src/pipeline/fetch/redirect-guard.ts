/**
 * Keeps redirects from leading a public source to a non-public address (SSRF), and pins every socket of
 * a fetch to the addresses that were checked, so DNS answering differently a moment later (rebinding)
 * cannot send it elsewhere.
 */
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { FetchError } from '../../errors.ts';
import { isPrivateAddress } from './address-ranges.ts';

/** Every address a host name resolves to (an IP literal resolves to itself). */
export type ResolveHost = (hostname: string) => Promise<string[]>;
/** Whether an IP address is one a public source must not be sent to. */
export type AddressClassifier = (address: string) => boolean;

/** Real DNS through the system resolver, as the HTTP client itself would resolve. */
export const resolveHost: ResolveHost = async (hostname) => {
  const results = await lookup(hostname, { all: true, verbatim: true });
  return results.map((result) => result.address);
};

export interface RedirectGuard {
  /** Resolves the url the fetch starts at and notes whether it is private; a configured source may be anywhere. */
  admitStart(url: URL, signal: AbortSignal): Promise<void>;
  /** Resolves a redirect target; throws FetchError REDIRECT when a public start is led to a non-public address. */
  admitRedirect(url: URL, signal: AbortSignal): Promise<void>;
  /** The sockets' `lookup`: hands back the addresses admitted for the name, never resolving it again. */
  lookup: LookupFunction;
}

/**
 * A guard for one fetch. A source configured with a private address (an intranet portal, a test server)
 * may redirect within private space; a public one may not. Each name is resolved once per fetch, the
 * check runs on those addresses, and the socket connects to exactly those (an IP literal is its own address).
 */
export function createRedirectGuard(options: { resolveHost?: ResolveHost; isPrivateAddress?: AddressClassifier }): RedirectGuard {
  const resolve = options.resolveHost ?? resolveHost;
  const isPrivate = options.isPrivateAddress ?? isPrivateAddress;
  const admitted = new Map<string, string[]>();
  let startIsPrivate = false;

  async function addressesOf(url: URL, signal: AbortSignal): Promise<string[]> {
    const host = hostOf(url);
    const known = admitted.get(host);
    if (known !== undefined) return known;
    const addresses = isIP(host) === 0 ? await resolveWithin(resolve, host, signal) : [host];
    if (addresses.length === 0) throw Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND' });
    admitted.set(host, addresses);
    return addresses;
  }

  return {
    async admitStart(url, signal) {
      startIsPrivate = (await addressesOf(url, signal)).every(isPrivate);
    },
    async admitRedirect(url, signal) {
      const addresses = await addressesOf(url, signal);
      if (!startIsPrivate && addresses.some(isPrivate)) {
        throw new FetchError('REDIRECT', `redirect to a private address refused: ${withoutCredentials(url)}`);
      }
    },
    lookup: (hostname, lookupOptions, callback) => {
      const addresses = (admitted.get(hostOf(hostname)) ?? []).map((address): LookupAddress => ({ address, family: isIP(address) }));
      const usable = addresses.filter((entry) => !lookupOptions.family || entry.family === lookupOptions.family);
      if (usable.length === 0) {
        callback(Object.assign(new Error(`fetch: no admitted address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      } else if (lookupOptions.all) {
        callback(null, usable);
      } else {
        callback(null, usable[0]!.address, usable[0]!.family);
      }
    },
  };
}

/** A url's host as sockets name it: `[::1]` → `::1`. */
function hostOf(url: URL | string): string {
  return (typeof url === 'string' ? url : url.hostname).replace(/^\[(.*)\]$/, '$1');
}

/** DNS lookups take no AbortSignal; racing the signal keeps them inside the whole-request deadline. */
function resolveWithin(resolve: ResolveHost, hostname: string, signal: AbortSignal): Promise<string[]> {
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
