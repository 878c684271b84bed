import { panelAgreement, type CompetencyMean, type RecommendationVote } from '../summaries/panel-agreement';
import { RECOMMENDATION_VALUES } from '../scale';
import {
  agreementFigure,
  coincidences,
  coincidencesFromPairs,
  figureFromUnits,
  intervalFigure,
  MIN_PAIRABLE_VALUES,
  NOT_ENOUGH_DATA,
  sumCoincidences,
  unitsBy,
} from './index';
import { referenceAlpha } from './krippendorff.reference';

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

const RECS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
const COMPETENCIES = ['System design', 'Ownership', 'Communication'];

/** A random loop: interviews with 1-4 panelists, each voting and rating 1-3 criteria per competency they cover. */
function randomLoop(random: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const votes: RecommendationVote[] = [];
  const ratings: Array<{ interviewId: string; panelistId: string; competency: string; rating: number }> = [];
  for (let i = 0; i < int(1, 25); i++) {
    for (let p = 0; p < int(1, 4); p++) {
      if (random() < 0.9) votes.push({ interviewId: `i${i}`, panelistId: `p${p}`, recommendation: RECS[int(0, 3)] });
      for (const competency of COMPETENCIES) {
        if (random() < 0.4) continue;
        for (let c = 0; c < int(1, 3); c++)
          ratings.push({ interviewId: `i${i}`, panelistId: `p${p}`, competency, rating: int(1, 4) });
      }
    }
  }
  return { votes, ratings };
}

function meansOf(
  ratings: Array<{ interviewId: string; panelistId: string; competency: string; rating: number }>,
): CompetencyMean[] {
  const cells = new Map<
    string,
    { interviewId: string; panelistId: string; competency: string; sum: number; n: number }
  >();
  for (const r of ratings) {
    const k = `${r.interviewId}/${r.competency}/${r.panelistId}`;
    const c = cells.get(k) ?? { ...r, sum: 0, n: 0 };
    c.sum += r.rating;
    c.n++;
    cells.set(k, c);
  }
  return [...cells.values()].map((c) => ({
    interviewId: c.interviewId,
    panelistId: c.panelistId,
    competency: c.competency,
    mean: c.sum / c.n,
  }));
}

/** Reliability data written out independently: one row per unit, one column per panelist. */
function referenceUnits<T>(
  rows: T[],
  unit: (r: T) => string,
  coder: (r: T) => string,
  value: (r: T) => number,
): Array<Array<number | null>> {
  const coders = [...new Set(rows.map(coder))];
  const units = [...new Set(rows.map(unit))];
  return units.map((u) =>
    coders.map((c) => {
      const hit = rows.find((r) => unit(r) === u && coder(r) === c);
      return hit ? value(hit) : null;
    }),
  );
}

describe('agreement on recommendations and on competency means, against the reference implementation', () => {
  const random = mulberry32(424242);
  const loops = Array.from({ length: 200 }, () => randomLoop(random));

  it('recommendations: ordinal alpha, units = interviews, coders = panelists (200 random loops, within 1e-9)', () => {
    let computed = 0;
    for (const { votes } of loops) {
      const expected = referenceAlpha(
        referenceUnits(
          votes,
          (v) => v.interviewId,
          (v) => v.panelistId,
          (v) => RECOMMENDATION_VALUES[v.recommendation as (typeof RECS)[number]],
        ),
        'ordinal',
      );
      const actual = panelAgreement(undefined, votes, []).recommendations;
      expect(actual).toMatchObject({ basis: 'recommendations', level: 'ordinal', pairable: expected.n });
      if (expected.alpha === null) expect(actual.alpha).toBeNull();
      else {
        expect(Math.abs(actual.alpha! - expected.alpha)).toBeLessThan(1e-9);
        computed++;
      }
      expect(actual.enoughData).toBe(expected.alpha !== null && expected.n >= MIN_PAIRABLE_VALUES);
      expect(actual.label).toBe(
        actual.enoughData
          ? expected.alpha!.toFixed(2)
          : expected.n >= MIN_PAIRABLE_VALUES
            ? 'no variation'
            : NOT_ENOUGH_DATA,
      );
    }
    expect(computed).toBeGreaterThan(100);
  });

  it("competencies: interval alpha on each panelist's mean, units = (interview, competency) (200 random loops, within 1e-9)", () => {
    let computed = 0;
    for (const { ratings } of loops) {
      const means = meansOf(ratings);
      const expected = referenceAlpha(
        referenceUnits(
          means,
          (m) => `${m.interviewId}/${m.competency}`,
          (m) => m.panelistId,
          (m) => m.mean!,
        ),
        'interval',
      );
      const actual = panelAgreement(undefined, [], means).competencies;
      expect(actual).toMatchObject({ basis: 'competencies', level: 'interval', pairable: expected.n });
      if (expected.alpha === null) expect(actual.alpha).toBeNull();
      else {
        expect(Math.abs(actual.alpha! - expected.alpha)).toBeLessThan(1e-9);
        computed++;
      }
    }
    expect(computed).toBeGreaterThan(100);
  });

  it('has data in the default flow, where no two panelists rate the same criterion', () => {
    // 6 interviews, two panelists each, questions split: every criterion has one rating, so criteria alpha has none
    const votes: RecommendationVote[] = [];
    const means: CompetencyMean[] = [];
    const pairs: Array<[string, string]> = [
      ['yes', 'strong_yes'],
      ['no', 'strong_no'],
      ['yes', 'yes'],
      ['strong_no', 'no'],
      ['strong_yes', 'yes'],
      ['no', 'no'],
    ];
    pairs.forEach(([a, b], i) => {
      votes.push(
        { interviewId: `i${i}`, panelistId: 'a', recommendation: a },
        { interviewId: `i${i}`, panelistId: 'b', recommendation: b },
      );
      means.push(
        { interviewId: `i${i}`, panelistId: 'a', competency: 'Design', mean: 2 + (i % 3) / 2 },
        { interviewId: `i${i}`, panelistId: 'b', competency: 'Design', mean: 2.5 + (i % 3) / 2 },
      );
    });
    const set = panelAgreement(undefined, votes, means);
    expect(set.criteria).toMatchObject({ alpha: null, pairable: 0, enoughData: false, label: NOT_ENOUGH_DATA });
    expect(set.recommendations).toMatchObject({ pairable: 12, units: 6, enoughData: true });
    expect(set.recommendations.alpha).toBeCloseTo(
      referenceAlpha(
        pairs.map(([a, b]) => [RECOMMENDATION_VALUES[a as 'yes'], RECOMMENDATION_VALUES[b as 'yes']]),
        'ordinal',
      ).alpha!,
      12,
    );
    expect(set.competencies).toMatchObject({ pairable: 12, units: 6, enoughData: true });
    expect(set.recommendations.label).toBe(set.recommendations.alpha!.toFixed(2));
  });

  it('says "not enough data" below the threshold, and ignores lone values and unknown recommendations', () => {
    const votes = [
      { interviewId: 'i1', panelistId: 'a', recommendation: 'yes' },
      { interviewId: 'i1', panelistId: 'b', recommendation: 'no' },
      { interviewId: 'i2', panelistId: 'a', recommendation: 'strong_yes' },
      { interviewId: 'i3', panelistId: 'a', recommendation: null },
      { interviewId: 'i3', panelistId: 'b', recommendation: 'maybe' },
    ];
    expect(panelAgreement(undefined, votes, []).recommendations).toMatchObject({
      pairable: 2,
      units: 1,
      enoughData: false,
      label: NOT_ENOUGH_DATA,
    });
    expect(panelAgreement(undefined, [], []).competencies).toMatchObject({
      alpha: null,
      pairable: 0,
      units: 0,
      label: NOT_ENOUGH_DATA,
    });
  });

  it('says "no variation" when there is plenty of data but every value is the same', () => {
    const same = figureFromUnits(
      'recommendations',
      Array.from({ length: 6 }, () => [3, 3]),
    );
    expect(same).toMatchObject({ alpha: null, pairable: 12, enoughData: false, label: 'no variation' });
  });

  it("criteria keep the existing ordinal figure, and a position's matrix is the sum of its candidates'", () => {
    const random2 = mulberry32(7);
    const int = (lo: number, hi: number) => lo + Math.floor(random2() * (hi - lo + 1));
    const groups = Array.from({ length: 5 }, () =>
      Array.from({ length: int(1, 12) }, () => Array.from({ length: int(1, 4) }, () => int(1, 4))),
    );
    const whole = agreementFigure('criteria', coincidences(groups.flat(), [1, 2, 3, 4]), 0);
    const summed = agreementFigure('criteria', sumCoincidences(groups.map((g) => coincidences(g, [1, 2, 3, 4]))), 0);
    const expected = referenceAlpha(groups.flat(), 'ordinal');
    expect(summed.pairable).toBe(expected.n);
    expect(whole.pairable).toBe(expected.n);
    if (expected.alpha !== null) {
      expect(Math.abs(summed.alpha! - expected.alpha)).toBeLessThan(1e-9);
      expect(Math.abs(whole.alpha! - expected.alpha)).toBeLessThan(1e-9);
    }
    expect(sumCoincidences([undefined])).toBeUndefined();
    expect(() => sumCoincidences([coincidences([[1, 2]]), coincidences([[1, 3]])])).toThrow(RangeError);
  });

  it('unitsBy groups by key and drops missing values', () => {
    expect(
      unitsBy(
        [
          { k: 'a', v: 1 },
          { k: 'b', v: null },
          { k: 'a', v: 3 },
          { k: 'b', v: 2 },
        ],
        (r) => r.k,
        (r) => r.v,
      ),
    ).toEqual([[1, 3], [2]]);
  });

  // what the maintained per-candidate sums hold, computed here from units of values
  const sumsOf = (units: number[][]) => {
    const pairable = units.filter((u) => u.length >= 2);
    let observed = 0;
    let s1 = 0;
    let s2 = 0;
    let n = 0;
    for (const u of pairable) {
      const a = u.reduce((x, v) => x + v, 0);
      const b = u.reduce((x, v) => x + v * v, 0);
      observed += (2 * u.length * b - 2 * a * a) / (u.length - 1);
      s1 += a;
      s2 += b;
      n += u.length;
    }
    return { pairable: n, observed, expected: 2 * n * s2 - 2 * s1 * s1, units: pairable.length };
  };

  it('interval alpha from additive sums equals the coincidence matrix figure (competency means)', () => {
    const rand = mulberry32(15);
    for (let trial = 0; trial < 200; trial++) {
      const units = Array.from({ length: 1 + Math.floor(rand() * 12) }, () =>
        Array.from(
          { length: 1 + Math.floor(rand() * 4) },
          () => (1 + Math.floor(rand() * 4 * 6)) / (1 + Math.floor(rand() * 6)),
        ).filter((v) => v <= 4),
      );
      const want = figureFromUnits('competencies', units);
      const got = intervalFigure('competencies', sumsOf(units));
      expect({ ...got, alpha: null, label: null }).toEqual({ ...want, alpha: null, label: null });
      if (want.alpha === null) expect(got.alpha).toBeNull();
      else expect(got.alpha).toBeCloseTo(want.alpha, 9);
    }
    // no variation: exactly 0 expected disagreement gives no alpha, as the matrix does
    expect(intervalFigure('competencies', { pairable: 12, observed: 0, expected: 0, units: 6 })).toMatchObject({
      alpha: null,
      label: 'no variation',
    });
    expect(intervalFigure('competencies', undefined)).toEqual(figureFromUnits('competencies', []));
  });

  it('coincidences from integer pair counts by unit size equal those built from the units', () => {
    const units = [
      [1, 2],
      [2, 2, 3],
      [4, 4, 1, 2],
      [3, 3],
    ];
    const bySize = new Map<number, { panel: number; units: number; pairs: number[] }>();
    for (const u of units) {
      const row = bySize.get(u.length) ?? { panel: u.length, units: 0, pairs: Array.from({ length: 16 }, () => 0) };
      row.units++;
      for (const [i, a] of u.entries())
        for (const [j, b] of u.entries()) if (i !== j) row.pairs[(a - 1) * 4 + (b - 1)]++;
      bySize.set(u.length, row);
    }
    const got = coincidencesFromPairs(
      [1, 2, 3, 4],
      [...bySize.values()].map((r) => ({ ...r, pairs: r.pairs.map(String) })),
    )!;
    const want = coincidences(units, [1, 2, 3, 4]);
    expect(got.units).toBe(4);
    got.o.forEach((row, c) => row.forEach((x, k) => expect(x).toBeCloseTo(want.o[c][k], 12)));
    expect(coincidencesFromPairs([1, 2, 3, 4], [])).toBeUndefined();
  });
});
