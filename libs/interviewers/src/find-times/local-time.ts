import { wallClock } from '@app/common';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTER = 15 * 60_000;

/** An instant as a wall clock in one zone: what limits, working hours and labels are counted in. */
export interface Local {
  /** YYYY-MM-DD. */
  date: string;
  /** ISO weekday, 1 (Monday) to 7 (Sunday). */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO week, e.g. 2027-W10. */
  week: string;
  /** The local midnight of `date`, encoded as a UTC epoch (for labels). */
  wallDay: number;
}

/**
 * Wall clocks of instants in zones, cached: find-times asks about the same quarter hours of the
 * same few zones thousands of times per request, and a formatter call costs microseconds.
 */
export class LocalClock {
  private readonly offsets = new Map<string, number>();

  /** The zone's offset at `ms`, in ms (zones change offset on quarter hours at the finest). */
  offset(ms: number, timeZone: string): number {
    const bucket = Math.floor(ms / QUARTER) * QUARTER;
    const key = `${timeZone}|${bucket}`;
    let o = this.offsets.get(key);
    if (o === undefined) {
      o = wallClock(bucket, timeZone) - bucket;
      this.offsets.set(key, o);
    }
    return o;
  }

  at(ms: number, timeZone: string): Local {
    const wall = ms + this.offset(ms, timeZone);
    const d = new Date(wall);
    const wallDay = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const weekday = ((d.getUTCDay() + 6) % 7) + 1;
    return {
      date: d.toISOString().slice(0, 10),
      weekday,
      minutes: Math.floor((wall - wallDay) / 60_000),
      week: isoWeekKey(wallDay, weekday),
      wallDay,
    };
  }

  /** 'Mon 09:00' in their zone. */
  dayTime(ms: number, timeZone: string): string {
    const l = this.at(ms, timeZone);
    return `${DAYS[l.weekday - 1]} ${hhmm(l.minutes)}`;
  }

  /** 'Mon 7 Dec, 15:00' in the candidate's zone. */
  dateTime(ms: number, timeZone: string): string {
    const l = this.at(ms, timeZone);
    return `${dayLabel(l)}, ${hhmm(l.minutes)}`;
  }
}

/** 'Mon 7 Dec'. */
export function dayLabel(l: Pick<Local, 'weekday' | 'wallDay'>): string {
  const d = new Date(l.wallDay);
  return `${DAYS[l.weekday - 1]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** The Monday starting the ISO week of a local day, as a label ('Mon 7 Dec'). */
export function weekLabel(l: Pick<Local, 'weekday' | 'wallDay'>): string {
  return dayLabel({ weekday: 1, wallDay: l.wallDay - (l.weekday - 1) * 86_400_000 });
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 'America/New_York' -> 'New York'; 'UTC' stays. */
export function placeOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

function isoWeekKey(wallDay: number, weekday: number): string {
  // the Thursday of the week decides its year (ISO 8601)
  const thursday = new Date(wallDay + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
