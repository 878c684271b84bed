import { isIP } from 'node:net';
import { isKnownPassword } from './known-passwords';

/**
 * What production refuses to start with. Each check returns problems naming the variable, so that
 * one failed start lists everything to fix rather than one thing per attempt.
 */

/** Words found in example, template and placeholder values; a generated secret carries none of them. */
const PLACEHOLDER_WORDS = [
  'change',
  'secret',
  'example',
  'placeholder',
  'default',
  'xxxx',
  'replace',
  'sample',
  'dummy',
  'insecure',
  'password',
];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Secrets of docker-compose.yml and the tests that a copied configuration might still carry. */
const KNOWN_SECRETS = new Set(
  ['change-me-to-a-long-random-secret-of-32-chars-or-more', 'test-secret-test-secret-test-secret-0123456789'].map(
    squash,
  ),
);

/**
 * Why a value cannot be a random secret, or undefined. Deliberately coarse: a value from
 * `openssl rand -base64 32` or `-hex 32` passes; a repeated character, a short cycle
 * ("abcabc…", "0123…"), a keyboard walk or a handful of distinct characters does not.
 */
export function lowEntropyReason(value: string): string | undefined {
  const chars = [...value];
  const n = chars.length;
  if (n === 0) return 'is empty';
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (counts.size === 1) return 'is one repeated character';
  for (let period = 1; period <= n / 2; period++) {
    if (chars.every((c, i) => i < period || c === chars[i - period])) return 'repeats a short pattern';
  }
  if (counts.size < Math.min(8, n)) return `has only ${counts.size} distinct characters`;
  let bitsPerChar = 0;
  for (const k of counts.values()) bitsPerChar -= (k / n) * Math.log2(k / n);
  if (bitsPerChar < 3) return 'is too predictable (low entropy)';
  // runs such as "abcdef", "123456" or "aaaa": neighbours equal or one code point apart
  let steps = 0;
  for (let i = 1; i < n; i++) if (Math.abs(chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!) <= 1) steps++;
  if (steps / (n - 1) > 0.5) return 'is mostly a sequence of neighbouring characters';
  return undefined;
}

export function secretProblems(name: string, value: string | undefined, minLength = 32): string[] {
  if (value === undefined) return [];
  const problems: string[] = [];
  const lower = value.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (KNOWN_SECRETS.has(squash(value)))
    problems.push(`${name} is a value published in this repository; generate one, e.g. openssl rand -base64 48`);
  else if (word)
    problems.push(`${name} looks like a placeholder (contains "${word}"); generate one, e.g. openssl rand -base64 48`);
  if (value.length < minLength) problems.push(`${name} must be at least ${minLength} characters in production`);
  const weak = lowEntropyReason(value);
  if (weak && !word) problems.push(`${name} ${weak}; generate one, e.g. openssl rand -base64 48`);
  return problems;
}

export function adminPasswordProblems(value: string | undefined, adminEmail?: string): string[] {
  if (value === undefined) return [];
  const problems: string[] = [];
  const squashed = squash(value);
  const local = adminEmail ? squash(adminEmail.split('@')[0]) : '';
  if (isKnownPassword(value)) problems.push('ADMIN_PASSWORD is a known default password');
  else if (local.length >= 4 && squashed.includes(local))
    problems.push("ADMIN_PASSWORD contains the admin's email name");
  else {
    const word = PLACEHOLDER_WORDS.find((w) => w !== 'secret' && value.toLowerCase().includes(w));
    if (word) problems.push(`ADMIN_PASSWORD looks like a placeholder (contains "${word}")`);
  }
  if (value.length < 12) problems.push('ADMIN_PASSWORD must be at least 12 characters in production');
  else if (new Set(value).size < 5 || lowEntropyReason(value)?.startsWith('repeats'))
    problems.push('ADMIN_PASSWORD is too predictable');
  return problems;
}

export function publicUrlProblems(value: string | undefined): string[] {
  if (value === undefined)
    return ['PUBLIC_URL is required when NODE_ENV=production (the https:// address users reach)'];
  if (!/^https:\/\//i.test(value))
    return ['PUBLIC_URL must be an https:// URL in production (tokens and cookies must not travel in clear)'];
  return [];
}

/** Names proxy-addr understands besides addresses and CIDRs. */
export const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** Every entry an address, a CIDR or a proxy-addr range name; problems name TRUST_PROXY. */
export function trustProxyListProblems(entries: string[]): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    if (TRUST_PROXY_NAMES.includes(entry)) continue;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max))
    ) {
      problems.push(`TRUST_PROXY: "${entry}" is not an address, a CIDR or one of ${TRUST_PROXY_NAMES.join(', ')}`);
    }
  }
  return problems;
}

export function trustProxyProblems(value: string | undefined, entries: string[]): string[] {
  if (value === 'true') {
    return [
      'TRUST_PROXY=true trusts every hop, so any client can forge X-Forwarded-For; give the number of proxies in front (e.g. 1) or their addresses/CIDRs',
    ];
  }
  const everything = entries.filter((e) => /\/0$/.test(e));
  if (everything.length)
    return [
      `TRUST_PROXY: ${everything.join(', ')} covers every address, which is the same as true; name the proxies' addresses`,
    ];
  return [];
}
