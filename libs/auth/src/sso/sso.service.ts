import { Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { AppConfig } from '@app/config';
import { refreshCookie } from '../sessions/session-cookies';
import { SessionsService } from '../sessions/sessions.service';
import { SsoConfigResponse } from './dto/sso-config.response';
import { OidcClientService, SSO_CALLBACK_PATH } from './oidc-client.service';
import { SsoAccountsService } from './sso-accounts.service';
import { SsoRefusal } from './sso-refusal';
import { openPending, pendingCookie, pendingFrom, sealPending, SSO_STATE_TTL_SECONDS } from './sso-state-cookie';

/** Where the browser goes next, and the cookies to set on the way. */
export interface SsoRedirect {
  url: string;
  cookies: string[];
}

/**
 * Single sign-on: leaves for the provider and comes back with a session opened exactly as the
 * password login opens one (a refresh-token family and its HttpOnly cookie); the web page then
 * exchanges the cookie for an access token as it does on every load. Every failure lands on the
 * sign-in page with a code it explains, never on an error document.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger('Sso');

  constructor(
    private readonly oidc: OidcClientService,
    private readonly accounts: SsoAccountsService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  publicConfig(): SsoConfigResponse {
    const oidc = this.config.oidc;
    return {
      enabled: Boolean(oidc),
      providerName: oidc?.providerName ?? null,
      passwordLogin: this.config.passwordLogin,
    };
  }

  async start(): Promise<SsoRedirect> {
    if (!this.config.oidc) return this.toSignIn('not_configured');
    try {
      const { url, pending } = await this.oidc.start();
      const sealed = sealPending(pending, this.config.jwtSecret);
      return { url, cookies: [pendingCookie(sealed, SSO_STATE_TTL_SECONDS, this.secure)] };
    } catch (e) {
      this.logger.warn(`the identity provider could not be reached: ${(e as Error).message}`);
      return this.toSignIn('unavailable');
    }
  }

  async callback(req: FastifyRequest): Promise<SsoRedirect> {
    // one attempt per cookie: whatever happens, the browser forgets it
    const cleared = pendingCookie('', 0, this.secure);
    if (!this.config.oidc) return this.toSignIn('not_configured', [cleared]);
    try {
      const pending = openPending(pendingFrom(req), this.config.jwtSecret);
      if (!pending) throw new SsoRefusal('state', 'the sign-in attempt is unknown or expired');
      // built from PUBLIC_URL, not the Host header, so that it matches the registered redirect URI
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const claims = await this.verify(new URL(this.config.publicUrl + SSO_CALLBACK_PATH + query), pending);
      const user = await this.accounts.resolve(claims);
      const refresh = await this.sessions.start(user);
      return {
        url: '/',
        cookies: [cleared, refreshCookie(refresh.token, refresh.maxAge, this.secure)],
      };
    } catch (e) {
      if (e instanceof SsoRefusal) return this.toSignIn(e.code, [cleared]);
      this.logger.error(`single sign-on failed: ${(e as Error).stack ?? String(e)}`);
      return this.toSignIn('failed', [cleared]);
    }
  }

  /** openid-client's verdict, turned into a refusal the sign-in page can explain. */
  private async verify(url: URL, pending: Parameters<OidcClientService['finish']>[1]) {
    try {
      return await this.oidc.finish(url, pending);
    } catch (e) {
      const provider = e instanceof client.AuthorizationResponseError;
      // openid-client wraps the specific check that failed ("unexpected JWT claim value") around its cause
      const detail = [e, (e as { cause?: unknown }).cause]
        .filter((x): x is Error => x instanceof Error)
        .map((x) => x.message)
        .join(': ');
      await this.accounts.verificationFailed(provider ? 'provider_error' : 'verification', detail);
      if (provider) throw new SsoRefusal('provider', `the provider refused: ${e.error}`);
      if (/"state"/.test(detail)) throw new SsoRefusal('state', detail);
      throw new SsoRefusal('failed', detail);
    }
  }

  private toSignIn(code: SsoRefusal['code'], cookies: string[] = []): SsoRedirect {
    // relative: the web page is served by this same origin, whatever PUBLIC_URL says
    return { url: `/sign-in?sso_error=${code}`, cookies };
  }

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }
}
