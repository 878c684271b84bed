import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { Role } from '../role.enum';

/** The signed-in user, as the guard loaded it for this request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  timezone: string;
  /** The sign-in the access token belongs to (absent for work done on a user's behalf). */
  sessionId?: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

export function hasRole(user: Pick<AuthUser, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
