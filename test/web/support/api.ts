/** API calls made beside the browser, to set up data or to check what the page did. */
export interface ApiCalls {
  request<T = any>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** As `request`, but throws on anything other than a 2xx. */
  ok<T = any>(token: string, method: string, path: string, body?: unknown): Promise<T>;
  login(email: string, password: string): Promise<string>;
}

/** `baseUrl` is read at each call, since specs learn the app's URL only once it has started. */
export function apiCalls(baseUrl: () => string): ApiCalls {
  const request = async <T = any>(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const ok = async <T = any>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const r = await request<T>(token, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const login = async (email: string, password: string): Promise<string> => {
    const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  return { request, ok, login };
}
