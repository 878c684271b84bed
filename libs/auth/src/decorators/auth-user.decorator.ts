import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { Role } from '../role.enum';

/** An integration's API key that authenticated a request: its id, name and granted scopes. */
export interface ApiKeyPrincipal {
  id: string;
  name: string;
  scopes: string[];
}

/**
 * The signed-in user, as the guard loaded it for this request. For a request made with an API key
 * it is the key: `id` is the key's id, `name` its name, no roles, and `apiKey` says so (the access
 * policy answers for it explicitly, see isApiKey).
 */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  timezone: string;
  /** The sign-in the access token belongs to (absent for work done on a user's behalf). */
  sessionId?: string;
  /** Set when the caller is an API key, not a person. */
  apiKey?: ApiKeyPrincipal;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

export function hasRole(user: Pick<AuthUser, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
