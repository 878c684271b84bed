import { BadRequestException } from '@nestjs/common';
import { parseIdempotencyKey, requestHash } from './idempotency-key';

describe('Idempotency-Key parsing', () => {
  it('accepts 1 to 200 printable ASCII characters as they are', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('k'.repeat(200))).toBe('k'.repeat(200));
    expect(parseIdempotencyKey('order 42: "retry" ~!')).toBe('order 42: "retry" ~!');
  });

  it.each([[''], ['   '], ['k'.repeat(201)], ['a\tb'], ['a\u0000b'], ['clé'], ['\ud800'], ['a\nb']])(
    'refuses %j with a 400 naming the header',
    (raw) => {
      expect(() => parseIdempotencyKey(raw)).toThrow(BadRequestException);
      try {
        parseIdempotencyKey(raw);
      } catch (e) {
        expect((e as BadRequestException).getResponse()).toMatchObject({ details: [{ field: 'Idempotency-Key' }] });
      }
    },
  );
});

describe('request hash', () => {
  it('is the same for the same values in another key order, and differs for other values', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: null } })).toBe(requestHash({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash([1, 2])).not.toBe(requestHash([2, 1]));
    expect(requestHash(undefined)).toBe(requestHash(null));
    expect(requestHash('text')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a body nested beyond what the serializer can walk with a 400, not a crash', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    let outcome: unknown;
    try {
      outcome = requestHash(deep);
    } catch (e) {
      outcome = e;
    }
    // either hashed or refused; never a RangeError escaping as a 500
    expect(typeof outcome === 'string' || outcome instanceof BadRequestException).toBe(true);
  });
});
