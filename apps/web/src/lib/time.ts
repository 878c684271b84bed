import { useMemo } from 'react';
import { useSession } from '../auth/session';

type When = string | number | Date | null | undefined;

const toDate = (value: When): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }); // unknown zone: never crash a page
    }
    formatters.set(key, f);
  }
  return f;
}

/** "12 Mar 2026, 14:30" in the given IANA timezone. */
export function formatDateTime(value: When, timeZone: string): string {
  const d = toDate(value);
  return d ? formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(d) : '—';
}

/** "12 Mar 2026" in the given timezone. */
export function formatDate(value: When, timeZone: string): string {
  const d = toDate(value);
  return d ? formatter(timeZone, { dateStyle: 'medium' }).format(d) : '—';
}

/** "14:30" in the given timezone. */
export function formatTime(value: When, timeZone: string): string {
  const d = toDate(value);
  return d ? formatter(timeZone, { timeStyle: 'short' }).format(d) : '—';
}

/** "15:00" on a 24-hour clock in the given timezone, like the API's slot labels ("Tue 1 Dec, 14:00"). */
export function formatClock(value: When, timeZone: string): string {
  const d = toDate(value);
  return d ? formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d) : '—';
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 2 hours": timezone-free, relative to now. */
export function formatRelative(value: When, now = Date.now()): string {
  const d = toDate(value);
  if (!d) return '—';
  const diff = d.getTime() - now;
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  return 'just now';
}

/** The formatters bound to the signed-in user's timezone (from /me); UTC before sign-in. */
export function useTimeFormat() {
  const { user } = useSession();
  const timeZone = user?.timezone ?? 'UTC';
  return useMemo(
    () => ({
      timeZone,
      dateTime: (v: When) => formatDateTime(v, timeZone),
      date: (v: When) => formatDate(v, timeZone),
      time: (v: When) => formatTime(v, timeZone),
      relative: (v: When) => formatRelative(v),
    }),
    [timeZone],
  );
}
