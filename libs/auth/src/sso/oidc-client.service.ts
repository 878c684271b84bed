import { Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { AppConfig } from '@app/config';
import type { OidcConfig } from '@app/config';
import type { PendingSignIn } from './sso-state-cookie';
import { SSO_STATE_TTL_SECONDS } from './sso-state-cookie';

export const SSO_CALLBACK_PATH = '/api/v1/auth/sso/callback';

/** The ID token's claims the app reads, once openid-client has verified signature, issuer, audience, nonce and expiry. */
export type VerifiedClaims = client.IDToken;

/**
 * The authorization code flow with PKCE, state and nonce, by openid-client (a certified relying
 * party): it discovers the provider from the issuer URL and verifies the ID token, so nothing here
 * parses a JWT by hand.
 *
 * Discovery, the token exchange and the key set fetch go straight to the issuer, NOT through the
 * OutboundRequestService guard: the issuer is the operator's configuration, not a URL a user typed,
 * and company identity providers (Keycloak, ADFS) often live on internal addresses the guard exists
 * to refuse. The guard protects against users steering requests; operators choose their own hosts.
 */
@Injectable()
export class OidcClientService {
  private discovered?: Promise<client.Configuration>;

  constructor(private readonly config: AppConfig) {}

  get settings(): OidcConfig | undefined {
    return this.config.oidc;
  }

  /** Where to send the browser, and what the callback must find again. */
  async start(): Promise<{ url: string; pending: PendingSignIn }> {
    const oidc = await this.configuration();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      expires: Date.now() + SSO_STATE_TTL_SECONDS * 1000,
    };
    const url = client.buildAuthorizationUrl(oidc, {
      redirect_uri: this.redirectUri(),
      scope: 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code and returns the ID token's verified claims; throws on any mismatch. */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<VerifiedClaims> {
    const oidc = await this.configuration();
    const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider returned no ID token');
    return claims;
  }

  redirectUri(): string {
    return this.config.publicUrl + SSO_CALLBACK_PATH;
  }

  /** Discovered once and kept; a failed discovery is forgotten so that the next sign-in tries again. */
  private configuration(): Promise<client.Configuration> {
    const oidc = this.config.oidc;
    if (!oidc) return Promise.reject(new Error('single sign-on is not configured'));
    this.discovered ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        undefined,
        // client_secret_basic: the method OpenID Connect requires every provider to support
        oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
        // production refuses an http issuer (app-config); elsewhere a local provider may be plain http
        this.config.production ? { timeout: 10 } : { timeout: 10, execute: [client.allowInsecureRequests] },
      )
      .catch((e: unknown) => {
        this.discovered = undefined;
        throw e;
      });
    return this.discovered;
  }
}
