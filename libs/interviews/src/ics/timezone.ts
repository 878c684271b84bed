import { wallClock } from '@app/common';
/**
 * Wall-clock times and VTIMEZONE definitions from the runtime's IANA data (via Intl), so invites
 * need no bundled tz database and follow whatever tzdata Node ships.
 */

const SECOND = 1000;
const DAY = 86_400_000;

/** `YYYYMMDDTHHMMSSZ` */
export function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

/** `YYYYMMDDTHHMMSS`: the wall-clock time of `instant` in `timezone`. */
export function localDateTime(instant: Date, timezone: string): string {
  return utcStamp(new Date(wallClock(instant.getTime(), timezone))).slice(0, -1);
}

function utcOffset(ms: number, timezone: string): number {
  return wallClock(ms, timezone) - Math.floor(ms / SECOND) * SECOND;
}

/** Whether the wall-clock time of `instant` in `timezone` also occurs at another instant (fall-back). */
export function isAmbiguous(instant: Date, timezone: string): boolean {
  const t = Math.floor(instant.getTime() / SECOND) * SECOND;
  const wall = wallClock(t, timezone);
  // a repeated hour needs an offset change nearby, and the offsets a day away bracket it
  const offsets = [utcOffset(t - DAY, timezone), utcOffset(t + DAY, timezone)];
  return offsets.some((o) => wall - o !== t && utcOffset(wall - o, timezone) === o);
}

export interface Transition {
  /** first instant (ms) at the new offset */
  at: number;
  from: number;
  to: number;
}

/**
 * Offset changes in [from, to). Sampled daily (a cheap scan of ~1100 points for three years), then
 * bisected to the second; two changes less than a day apart would be seen as at most one.
 */
export function transitions(timezone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let before = utcOffset(from, timezone);
  for (let day = from; day < to; day += DAY) {
    let [lo, hi] = [day, Math.min(day + DAY, to)];
    const after = utcOffset(hi, timezone);
    if (after === before) continue;
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
      if (utcOffset(mid, timezone) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: before, to: after });
    before = after;
  }
  return found;
}

/**
 * VTIMEZONE lines for `timezone`, covering the years around `around` with one sub-component per
 * offset change (explicit DTSTARTs rather than RRULEs: exact, and no rule inference needed).
 */
export function vtimezone(timezone: string, around: Date): string[] {
  const year = around.getUTCFullYear();
  const windowStart = Date.UTC(year - 1, 0, 1);
  const changes = transitions(timezone, windowStart, Date.UTC(year + 2, 0, 1));
  const rules = changes.map((c) => ({
    kind: c.to > c.from ? 'DAYLIGHT' : 'STANDARD',
    // RFC 5545 3.6.5: the onset is local time in the offset in force *before* the change
    dtstart: utcStamp(new Date(c.at + c.from)).slice(0, -1),
    from: c.from,
    to: c.to,
    name: shortName(c.at, timezone),
  }));
  // Parsers treat times before the first sub-component as UTC (ical.js) or undefined, so a zone
  // with no change before the event gets a base rule: the offset in force at the window start.
  if (!changes.some((c) => c.at <= around.getTime())) {
    const offset = utcOffset(windowStart, timezone);
    const name = shortName(windowStart, timezone);
    rules.unshift({ kind: 'STANDARD', dtstart: '19700101T000000', from: offset, to: offset, name });
  }
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timezone}`,
    `X-LIC-LOCATION:${timezone}`,
    ...rules.flatMap((r) => [
      `BEGIN:${r.kind}`,
      `DTSTART:${r.dtstart}`,
      `TZOFFSETFROM:${formatOffset(r.from)}`,
      `TZOFFSETTO:${formatOffset(r.to)}`,
      ...(r.name ? [`TZNAME:${r.name}`] : []),
      `END:${r.kind}`,
    ]),
    'END:VTIMEZONE',
  ];
}

/** `+HHMM`, or `+HHMMSS` for the odd historical offset with seconds. */
function formatOffset(ms: number): string {
  const total = Math.abs(ms) / SECOND;
  const fields = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  if (fields[2] === 0) fields.pop();
  return (ms < 0 ? '-' : '+') + fields.map((n) => String(n).padStart(2, '0')).join('');
}

// ICU only gives an abbreviation (CET, EST, IST, LHDT…) in locales where it is in common use,
// else `GMT+1`-style text, which is no name; so ask a few English locales in turn.
const NAME_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ'];
const nameFormats = new Map<string, Intl.DateTimeFormat>();

function shortName(ms: number, timezone: string): string | undefined {
  for (const locale of NAME_LOCALES) {
    const key = `${locale} ${timezone}`;
    let format = nameFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { timeZone: timezone, timeZoneName: 'short' });
      nameFormats.set(key, format);
    }
    const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Za-z]+$/.test(name)) return name;
  }
  return undefined;
}
