import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import type { Role } from '../role.enum';

export const AUTH_METADATA = 'scorecards:authenticated';
export const PUBLIC_METADATA = 'scorecards:public';
export const LOGIN_THROTTLE_METADATA = 'scorecards:login-throttle';

export interface AuthenticatedOptions {
  /** Any one of these roles is enough; omitted means any signed-in user. */
  roles?: Role[];
}

/** Requires a valid bearer token, and optionally one of the given roles. */
export function Authenticated(options: AuthenticatedOptions = {}) {
  const statuses = options.roles?.length ? [401, 403] : [401];
  return applyDecorators(SetMetadata(AUTH_METADATA, options), ApiBearerAuth(), ApiErrors(...statuses));
}

/** Opens an endpoint to anonymous callers; everything else is closed by default. */
export const Public = () => SetMetadata(PUBLIC_METADATA, true);

/** Puts an endpoint under the stricter login rate limit. */
export const LoginThrottle = () => SetMetadata(LOGIN_THROTTLE_METADATA, true);
