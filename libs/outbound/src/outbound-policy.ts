import { embeddedV4, formatIp, inCidr, internalRange, parseCidr, parseIp, type Cidr, type Ip } from './ip-address';
import { OutboundError, REFUSED_INTERNAL } from './outbound-error';

/** A URL that passed the checks that need no DNS: scheme, form, name and literal address. */
export interface OutboundTarget {
  url: URL;
  /** Lower-case, without brackets or a trailing dot. */
  host: string;
  port: number;
  /** Set when the host is a literal address (already checked). */
  literal: Ip | null;
  /** The admin allowed this host by name: its addresses are not judged. */
  hostAllowed: boolean;
}

/**
 * Names that only mean something inside a network (RFC 6761/6762/8375, cloud metadata such as
 * metadata.google.internal). A single label ("redis", "postgres") is a container or LAN name too.
 */
const INTERNAL_SUFFIXES = [
  '.localhost',
  '.internal',
  '.local',
  '.localdomain',
  '.home.arpa',
  '.arpa',
  '.lan',
  '.intranet',
];

export function isInternalName(host: string): boolean {
  return !host.includes('.') || INTERNAL_SUFFIXES.some((s) => host.endsWith(s));
}

/**
 * OUTBOUND_ALLOWLIST, parsed: host names ("hooks.corp", "*.corp" for its subdomains), addresses and
 * CIDRs ("10.20.0.0/16", "fd00::/8"). An entry that is none of these allows nothing.
 */
export class OutboundAllowlist {
  private readonly hosts = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly networks: Cidr[] = [];
  /** Entries that are neither a host, an address nor a CIDR (for a warning at boot). */
  readonly ignored: string[] = [];

  constructor(entries: string[]) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase().replace(/\.$/, '');
      if (!entry) continue;
      const net = parseCidr(entry);
      if (net) this.networks.push(net);
      else if (entry.startsWith('*.') && entry.length > 2) this.suffixes.push(entry.slice(1));
      else if (/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(entry)) this.hosts.add(entry);
      else this.ignored.push(raw);
    }
  }

  allowsHost(host: string): boolean {
    return this.hosts.has(host) || this.suffixes.some((s) => host.endsWith(s));
  }

  /** An IPv4-mapped or NAT64 address counts as the IPv4 it carries, so "127.0.0.1" allows "::ffff:127.0.0.1". */
  allowsAddress(ip: Ip): boolean {
    const inner = embeddedV4(ip);
    return this.networks.some((net) => inCidr(ip, net) || (inner !== null && inCidr(inner, net)));
  }
}

/** The rules every outbound request obeys, without any I/O: the service resolves and connects. */
export class OutboundPolicy {
  constructor(
    private readonly allowlist: OutboundAllowlist,
    private readonly httpsOnly: boolean,
  ) {}

  /**
   * Parses with the WHATWG URL parser, which also turns every numeric IPv4 spelling (0x7f000001,
   * 2130706433, 0177.0.0.1, 127.1) into the dotted form that is then judged.
   */
  target(raw: string): OutboundTarget {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundError('invalid', 'not a valid http(s) address', `unparsable URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new OutboundError('invalid', 'not a valid http(s) address', `scheme ${url.protocol}`);
    if (this.httpsOnly && url.protocol !== 'https:')
      throw new OutboundError('scheme', 'refused: only https addresses are allowed', `scheme ${url.protocol}`);
    const host = url.hostname
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/\.$/, '')
      .toLowerCase();
    if (!host) throw new OutboundError('invalid', 'not a valid http(s) address', 'no host');
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    const literal = parseIp(host);
    const hostAllowed = this.allowlist.allowsHost(host);
    if (literal) this.checkAddress(host, literal, hostAllowed);
    else if (!hostAllowed && isInternalName(host))
      throw new OutboundError('internal', REFUSED_INTERNAL, `internal name ${host}`);
    return { url, host, port, literal, hostAllowed };
  }

  /** Every address a name resolves to must pass: one internal answer among public ones is refused. */
  checkAddresses(target: OutboundTarget, addresses: string[]): Ip[] {
    return addresses.map((a) => {
      const ip = parseIp(a);
      if (!ip) throw new OutboundError('connect', 'could not connect', `${target.host} resolved to unparsable ${a}`);
      this.checkAddress(target.host, ip, target.hostAllowed);
      return ip;
    });
  }

  private checkAddress(host: string, ip: Ip, hostAllowed: boolean): void {
    if (hostAllowed || this.allowlist.allowsAddress(ip)) return;
    const range = internalRange(ip);
    if (range) throw new OutboundError('internal', REFUSED_INTERNAL, `${host} is ${formatIp(ip)} (${range})`);
  }
}
