/** Which IP addresses count as public for the redirect guard: ipaddr.js's `unicast` range only, an IPv4 address carried inside IPv6 judged as IPv4. */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// RFC 6052's well-known prefix: the IPv4 address is the last 32 bits. The local-use 64:ff9b:1::/48 may put it
// elsewhere (the operator picks the prefix length), so it is not unwrapped and stays non-public.
const WELL_KNOWN_NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/**
 * Whether an address is one a public source must not be sent to: anything but ipaddr.js's `unicast`
 * (loopback, private, link-local, CGNAT, benchmarking, 192.0.0.0/24, multicast, broadcast, reserved,
 * documentation, site-local, Teredo, …). IPv4-mapped, -translated and -compatible addresses, NAT64 and
 * 6to4 are judged by the IPv4 address they carry, so `64:ff9b::7f00:1` is loopback and an IPv6-only host
 * reaching a public IPv4 portal through NAT64 is public. Not an address at all: private, rather than guess.
 */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 0) return true; // ipaddr.js also takes `127.1` and `0x7f.1`; DNS never answers those
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const ipv6 = parsed as ipaddr.IPv6;
  const carried = carriedIpv4(ipv6);
  if (carried !== undefined) return carried.range() !== 'unicast';
  return ipv6.range() !== 'unicast';
}

/** The IPv4 address an IPv6 address stands for, where it is one of the forms that carry one. */
function carriedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = address.parts;
  // ipaddr.js reads the IPv4-compatible text `::a.b.c.d` as IPv4-mapped; both carry the same IPv4 address.
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  const range = address.range();
  if (range === 'rfc6145') return ipv4From(parts[6]!, parts[7]!); // ::ffff:0:a.b.c.d
  if (range === 'rfc6052') return address.match(WELL_KNOWN_NAT64) ? ipv4From(parts[6]!, parts[7]!) : undefined;
  if (range === '6to4') return ipv4From(parts[1]!, parts[2]!); // 2002:aabb:ccdd::/48
  // IPv4-compatible ::a.b.c.d (deprecated, RFC 4291 §2.5.5.1); `::` and `::1` come out as 0.0.0.x, not public.
  if (parts.slice(0, 6).every((part) => part === 0)) return ipv4From(parts[6]!, parts[7]!);
  return undefined;
}

function ipv4From(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}
