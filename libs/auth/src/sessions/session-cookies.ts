import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The refresh token's cookie: HttpOnly, SameSite=Strict and sent only to the auth endpoints. */
export const REFRESH_COOKIE = 'scorecards_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
/** The queue dashboard's session cookie (see AuthController.dashboardSession). */
export const DASHBOARD_COOKIE = 'scorecards_dashboard';
export const DASHBOARD_COOKIE_PATH = '/admin/queues';

/** 32 random bytes, base64url: exactly 43 characters of [A-Za-z0-9_-]. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The refresh token from the Cookie header, or null. Anything not shaped like one of our tokens
 * (garbage, NUL bytes, a 10 KB value) is treated as absent before it reaches the database.
 */
export function refreshTokenFrom(req: FastifyRequest): string | null {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== REFRESH_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN_SHAPE.test(value) ? value : null;
  }
  return null;
}

function cookie(name: string, value: string, path: string, maxAge: number, secure: boolean): string {
  return `${name}=${value}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

export function refreshCookie(token: string, maxAge: number, secure: boolean): string {
  return cookie(REFRESH_COOKIE, token, REFRESH_COOKIE_PATH, maxAge, secure);
}

export function dashboardCookie(token: string, maxAge: number, secure: boolean): string {
  return cookie(DASHBOARD_COOKIE, token, DASHBOARD_COOKIE_PATH, maxAge, secure);
}

/** Both cookies expired at once: what sign-out sends, whatever state the browser was in. */
export function clearedCookies(secure: boolean): string[] {
  return [
    cookie(REFRESH_COOKIE, '', REFRESH_COOKIE_PATH, 0, secure),
    cookie(DASHBOARD_COOKIE, '', DASHBOARD_COOKIE_PATH, 0, secure),
  ];
}

export function setCookies(reply: FastifyReply, cookies: string[]): void {
  reply.header('set-cookie', cookies);
}
