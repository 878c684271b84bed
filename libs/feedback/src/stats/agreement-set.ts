import {
  alphaFromCoincidences,
  coincidences,
  MIN_PAIRABLE_VALUES,
  type AlphaLevel,
  type Coincidences,
} from './krippendorff';

export type AgreementBasis = 'criteria' | 'recommendations' | 'competencies';

/** One agreement figure, saying what it was computed on and from how many pairable values. */
export interface AgreementFigure {
  alpha: number | null;
  pairable: number;
  basis: AgreementBasis;
  level: AlphaLevel;
  /** Units with two or more values (criteria, interviews, or interview x competency). */
  units: number;
  enoughData: boolean;
  label: string;
  minimumPairableValues: number;
}

export interface AgreementSet {
  criteria: AgreementFigure;
  recommendations: AgreementFigure;
  competencies: AgreementFigure;
}

/**
 * Levels per basis. Criterion ratings and recommendations sit on the 4-point ordinal scale.
 * A competency value is a panelist's MEAN over that competency's criteria (2.5, 3.33…): ordinal
 * alpha needs ranked categories, not averages, so competencies use the interval metric on the
 * means, which keeps the information that rounding would throw away.
 */
export const AGREEMENT_LEVELS: Readonly<Record<AgreementBasis, AlphaLevel>> = {
  criteria: 'ordinal',
  recommendations: 'ordinal',
  competencies: 'interval',
};

export const NOT_ENOUGH_DATA = 'not enough data';

export function agreementFigure(basis: AgreementBasis, c: Coincidences | undefined, units: number): AgreementFigure {
  const level = AGREEMENT_LEVELS[basis];
  const r = c ? alphaFromCoincidences(c, level) : null;
  const pairable = r?.pairableValues ?? 0;
  const enoughData = r?.enoughData ?? false;
  // with plenty of values but all identical alpha is undefined: say so rather than "not enough data"
  const label = enoughData ? r!.alpha!.toFixed(2) : pairable >= MIN_PAIRABLE_VALUES ? 'no variation' : NOT_ENOUGH_DATA;
  return {
    alpha: r?.alpha ?? null,
    pairable,
    basis,
    level,
    units,
    enoughData,
    label,
    minimumPairableValues: MIN_PAIRABLE_VALUES,
  };
}

/**
 * Interval alpha from additive sums over pairable values x (units with two or more values):
 * n, observed = Σ_u Σ_{i≠j in u} (x_i − x_j)² / (m_u − 1) = Σ_ck o_ck (v_c − v_k)², and
 * expected = Σ_ck n_c n_k (v_c − v_k)² = 2 n Σx² − 2 (Σx)². Summed per candidate, they add up to a
 * position's figure without revisiting a value. The caller computes `expected` exactly (numeric), so
 * values that are all equal give 0, "no variation", as the matrix does.
 */
export interface IntervalSums {
  pairable: number;
  observed: number;
  expected: number;
  units: number;
}

export function intervalFigure(basis: AgreementBasis, s: IntervalSums | undefined): AgreementFigure {
  const level: AlphaLevel = 'interval';
  const n = s?.pairable ?? 0;
  const dE = n >= 2 ? Math.max(0, s!.expected / (n * (n - 1))) : 0;
  const alpha = n >= 2 && dE > 0 ? 1 - s!.observed / n / dE : null;
  const enoughData = alpha !== null && n >= MIN_PAIRABLE_VALUES;
  const label = enoughData ? alpha.toFixed(2) : n >= MIN_PAIRABLE_VALUES ? 'no variation' : NOT_ENOUGH_DATA;
  const units = s?.units ?? 0;
  return { alpha, pairable: n, basis, level, units, enoughData, label, minimumPairableValues: MIN_PAIRABLE_VALUES };
}

/** Coincidences kept as integer pair counts per unit size m: o = Σ_m pairs / (m − 1), pairs[c · |values| + k]. */
export interface PairCounts {
  panel: number;
  units: number;
  pairs: Array<number | string>;
}

export function coincidencesFromPairs(
  values: number[],
  rows: PairCounts[],
): (Coincidences & { units: number }) | undefined {
  if (!rows.length) return undefined;
  const size = values.length;
  const m = { values, o: values.map(() => values.map(() => 0)), units: 0 };
  for (const r of rows) {
    for (let c = 0; c < size; c++) {
      for (let k = 0; k < size; k++) m.o[c][k] += Number(r.pairs[c * size + k]) / (r.panel - 1);
    }
    m.units += r.units;
  }
  return m;
}

/** Alpha from reliability data: one array of values per unit (one value per coder); lone values are skipped. */
export function figureFromUnits(basis: AgreementBasis, units: number[][]): AgreementFigure {
  const pairable = units.filter((u) => u.length >= 2);
  return agreementFigure(basis, pairable.length ? coincidences(pairable) : undefined, pairable.length);
}

/** Groups values into units by key, keeping the order of first appearance. */
export function unitsBy<T>(rows: T[], key: (row: T) => string, value: (row: T) => number | null): number[][] {
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const v = value(row);
    if (v === null || !Number.isFinite(v)) continue;
    const k = key(row);
    const unit = out.get(k) ?? [];
    unit.push(v);
    out.set(k, unit);
  }
  return [...out.values()];
}

/** Coincidence matrices add over units: a position's matrix is the sum of its candidates'. */
export function sumCoincidences(ms: Array<Coincidences | undefined>): Coincidences | undefined {
  const present = ms.filter((m): m is Coincidences => !!m);
  if (!present.length) return undefined;
  const values = present[0].values;
  if (present.some((m) => m.values.join() !== values.join()))
    throw new RangeError('coincidence matrices over different values cannot be added');
  return { values, o: values.map((_c, i) => values.map((_k, j) => present.reduce((s, m) => s + m.o[i][j], 0))) };
}
