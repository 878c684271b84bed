import { escapeText, fold, paramValue } from './text';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('keeps colons, tabs and non-ASCII, and drops other control characters', () => {
    expect(escapeText('10:00\tMüller\u0000\u0007\u007f')).toBe('10:00\tMüller');
  });
});

describe('paramValue', () => {
  it.each([
    ['Jane Doe', 'Jane Doe'],
    ['Müller, Jürgen', '"Müller, Jürgen"'],
    ['a;b', '"a;b"'],
    ['Dr: X', '"Dr: X"'],
    ['Say "hi"', 'Say hi'],
    ['x\r\ny', 'xy'],
  ])('%j -> %j', (input, expected) => {
    expect(paramValue(input)).toBe(expected);
  });
});

describe('fold', () => {
  it('leaves a 75-octet line alone and folds a 76-octet one', () => {
    expect(fold('a'.repeat(75))).toBe('a'.repeat(75));
    expect(fold('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('continues with 74 octets after the leading space', () => {
    expect(fold('a'.repeat(75 + 74 + 1)).split('\r\n')).toEqual(['a'.repeat(75), ` ${'a'.repeat(74)}`, ' a']);
  });

  it.each([
    ['2-byte', 'ü'],
    ['3-byte', '€'],
    ['4-byte', '😀'],
  ])('never splits a %s character and unfolds to the input', (_, char) => {
    for (let prefix = 0; prefix < 4; prefix++) {
      const line = 'x'.repeat(prefix) + char.repeat(100);
      const folded = fold(line);
      for (const physical of folded.split('\r\n')) {
        expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(physical).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/); // no surrogate pair torn apart
      }
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }
  });
});
