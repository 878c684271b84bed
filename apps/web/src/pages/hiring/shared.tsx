import type { SelectHTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { Icon } from '../../components/Icon';
import { InterviewStatusBadge } from '../../components/InterviewStatus';
import { useTimeFormat } from '../../lib/time';
import type { InterviewListItem, Stage } from './types';
import '../../styles/hiring.css';
import { plural } from '../../lib/plural';

export const STAGES: Stage[] = ['screening', 'technical', 'behavioral', 'onsite', 'final', 'other'];
export const STAGE_LABEL: Record<string, string> = {
  screening: 'Screening',
  technical: 'Technical',
  behavioral: 'Behavioral',
  onsite: 'Onsite',
  final: 'Final',
  other: 'Other',
};

export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABEL: Record<Recommendation, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};

/** The 1–4 scale in words, as scorecards use it. */
export const SCALE_LABEL: Record<number, string> = { 1: 'Strong no', 2: 'No', 3: 'Yes', 4: 'Strong yes' };

/** Every IANA timezone the browser knows, with UTC and the user's own first. */
export function timezones(mine: string): string[] {
  let all: string[];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  return [...new Set([mine, 'UTC', ...all])];
}

/** A select of `zones` (from `timezones()`) shown as "America/New York"; put it in a <Field>, which gives it its id. */
export function ZoneSelect({
  zones,
  value,
  onChange,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  zones: string[];
  value: string;
  onChange(zone: string): void;
}) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}

/** Wall-clock date (YYYY-MM-DD) and time (HH:mm) of an instant in a timezone. */
export function wallClock(instant: Date | string, timeZone: string): { date: string; time: string } {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
  } catch {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The next working day at 10:00 in the timezone, as a wall clock. */
export function nextWorkingDay(timeZone: string): { date: string; time: string } {
  const today = wallClock(new Date(), timeZone).date;
  const d = new Date(`${today}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return { date: d.toISOString().slice(0, 10), time: '10:00' };
}

/** The instant a wall-clock time in a timezone stands for (what the API does with a time without offset). */
export function instantOf(date: string, time: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) return null;
  const offset = (at: number) => {
    const w = wallClock(new Date(at), timeZone);
    return (Date.parse(`${w.date}T${w.time}:00Z`) - at) / 60_000;
  };
  let instant = wall - offset(wall) * 60_000;
  instant = wall - offset(instant) * 60_000;
  return new Date(instant);
}

/** "in 3 days" style tag for a due time; "overdue" when past. */
export function isPast(value: string | Date): boolean {
  return new Date(value).getTime() < Date.now();
}

/**
 * Downloads a file from the API with the bearer token (a plain link cannot carry it): the answer
 * becomes a blob and a temporary link with `download` saves it under the server's file name.
 */
export async function downloadFile(
  request: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<string> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (e) {
    throw ApiError.network(e);
  }
  if (!result.response.ok) {
    let body: unknown = result.error;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* plain text */
      }
    }
    throw ApiError.from(result.response, body);
  }
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const blob = result.data instanceof Blob ? result.data : new Blob([String(result.data ?? '')]);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export interface Clash {
  userId: string;
  interviewId: string;
  title: string;
  start: string;
  end: string;
}

/** The clashes a 409 names (someone on the panel is already booked then), if that is what it is about. */
export function clashesOf(e: unknown): Clash[] {
  return e instanceof ApiError && e.status === 409 ? (e.detail<Clash[]>('clashes') ?? []) : [];
}

export { InterviewStatusBadge };

/** Dark enough for white initials (contrast above 4.5:1). */
const AVATAR_COLOURS = [
  '#4338ca',
  '#0f766e',
  '#9d174d',
  '#1d4ed8',
  '#7c2d12',
  '#6d28d9',
  '#166534',
  '#9a3412',
  '#334155',
];

export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0])
    .filter(Boolean)
    .slice(0, 2)
    .join('')
    .toUpperCase();
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) % 9973;
  return (
    <span
      className={`hm-avatar hm-avatar--${size}`}
      style={{ background: AVATAR_COLOURS[hash % AVATAR_COLOURS.length] }}
      aria-hidden="true"
    >
      {initials}
    </span>
  );
}

/** A panelist declined this interview ahead: someone should take their seat (the interview page offers whom). */
export function NeedsReplacementPill() {
  return (
    <span className="hm-pill hm-pill--warn" data-testid="needs-replacement-marker">
      <Icon name="alert" size={12} /> Needs a replacement
    </span>
  );
}

/** One interview in a list: when (in my timezone), what, who, status. */
export function InterviewRow({
  interview,
  showCandidate = true,
}: {
  interview: InterviewListItem;
  showCandidate?: boolean;
}) {
  const time = useTimeFormat();
  const start = new Date(interview.start);
  return (
    <Link to={`/hiring/interviews/${interview.id}`} className="hm-interview-row">
      <span className="hm-date-tile" aria-hidden="true">
        <b>{start.toLocaleDateString(undefined, { day: 'numeric', timeZone: time.timeZone })}</b>
        <span>{start.toLocaleDateString(undefined, { month: 'short', timeZone: time.timeZone })}</span>
      </span>
      <span className="hm-interview-row__main">
        <span className="hm-interview-row__title">
          {showCandidate ? `${interview.candidate.name} · ` : ''}
          {interview.title}
        </span>
        <span className="muted small">
          {time.dateTime(interview.start)} – {time.time(interview.end)} ·{' '}
          {plural(interview.panel.length, 'interviewer')} · {plural(interview.questionCount, 'question')}
        </span>
      </span>
      <span className="hm-interview-row__side">
        {interview.needsReplacement && <NeedsReplacementPill />}
        <InterviewStatusBadge status={interview.status} />
      </span>
    </Link>
  );
}
