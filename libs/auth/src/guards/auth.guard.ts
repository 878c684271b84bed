import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { AUTH_METADATA, AuthenticatedOptions, PUBLIC_METADATA } from '../decorators/authenticated.decorator';
import type { AuthUser } from '../decorators/auth-user.decorator';

/**
 * The one global guard. Endpoints are closed unless marked @Public(); @Authenticated({ roles })
 * narrows them to roles. A route with neither is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class GlobalAuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
    const options = this.reflector.getAllAndOverride<AuthenticatedOptions | undefined>(AUTH_METADATA, targets);
    if (!options) throw new ForbiddenException('This endpoint is not open to anyone');
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (options.roles?.length && !options.roles.some((r) => user.roles.includes(r))) {
      throw new ForbiddenException(`This requires one of the roles: ${options.roles.join(', ')}`);
    }
    return true;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false, info: unknown): TUser {
    if (err) throw err;
    if (!user) {
      const reason = info instanceof Error && info.name === 'TokenExpiredError' ? 'Access token expired' : undefined;
      const missing = info instanceof Error && /No auth token/i.test(info.message);
      throw new UnauthorizedException(missing ? 'Missing bearer token' : (reason ?? 'Invalid or revoked access token'));
    }
    return user;
  }
}
