import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 for IPv6 (BigInt, so both compare the same way). */
export interface Ip {
  version: 4 | 6;
  value: bigint;
}

/**
 * A literal address (dotted IPv4, IPv6 with or without brackets or a zone) or null. Only canonical
 * forms: hex, octal, decimal and short IPv4 forms are normalised by the WHATWG URL parser before
 * they get here (see `hostOf`), and a DNS answer is always canonical.
 */
export function parseIp(text: string): Ip | null {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return { version: 4, value: BigInt(v4ToNumber(bare)) };
  if (isIPv6(bare)) return { version: 6, value: v6ToBigInt(bare) };
  return null;
}

function v4ToNumber(dotted: string): number {
  return dotted.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function v6ToBigInt(text: string): bigint {
  let s = text.toLowerCase();
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = v4ToNumber(tail);
    s = `${s.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const [head, rest] = s.split('::');
  const h = head ? head.split(':') : [];
  const r = rest === undefined ? [] : rest ? rest.split(':') : [];
  const groups = rest === undefined ? h : [...h, ...Array<string>(8 - h.length - r.length).fill('0'), ...r];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

export function formatIp(ip: Ip): string {
  if (ip.version === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((ip.value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return groups.join(':');
}

/** A network: an address and a prefix length. */
export interface Cidr {
  ip: Ip;
  prefix: number;
}

export function parseCidr(text: string): Cidr | null {
  const [addr, bits, extra] = text.split('/');
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  if (bits === undefined) return { ip, prefix: max };
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return null;
  return { ip, prefix: Number(bits) };
}

export function inCidr(ip: Ip, net: Cidr): boolean {
  if (ip.version !== net.ip.version) return false;
  const shift = BigInt((ip.version === 4 ? 32 : 128) - net.prefix);
  return ip.value >> shift === net.ip.value >> shift;
}

const cidr = (text: string): Cidr => parseCidr(text)!;

/** IPv4 special-purpose ranges (IANA registry) that no webhook legitimately lives in. The first match names the range. */
const V4_RANGES: Array<[Cidr, string]> = [
  [cidr('255.255.255.255/32'), 'broadcast'],
  [cidr('0.0.0.0/8'), 'unspecified'],
  [cidr('10.0.0.0/8'), 'private'],
  [cidr('100.64.0.0/10'), 'shared (CGNAT)'],
  [cidr('127.0.0.0/8'), 'loopback'],
  [cidr('169.254.0.0/16'), 'link-local'],
  [cidr('172.16.0.0/12'), 'private'],
  [cidr('192.0.0.0/24'), 'reserved'],
  [cidr('192.0.2.0/24'), 'documentation'],
  [cidr('192.88.99.0/24'), 'reserved'],
  [cidr('192.168.0.0/16'), 'private'],
  [cidr('198.18.0.0/15'), 'benchmarking'],
  [cidr('198.51.100.0/24'), 'documentation'],
  [cidr('203.0.113.0/24'), 'documentation'],
  [cidr('224.0.0.0/4'), 'multicast'],
  [cidr('240.0.0.0/4'), 'reserved'],
];

const V6_RANGES: Array<[Cidr, string]> = [
  [cidr('::/128'), 'unspecified'],
  [cidr('::1/128'), 'loopback'],
  // a mapped or compatible IPv4 is how "::ffff:127.0.0.1" reaches loopback through an IPv6 socket
  [cidr('::ffff:0:0/96'), 'ipv4-mapped'],
  [cidr('::/96'), 'ipv4-compatible'],
  [cidr('64:ff9b:1::/48'), 'nat64 (local use)'],
  [cidr('100::/64'), 'discard'],
  // IETF protocol assignments, Teredo (2001::/32, an IPv4 in disguise) among them
  [cidr('2001::/23'), 'reserved'],
  [cidr('2001:db8::/32'), 'documentation'],
  [cidr('3fff::/20'), 'documentation'],
  [cidr('fc00::/7'), 'unique-local'],
  [cidr('fe80::/10'), 'link-local'],
  [cidr('fec0::/10'), 'site-local'],
  [cidr('ff00::/8'), 'multicast'],
];

const NAT64 = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');
const GLOBAL_UNICAST = cidr('2000::/3');

/** The IPv4 inside an IPv6 address that carries one: IPv4-mapped/compatible and NAT64 in the low 32 bits, 6to4 in bits 16-48. */
export function embeddedV4(ip: Ip): Ip | null {
  if (ip.version !== 6) return null;
  if (inCidr(ip, V6_RANGES[2][0]) || inCidr(ip, V6_RANGES[3][0]) || inCidr(ip, NAT64))
    return { version: 4, value: ip.value & 0xffffffffn };
  if (inCidr(ip, SIX_TO_FOUR)) return { version: 4, value: (ip.value >> 80n) & 0xffffffffn };
  return null;
}

/**
 * Why an address is not a public one, or null when it is: the name of the special-purpose range it
 * is in. IPv6 outside global unicast (2000::/3) is refused whole; NAT64 and 6to4 are judged by the
 * IPv4 they carry.
 */
export function internalRange(ip: Ip): string | null {
  if (ip.version === 4) return V4_RANGES.find(([net]) => inCidr(ip, net))?.[1] ?? null;
  const named = V6_RANGES.find(([net]) => inCidr(ip, net))?.[1];
  if (named) return named;
  if (inCidr(ip, NAT64) || inCidr(ip, SIX_TO_FOUR)) {
    const inner = internalRange(embeddedV4(ip)!);
    return inner ? `${inCidr(ip, NAT64) ? 'nat64' : '6to4'} of ${inner}` : null;
  }
  return inCidr(ip, GLOBAL_UNICAST) ? null : 'reserved';
}
