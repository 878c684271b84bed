// Building an Intl.DateTimeFormat costs far more than using one; formatters are kept per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // throws RangeError for an unknown zone, which is what callers should see
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// Every read of an interview formats its times (a list of 20 costs some 60 formatToParts calls, the
// most expensive line of a list's request), and the same instants come back on every read: the
// results are kept per zone, up to a bound, then forgotten all at once. A zone's rules only change
// with the process's time-zone data, so a kept result never goes stale.
const memo = new Map<string, Map<number, number>>();
const MEMO_MAX = 20_000;
let memoSize = 0;

/**
 * The wall clock in `timeZone` at instant `ms`, encoded as the UTC epoch value showing the same
 * digits (whole seconds). `wallClock(t, tz) - t` is the zone's offset at `t`.
 */
export function wallClock(ms: number, timeZone: string): number {
  let zone = memo.get(timeZone);
  const kept = zone?.get(ms);
  if (kept !== undefined) return kept;
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(ms)) p[type] = Number(value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  if (memoSize >= MEMO_MAX) {
    memo.clear();
    memoSize = 0;
    zone = undefined;
  }
  if (!zone) memo.set(timeZone, (zone = new Map()));
  zone.set(ms, wall);
  memoSize++;
  return wall;
}
