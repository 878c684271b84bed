import createClient from 'openapi-fetch';
import { ApiError } from './errors';
import type { components, paths } from './schema';

type LoginResponse = components['schemas']['LoginResponse'];

/**
 * The typed API client. Paths, parameters and bodies are checked against schema.d.ts, which
 * `npm run web:client` generates from the API's OpenAPI document.
 *
 *   const set = await call(api.GET('/api/v1/question-sets/{id}', { params: { path: { id } } }));
 *
 * The access token lives in this module's memory only (never in web storage, where any script
 * could read it). What keeps a tab, a reload or a new tab signed in is the refresh cookie, which
 * is HttpOnly and which only POST /api/v1/auth/refresh reads.
 */
export const api = createClient<paths>({ baseUrl: '', fetch: (request) => authedFetch(request) });

/** Sent with the cookie calls: the API refuses them without it (another site's page cannot set it). */
export const CSRF_HEADERS = { 'x-requested-with': 'fetch' } as const;

let token: string | null = null;
let onUnauthorized: (() => void) | null = null;
let refreshing: Promise<LoginResponse | null> | null = null;

export function setToken(value: string | null): void {
  token = value;
}

/** Called when the API refuses the token and the refresh cookie cannot renew it. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/**
 * Exchanges the refresh cookie for a new access token, once at a time: concurrent callers share
 * one request, and tabs take turns through a Web Lock, since a refresh token presented twice ends
 * the whole sign-in (the second tab sends the cookie the first one's answer has just replaced).
 */
export function refreshSession(): Promise<LoginResponse | null> {
  refreshing ??= withLock(async () => {
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: CSRF_HEADERS,
        credentials: 'same-origin',
      });
      const body = res.ok ? ((await res.json()) as LoginResponse) : null;
      token = body?.accessToken ?? null;
      return body;
    } catch {
      return null; // offline: the caller sees the original failure
    }
  }).finally(() => (refreshing = null));
  return refreshing;
}

/** Signs out on the server: ends the sign-in and clears the refresh and queue dashboard cookies. */
export async function endSession(): Promise<void> {
  const headers: Record<string, string> = { ...CSRF_HEADERS };
  if (token) headers.authorization = `Bearer ${token}`;
  token = null;
  await fetch('/api/v1/auth/logout', { method: 'POST', headers, credentials: 'same-origin' }).catch(() => undefined);
}

function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('scorecards.refresh', work) : work();
}

const isAuthCall = (url: string) =>
  /\/api\/v1\/auth\/(login|refresh|logout)$/.test(new URL(url, location.href).pathname);

/** Adds the bearer token; on a 401, renews it once through the refresh cookie and retries. */
async function authedFetch(request: Request): Promise<Response> {
  const sent = token;
  const retry = request.clone(); // before fetch uses the body
  if (sent) request.headers.set('authorization', `Bearer ${sent}`);
  const response = await fetch(request);
  if (response.status !== 401 || isAuthCall(request.url) || !sent) return response;
  // another call may have renewed the token meanwhile; otherwise renew it now
  const renewed = token && token !== sent ? token : (await refreshSession())?.accessToken;
  if (!renewed) {
    onUnauthorized?.();
    return response;
  }
  retry.headers.set('authorization', `Bearer ${renewed}`);
  return fetch(retry);
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Resolves to the response body, or throws an ApiError that pages can show in plain words. */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch (e) {
    throw ApiError.network(e);
  }
  if (!result.response.ok) throw ApiError.from(result.response, result.error);
  return result.data as T;
}
