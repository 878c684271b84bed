import { createRequire } from 'node:module';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A person the test provider knows: the claims its ID tokens carry. */
export interface TestAccount {
  email: string;
  name?: string;
  emailVerified?: boolean;
  groups?: string[];
}

interface KoaContext {
  path: string;
  body: unknown;
}
interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  use(fn: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

/**
 * oidc-provider ships ES modules without type declarations: loaded through Node's own require
 * (require(esm) on Node 24) rather than an import TypeScript would have to type.
 */
function loadProvider(): ProviderClass {
  const load = createRequire(__filename);
  return (load('oidc-provider') as { default: ProviderClass }).default;
}

export const APP_CLIENT = { id: 'scorecards', secret: 'sso-test-client-secret-0123456789' };
export const OTHER_CLIENT = { id: 'another-app', secret: 'another-app-secret-0123456789abc' };

/**
 * A real, certified OpenID Connect provider (oidc-provider) on a loopback port of the test
 * process, with the app registered as a confidential client and accounts from the test. Its
 * development login form (devInteractions) is posted with fetch: any password is accepted.
 */
export class TestOidcProvider {
  /** A test hook at the token endpoint: the next ID token is replaced by this one (a substituted token). */
  substituteIdToken?: string;

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  /** Listens first: the issuer URL (with its port) is needed before the app can be configured. */
  static async listen(): Promise<TestOidcProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    return new TestOidcProvider(server, `http://127.0.0.1:${port}`);
  }

  /** Registers the app's client (and another one) with their redirect URI, and starts answering. */
  serve(redirectUri: string, accounts: Record<string, TestAccount>): void {
    const Provider = loadProvider();
    const client = (c: { id: string; secret: string }) => ({
      client_id: c.id,
      client_secret: c.secret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    });
    const provider = new Provider(this.issuer, {
      clients: [client(APP_CLIENT), client(OTHER_CLIENT)],
      cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
      // a signing key of its own and explicit lifetimes: the provider's development defaults warn on every start
      jwks: {
        keys: [
          {
            ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
            kid: 'test',
            use: 'sig',
            alg: 'RS256',
          },
        ],
      },
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      // the app reads the ID token alone, as most providers put email and groups in it
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: true } },
      findAccount: (_ctx: unknown, sub: string) => {
        const account = accounts[sub];
        if (!account) return undefined;
        return {
          accountId: sub,
          claims: () => ({
            sub,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name ?? sub,
            groups: account.groups ?? [],
          }),
        };
      },
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && this.substituteIdToken && body?.id_token) {
        ctx.body = { ...body, id_token: this.substituteIdToken };
        this.substituteIdToken = undefined;
      }
    });
    this.server.on('request', provider.callback());
  }

  /**
   * Follows an authorization request through the provider's login and consent pages as `accountId`,
   * and returns the URL the provider sends the browser back to (the client's redirect URI with a
   * code), without following it: the test decides what reaches the app.
   */
  async authorize(authorizationUrl: string, accountId: string): Promise<string> {
    const jar = new CookieJar();
    let url = authorizationUrl;
    let form: { action: string; fields: Record<string, string> } | undefined;
    for (let step = 0; step < 20; step++) {
      const res = await jar.fetch(url, form && { method: 'POST', body: new URLSearchParams(form.fields) });
      form = undefined;
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, url).href;
        if (!next.startsWith(this.issuer)) return next;
        url = next;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action || !prompt)
        throw new Error(`provider answered ${res.status}: ${html.slice(0, 500)}`);
      url = new URL(action, url).href;
      form = { action, fields: prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt } };
    }
    throw new Error('the provider never redirected back');
  }

  /** A real ID token, signed by this provider, issued to OTHER_CLIENT for `accountId` with `nonce`. */
  async idTokenForOtherClient(redirectUri: string, accountId: string, nonce: string): Promise<string> {
    const verifier = 'v'.repeat(43);
    const { createHash } = await import('node:crypto');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const auth = new URL(`${this.issuer}/auth`);
    for (const [k, v] of Object.entries({
      client_id: OTHER_CLIENT.id,
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: redirectUri,
      nonce,
      state: 'other-client-state',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }))
      auth.searchParams.set(k, v);
    const back = new URL(await this.authorize(auth.href, accountId));
    const res = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${OTHER_CLIENT.id}:${OTHER_CLIENT.secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code') ?? '',
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    });
    const body = (await res.json()) as { id_token?: string };
    if (!body.id_token) throw new Error(`no ID token for the other client: ${JSON.stringify(body)}`);
    return body.id_token;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A browser's cookies, enough for a provider and an app on loopback ports: by origin and name. */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  /** fetch without following redirects, sending and keeping this jar's cookies. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const mine = this.cookies.get(origin) ?? new Map<string, string>();
    const cookie = [...mine].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...attrs] = set.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (expired || !value) mine.delete(name);
      else mine.set(name, value);
    }
    this.cookies.set(origin, mine);
    return res;
  }

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).origin)?.get(name);
  }
}
