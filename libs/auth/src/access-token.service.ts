import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { verify } from 'jsonwebtoken';
import { AppConfig } from '@app/config';
import { hashApiKeySecret, isWellFormedApiKey, looksLikeApiKey } from './api-keys/api-key-secret';

/** What an access token carries once verified. */
export interface VerifiedAccessToken {
  sub?: unknown;
  sid?: unknown;
  exp?: number;
}

/** Access tokens are signed with HS256 (@nestjs/jwt's default for a secret); nothing else is accepted. */
export const ACCESS_TOKEN_ALGORITHMS: ['HS256'] = ['HS256'];

/**
 * A request's bearer token, checked: its claims, an API key's secret hash (the guard looks the key
 * up), or why there are none.
 */
export type BearerOutcome =
  | { claims: VerifiedAccessToken; apiKeyHash?: undefined; error?: undefined }
  | { claims?: undefined; apiKeyHash: string; error?: undefined }
  | { claims?: undefined; apiKeyHash?: undefined; error: 'missing' | 'expired' | 'invalid' };

interface RequestWithHeaders {
  headers?: Record<string, string | string[] | undefined>;
}

/** The scheme and the value of an Authorization header, read as passport-jwt read it. */
const AUTH_HEADER = /(\S+)\s+(\S+)/;

/**
 * Outcomes per request object, shared by every AccessTokenService instance of the process (the rate
 * limits' module and the auth module each hold one, with the same secret): the token is verified
 * once per request whoever asks first.
 */
const outcomes = new WeakMap<object, BearerOutcome>();

/**
 * The access-token key, imported once. Handed a string, jsonwebtoken tries to read it as a PEM public
 * key on every call (createPublicKey, which throws) before falling back to a secret key: about half a
 * millisecond per request. A KeyObject skips that; the checks are unchanged: signature, algorithm,
 * expiry.
 */
@Injectable()
export class AccessTokenService {
  readonly key: KeyObject;

  // the class as the parameter type: Nest injects by the emitted metadata (a Pick<> would be Object)
  constructor(config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  /** The token's payload, or throws jsonwebtoken's error (TokenExpiredError, JsonWebTokenError). */
  verify(token: string): VerifiedAccessToken {
    const payload = verify(token, this.key, { algorithms: ACCESS_TOKEN_ALGORITHMS });
    if (typeof payload === 'string') throw new Error('an access token carries a JSON payload');
    return payload as VerifiedAccessToken;
  }

  /**
   * The request's bearer token (`Authorization: Bearer <token>`, the scheme in any case), verified
   * once per request: the rate limits (which run first) and the auth guard share the outcome.
   */
  fromRequest(req: RequestWithHeaders): BearerOutcome {
    const cached = outcomes.get(req);
    if (cached) return cached;
    const outcome = this.check(req.headers?.authorization);
    outcomes.set(req, outcome);
    return outcome;
  }

  private check(header: string | string[] | undefined): BearerOutcome {
    const match = typeof header === 'string' ? AUTH_HEADER.exec(header) : null;
    if (!match || match[1].toLowerCase() !== 'bearer') return { error: 'missing' };
    // hashed here, once per request, so the rate limits can count per key without a database read
    if (looksLikeApiKey(match[2]))
      return isWellFormedApiKey(match[2]) ? { apiKeyHash: hashApiKeySecret(match[2]) } : { error: 'invalid' };
    try {
      return { claims: this.verify(match[2]) };
    } catch (e) {
      return { error: e instanceof Error && e.name === 'TokenExpiredError' ? 'expired' : 'invalid' };
    }
  }
}
