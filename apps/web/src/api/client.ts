import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { paths } from './schema';

/**
 * The typed API client. Paths, parameters and bodies are checked against schema.d.ts, which
 * `npm run web:client` generates from the API's OpenAPI document.
 *
 *   const set = await call(api.GET('/api/v1/question-sets/{id}', { params: { path: { id } } }));
 */
export const api = createClient<paths>({ baseUrl: '' });

let token: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setToken(value: string | null): void {
  token = value;
}

/** Called when the API says the token is no longer good (expired, user deactivated). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && token && !request.url.endsWith('/auth/login')) onUnauthorized?.();
    return response;
  },
};
api.use(auth);

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
