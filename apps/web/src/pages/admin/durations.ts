import { plural } from '../../lib/plural';
/** The API counts reminder delays in minutes; people think in hours and days. */
export type Unit = 'minutes' | 'hours' | 'days';
export const UNIT_MINUTES: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };
export const UNITS: Unit[] = ['minutes', 'hours', 'days'];

export interface Amount {
  /** As typed, so that a half-typed number is not lost. */
  amount: string;
  unit: Unit;
}

/** The largest unit that divides the minutes evenly: 1440 → 1 day, 90 → 90 minutes. */
export function toAmount(minutes: number): Amount {
  if (minutes > 0 && minutes % 1440 === 0) return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes > 0 && minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

/** Minutes for an amount, or NaN when it is not a positive whole number of minutes. */
export function toMinutes(a: Amount): number {
  const n = Number(a.amount.trim().replace(',', '.'));
  if (!a.amount.trim() || !Number.isFinite(n)) return Number.NaN;
  const minutes = n * UNIT_MINUTES[a.unit];
  return Number.isInteger(minutes) ? minutes : Number.NaN;
}

/** "1 day", "2 hours", "90 minutes", "1 day 6 hours". */
export function describeMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days && plural(days, 'day'), hours && plural(hours, 'hour'), mins && plural(mins, 'minute')].filter(
    Boolean,
  );
  return parts.length ? parts.join(' ') : '0 minutes';
}

export { plural };
