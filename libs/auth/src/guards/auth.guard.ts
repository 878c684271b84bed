import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUTH_METADATA, AuthenticatedOptions, PUBLIC_METADATA } from '../decorators/authenticated.decorator';
import type { AuthUser } from '../decorators/auth-user.decorator';
import { JwtStrategy } from '../strategies/jwt.strategy';
import { authenticateWith } from './authenticate';

/**
 * The one global guard. Endpoints are closed unless marked @Public(); @Authenticated({ roles })
 * narrows them to roles. A route with neither is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class GlobalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
    const options = this.reflector.getAllAndOverride<AuthenticatedOptions | undefined>(AUTH_METADATA, targets);
    if (!options) throw new ForbiddenException('This endpoint is not open to anyone');
    const http = context.switchToHttp();
    const request = http.getRequest<{ user?: AuthUser }>();
    const { err, user, info } = await authenticateWith<AuthUser>(this.jwt, request, http.getResponse());
    if (err) throw err;
    if (!user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      const missing = info instanceof Error && /No auth token/i.test(info.message);
      throw new UnauthorizedException(missing ? 'Missing bearer token' : expired ? 'Access token expired' : 'Invalid or revoked access token');
    }
    request.user = user;
    if (options.roles?.length && !options.roles.some((r) => user.roles.includes(r))) {
      throw new ForbiddenException(`This requires one of the roles: ${options.roles.join(', ')}`);
    }
    return true;
  }
}
