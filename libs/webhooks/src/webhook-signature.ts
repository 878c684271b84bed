import { signWebhook } from '@app/reminders';

export { SIGNATURE_HEADER } from '@app/reminders';

/**
 * The reminders' scheme (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`), with one `v1=`
 * per valid secret: during a rotation the receiver may still know only the old one, and any match
 * is enough. The newest secret comes first.
 */
export function signWithSecrets(secrets: string[], body: string, at: Date): string {
  const [first, ...rest] = secrets.map((s) => signWebhook(s, body, at));
  return [first, ...rest.map((sig) => sig.slice(sig.indexOf(',') + 1))].join(',');
}

/** The secrets that sign now: the current one, and the previous one until its grace period ends. */
export function signingSecrets(
  sub: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
): string[] {
  const previousValid = sub.previousSecret && sub.previousSecretExpiresAt && sub.previousSecretExpiresAt > now;
  return previousValid ? [sub.secret, sub.previousSecret!] : [sub.secret];
}
