import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { components } from '../api/schema';

export type SsoConfig = components['schemas']['SsoConfigResponse'];

/** Where the sign-in button sends the browser: a navigation, since the provider's pages are not ours. */
export const SSO_START_URL = '/api/v1/auth/sso/start';

/**
 * Whether the server offers single sign-on, and whether it still takes passwords. A failed call
 * means no button and the password form: the break-glass admin can always get in that way.
 */
export function useSsoConfig(): SsoConfig | undefined {
  const [config, setConfig] = useState<SsoConfig>();
  useEffect(() => {
    let cancelled = false;
    api.GET('/api/v1/auth/sso').then(
      ({ data }) => {
        if (!cancelled && data) setConfig(data);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return config;
}

/**
 * What a failed single sign-on means, by the code the server puts in ?sso_error= (the page never
 * shows text from the URL itself, so a crafted link cannot put words on it).
 */
const MESSAGES: Record<string, string> = {
  not_configured: 'Single sign-on is not set up on this server.',
  unavailable: 'The identity provider could not be reached. Try again in a moment.',
  state: 'That sign-in attempt expired or did not start here. Please sign in again.',
  provider: 'The identity provider did not sign you in.',
  failed: 'The identity provider’s answer could not be verified. Please sign in again.',
  email: 'The identity provider did not share a verified email address for you.',
  domain: 'There is no account for your email address. Ask an administrator to invite you.',
  inactive: 'Your account is deactivated. Ask an administrator to reactivate it.',
  identity:
    'Your email address belongs to an account linked to another identity at your provider. Ask an administrator.',
};

export function ssoErrorMessage(code: string | null): string | undefined {
  if (!code) return undefined;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : 'Single sign-on failed. Please try again.';
}
