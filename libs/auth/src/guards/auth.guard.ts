import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokens } from '../access-tokens';
import { AUTH_METADATA, AuthenticatedOptions, PUBLIC_METADATA } from '../decorators/authenticated.decorator';
import type { AuthUser } from '../decorators/auth-user.decorator';
import { UsersService } from '../users.service';

const MESSAGES = {
  missing: 'Missing bearer token',
  expired: 'Access token expired',
  invalid: 'Invalid or revoked access token',
} as const;

/**
 * The one global guard. Endpoints are closed unless marked @Public(); @Authenticated({ roles })
 * narrows them to roles. A route with neither is refused, so a forgotten decorator fails closed.
 *
 * The bearer token is checked by AccessTokens (signature, HS256, expiry), whose outcome the rate
 * limits already computed for this request: one verification per request, no passport on the hot
 * path. The user is then re-read, so that a deactivation, a role change or a sign-out takes effect
 * at once.
 */
@Injectable()
export class GlobalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
    const options = this.reflector.getAllAndOverride<AuthenticatedOptions | undefined>(AUTH_METADATA, targets);
    if (!options) throw new ForbiddenException('This endpoint is not open to anyone');
    const request = context
      .switchToHttp()
      .getRequest<{ user?: AuthUser; headers?: Record<string, string | string[] | undefined> }>();
    const outcome = this.tokens.fromRequest(request);
    if (outcome.error) throw new UnauthorizedException(MESSAGES[outcome.error]);
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
}
