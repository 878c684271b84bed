import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';

export interface BusyInterval {
  start: Date;
  end: Date;
}

export interface ExpandOptions {
  from: Date;
  to: Date;
  /** Floating times and all-day dates are read in the interviewer's own zone. */
  timeZone: string;
  /** Most intervals kept from one feed, and most recurrence steps walked per event. */
  maxIntervals?: number;
  maxStepsPerEvent?: number;
}

/** A moved occurrence can come from (or go to) outside the range; recurrences are walked this much wider. */
const MOVE_MARGIN_MS = 31 * 86_400_000;

/**
 * The busy intervals of an iCalendar feed within [from, to): recurring events expanded by ical.js
 * (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides), transparent and cancelled events left out.
 * Wall times with an IANA TZID are converted by Temporal, so an occurrence keeps its local time
 * across a daylight-saving change (ical.js's own conversion depends on the feed's VTIMEZONE and a
 * global registry); other TZIDs (Outlook's Windows names) use the feed's VTIMEZONE.
 * Throws on text that is not iCalendar.
 */
export function busyFromIcs(text: string, opts: ExpandOptions): BusyInterval[] {
  const maxIntervals = opts.maxIntervals ?? 5000;
  const maxSteps = opts.maxStepsPerEvent ?? 20000;
  const root = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  const out: BusyInterval[] = [];
  const from = opts.from.getTime();
  const to = opts.to.getTime();
  for (const cal of calendars) {
    const zones = new Map<string, ICAL.Timezone>();
    for (const vtz of cal.getAllSubcomponents('vtimezone')) {
      const tzid = String(vtz.getFirstPropertyValue('tzid') ?? '');
      if (tzid) zones.set(tzid, new ICAL.Timezone(vtz));
    }
    const toMs = (t: ICAL.Time, tzid: string | null): number => instantOf(t, tzid, zones, opts.timeZone);
    const add = (start: number, end: number) => {
      if (end > from && start < to && out.length < maxIntervals)
        out.push({ start: new Date(Math.max(start, from)), end: new Date(Math.min(end, to)) });
    };
    const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
    for (const ve of cal.getAllSubcomponents('vevent')) {
      const uid = String(ve.getFirstPropertyValue('uid') ?? Math.random());
      const entry = byUid.get(uid) ?? { exceptions: [] };
      if (ve.hasProperty('recurrence-id')) entry.exceptions.push(ve);
      else entry.master = ve;
      byUid.set(uid, entry);
    }
    for (const { master, exceptions } of byUid.values()) {
      if (!master) {
        // overrides whose series is not in the feed: each is a single event
        for (const ex of exceptions) single(ex, toMs, add);
        continue;
      }
      const event = new ICAL.Event(master);
      for (const ex of exceptions) event.relateException(ex);
      if (!event.isRecurring()) {
        single(master, toMs, add);
        continue;
      }
      const iter = event.iterator();
      const tzid = tzidOf(master, 'dtstart');
      for (let steps = 0; steps < maxSteps && out.length < maxIntervals; steps++) {
        const next = iter.next();
        if (!next) break;
        if (toMs(next, tzid) >= to + MOVE_MARGIN_MS) break;
        const details = event.getOccurrenceDetails(next);
        const item = details.item.component;
        if (!counts(item)) continue;
        const itemTz = details.item === event ? tzid : tzidOf(item, 'dtstart');
        const start = toMs(details.startDate, itemTz);
        let end = toMs(
          details.endDate,
          details.item === event ? (tzidOf(master, 'dtend') ?? tzid) : (tzidOf(item, 'dtend') ?? itemTz),
        );
        if (end <= start) end = details.startDate.isDate ? start + 86_400_000 : start;
        if (end > start) add(start, end);
      }
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

function single(
  ve: ICAL.Component,
  toMs: (t: ICAL.Time, tzid: string | null) => number,
  add: (s: number, e: number) => void,
): void {
  if (!counts(ve)) return;
  const event = new ICAL.Event(ve);
  if (!event.startDate) return;
  const tzid = tzidOf(ve, 'dtstart');
  const start = toMs(event.startDate, tzid);
  let end = event.endDate ? toMs(event.endDate, tzidOf(ve, 'dtend') ?? tzid) : start;
  // RFC 5545: an all-day event without an end lasts the day
  if (end <= start && event.startDate.isDate) end = start + 86_400_000;
  if (end > start) add(start, end);
}

/** Free (TRANSP:TRANSPARENT) and cancelled events do not make anyone busy. */
function counts(ve: ICAL.Component): boolean {
  const transp = String(ve.getFirstPropertyValue('transp') ?? '').toUpperCase();
  const status = String(ve.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transp !== 'TRANSPARENT' && status !== 'CANCELLED';
}

function tzidOf(ve: ICAL.Component, prop: string): string | null {
  const p = ve.getFirstProperty(prop);
  const tzid = p?.getParameter('tzid');
  return typeof tzid === 'string' && tzid ? tzid : null;
}

function isIana(tzid: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(tzid);
    return true;
  } catch {
    return false;
  }
}

function instantOf(t: ICAL.Time, tzid: string | null, zones: Map<string, ICAL.Timezone>, fallbackZone: string): number {
  if (t.zone?.tzid === 'UTC' && !tzid) return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const wall = {
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.isDate ? 0 : t.hour,
    minute: t.isDate ? 0 : t.minute,
    second: t.isDate ? 0 : t.second,
  };
  // all-day and floating times are the interviewer's own day and clock
  let zone = t.isDate || !tzid ? fallbackZone : tzid.replace(/^\//, '');
  if (!t.isDate && tzid && !isIana(zone)) {
    const vtz = zones.get(tzid);
    if (vtz) {
      const c = t.clone();
      c.zone = vtz;
      return c.toUnixTime() * 1000;
    }
    zone = fallbackZone;
  }
  return Temporal.PlainDateTime.from(wall).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}
