import { Temporal } from 'temporal-polyfill';

/** HH:MM to HH:MM, local to the interviewer; end may be 24:00 (until midnight). */
export interface TimeWindow {
  start: string;
  end: string;
}

/** ISO weekday ('1' Monday … '7' Sunday) to its windows; a missing day is a day not worked. */
export type WorkingHours = Record<string, TimeWindow[]>;

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]),
);
export const MAX_WINDOWS_PER_DAY = 4;
export const MAX_DAYS_OFF = 366;
export const MAX_BUFFER_MINUTES = 240;

const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes since midnight of a valid HH:MM, else null. */
export function minutesOf(hhmm: unknown): number | null {
  if (typeof hhmm !== 'string') return null;
  const m = HHMM.exec(hhmm);
  if (!m) return null;
  return m[3] ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Checks a working-hours value from a request: an object of weekdays 1–7, each a list of at most
 * four windows, HH:MM, start before end, no overlaps. Returns the first problem, naming its field.
 */
export function checkWorkingHours(value: unknown): FieldProblem | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    return { field: 'workingHours', message: 'workingHours must be an object of weekdays 1 (Monday) to 7 (Sunday)' };
  for (const [day, windows] of Object.entries(value as Record<string, unknown>)) {
    const field = `workingHours.${day.slice(0, 20)}`;
    if (!/^[1-7]$/.test(day)) return { field, message: `${field}: weekdays are 1 (Monday) to 7 (Sunday)` };
    if (!Array.isArray(windows)) return { field, message: `${field} must be a list of {start, end} windows` };
    if (windows.length > MAX_WINDOWS_PER_DAY)
      return { field, message: `${field} has more than ${MAX_WINDOWS_PER_DAY} windows` };
    const spans: Array<[number, number]> = [];
    for (const [i, w] of windows.entries()) {
      const f = `${field}[${i}]`;
      if (typeof w !== 'object' || w === null || Array.isArray(w))
        return { field: f, message: `${f} must be {start, end}` };
      const extra = Object.keys(w).find((k) => k !== 'start' && k !== 'end');
      if (extra) return { field: f, message: `${f} has an unknown key` };
      const s = minutesOf((w as TimeWindow).start);
      const e = minutesOf((w as TimeWindow).end);
      if (s === null || s === 1440)
        return { field: `${f}.start`, message: `${f}.start must be HH:MM (00:00 to 23:59)` };
      if (e === null) return { field: `${f}.end`, message: `${f}.end must be HH:MM (00:01 to 24:00)` };
      if (s >= e) return { field: f, message: `${f}: start must be before end` };
      spans.push([s, e]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++)
      if (spans[i][0] < spans[i - 1][1]) return { field, message: `${field}: windows overlap` };
  }
  return null;
}

/** Days off from a request: unique real calendar dates YYYY-MM-DD. */
export function checkDaysOff(value: unknown): FieldProblem | null {
  if (!Array.isArray(value)) return { field: 'daysOff', message: 'daysOff must be a list of dates (YYYY-MM-DD)' };
  if (value.length > MAX_DAYS_OFF) return { field: 'daysOff', message: `daysOff has more than ${MAX_DAYS_OFF} dates` };
  for (const [i, d] of value.entries()) {
    if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || !isRealDate(d))
      return { field: `daysOff[${i}]`, message: `daysOff[${i}] must be a date YYYY-MM-DD` };
  }
  return null;
}

function isRealDate(d: string): boolean {
  try {
    return Temporal.PlainDate.from(d, { overflow: 'reject' }).toString() === d;
  } catch {
    return false;
  }
}

/** Sorted, merged, whole windows by weekday; the stored value, so reading never re-validates. */
export function normalizeWorkingHours(wh: WorkingHours): WorkingHours {
  const out: WorkingHours = {};
  for (const day of ['1', '2', '3', '4', '5', '6', '7']) {
    const ws = (wh[day] ?? []).slice().sort((a, b) => (minutesOf(a.start) ?? 0) - (minutesOf(b.start) ?? 0));
    if (ws.length) out[day] = ws.map((w) => ({ start: w.start, end: w.end }));
  }
  return out;
}

/**
 * The working windows as instants within [from, to): each local day in `timeZone` that is not a day
 * off, its weekday's windows converted with the zone's offset of that very day, so a window stays
 * 09:00–17:00 local on both sides of a daylight-saving change. A wall time that does not exist (a
 * spring-forward gap) moves forward, as calendars do.
 */
export function workingWindows(
  wh: WorkingHours,
  daysOff: string[],
  timeZone: string,
  from: Date,
  to: Date,
): Array<{ start: Date; end: Date }> {
  const off = new Set(daysOff);
  const out: Array<{ start: Date; end: Date }> = [];
  const first = Temporal.Instant.fromEpochMilliseconds(from.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .subtract({ days: 1 });
  const last = Temporal.Instant.fromEpochMilliseconds(to.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
    if (off.has(day.toString())) continue;
    for (const w of wh[String(day.dayOfWeek)] ?? []) {
      const s = at(day, minutesOf(w.start)!, timeZone);
      const e = at(day, minutesOf(w.end)!, timeZone);
      const start = Math.max(s, from.getTime());
      const end = Math.min(e, to.getTime());
      if (end > start) out.push({ start: new Date(start), end: new Date(end) });
    }
  }
  return out;
}

function at(day: Temporal.PlainDate, minutes: number, timeZone: string): number {
  const base = minutes === 1440 ? day.add({ days: 1 }) : day;
  const m = minutes % 1440;
  return base
    .toPlainDateTime({ hour: Math.floor(m / 60), minute: m % 60 })
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}
