import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@app/config';
import { AccessTokenService } from './access-token.service';

describe('AccessTokenService', () => {
  const secret = 'access-tokens-spec-key-access-tokens-0001';
  const signer = new JwtService({ secret });
  const tokens = new AccessTokenService({ jwtSecret: secret } as AppConfig);

  it('verifies a token as the login signs it', () => {
    expect(tokens.verify(signer.sign({ sub: 'user-1', sid: 'family-1' }, { expiresIn: 60 }))).toMatchObject({
      sub: 'user-1',
      sid: 'family-1',
    });
  });

  it.each([
    [
      'another key',
      () => new JwtService({ secret: 'someone-elses-key-someone-elses-key-00' }).sign({ sub: 'user-1' }),
      'invalid signature',
    ],
    [
      'another HMAC algorithm with the same key',
      () => signer.sign({ sub: 'user-1' }, { algorithm: 'HS512' }),
      'invalid algorithm',
    ],
    [
      'alg none',
      () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"user-1"}').toString('base64url')}.`,
      'jwt signature is required',
    ],
    ['an expired token', () => signer.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) - 10 }), 'jwt expired'],
    ['garbage', () => 'not.a.token', 'invalid token'],
  ])('refuses %s', (_label, token, message) => {
    expect(() => tokens.verify(token())).toThrow(message);
  });

  it('names an expired token as such, which the guard reports', () => {
    let error: unknown;
    try {
      tokens.verify(signer.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) - 10 }));
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).toBe('TokenExpiredError');
  });

  describe('fromRequest', () => {
    const req = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } });

    it('reads `Bearer <token>` in any case of the scheme, as passport-jwt did', () => {
      for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
        expect(tokens.fromRequest(req(`${scheme} ${signer.sign({ sub: 'user-1' })}`)).claims).toMatchObject({
          sub: 'user-1',
        });
      }
    });

    it.each([
      ['no header', undefined, 'missing'],
      ['another scheme', 'Basic dXNlcjpwYXNz', 'missing'],
      ['a scheme alone', 'Bearer', 'missing'],
      ['garbage', 'Bearer not.a.token', 'invalid'],
      [
        'another key',
        `Bearer ${new JwtService({ secret: 'someone-elses-key-someone-elses-key-00' }).sign({ sub: 'user-1' })}`,
        'invalid',
      ],
      [
        'an expired token',
        `Bearer ${signer.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) - 10 })}`,
        'expired',
      ],
    ])('says why there are no claims: %s', (_label, header, error) => {
      expect(tokens.fromRequest(req(header))).toEqual({ error });
    });

    it("verifies a request once, for every instance (the rate limits' and the guard's)", () => {
      const r = req(`Bearer ${signer.sign({ sub: 'user-2' })}`);
      const first = tokens.fromRequest(r);
      r.headers.authorization = 'Bearer changed.after.first';
      expect(new AccessTokenService({ jwtSecret: secret } as AppConfig).fromRequest(r)).toBe(first);
      expect(tokens.fromRequest(req('Bearer changed.after.first')).error).toBe('invalid');
    });
  });
});
