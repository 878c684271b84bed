import { createHash, randomBytes } from 'node:crypto';

/** The recognisable start of every secret, so that secret scanners (and people) spot a leaked key. */
export const API_KEY_PREFIX = 'sk_live_';

/** A secret as issued: the prefix and 32 random bytes in base64url (256 bits). */
const SECRET = /^sk_live_[A-Za-z0-9_-]{43}$/;

export function newApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Whether a bearer token is meant as an API key (a JWT starts with `ey`, never with `sk_`). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('sk_');
}

export function isWellFormedApiKey(token: string): boolean {
  return SECRET.test(token);
}

/**
 * The hash under which a secret is stored and looked up. A plain SHA-256 suffices: with 256 bits of
 * entropy there is nothing to brute-force, and a lookup by hash needs no constant-time compare.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
