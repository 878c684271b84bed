import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@app/config';
import { AccessTokenService } from '@app/auth';
import { RequestIdentityService } from './request-identity.service';
import { fastifyTrustProxy } from './trust-proxy';

describe('RequestIdentityService', () => {
  const secret = 'identity-spec-key-identity-spec-key-0001';
  const jwt = new JwtService({ secret });
  const identity = new RequestIdentityService(new AccessTokenService({ jwtSecret: secret } as AppConfig));
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('reads the account from a token signed with the server key', () => {
    expect(identity.account(bearer(jwt.sign({ sub: 'user-1' })))).toBe('user-1');
  });

  it.each([
    ['another key', new JwtService({ secret: 'someone-elses-key-someone-elses-key-00' }).sign({ sub: 'user-1' })],
    ['an expired token', jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) - 10 })],
    [
      'alg none',
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"user-1"}').toString('base64url')}.`,
    ],
    ['no sub', jwt.sign({ email: 'a@b.c' })],
    ['a non-string sub', jwt.sign({ sub: 42 } as object)],
    ['garbage', 'not.a.token'],
  ])('counts no account for %s', (_label, token) => {
    expect(identity.account(bearer(token))).toBeNull();
  });

  it('counts no account without an Authorization header, or with an oversized one', () => {
    expect(identity.account({ headers: {} })).toBeNull();
    expect(identity.account({ headers: { authorization: `Bearer ${'a'.repeat(9000)}.b.c` } })).toBeNull();
  });

  it('verifies a request once', () => {
    const req = bearer(jwt.sign({ sub: 'user-2' }));
    expect(identity.account(req)).toBe('user-2');
    req.headers.authorization = 'Bearer changed.after.first';
    expect(identity.account(req)).toBe('user-2');
  });

  it.each<[unknown, string | null]>([
    [{ email: ' Admin@Example.ORG ' }, 'admin@example.org'],
    [{ email: '' }, null],
    [{ email: '   ' }, null],
    [{ email: ['a@b.c'] }, null],
    [{ email: { $ne: '' } }, null],
    [undefined, null],
    ['a string body', null],
  ])('takes the login email from %j as %j', (body, expected) => {
    expect(identity.loginEmail({ body })).toBe(expected);
  });

  it('groups IPv6 addresses by /64 and keeps IPv4 as is', () => {
    expect(identity.address({ ip: '2001:db8:1:2::1' })).toBe(identity.address({ ip: '2001:db8:1:2:ffff::9' }));
    expect(identity.address({ ip: '203.0.113.9' })).toBe('203.0.113.9');
  });
});

describe('fastifyTrustProxy', () => {
  it('turns a hop count into "trust the nearest hops" and passes the rest through', () => {
    const one = fastifyTrustProxy(1) as (a: string, i: number) => boolean;
    expect([one('10.0.0.1', 0), one('198.51.100.1', 1)]).toEqual([true, false]);
    expect(fastifyTrustProxy(0)).toBe(false);
    expect(fastifyTrustProxy(false)).toBe(false);
    expect(fastifyTrustProxy(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
  });
});
