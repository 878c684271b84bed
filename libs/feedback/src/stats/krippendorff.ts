/**
 * Krippendorff's alpha, following K. Krippendorff, "Computing Krippendorff's Alpha-Reliability"
 * (2011). Production builds the coincidence matrix in SQL, so only the small matrix (one row and
 * column per rating value) reaches this code; it has no dependencies so it can be unit-tested exactly.
 */

/** o[c][k] for the ordered category values `values` (ascending), as produced by SQL. */
export interface Coincidences {
  values: number[];
  o: number[][];
}

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';

export interface AlphaResult {
  /** null when not computable (n < 2, or no variation: D_e = 0) */
  alpha: number | null;
  /** n = sum of all o[c][k] */
  pairableValues: number;
  /** filled by callers, not by this function */
  units?: number;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** pairableValues >= MIN_PAIRABLE_VALUES and alpha !== null */
  enoughData: boolean;
}

/** Below this many pairable values the UI says "not enough data". */
export const MIN_PAIRABLE_VALUES = 10;

// Coincidences summed in floating point (SQL) drift by ~1e-15: a cell that should be 0 may come
// back as ±1e-17, and n, which counts values and so is an integer, as 39.999999999999996. Real
// cells are multiples of 1/(m_u - 1), far above this.
const NOISE = 1e-9;

export function alphaFromCoincidences(c: Coincidences, level: AlphaLevel = 'ordinal'): AlphaResult {
  const o = cleanMatrix(c);
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = snapToInteger(nc.reduce((s, x) => s + x, 0));
  if (n < 2) return result(null, n, 0, 0);

  const d2 = squaredDistances(level, c.values, nc);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < o.length; i++) {
    for (let k = 0; k < o.length; k++) {
      observed += o[i][k] * d2[i][k];
      expected += nc[i] * nc[k] * d2[i][k];
    }
  }
  const dO = observed / n;
  const dE = Math.max(0, expected / (n * (n - 1)));
  // D_e = 0 means every pairable value is the same: agreement is then perfect but uninformative.
  return result(dE > 0 ? 1 - dO / dE : null, n, dO, dE);
}

/** Builds the coincidence matrix from reliability data (units x raters, null = missing); production uses SQL for this, tests and small callers use this. */
export function coincidences(units: Array<Array<number | null>>, values?: number[]): Coincidences {
  const vals = values
    ? [...values]
    : [...new Set(units.flat().filter((v): v is number => v != null))].sort((a, b) => a - b);
  checkValues(vals);
  const index = new Map(vals.map((v, i) => [v, i]));
  const o = vals.map(() => vals.map(() => 0));

  for (const unit of units) {
    const present = unit.filter((v): v is number => v != null);
    const m = present.length;
    // a lone value has no partner to agree or disagree with
    if (m < 2) continue;
    const counts = new Map<number, number>();
    for (const v of present) {
      const i = index.get(v);
      if (i === undefined) throw new RangeError(`value ${v} is not one of the categories [${vals.join(', ')}]`);
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    // per-unit counts rather than value pairs: n_uc * n_uk / (m_u - 1), minus the self-pair on the diagonal
    for (const [i, ni] of counts) {
      for (const [k, nk] of counts) o[i][k] += (ni * (i === k ? nk - 1 : nk)) / (m - 1);
    }
  }
  return { values: vals, o };
}

function result(alpha: number | null, n: number, dO: number, dE: number): AlphaResult {
  return {
    alpha,
    pairableValues: n,
    observedDisagreement: dO,
    expectedDisagreement: dE,
    enoughData: alpha !== null && n >= MIN_PAIRABLE_VALUES,
  };
}

function squaredDistances(level: AlphaLevel, values: number[], nc: number[]): number[][] {
  // cum[i] = n_0 + ... + n_(i-1), so any run of categories sums in O(1)
  const cum = [0];
  for (const x of nc) cum.push(cum[cum.length - 1] + x);
  return values.map((vc, c) =>
    values.map((vk, k) => {
      switch (level) {
        case 'nominal':
          return c === k ? 0 : 1;
        case 'interval':
          return (vc - vk) ** 2;
        case 'ordinal': {
          const lo = Math.min(c, k);
          const hi = Math.max(c, k);
          return (cum[hi + 1] - cum[lo] - (nc[lo] + nc[hi]) / 2) ** 2;
        }
        default:
          throw new RangeError(`unknown level of measurement: ${String(level satisfies never)}`);
      }
    }),
  );
}

function cleanMatrix({ values, o }: Coincidences): number[][] {
  checkValues(values);
  if (o.length !== values.length || o.some((row) => row.length !== values.length)) {
    throw new RangeError(`coincidence matrix must be ${values.length}x${values.length}`);
  }
  return o.map((row) =>
    row.map((x) => {
      if (!Number.isFinite(x) || x < -NOISE) throw new RangeError(`invalid coincidence ${x}`);
      return Math.abs(x) < NOISE ? 0 : x;
    }),
  );
}

function checkValues(values: number[]): void {
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || (i > 0 && v <= values[i - 1])) {
      throw new RangeError(`category values must be finite and strictly ascending: [${values.join(', ')}]`);
    }
  });
}

function snapToInteger(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < NOISE ? r : x;
}
