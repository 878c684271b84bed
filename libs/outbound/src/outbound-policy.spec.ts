import { internalRange, parseIp } from './ip-address';
import { OutboundError, REFUSED_INTERNAL } from './outbound-error';
import { OutboundAllowlist, OutboundPolicy } from './outbound-policy';

const policy = (allow: string[] = [], httpsOnly = false) => new OutboundPolicy(new OutboundAllowlist(allow), httpsOnly);

/** The failure of judging a URL (without DNS), or 'ok'. */
function verdict(url: string, p = policy()): string {
  try {
    p.target(url);
    return 'ok';
  } catch (e) {
    if (e instanceof OutboundError) return e.reason;
    throw e;
  }
}

describe('the address classifier', () => {
  const internal: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.254', 'shared (CGNAT)'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:7f00:1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['::127.0.0.1', 'ipv4-compatible'],
    ['64:ff9b::127.0.0.1', 'nat64 of loopback'],
    ['64:ff9b::a00:1', 'nat64 of private'],
    ['64:ff9b::169.254.169.254', 'nat64 of link-local'],
    ['64:ff9b:1::1', 'nat64 (local use)'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2002:c0a8:101::', '6to4 of private'],
    ['2001:0:4136:e378::1', 'reserved'], // Teredo
    ['2001:db8::1', 'documentation'],
    ['fec0::1', 'site-local'],
    ['100::1', 'discard'],
    ['4000::1', 'reserved'], // outside global unicast
  ];
  it.each(internal)('%s is internal (%s)', (address, range) => {
    expect(internalRange(parseIp(address)!)).toBe(range);
  });

  const publicOnes = [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '11.0.0.1',
    '192.169.0.1',
    '169.253.255.255',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
  ];
  it.each(publicOnes)('%s is public', (address) => {
    expect(internalRange(parseIp(address)!)).toBeNull();
  });

  it('parses only literal addresses, with or without brackets and zone', () => {
    expect(parseIp('[::1]')).toEqual({ version: 6, value: 1n });
    expect(parseIp('fe80::1%eth0')).toEqual(parseIp('fe80::1'));
    expect(parseIp('::ffff:127.0.0.1')).toEqual(parseIp('::ffff:7f00:1'));
    for (const notIp of ['localhost', '0x7f000001', '2130706433', '127.1', '1.2.3.4.5', '', '::g'])
      expect(parseIp(notIp)).toBeNull();
  });
});

describe('the outbound policy on URLs', () => {
  const refused = [
    'http://127.0.0.1:18099/hook',
    'http://127.0.0.1:5432/',
    'http://127.0.0.1:6379/',
    'http://localhost/',
    'http://LOCALHOST./x',
    'http://api.localhost/',
    'http://[::1]/',
    'http://10.0.0.5/hook',
    'http://172.16.3.4/',
    'http://192.168.1.10/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://metadata.google.internal./computeMetadata/v1/',
    'http://metadata/',
    'http://redis:6379/',
    'http://printer.local/',
    'http://router.home.arpa/',
    'http://1.0.0.127.in-addr.arpa/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[ff02::1]/',
    'http://0.0.0.0/',
    'http://0/',
    'http://[::]/',
    'http://255.255.255.255/',
    'http://224.0.0.1/',
    // numeric spellings of 127.0.0.1: hex, decimal, octal, short, mixed
    'http://0x7f000001/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://0x7f.1/',
    'http://0x7F.0.0.0x1/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:127.0.0.1]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[2002:7f00:1::]/',
  ];
  it.each(refused)('refuses %s with a generic text', (url) => {
    let error: unknown;
    try {
      policy().target(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).reason).toBe('internal');
    expect((error as OutboundError).message).toBe(REFUSED_INTERNAL);
    expect((error as OutboundError).message).not.toMatch(/\d/);
  });

  it('accepts public addresses and names, on any port', () => {
    for (const url of [
      'https://hooks.slack.com/services/T0/B0/x',
      'http://8.8.8.8:5432/',
      'https://[2606:4700:4700::1111]/',
      'https://example.com:8443/hook?x=1',
      'https://user:pass@hooks.example.com/',
    ]) {
      expect(verdict(url)).toBe('ok');
    }
  });

  it('refuses what is not an http(s) URL, and http in production', () => {
    for (const url of [
      'not a url',
      'ftp://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'gopher://127.0.0.1:6379/_INFO',
      'http://',
      '//example.com/',
    ])
      expect(verdict(url)).toBe('invalid');
    expect(verdict('http://hooks.example.com/', policy([], true))).toBe('scheme');
    expect(verdict('https://hooks.example.com/', policy([], true))).toBe('ok');
    // the allowlist lets internal targets in, never plain http in production
    expect(verdict('http://127.0.0.1/', policy(['127.0.0.1'], true))).toBe('scheme');
  });

  it('lets an admin allow internal targets by host, by address and by CIDR', () => {
    const byHost = policy(['hooks.corp', '*.svc.internal', 'localhost']);
    expect(verdict('http://hooks.corp/x', byHost)).toBe('ok');
    expect(verdict('http://HOOKS.CORP./x', byHost)).toBe('ok');
    expect(verdict('http://a.b.svc.internal/', byHost)).toBe('ok');
    expect(verdict('http://localhost:8080/', byHost)).toBe('ok');
    expect(verdict('http://svc.internal/', byHost)).toBe('internal'); // "*." means subdomains only
    expect(verdict('http://x.internal/', byHost)).toBe('internal');
    expect(verdict('http://other.corp/', byHost)).toBe('ok'); // a public-looking name: judged by its addresses when resolved
    expect(verdict('http://127.0.0.1/', byHost)).toBe('internal'); // the name is allowed, not its address

    const byIp = policy(['127.0.0.1', '::1']);
    for (const url of [
      'http://127.0.0.1:9/',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://127.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
    ])
      expect(verdict(url, byIp)).toBe('ok');
    expect(verdict('http://127.0.0.2/', byIp)).toBe('internal');
    expect(verdict('http://localhost/', byIp)).toBe('internal'); // names need a name entry

    const byCidr = policy(['10.20.0.0/16', 'fd00::/8', '169.254.169.254/32', 'not-a-cidr/99', '10.0.0.0/40']);
    expect(verdict('http://10.20.5.5/', byCidr)).toBe('ok');
    expect(verdict('http://10.21.0.1/', byCidr)).toBe('internal');
    expect(verdict('http://[fd00::5]/', byCidr)).toBe('ok');
    expect(verdict('http://[fc00::1]/', byCidr)).toBe('internal');
    expect(verdict('http://169.254.169.254/', byCidr)).toBe('ok');
    expect(verdict('http://169.254.169.253/', byCidr)).toBe('internal');
    expect(verdict('http://10.0.0.1/', byCidr)).toBe('internal'); // a malformed entry allows nothing
    expect(new OutboundAllowlist(['10.0.0.0/40', 'not-a-cidr/99', '*.', 'ok.corp', ' ', 'a b']).ignored).toEqual([
      '10.0.0.0/40',
      'not-a-cidr/99',
      '*.',
      'a b',
    ]);
  });

  it('judges every resolved address: one internal answer among public ones is refused', () => {
    const p = policy();
    const target = p.target('https://hooks.example.com/x');
    expect(
      p.checkAddresses(target, ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']).map((ip) => ip.version),
    ).toEqual([4, 6]);
    for (const answers of [
      ['93.184.215.14', '127.0.0.1'],
      ['10.0.0.8'],
      ['::ffff:169.254.169.254'],
      ['fd00::1', '8.8.8.8'],
    ]) {
      expect(() => p.checkAddresses(target, answers)).toThrow(REFUSED_INTERNAL);
    }
    const allowed = policy(['10.0.0.0/8']);
    expect(allowed.checkAddresses(allowed.target('https://hooks.example.com/'), ['10.0.0.8'])).toHaveLength(1);
    const byName = policy(['hooks.corp']);
    expect(byName.checkAddresses(byName.target('https://hooks.corp/'), ['10.0.0.8', '127.0.0.1'])).toHaveLength(2);
  });

  it('keeps the address out of the message and in the detail', () => {
    try {
      policy().target('http://0x7f000001:5432/');
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(OutboundError);
      expect((e as OutboundError).message).toBe(REFUSED_INTERNAL);
      expect((e as OutboundError).detail).toContain('127.0.0.1');
      expect((e as OutboundError).detail).toContain('loopback');
    }
  });
});
