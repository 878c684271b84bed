import { ApiProperty } from '@nestjs/swagger';

/** What the sign-in page needs to offer single sign-on. */
export class SsoConfigResponse {
  /** Whether "Sign in with <provider>" is offered. */
  enabled: boolean;

  /** The provider's name for the button, e.g. "Okta"; null when single sign-on is off. */
  @ApiProperty({ type: String, nullable: true })
  providerName: string | null;

  /** False: password sign-in is off for everyone but the break-glass admin; the page hides its form. */
  passwordLogin: boolean;
}
