import { createHash } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { AppConfig } from '@app/config';
import type { RequestIdentityService } from './request-identity.service';

const MINUTE = 60_000;

/**
 * Keys name the throttler and whom it counts, not the route: a limit per address or account holds
 * across all endpoints (the library's default key is per route). Hashed, so that Redis keys carry
 * no email address.
 */
export function throttleKey(_context: ExecutionContext, tracker: string, name: string): string {
  const plain = `${name}|${tracker}`;
  let key = hashed.get(plain);
  if (key === undefined) {
    key = createHash('sha256').update(plain).digest('base64url');
    if (hashed.size >= HASHED_MAX) hashed.delete(hashed.keys().next().value!);
    hashed.set(plain, key);
  }
  return key;
}

// Every request is counted under two or more keys, each a SHA-256 of a handful of addresses and
// accounts that keep coming back; a bounded memo (oldest out first) spares the hashing.
const HASHED_MAX = 10_000;
const hashed = new Map<string, string>();

/**
 * The four limits, each per minute:
 * - `default`: per client address (RATE_LIMIT);
 * - `account`: per signed-in account across addresses (ACCOUNT_RATE_LIMIT), so rotating
 *   addresses or X-Forwarded-For does not multiply one account's allowance;
 * - `login`: login attempts per address and email (LOGIN_RATE_LIMIT), so one attacker cannot
 *   lock everybody out of an account from one address;
 * - `login-account`: login attempts per email across addresses (LOGIN_ACCOUNT_RATE_LIMIT), so a
 *   password guesser gains nothing from many addresses.
 */
export function throttlerOptions(
  config: AppConfig,
  identity: RequestIdentityService,
  storage: ThrottlerStorage,
): ThrottlerModuleOptions {
  const req = (ctx: ExecutionContext) => identity.request(ctx);
  return {
    storage,
    generateKey: throttleKey,
    errorMessage: 'Too many requests; wait a minute and try again',
    throttlers: [
      { name: 'default', ttl: MINUTE, limit: config.rateLimit, getTracker: (r) => identity.address(r) },
      {
        name: 'account',
        ttl: MINUTE,
        limit: config.accountRateLimit,
        skipIf: (ctx) => identity.account(req(ctx)) === null,
        getTracker: (r) => identity.account(r) ?? '',
      },
      {
        name: 'login',
        ttl: MINUTE,
        limit: config.loginRateLimit,
        skipIf: (ctx) => !identity.isLogin(ctx),
        getTracker: (r) => `${identity.address(r)}|${identity.loginEmail(r) ?? ''}`,
      },
      {
        name: 'login-account',
        ttl: MINUTE,
        limit: config.loginAccountRateLimit,
        // a login without an email is refused by validation; it must not share one bucket with every other
        skipIf: (ctx) => !identity.isLogin(ctx) || identity.loginEmail(req(ctx)) === null,
        getTracker: (r) => identity.loginEmail(r) ?? '',
        // the remaining count would tell anyone how often others tried this email
        setHeaders: false,
      },
    ],
  };
}
