import type { components } from '../../../api/schema';
import type { SlotFit } from './PanelPicker';

type Availability = components['schemas']['AvailabilityResponse'];

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** "Tue 04:00 in New York": the slot on the interviewer's own clock. */
export function localTime(start: Date, timeZone: string): string {
  try {
    const city = timeZone.split('/').pop()!.replace(/_/g, ' ');
    return `${format(timeZone).format(start)} in ${city}`;
  } catch {
    return start.toISOString();
  }
}

/** The interviewer's local date (YYYY-MM-DD) of an instant. */
function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Why a slot may not suit a panelist, from their availability around it (working windows are already
 * instants, days off left out): a day off, outside their working hours, a busy time in their calendar.
 * Their interviews are not repeated here: the clash check names them. `ignore`: the interview being
 * rescheduled, whose current time is not busy for its own new time.
 */
export function slotFit(a: Availability, start: Date, end: Date, ignore?: { start: string; end: string }): SlotFit {
  const warnings: string[] = [];
  const s = start.getTime();
  const e = end.getTime();
  const own = (b: { start: string; end: string }) =>
    !!ignore && Date.parse(b.start) === Date.parse(ignore.start) && Date.parse(b.end) === Date.parse(ignore.end);
  if (a.daysOff.includes(localDate(start, a.timezone))) warnings.push('on a day off');
  else if (!a.working.some((w) => Date.parse(w.start) <= s && Date.parse(w.end) >= e))
    warnings.push('outside their working hours');
  if (a.busy.some((b) => b.source === 'calendar' && Date.parse(b.start) < e && Date.parse(b.end) > s))
    warnings.push('busy in their calendar');
  const buffer = a.bufferMinutes * 60_000;
  if (
    buffer &&
    a.busy.some(
      (b) =>
        b.source === 'interview' &&
        !own(b) &&
        Date.parse(b.start) < e + buffer &&
        Date.parse(b.end) > s - buffer &&
        !(Date.parse(b.start) < e && Date.parse(b.end) > s),
    )
  ) {
    warnings.push(`within their ${a.bufferMinutes}-minute buffer of another interview`);
  }
  return { local: localTime(start, a.timezone), warnings };
}

/** Monday (UTC) of the ISO week holding an instant: the API counts weekly load in that week. */
export function isoWeekStart(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
