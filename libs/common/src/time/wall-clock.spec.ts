import { Temporal } from 'temporal-polyfill';
import { wallClock } from './wall-clock';

/** The wall clock from Temporal, whole seconds, as wallClock encodes it. */
function expected(ms: number, timeZone: string): number {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  return Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second);
}

describe('wallClock', () => {
  const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];

  it('agrees with Temporal around the 2026 daylight-saving changes, asked once and again (kept results)', () => {
    const instants = [
      Date.UTC(2026, 2, 8, 6, 59, 59), // New York, a second before 02:00 EST becomes 03:00 EDT
      Date.UTC(2026, 2, 8, 7, 0, 0),
      Date.UTC(2026, 2, 29, 0, 59, 59, 500), // Berlin, CET to CEST; milliseconds dropped
      Date.UTC(2026, 2, 29, 1, 0, 0),
      Date.UTC(2026, 9, 4, 14, 59, 59), // Lord Howe: a half-hour change
      Date.UTC(2026, 9, 4, 15, 0, 0),
      Date.UTC(2026, 10, 1, 5, 30, 0), // New York, the repeated hour
      Date.UTC(2026, 10, 1, 6, 30, 0),
    ];
    for (let round = 0; round < 2; round++)
      for (const tz of zones)
        for (const t of instants) expect([tz, t, wallClock(t, tz)]).toEqual([tz, t, expected(t, tz)]);
  });

  it('stays right past the bound on kept results (45,000 instants over two years, each zone)', () => {
    const start = Date.UTC(2025, 0, 1);
    for (const tz of ['America/New_York', 'Asia/Kolkata'])
      for (let i = 0; i < 45_000; i++) {
        const t = start + i * 23 * 60_000 + (i % 60) * 1000;
        if (wallClock(t, tz) !== expected(t, tz)) throw new Error(`${tz} ${new Date(t).toISOString()}`);
      }
  });

  it('refuses an unknown zone and an invalid instant, as the formatter does', () => {
    expect(() => wallClock(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => wallClock(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});
