/**
 * Passwords nobody may use: those written in this repository (demo, docker-compose, README, tests)
 * and the commonest ones. One list for the admin password production starts with and for the
 * passwords users choose. Compared without case, spaces or punctuation.
 */
const KNOWN_PASSWORDS = [
  'demo-password',
  'admin-password',
  'user-password-1',
  'password',
  'password1',
  'password123',
  'password1234',
  'passwordpassword',
  'changeme',
  'change-me',
  'change-me-now',
  'admin',
  'admin123',
  'administrator',
  'letmein',
  'welcome',
  'welcome1',
  'welcome123',
  'iloveyou',
  'qwerty',
  'qwertyuiop',
  'qwertyuiop123',
  'secret',
  'scorecards',
  'scorecards123',
  '1234567890',
  '123456789012',
  '1234567890123',
];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const KNOWN = new Set(KNOWN_PASSWORDS.map(squash));

export function isKnownPassword(password: string): boolean {
  return KNOWN.has(squash(password));
}
