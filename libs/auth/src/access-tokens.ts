import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { verify } from 'jsonwebtoken';
import { AppConfig } from '@app/config';

/** What an access token carries once verified. */
export interface VerifiedAccessToken {
  sub?: unknown;
  sid?: unknown;
  exp?: number;
}

/** Access tokens are signed with HS256 (@nestjs/jwt's default for a secret); nothing else is accepted. */
export const ACCESS_TOKEN_ALGORITHMS: ['HS256'] = ['HS256'];

/**
 * The access-token key, imported once. Handed a string, jsonwebtoken tries to read it as a PEM public
 * key on every call (createPublicKey, which throws) before falling back to a secret key: about half a
 * millisecond per request, twice per request (rate-limit identity and guard). A KeyObject skips that;
 * the checks are unchanged: signature, algorithm, expiry.
 */
@Injectable()
export class AccessTokens {
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
}
