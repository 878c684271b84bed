import { useMemo } from 'react';
import type { Recommendation } from '../../api/types';
import { useTimeFormat } from '../../lib/time';
import '../../styles/interviewer.css';

/** The 4-point scale every criterion is rated on (DESIGN.md: 1 strong no … 4 strong yes); the same four words as the recommendation. */
export const SCALE = [
  { value: 1, label: 'Strong no', hint: 'Clear evidence against' },
  { value: 2, label: 'No', hint: 'Not enough, or mixed evidence' },
  { value: 3, label: 'Yes', hint: 'Meets the bar' },
  { value: 4, label: 'Strong yes', hint: 'Clearly above the bar' },
] as const;

/** One name per scale point: a recommendation reads as the rating of the same score does. */
export const RECOMMENDATIONS: Array<{ value: Recommendation; score: number; label: string; hint: string }> = [
  { value: 'strong_no', score: 1, label: 'Strong no', hint: 'I would argue against hiring' },
  { value: 'no', score: 2, label: 'No', hint: 'Not this time' },
  { value: 'yes', score: 3, label: 'Yes', hint: 'I would hire' },
  { value: 'strong_yes', score: 4, label: 'Strong yes', hint: 'I would fight to hire' },
];

export const recommendationLabel = (r: Recommendation | null | undefined) =>
  RECOMMENDATIONS.find((x) => x.value === r)?.label ?? 'No recommendation';
export const scaleLabel = (n: number | null | undefined) => SCALE.find((s) => s.value === n)?.label ?? '';

const ROLE_LABEL = { lead: 'Lead', panelist: 'Panelist', shadow: 'Shadow' } as const;
export const panelRoleLabel = (role: 'lead' | 'panelist' | 'shadow') => ROLE_LABEL[role];

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    }
    cache.set(key, f);
  }
  return f;
}

/** Calendar-style parts of a time in the reader's timezone: "Tue", "14", "Jan", "10:00 – 11:00". */
export function useWhen() {
  const time = useTimeFormat();
  return useMemo(() => {
    const tz = time.timeZone;
    const d = (v: string | Date) => new Date(v);
    return {
      ...time,
      weekday: (v: string | Date) => fmt(tz, { weekday: 'short' }).format(d(v)),
      day: (v: string | Date) => fmt(tz, { day: 'numeric' }).format(d(v)),
      month: (v: string | Date) => fmt(tz, { month: 'short' }).format(d(v)),
      longDate: (v: string | Date) =>
        fmt(tz, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d(v)),
      range: (start: string | Date, end: string | Date) => `${time.time(start)} – ${time.time(end)}`,
      /** "GMT-5" or "CET": which clock the times are on. */
      zoneName: (v: string | Date) =>
        fmt(tz, { timeZoneName: 'short' })
          .formatToParts(d(v))
          .find((p) => p.type === 'timeZoneName')?.value ?? tz,
    };
  }, [time]);
}

/** A stable colour for a person's initials. */
export function Avatar({ name, size = 30 }: { name: string; size?: number }) {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 360;
  return (
    <span
      className="iv-avatar"
      style={{ width: size, height: size, background: `hsl(${h} 40% 30%)` }}
      aria-hidden="true"
    >
      {initials}
    </span>
  );
}
