import { isKnownPassword } from '@app/config';

/** A password nobody may choose: one the repository or everyone uses, or one character or a short cycle repeated. */
export function isKnownDefaultPassword(password: string): boolean {
  return isKnownPassword(password) || /^(.)\1*$/.test(password) || /^(.{1,4})\1+$/.test(password);
}
