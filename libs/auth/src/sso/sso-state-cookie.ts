import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** What the callback must match: kept by the browser between leaving for the provider and coming back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch milliseconds after which the attempt is refused. */
  expires: number;
}

export const SSO_STATE_COOKIE = 'scorecards_sso';
export const SSO_STATE_COOKIE_PATH = '/api/v1/auth/sso';
/** Ten minutes to sign in at the provider; a longer-lived attempt only widens the window for replay. */
export const SSO_STATE_TTL_SECONDS = 600;

/**
 * The pending sign-in travels in a cookie rather than a server-side table, so any instance can take
 * the callback. It is encrypted (AES-256-GCM), not only signed: the PKCE verifier is a secret until
 * the code is exchanged. The key is derived from the JWT secret under a label of its own.
 */
function key(secret: string): Buffer {
  return createHmac('sha256', secret).update('oidc-pending-sign-in').digest();
}

export function sealPending(pending: PendingSignIn, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The pending sign-in, or null when the cookie is absent, tampered with, malformed or expired. */
export function openPending(sealed: string | null, secret: string, now = Date.now()): PendingSignIn | null {
  if (!sealed || sealed.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(sealed)) return null;
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const p = JSON.parse(text) as Partial<PendingSignIn>;
    const ok =
      typeof p.state === 'string' &&
      typeof p.nonce === 'string' &&
      typeof p.codeVerifier === 'string' &&
      typeof p.expires === 'number' &&
      p.expires > now;
    return ok ? (p as PendingSignIn) : null;
  } catch {
    return null;
  }
}

export function pendingFrom(req: FastifyRequest): string | null {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SSO_STATE_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * SameSite=Lax, unlike the refresh cookie: the provider sends the browser back with a cross-site
 * top-level navigation, which a Strict cookie would not accompany. It is sent only to the SSO paths.
 */
export function pendingCookie(value: string, maxAge: number, secure: boolean): string {
  return `${SSO_STATE_COOKIE}=${value}; Path=${SSO_STATE_COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}
