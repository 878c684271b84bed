import passport from 'passport';
import type { Strategy } from 'passport';

export interface PassportOutcome<TUser> {
  err: unknown;
  user: TUser | false;
  info: unknown;
  status?: number;
}

/**
 * Runs one strategy *instance* through passport. Passport's named-strategy registry is global to
 * the process, so two apps in one process (tests, or an API beside a worker) would otherwise end up
 * sharing whichever strategy registered last, and with it that app's services.
 */
export function authenticateWith<TUser>(
  strategy: Strategy,
  request: unknown,
  response: unknown,
): Promise<PassportOutcome<TUser>> {
  return new Promise((resolve, reject) => {
    // passport hangs success()/fail() on the strategy object it is given; a fresh object per request
    // (inheriting from the shared instance) keeps concurrent requests from taking each other's callbacks
    const middleware = passport.authenticate(
      Object.create(strategy) as Strategy,
      { session: false },
      (err: unknown, user: TUser | false, info: unknown, status?: number) => resolve({ err, user, info, status }),
    );
    middleware(request, response, (err?: unknown) =>
      err ? reject(err) : resolve({ err: undefined, user: false, info: undefined }),
    );
  });
}
