import { HttpException } from '@nestjs/common';
import { decodeCursor, encodeCursor, readCursor, type CursorPart } from './page.dto';

const ID = '0b9f5c2e-8a4d-4c1e-9f3a-2d7e6b1a5c40';
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** The error readCursor throws, as the exception filter would answer it. */
function refusal(cursor: string, shape: readonly CursorPart[]): unknown {
  try {
    readCursor(cursor, shape);
  } catch (e) {
    return e instanceof HttpException ? { status: e.getStatus(), body: e.getResponse() } : e;
  }
  return 'accepted';
}

const REFUSED = {
  status: 400,
  body: {
    message: 'cursor is not a nextCursor of this list',
    details: [{ field: 'cursor', messages: ['cursor is not a nextCursor of this list'] }],
  },
};

describe('decodeCursor', () => {
  it('round-trips what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor(['2027-12-01T10:00:00.000Z', 'a1']))).toEqual(['2027-12-01T10:00:00.000Z', 'a1']);
  });

  it('reads nothing from a hand-made cursor carrying a NUL or a lone surrogate (readCursor answers 400)', () => {
    expect(decodeCursor(encodeCursor(['a\u0000', 'x']))).toBeUndefined();
    expect(decodeCursor(Buffer.from('["\\ud800","x"]').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(encodeCursor([[[['deep']]]]))).toBeUndefined();
    expect(decodeCursor('%%%')).toBeUndefined();
  });
});

describe('readCursor', () => {
  it('is undefined without a cursor, so that the list starts at its first page', () => {
    expect(readCursor(undefined, ['instant', 'uuid'])).toBeUndefined();
    expect(readCursor('', ['instant', 'uuid'])).toBeUndefined();
  });

  it('gives back the parts of a cursor of the shape, instants as the server wrote them', () => {
    for (const at of [
      '2027-12-01 10:00:00.123456+00',
      '2027-12-01 10:00:00+05:30',
      '2027-12-01 10:00:00.5-08',
      '2027-12-01T10:00:00.123Z',
    ])
      expect(readCursor(encodeCursor([at, ID]), ['instant', 'uuid'])).toEqual([at, ID]);
    expect(readCursor(encodeCursor(['Ada Lovelace', ID.toUpperCase()]), ['text', 'uuid'])).toEqual([
      'Ada Lovelace',
      ID.toUpperCase(),
    ]);
    expect(readCursor(encodeCursor(['ada@example.com']), ['text'])).toEqual(['ada@example.com']);
    expect(
      readCursor(encodeCursor(['yes', 'desc', 3, 'ada', ID]), [['yes'], ['desc'], 'integer', 'text', 'uuid']),
    ).toEqual(['yes', 'desc', 3, 'ada', ID]);
    const shape = [['overallMean'], ['asc'], 'number or null', 'text', 'uuid'] as const;
    expect(readCursor(encodeCursor(['overallMean', 'asc', 3.25, 'ada', ID]), shape)).toEqual([
      'overallMean',
      'asc',
      3.25,
      'ada',
      ID,
    ]);
    expect(readCursor(encodeCursor(['overallMean', 'asc', null, 'ada', ID]), shape)).toEqual([
      'overallMean',
      'asc',
      null,
      'ada',
      ID,
    ]);
  });

  it('refuses what is not JSON, not an array, or not as long as the shape, with a 400 naming cursor', () => {
    for (const cursor of [
      'not*base64!',
      '%%%',
      b64('not json'),
      b64('{"a":1}'),
      b64('"2027-12-01T10:00:00Z"'),
      b64('null'),
      encodeCursor([]),
      encodeCursor(['2027-12-01T10:00:00Z']),
      encodeCursor(['2027-12-01T10:00:00Z', ID, ID]),
    ])
      expect({ cursor, refusal: refusal(cursor, ['instant', 'uuid']) }).toEqual({ cursor, refusal: REFUSED });
  });

  it.each<[string, CursorPart, unknown[]]>([
    [
      'instant',
      'instant',
      [
        'not a date',
        '1',
        'Dec 1 2027',
        '2027-02-30 10:00:00+00',
        '2027-13-01T10:00:00Z',
        '0000-01-01 00:00:00+00',
        '2027-12-01 24:00:00+00',
        '2027-12-01T10:00:00',
        '2027-12-01T10:00:00.1234567Z',
        '2027-12-01 10:00:00+05:53:28',
        1796108615123,
        null,
        '',
      ],
    ],
    ['uuid', 'uuid', ['not-a-uuid', `${ID}0`, ID.slice(1), ID.replace(/-/g, ''), 1, null, '', [ID]]],
    ['text', 'text', ['', 1, null, true, ['a'], { a: 1 }, 'x'.repeat(255)]],
    ['integer', 'integer', [1.5, '1', null, 2 ** 53, Number.NaN]],
    ['number or null', 'number or null', ['1', true, {}]],
    ['one of values', ['name'], ['overallMean', 'Name', 1, null]],
  ])('refuses a part of kind %s holding anything else', (_kind, part, values) => {
    for (const value of values) {
      const cursor = encodeCursor([value, ID]);
      expect({ value, refusal: refusal(cursor, [part, 'uuid']) }).toEqual({ value, refusal: REFUSED });
    }
  });

  it('keeps the input guard: a NUL or a lone surrogate in a part is refused', () => {
    expect(refusal(encodeCursor(['a\u0000b', ID]), ['text', 'uuid'])).toEqual(REFUSED);
    expect(refusal(Buffer.from(`["\\udc00", "${ID}"]`).toString('base64url'), ['text', 'uuid'])).toEqual(REFUSED);
  });
});
