/**
 * Test-only reference for Krippendorff's alpha, written straight from the pairable-values
 * definition and sharing nothing with krippendorff.ts (no coincidence matrix, no imports), so
 * that the two agreeing checks both. Quadratic in the number of values: not for production.
 */

export type ReferenceLevel = 'nominal' | 'ordinal' | 'interval';

export interface ReferenceResult {
  alpha: number | null;
  n: number;
  observedDisagreement: number;
  expectedDisagreement: number;
}

export function referenceAlpha(units: Array<Array<number | null>>, level: ReferenceLevel): ReferenceResult {
  const pairable = units.map((unit) => unit.filter((v): v is number => v !== null)).filter((unit) => unit.length >= 2);
  const pooled = pairable.flat();
  const n = pooled.length;
  if (n < 2) return { alpha: null, n, observedDisagreement: 0, expectedDisagreement: 0 };

  const freq = new Map<number, number>();
  for (const v of pooled) freq.set(v, (freq.get(v) ?? 0) + 1);

  const delta2 = (a: number, b: number): number => {
    if (level === 'nominal') return a === b ? 0 : 1;
    if (level === 'interval') return (a - b) ** 2;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let between = 0;
    for (const [g, count] of freq) if (g >= lo && g <= hi) between += count;
    return (between - (freq.get(a)! + freq.get(b)!) / 2) ** 2;
  };

  let within = 0;
  for (const unit of pairable) {
    let sum = 0;
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) if (i !== j) sum += delta2(unit[i], unit[j]);
    }
    within += sum / (unit.length - 1);
  }

  let across = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) across += delta2(pooled[i], pooled[j]);
  }

  const observedDisagreement = within / n;
  const expectedDisagreement = across / (n * (n - 1));
  return {
    alpha: expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement,
    n,
    observedDisagreement,
    expectedDisagreement,
  };
}
