import type { FastifyRequest } from 'fastify';
import { isKnownDefaultPassword } from '../password-policy';
import { clearedCookies, hashToken, newRefreshToken, refreshCookie, refreshTokenFrom } from './session-cookies';

const req = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as unknown as FastifyRequest;

describe('refresh cookies', () => {
  it('makes 43-character url-safe tokens, different each time, hashed to 64 hex characters', () => {
    const a = newRefreshToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRefreshToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the token among other cookies and ignores anything not shaped like one', () => {
    const t = newRefreshToken();
    expect(refreshTokenFrom(req(`a=1; scorecards_refresh=${t}; b=2`))).toBe(t);
    expect(refreshTokenFrom(req(`scorecards_refresh= ${t} `))).toBe(t);
    for (const bad of [
      undefined,
      '',
      'scorecards_refresh',
      'scorecards_refresh=',
      `scorecards_refresh=${t}x`,
      `scorecards_refresh="${t}"`,
      `scorecards_refresh=${t.slice(1)}\0`,
      `scorecards_refresh=${'A'.repeat(10_000)}`,
      `xscorecards_refresh=${t}`,
    ]) {
      expect(refreshTokenFrom(req(bad))).toBeNull();
    }
  });

  it('writes HttpOnly, SameSite=Strict cookies on the auth path, Secure only for https', () => {
    expect(refreshCookie('tok', 60, false)).toBe(
      'scorecards_refresh=tok; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=60',
    );
    expect(refreshCookie('tok', 60, true)).toMatch(/; Secure$/);
    expect(clearedCookies(false)).toEqual([
      'scorecards_refresh=; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=0',
      'scorecards_dashboard=; Path=/admin/queues; HttpOnly; SameSite=Strict; Max-Age=0',
    ]);
  });
});

describe('known default passwords', () => {
  it('refuses published and trivial passwords, whatever their case or punctuation', () => {
    for (const p of [
      'demo-password',
      'DEMO PASSWORD',
      'change-me-now',
      'Password123!',
      'aaaaaaaaaaaaaaaa',
      'abcabcabcabcabc',
      '123456789012',
    ])
      expect([p, isKnownDefaultPassword(p)]).toEqual([p, true]);
    for (const p of ['a-much-better-secret', 'correct horse battery', 'demo-password-but-longer'])
      expect([p, isKnownDefaultPassword(p)]).toEqual([p, false]);
  });

  it('decides in linear time on long input', () => {
    const started = Date.now();
    isKnownDefaultPassword('ab'.repeat(100) + 'c');
    expect(Date.now() - started).toBeLessThan(50);
  });
});
