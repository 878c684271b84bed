import { DEMO_PASSWORD } from '@app/config';

/**
 * Passwords nobody may choose: those published in this repository (demo, docker-compose, README)
 * and the commonest ones of the 12-character minimum. Compared without case, spaces or punctuation.
 */
const KNOWN = [
  DEMO_PASSWORD,
  'change-me-now',
  'changeme',
  'password',
  'password123',
  'password1234',
  'passwordpassword',
  'user-password-1',
  'admin-password',
  'administrator',
  'scorecards',
  'scorecards123',
  'qwertyuiop',
  'qwertyuiop123',
  '123456789012',
  '1234567890123',
  'letmein',
  'welcome',
  'welcome123',
  'iloveyou',
].map(squash);

function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isKnownDefaultPassword(password: string): boolean {
  const s = squash(password);
  return KNOWN.includes(s) || /^(.)\1*$/.test(password) || /^(.{1,4})\1+$/.test(password);
}
