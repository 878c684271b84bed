/**
 * Why a single sign-on did not open a session. The sign-in page gets only the code, never text
 * from the URL, so a crafted link cannot put words of its own on our page.
 */
export type SsoErrorCode =
  'not_configured' | 'unavailable' | 'state' | 'provider' | 'failed' | 'email' | 'domain' | 'inactive' | 'identity';

export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SsoRefusal';
  }
}
