import { parseDateTimeInput, wallClock } from '@app/common';

/** Wall-clock time of an instant in a timezone, as ISO 8601 with its offset (e.g. 2026-12-01T10:00:00+01:00). */
export function toZonedIso(instant: Date, timeZone: string): string {
  const local = wallClock(instant.getTime(), timeZone);
  const offsetMin = Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
  const abs = Math.abs(offsetMin);
  const offset = `${offsetMin >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${new Date(local).toISOString().slice(0, 19)}${offset}`;
}

/** Monday 00:00 to the next Monday 00:00 (UTC) around an instant: the window a weekly limit counts in. */
export function isoWeek(instant: Date): { from: Date; to: Date } {
  const d = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const day = (d.getUTCDay() + 6) % 7;
  const from = new Date(d.getTime() - day * 86_400_000);
  return { from, to: new Date(from.getTime() + 7 * 86_400_000) };
}

/**
 * An API date-time to an instant: every ISO 8601 form, a local time read in `timeZone` with
 * Temporal's 'compatible' rule (see toInstant in @app/common). Refused input is a 400 naming `field`.
 */
export function parseInstant(value: string, timeZone: string, field = 'start'): Date {
  return parseDateTimeInput(value, field, timeZone);
}
