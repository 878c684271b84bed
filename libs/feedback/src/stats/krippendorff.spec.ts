import { alphaFromCoincidences, coincidences, MIN_PAIRABLE_VALUES, type AlphaLevel } from './index';
import { referenceAlpha } from './krippendorff.reference';

const LEVELS: AlphaLevel[] = ['nominal', 'ordinal', 'interval'];
const _ = null;

/** Reliability data are published observers x units; the API takes units x raters. */
const byUnit = (observers: Array<Array<number | null>>) => observers[0].map((_v, u) => observers.map((row) => row[u]));

const alphaOf = (units: Array<Array<number | null>>, level?: AlphaLevel, values?: number[]) =>
  alphaFromCoincidences(coincidences(units, values), level);

describe('published examples (Krippendorff 2011, "Computing Krippendorff\'s Alpha-Reliability")', () => {
  // 4 observers x 12 units on values 1-5, "." (null) = missing; unit 12 has a single value.
  const paper = byUnit([
    /* A */ [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    /* B */ [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    /* C */ [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    /* D */ [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ]);

  it('builds the published coincidence matrix (n = 40, lone value of unit 12 left out)', () => {
    const { values, o } = coincidences(paper);
    expect(values).toEqual([1, 2, 3, 4, 5]);
    const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
    [9, 13, 10, 5, 3].forEach((x, c) => expect(marginals[c]).toBeCloseTo(x, 12));
    [7, 4 / 3, 1 / 3, 1 / 3, 0].forEach((x, k) => expect(o[0][k]).toBeCloseTo(x, 12));
    expect(o).toEqual(o.map((row, c) => row.map((_x, k) => o[k][c])));
    expect(alphaFromCoincidences({ values, o }).pairableValues).toBe(40);
  });

  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
  ] as const)('%s alpha = %s', (level, published) => {
    const result = alphaOf(paper, level);
    expect(result.alpha).toBeCloseTo(published, 3);
    expect(result.enoughData).toBe(true);
  });

  // 2 observers x 10 units, binary
  const binary = byUnit([
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
  ]);

  it('binary example: nominal alpha = 0.095', () => {
    expect(alphaOf(binary, 'nominal').alpha).toBeCloseTo(0.095, 3);
  });

  it('with only two categories every metric reduces to nominal', () => {
    const nominal = alphaOf(binary, 'nominal').alpha!;
    expect(alphaOf(binary, 'ordinal').alpha).toBeCloseTo(nominal, 12);
    expect(alphaOf(binary, 'interval').alpha).toBeCloseTo(nominal, 12);
  });
});

/** mulberry32: small seeded PRNG so failures reproduce. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('agrees with the plain reference implementation', () => {
  const random = mulberry32(20110143);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const datasets = Array.from({ length: 200 }, () => {
    const raters = int(2, 8);
    const units = Array.from({ length: int(1, 60) }, () =>
      Array.from({ length: raters }, () => (random() < 0.3 ? null : int(1, 4))),
    );
    // make sure every data set has a unit with a single value, which must be skipped
    units[int(0, units.length - 1)] = Array.from({ length: raters }, (_v, r) => (r === 0 ? int(1, 4) : null));
    return units;
  });

  it.each(LEVELS)('%s: 200 random data sets within 1e-9', (level) => {
    let computed = 0;
    for (const units of datasets) {
      const expected = referenceAlpha(units, level);
      const actual = alphaOf(units, level);
      expect(actual.pairableValues).toBe(expected.n);
      expect(actual.observedDisagreement).toBeCloseTo(expected.observedDisagreement, 9);
      expect(actual.expectedDisagreement).toBeCloseTo(expected.expectedDisagreement, 9);
      if (expected.alpha === null) {
        expect(actual.alpha).toBeNull();
      } else {
        expect(Math.abs(actual.alpha! - expected.alpha)).toBeLessThan(1e-9);
        computed++;
      }
    }
    expect(computed).toBeGreaterThan(150);
  });

  it('also agrees on the 1-4 scale passed explicitly, as SQL lists it', () => {
    for (const units of datasets.slice(0, 50)) {
      for (const level of LEVELS) {
        const expected = referenceAlpha(units, level).alpha;
        const actual = alphaOf(units, level, [1, 2, 3, 4]).alpha;
        if (expected === null) expect(actual).toBeNull();
        else expect(Math.abs(actual! - expected)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('edge cases', () => {
  it.each(LEVELS)('%s: perfect agreement gives alpha = 1', (level) => {
    const result = alphaOf(
      [
        [1, 1, 1],
        [2, 2, _],
        [4, 4, 4],
        [3, _, 3],
        [2, 2, 2],
      ],
      level,
    );
    expect(result.alpha).toBe(1);
    expect(result.observedDisagreement).toBe(0);
  });

  it('no pairable values: alpha null, not enough data', () => {
    for (const units of [
      [],
      [[_, _]],
      [
        [1, _, _],
        [_, 4, _],
        [_, _, _],
      ],
    ]) {
      const result = alphaOf(units);
      expect(result).toMatchObject({ alpha: null, pairableValues: 0, enoughData: false });
    }
    expect(alphaFromCoincidences({ values: [], o: [] }).alpha).toBeNull();
    expect(alphaFromCoincidences({ values: [1, 2, 3, 4], o: [1, 2, 3, 4].map(() => [0, 0, 0, 0]) }).alpha).toBeNull();
  });

  it.each(LEVELS)('%s: no variation (every value identical) gives null even with plenty of data', (level) => {
    const units = Array.from({ length: 10 }, () => [3, 3, _, 3]);
    const result = alphaOf(units, level, [1, 2, 3, 4]);
    expect(result).toMatchObject({ alpha: null, pairableValues: 30, expectedDisagreement: 0, enoughData: false });
  });

  it.each(LEVELS)('%s: two raters always at opposite extremes give a negative alpha', (level) => {
    const units = [
      [1, 4],
      [4, 1],
      [1, 4],
    ];
    expect(alphaOf(units, level).alpha).toBeCloseTo(-2 / 3, 12);
    expect(alphaOf(units, level, [1, 2, 3, 4]).alpha).toBeCloseTo(-2 / 3, 12);
    const many = Array.from({ length: 20 }, (_v, i) => (i % 2 ? [1, 4] : [4, 1]));
    expect(alphaOf(many, level).alpha).toBeLessThan(0);
  });

  it('enoughData needs MIN_PAIRABLE_VALUES pairable values', () => {
    expect(MIN_PAIRABLE_VALUES).toBe(10);
    const nine = alphaOf([
      [1, 2, 2],
      [3, 3, 4],
      [4, 4, 4],
    ]);
    expect(nine.pairableValues).toBe(9);
    expect(nine.alpha).not.toBeNull();
    expect(nine.enoughData).toBe(false);

    const ten = alphaOf([
      [1, 2],
      [3, 3],
      [4, 4],
      [2, 2],
      [1, 1],
    ]);
    expect(ten.pairableValues).toBe(10);
    expect(ten.enoughData).toBe(true);

    // lone values are not pairable, so they do not count
    const withLone = alphaOf([
      [1, 2, 2],
      [3, 3, 4],
      [4, 4, 4],
      [2, _, _],
    ]);
    expect(withLone.pairableValues).toBe(9);
    expect(withLone.enoughData).toBe(false);
  });

  it('tolerates floating-point noise from SQL sums', () => {
    const exact = coincidences(
      [
        [1, 2, 2, 3],
        [3, 3, 4, 4],
        [2, 2],
      ],
      [1, 2, 3, 4],
    );
    const noisy = exact.o.map((row) => [...row]);
    noisy[2][2] -= 4e-15; // n = 9.999999999999996
    noisy[0][3] = -1e-17; // a zero cell summed to a tiny negative
    noisy[3][0] = 1e-17;
    const clean = alphaFromCoincidences(exact);
    const result = alphaFromCoincidences({ values: exact.values, o: noisy });
    expect(result.pairableValues).toBe(10);
    expect(result.enoughData).toBe(true);
    expect(Math.abs(result.alpha! - clean.alpha!)).toBeLessThan(1e-12);

    const flat = coincidences(
      Array.from({ length: 5 }, () => [2, 2, 2]),
      [1, 2, 3, 4],
    );
    flat.o[0][1] = flat.o[1][0] = 1e-17;
    expect(alphaFromCoincidences(flat).alpha).toBeNull();
  });

  it('defaults to ordinal and leaves units to the caller', () => {
    const units = [
      [1, 2, 4],
      [2, 2, 3],
      [4, 3, 4],
      [1, 1, _],
    ];
    const result = alphaOf(units);
    expect(result.alpha).toBe(alphaOf(units, 'ordinal').alpha);
    expect(result.alpha).not.toBe(alphaOf(units, 'interval').alpha);
    expect(result).not.toHaveProperty('units');
  });

  it('ordinal alpha depends only on the order of the values, interval on their distances', () => {
    const units = [
      [1, 2, 4],
      [2, 2, 3],
      [4, 3, 4],
      [1, 1, _],
      [3, 4, 4],
    ];
    const stretched = units.map((u) => u.map((v) => (v === null ? null : [0, 1, 2, 10, 50][v])));
    expect(alphaOf(stretched, 'ordinal').alpha).toBeCloseTo(alphaOf(units, 'ordinal').alpha!, 12);
    expect(alphaOf(stretched, 'nominal').alpha).toBeCloseTo(alphaOf(units, 'nominal').alpha!, 12);
    expect(alphaOf(stretched, 'interval').alpha).not.toBeCloseTo(alphaOf(units, 'interval').alpha!, 3);
  });

  it('rejects malformed input', () => {
    expect(() => alphaFromCoincidences({ values: [1, 2], o: [[1, 1]] })).toThrow(RangeError);
    expect(() =>
      alphaFromCoincidences({
        values: [2, 1],
        o: [
          [0, 1],
          [1, 0],
        ],
      }),
    ).toThrow(RangeError);
    expect(() =>
      alphaFromCoincidences({
        values: [1, 2],
        o: [
          [0, -1],
          [-1, 0],
        ],
      }),
    ).toThrow(RangeError);
    expect(() =>
      alphaFromCoincidences({
        values: [1, 2],
        o: [
          [0, NaN],
          [NaN, 0],
        ],
      }),
    ).toThrow(RangeError);
    expect(() =>
      alphaFromCoincidences(
        {
          values: [1, 2],
          o: [
            [0, 1],
            [1, 0],
          ],
        },
        'ratio' as AlphaLevel,
      ),
    ).toThrow(RangeError);
    expect(() => coincidences([[1, 5]], [1, 2, 3, 4])).toThrow(RangeError);
    expect(() => coincidences([[1, NaN]])).toThrow(RangeError);
  });
});
