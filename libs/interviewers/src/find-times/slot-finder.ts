import { Temporal } from 'temporal-polyfill';
import type { Interval, UserAvailability } from '../availability/availability.service';
import { minutesOf, type WorkingHours } from '../availability/working-hours';
import type { UserPoolLimits } from '../pools/interviewer-pools.service';
import type {
  FindTimesResponse,
  NearMissCode,
  NearMissReasonResponse,
  SlotPanelistResponse,
  SlotResponse,
} from '../dto/find-times.response';
import { dayLabel, hhmm, LocalClock, placeOf, weekLabel } from './local-time';

/** The candidate's day: slots start at 07:00 and end by 21:00 in their zone. */
const CANDIDATE_DAY = { start: 7 * 60, end: 21 * 60 };
const NEAR_MISSES = 5;

/** One interviewer as the search sees them: when they work, when they are busy, what they already carry. */
export interface Person {
  userId: string;
  name: string;
  timezone: string;
  workingHours: WorkingHours;
  daysOff: Set<string>;
  bufferMinutes: number;
  /** Working windows as instants, merged (a window ending where the next starts is one), sorted. */
  working: Interval[];
  /** Calendar busy times and interviews, sorted by start; the interview being rescheduled left out. */
  busy: Array<Interval & { source: 'calendar' | 'interview' }>;
  limits: UserPoolLimits | null;
  /** Their interviews by local date and by local ISO week. */
  perDay: Map<string, number>;
  perWeek: Map<string, number>;
}

/** A panel seat: an interviewer asked for by name, or one qualified member of a pool. */
export type Seat = { person: Person } | { pool: { id: string; name: string }; members: Person[] };

export interface TraineeOption {
  person: Person;
  poolId: string;
  stage: 'shadow' | 'reverse_shadow';
}

export interface SearchOptions {
  from: Date;
  to: Date;
  /** Nothing earlier is proposed. */
  now: Date;
  durationMinutes: number;
  stepMinutes: number;
  candidateTimeZone: string;
  limit: number;
}

/** What find-times needs of an interviewer, from their availability and their pools' limits. */
export function personOf(
  name: string,
  a: UserAvailability,
  limits: UserPoolLimits | null,
  excludeInterviewId: string | undefined,
  clock: LocalClock,
): Person {
  const busy = a.busy.filter((b) => !excludeInterviewId || b.interviewId !== excludeInterviewId);
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  const seen = new Set<string>();
  for (const b of busy) {
    if (b.source !== 'interview' || !b.interviewId || seen.has(b.interviewId)) continue;
    seen.add(b.interviewId);
    const l = clock.at(b.start.getTime(), a.timezone);
    perDay.set(l.date, (perDay.get(l.date) ?? 0) + 1);
    perWeek.set(l.week, (perWeek.get(l.week) ?? 0) + 1);
  }
  return {
    userId: a.userId,
    name,
    timezone: a.timezone,
    workingHours: a.workingHours,
    daysOff: new Set(a.daysOff),
    bufferMinutes: a.bufferMinutes,
    working: merge(a.working),
    busy: busy.map((b) => ({ start: b.start, end: b.end, source: b.source })),
    limits,
    perDay,
    perWeek,
  };
}

/**
 * Proposes start times where every seat is filled by someone free: inside their working hours, not
 * on a day off, clear of their interviews and calendar by their buffer, within their pools' daily
 * and weekly limits. Candidate starts step from 07:00 in the candidate's zone and end by 21:00.
 * Slots: earliest day first, then the most balanced load, then the earliest time. Near misses:
 * the earliest slots where one seat (then two) fails, with each seat's reason.
 */
export function findTimes(
  seats: Seat[],
  trainees: TraineeOption[],
  o: SearchOptions,
  clock = new LocalClock(),
): Pick<FindTimesResponse, 'slots' | 'nearMisses'> {
  const ms = o.durationMinutes * 60_000;
  const found: Array<{ start: number; day: string; panel: SlotPanelistResponse[] }> = [];
  const misses: Array<{ start: number; reasons: NearMissReasonResponse[] }> = [];
  for (const start of candidateStarts(o, clock)) {
    const end = start + ms;
    const { panel, reasons } = fill(seats, start, end, clock);
    if (!reasons.length) found.push({ start, day: clock.at(start, o.candidateTimeZone).date, panel });
    else if (reasons.length <= 2) misses.push({ start, reasons });
  }
  const loads = (p: SlotPanelistResponse[]) => [
    Math.max(0, ...p.map((x) => x.weekLoad)),
    p.reduce((n, x) => n + x.weekLoad, 0),
  ];
  const ranked = found
    .map((f) => ({ ...f, load: loads(f.panel) }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.load[0] - b.load[0] || a.load[1] - b.load[1] || a.start - b.start)
    .slice(0, o.limit);
  const nearMisses = [1, 2].flatMap((n) => misses.filter((m) => m.reasons.length === n)).slice(0, NEAR_MISSES);
  const slot = (start: number) => ({
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + ms).toISOString(),
    candidateLocal: clock.dateTime(start, o.candidateTimeZone),
  });
  return {
    slots: ranked.map((f): SlotResponse => ({
      ...slot(f.start),
      panel: f.panel,
      trainees: freeTrainees(trainees, f.panel, f.start, f.start + ms, clock),
    })),
    nearMisses: nearMisses.map((m) => ({ ...slot(m.start), reasons: m.reasons })),
  };
}

/** Each seat's person at [start, end), or why not; stops counting after three failures (no near miss then). */
function fill(
  seats: Seat[],
  start: number,
  end: number,
  clock: LocalClock,
): { panel: SlotPanelistResponse[]; reasons: NearMissReasonResponse[] } {
  const panel: SlotPanelistResponse[] = [];
  const reasons: NearMissReasonResponse[] = [];
  // an interviewer asked for by name never also fills a pool seat, nor one member two seats
  const taken = new Set(seats.flatMap((s) => ('person' in s ? [s.person.userId] : [])));
  for (const seat of seats) {
    if (reasons.length > 2) break;
    if ('person' in seat) {
      const why = problem(seat.person, start, end, clock);
      if (why) reasons.push(why);
      else panel.push(entry(seat.person, null, start, clock));
      continue;
    }
    const free = seat.members
      .filter((m) => !taken.has(m.userId) && !problem(m, start, end, clock))
      .map((m) => entry(m, seat.pool.id, start, clock))
      .sort(
        (a, b) =>
          a.weekLoad - b.weekLoad ||
          a.dayLoad - b.dayLoad ||
          a.name.localeCompare(b.name) ||
          a.userId.localeCompare(b.userId),
      );
    if (free.length) {
      taken.add(free[0].userId);
      panel.push(free[0]);
    } else {
      const n = seat.members.length;
      const message = n
        ? `${seat.pool.name}: none of its ${n} qualified ${n === 1 ? 'member is' : 'members are'} free`
        : `${seat.pool.name}: no qualified members`;
      reasons.push({ userId: null, name: seat.pool.name, code: 'pool_unavailable', message });
    }
  }
  return { panel, reasons };
}

function entry(p: Person, poolId: string | null, start: number, clock: LocalClock): SlotPanelistResponse {
  const l = clock.at(start, p.timezone);
  return {
    userId: p.userId,
    name: p.name,
    timezone: p.timezone,
    local: clock.dayTime(start, p.timezone),
    poolId,
    weekLoad: p.perWeek.get(l.week) ?? 0,
    dayLoad: p.perDay.get(l.date) ?? 0,
  };
}

function freeTrainees(
  options: TraineeOption[],
  panel: SlotPanelistResponse[],
  start: number,
  end: number,
  clock: LocalClock,
): SlotResponse['trainees'] {
  const seen = new Set(panel.map((p) => p.userId));
  const out: SlotResponse['trainees'] = [];
  for (const t of options) {
    if (seen.has(t.person.userId) || problem(t.person, start, end, clock)) continue;
    seen.add(t.person.userId);
    out.push({ userId: t.person.userId, name: t.person.name, poolId: t.poolId, stage: t.stage });
  }
  return out;
}

/** Why a person cannot take [start, end), the first reason in this order; null when they can. */
export function problem(p: Person, start: number, end: number, clock: LocalClock): NearMissReasonResponse | null {
  const why = (code: NearMissCode, text: string) => ({
    userId: p.userId,
    name: p.name,
    code,
    message: `${p.name}: ${text}`,
  });
  const l = clock.at(start, p.timezone);
  const last = clock.at(end - 1, p.timezone);
  if (p.daysOff.has(l.date) || p.daysOff.has(last.date))
    return why('day_off', `${dayLabel(p.daysOff.has(l.date) ? l : last)} is a day off`);
  if (!p.working.some((w) => w.start.getTime() <= start && end <= w.end.getTime()))
    return why('outside_hours', outsideHours(p, l.weekday, l.minutes));
  const buffer = p.bufferMinutes * 60_000;
  let interview = false;
  let calendar = false;
  let buffered = false;
  for (const b of p.busy) {
    if (b.start.getTime() - buffer >= end) break;
    if (b.end.getTime() + buffer <= start) continue;
    if (b.start.getTime() < end && b.end.getTime() > start) {
      if (b.source === 'interview') interview = true;
      else calendar = true;
    } else buffered = true;
  }
  if (interview) return why('busy_interview', 'has another interview then');
  if (calendar) return why('busy_calendar', 'busy (calendar)');
  if (buffered) return why('buffer', `needs ${p.bufferMinutes} minutes between meetings`);
  const day = p.perDay.get(l.date) ?? 0;
  if (p.limits?.daily && day >= p.limits.daily.limit)
    return why('daily_limit', `already ${count(day)} on ${dayLabel(l)} (pool limit ${p.limits.daily.limit})`);
  const week = p.perWeek.get(l.week) ?? 0;
  if (p.limits?.weekly && week >= p.limits.weekly.limit)
    return why(
      'weekly_limit',
      `already ${count(week)} in the week of ${weekLabel(l)} (pool limit ${p.limits.weekly.limit})`,
    );
  return null;
}

/** 'Priya: 07:00 in New York, before their working hours'. */
function outsideHours(p: Person, weekday: number, minutes: number): string {
  const at = `${hhmm(minutes)} in ${placeOf(p.timezone)}`;
  const windows = p.workingHours[String(weekday)] ?? [];
  if (!windows.length) return `${at}, not one of their working days`;
  if (minutes < minutesOf(windows[0].start)!) return `${at}, before their working hours`;
  if (minutes >= minutesOf(windows[windows.length - 1].end)!) return `${at}, after their working hours`;
  return `${at}, runs outside their working hours`;
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'interview' : 'interviews'}`;
}

/**
 * Start instants from 07:00 on each of the candidate's days in range, every `stepMinutes` of their
 * wall clock, ending by 21:00 on the same day, not before now. A day-light saving change shortens or
 * lengthens the day; a wall time that does not exist moves forward (and may then repeat one: kept once).
 */
export function candidateStarts(o: SearchOptions, clock: LocalClock): number[] {
  const tz = o.candidateTimeZone;
  const ms = o.durationMinutes * 60_000;
  const earliest = Math.max(o.from.getTime(), o.now.getTime());
  const out = new Set<number>();
  const first = Temporal.PlainDate.from(clock.at(o.from.getTime(), tz).date);
  const last = Temporal.PlainDate.from(clock.at(o.to.getTime(), tz).date);
  for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
    const date = day.toString();
    for (let m = CANDIDATE_DAY.start; m + o.durationMinutes <= CANDIDATE_DAY.end; m += o.stepMinutes) {
      const start = day
        .toPlainDateTime({ hour: Math.floor(m / 60), minute: m % 60 })
        .toZonedDateTime(tz, { disambiguation: 'compatible' }).epochMilliseconds;
      const end = start + ms;
      if (start < earliest || end > o.to.getTime()) continue;
      const l = clock.at(start, tz);
      const e = clock.at(end, tz);
      const endMinutes = e.date === date ? e.minutes : e.minutes + 1440;
      if (l.date !== date || l.minutes < CANDIDATE_DAY.start || endMinutes > CANDIDATE_DAY.end) continue;
      out.add(start);
    }
  }
  return [...out].sort((a, b) => a - b);
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const prev = out[out.length - 1];
    if (prev && i.start.getTime() <= prev.end.getTime()) {
      if (i.end > prev.end) out[out.length - 1] = { start: prev.start, end: i.end };
    } else out.push({ start: i.start, end: i.end });
  }
  return out;
}
