import { wallClock as wallClockSeconds } from '@app/common';
// Wall-clock arithmetic in IANA time zones using only Intl (no date library): enough to find the
// quiet period around an instant, DST gaps and overlaps included. Internal to the planner.

export const MINUTE = 60_000;
const DAY = 86_400_000;

/** Quiet hours as minutes after local midnight; start > end wraps midnight, start == end is none. */
export interface QuietMinutes {
  start: number;
  end: number;
}

/** The wall clock in `timeZone` at instant `t`, encoded as the UTC instant showing the same digits. */
export function wallClock(t: number, timeZone: string): number {
  return wallClockSeconds(t, timeZone) + (((t % 1000) + 1000) % 1000); // Intl drops milliseconds
}

const offsetAt = (t: number, timeZone: string) => wallClock(t, timeZone) - t;

/** Instants at which the clock reads `wall`: one normally, two in a DST overlap, none in a gap. */
function instantsAt(wall: number, timeZone: string): number[] {
  // the offsets in force around `wall` are the only candidates (a zone changes offset rarely)
  const offsets = new Set([-DAY, 0, DAY].map((d) => offsetAt(wall + d, timeZone)));
  return [...offsets]
    .map((o) => wall - o)
    .filter((t) => wallClock(t, timeZone) === wall)
    .sort((a, b) => a - b);
}

/** For a wall time skipped by a DST jump: the instant of the jump, when the clock passes it. */
function jumpOver(wall: number, timeZone: string): number {
  const offsets = [-DAY, 0, DAY].map((d) => offsetAt(wall + d, timeZone));
  let lo = wall - Math.max(...offsets); // clock still before `wall`
  let hi = wall - Math.min(...offsets); // clock already past it
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClock(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The quiet period containing instant `at` in `timeZone`, as instants, or null when `at` is not
 * in quiet hours. The window is half-open: quiet from `start` (inclusive) to `end` (exclusive).
 */
export function quietPeriodAt(
  at: number,
  timeZone: string,
  quiet: QuietMinutes,
): { start: number; end: number } | null {
  if (quiet.start === quiet.end) return null;
  const local = wallClock(at, timeZone);
  const midnight = Math.floor(local / DAY) * DAY;
  const minute = (local - midnight) / MINUTE;

  let startDay: number;
  let endDay: number;
  if (quiet.start < quiet.end) {
    if (minute < quiet.start || minute >= quiet.end) return null;
    startDay = endDay = midnight;
  } else if (minute >= quiet.start) {
    startDay = midnight; // evening part: ends tomorrow morning
    endDay = midnight + DAY;
  } else if (minute < quiet.end) {
    startDay = midnight - DAY; // morning part: began yesterday evening
    endDay = midnight;
  } else {
    return null;
  }

  const startWall = startDay + quiet.start * MINUTE;
  const endWall = endDay + quiet.end * MINUTE;
  // In a DST overlap a wall time happens twice: the period began at the last occurrence not
  // after `at` and ends at the first one after it. In a gap it happens at the jump.
  const starts = instantsAt(startWall, timeZone).filter((t) => t <= at);
  const ends = instantsAt(endWall, timeZone).filter((t) => t > at);
  return {
    start: starts.length ? starts[starts.length - 1] : jumpOver(startWall, timeZone),
    end: ends.length ? ends[0] : jumpOver(endWall, timeZone),
  };
}
