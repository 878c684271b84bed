import { ExecutionContext, Injectable } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import { AccessTokenService, LOGIN_THROTTLE_METADATA } from '@app/auth';

interface ThrottledRequest {
  ip?: string;
  headers?: Record<string, string | string[] | undefined>;
  body?: unknown;
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const API_KEY_BEARER = /^Bearer\s+sk_[A-Za-z0-9_-]+$/i;

/**
 * Who a request comes from, for the rate limits. The throttler guard runs before the auth guard,
 * so the account is read from the bearer token here: a signature check (HMAC, microseconds) and no
 * database. The check's outcome is kept per request by AccessTokenService and reused by the auth guard,
 * so a token is verified once per request. A token that does not verify counts as no account; the
 * auth guard refuses it later.
 *
 * An API key counts as an account of its own (`key:<hash>`): the hash AccessTokenService computed once for
 * the request, no database. An unknown key gets a bucket of its own too, but the per-address limit
 * still holds for it, and the guard refuses it.
 */
@Injectable()
export class RequestIdentityService {
  private readonly accounts = new WeakMap<object, string | null>();
  /** per route handler: its decorators are fixed at start, and two throttlers ask on every request */
  private readonly logins = new WeakMap<object, boolean>();

  constructor(private readonly tokens: AccessTokenService) {}

  /** The client's address as Fastify resolved it (X-Forwarded-For only from trusted proxies); IPv6 by /64. */
  address(req: ThrottledRequest): string {
    return normalizeIp(req.ip ?? 'unknown');
  }

  /** The signed-in account's id, or null; verified once per request. */
  account(req: ThrottledRequest): string | null {
    const cached = this.accounts.get(req);
    if (cached !== undefined) return cached;
    const header = req.headers?.authorization;
    const usable = typeof header === 'string' && header.length <= 8192;
    const match = usable && BEARER.test(header);
    let sub: string | null = null;
    if (usable && API_KEY_BEARER.test(header)) {
      const hash = this.tokens.fromRequest(req).apiKeyHash;
      if (hash) sub = `key:${hash}`;
    } else if (match) {
      // the header is `Bearer <token>` exactly, so AccessTokenService reads the same token from it
      const claims = this.tokens.fromRequest(req).claims;
      if (claims && typeof claims.sub === 'string' && claims.sub) sub = claims.sub;
    }
    this.accounts.set(req, sub);
    return sub;
  }

  /** The email a login names, as the login looks it up; null when there is none to count. */
  loginEmail(req: ThrottledRequest): string | null {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== 'string') return null;
    const normalized = email.trim().toLowerCase();
    return normalized ? normalized.slice(0, 320) : null;
  }

  isLogin(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let login = this.logins.get(handler);
    if (login === undefined)
      this.logins.set(handler, (login = Reflect.getMetadata(LOGIN_THROTTLE_METADATA, handler) === true));
    return login;
  }

  request(context: ExecutionContext): ThrottledRequest {
    return context.switchToHttp().getRequest<ThrottledRequest>();
  }
}
