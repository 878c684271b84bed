import { decodeCursor, encodeCursor } from './page.dto';

describe('decodeCursor', () => {
  it('round-trips what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor(['2027-12-01T10:00:00.000Z', 'a1']))).toEqual(['2027-12-01T10:00:00.000Z', 'a1']);
  });

  it('ignores a hand-made cursor carrying a NUL or a lone surrogate (the first page is served instead)', () => {
    expect(decodeCursor(encodeCursor(['a\u0000', 'x']))).toBeUndefined();
    expect(decodeCursor(Buffer.from('["\\ud800","x"]').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(encodeCursor([[[['deep']]]]))).toBeUndefined();
    expect(decodeCursor('%%%')).toBeUndefined();
  });
});
