import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { setAuditActor } from '@app/audit';
import { AccessTokenService } from '../access-token.service';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { scopeFor, type ApiKeyArea } from '../api-keys/api-key-scopes';
import { API_KEY_AREA_METADATA } from '../decorators/api-key-scope.decorator';
import { AUTH_METADATA, AuthenticatedOptions, PUBLIC_METADATA } from '../decorators/authenticated.decorator';
import type { AuthUser } from '../decorators/auth-user.decorator';
import { Role } from '../role.enum';
import { UsersService } from '../users.service';

const MESSAGES = {
  missing: 'Missing bearer token',
  expired: 'Access token expired',
  invalid: 'Invalid or revoked access token',
  apiKey: 'Invalid, revoked or expired API key',
} as const;

type GuardedRequest = {
  user?: AuthUser;
  method?: string;
  headers?: Record<string, string | string[] | undefined>;
};

/**
 * The one global guard. Endpoints are closed unless marked @Public(); @Authenticated({ roles })
 * narrows them to roles. A route with neither is refused, so a forgotten decorator fails closed.
 *
 * The bearer token is checked by AccessTokenService (signature, HS256, expiry), whose outcome the rate
 * limits already computed for this request: one verification per request, no passport on the hot
 * path. The user is then re-read, so that a deactivation, a role change or a sign-out takes effect
 * at once.
 *
 * An API key (`Bearer sk_live_…`) is looked up by its hash on every request, so a revocation or an
 * expiry takes effect at once. It reaches only endpoints marked @ApiKeyScope(area), with
 * `<area>:read` for GET and `<area>:write` otherwise; roles do not apply to it, and admin-only
 * endpoints refuse it even when marked. An admitted key becomes the request's audit actor, in the
 * slot createHttpApp opens for every request that carries a key (withAuditActorSlot): no
 * interceptor, so reads with a key skip Nest's interceptor chain too.
 */
interface RouteAuth {
  isPublic: boolean;
  options: AuthenticatedOptions | undefined;
  area: ApiKeyArea | undefined;
}

@Injectable()
export class GlobalAuthGuard implements CanActivate {
  /** per handler, then per controller class (a method inherited by two controllers may differ) */
  private readonly routes = new WeakMap<object, WeakMap<object, RouteAuth>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const { isPublic, options, area } = this.routeOf(context);
    if (isPublic) return true;
    if (!options) throw new ForbiddenException('This endpoint is not open to anyone');
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const outcome = this.tokens.fromRequest(request);
    if (outcome.error) throw new UnauthorizedException(MESSAGES[outcome.error]);
    if (outcome.apiKeyHash !== undefined) return this.admitApiKey(request, outcome.apiKeyHash, area, options);
    const { sub, sid } = outcome.claims;
    if (typeof sub !== 'string' || (sid !== undefined && typeof sid !== 'string'))
      throw new UnauthorizedException(MESSAGES.invalid);
    const found = await this.users.findSignedIn(sub, sid);
    if (!found) throw new UnauthorizedException(MESSAGES.invalid);
    const user: AuthUser = { ...found, sessionId: sid };
    request.user = user;
    if (options.roles?.length && !options.roles.some((r) => user.roles.includes(r))) {
      throw new ForbiddenException(`This requires one of the roles: ${options.roles.join(', ')}`);
    }
    return true;
  }

  /**
   * What the route's decorators say, read once per route: they are fixed at start, and reading them
   * through the reflector cost six metadata lookups per request.
   */
  private routeOf(context: ExecutionContext): RouteAuth {
    const handler = context.getHandler();
    const cls = context.getClass();
    let byClass = this.routes.get(handler);
    if (!byClass) this.routes.set(handler, (byClass = new WeakMap()));
    let route = byClass.get(cls);
    if (!route) {
      const targets = [handler, cls];
      route = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets) === true,
        options: this.reflector.getAllAndOverride<AuthenticatedOptions | undefined>(AUTH_METADATA, targets),
        area: this.reflector.getAllAndOverride<ApiKeyArea | undefined>(API_KEY_AREA_METADATA, targets),
      };
      byClass.set(cls, route);
    }
    return route;
  }

  private async admitApiKey(
    request: GuardedRequest,
    hash: string,
    area: ApiKeyArea | undefined,
    options: AuthenticatedOptions,
  ): Promise<boolean> {
    const key = await this.apiKeys.authenticate(hash);
    if (!key) throw new UnauthorizedException(MESSAGES.apiKey);
    request.user = { id: key.id, email: '', name: key.name, roles: [], timezone: 'UTC', apiKey: key };
    const adminOnly = options.roles?.length === 1 && options.roles[0] === Role.Admin;
    if (!area || adminOnly)
      throw new ForbiddenException('API keys cannot use this endpoint: it is for signed-in users');
    const needed = scopeFor(area, request.method ?? 'GET');
    if (!key.scopes.includes(needed)) throw new ForbiddenException(`This API key lacks the scope ${needed}`);
    setAuditActor({ kind: 'api_key', id: key.id, name: key.name });
    return true;
  }
}
