import { shiftOutOfQuietHours } from './index';

const NIGHT = { start: '21:00', end: '08:00' };
const LUNCH = { start: '12:00', end: '13:00' };
/** Shifted instant as ISO text, so failures show readable times. */
const shift = (iso: string, tz: string, quiet: { start: string; end: string } | null) =>
  shiftOutOfQuietHours(new Date(iso), tz, quiet).toISOString();

describe('shiftOutOfQuietHours', () => {
  describe('quiet hours wrapping midnight (21:00-08:00)', () => {
    it.each([
      ['late evening goes to next morning', '2025-06-10T23:00:00.000Z', '2025-06-11T08:00:00.000Z'],
      ['the start itself is quiet', '2025-06-10T21:00:00.000Z', '2025-06-11T08:00:00.000Z'],
      ['midnight goes to the same morning', '2025-06-11T00:00:00.000Z', '2025-06-11T08:00:00.000Z'],
      ['early morning goes to the same morning', '2025-06-11T07:59:59.000Z', '2025-06-11T08:00:00.000Z'],
      ['the end itself is not quiet', '2025-06-11T08:00:00.000Z', '2025-06-11T08:00:00.000Z'],
      ['just before the start is not quiet', '2025-06-10T20:59:00.000Z', '2025-06-10T20:59:00.000Z'],
      ['midday is not quiet', '2025-06-10T12:00:00.000Z', '2025-06-10T12:00:00.000Z'],
    ])('%s', (_why, at, expected) => {
      expect(shift(at, 'UTC', NIGHT)).toBe(expected);
    });
  });

  describe('quiet hours within one day (12:00-13:00)', () => {
    it.each([
      ['inside goes to the end', '2025-06-10T12:30:00.000Z', '2025-06-10T13:00:00.000Z'],
      ['the start itself is quiet', '2025-06-10T12:00:00.000Z', '2025-06-10T13:00:00.000Z'],
      ['the end itself is not quiet', '2025-06-10T13:00:00.000Z', '2025-06-10T13:00:00.000Z'],
      ['before is not quiet', '2025-06-10T11:59:00.000Z', '2025-06-10T11:59:00.000Z'],
      ['night is not quiet (no wrap)', '2025-06-10T23:00:00.000Z', '2025-06-10T23:00:00.000Z'],
    ])('%s', (_why, at, expected) => {
      expect(shift(at, 'UTC', LUNCH)).toBe(expected);
    });

    it('uses the local clock of a half-hour-offset zone (Kolkata 12:15 -> 13:00 IST)', () => {
      expect(shift('2025-06-10T06:45:00.000Z', 'Asia/Kolkata', LUNCH)).toBe('2025-06-10T07:30:00.000Z');
    });

    it('works at minute scale', () => {
      const quiet = { start: '10:00', end: '10:05' };
      expect(shift('2025-06-10T10:03:00.000Z', 'UTC', quiet)).toBe('2025-06-10T10:05:00.000Z');
      expect(shift('2025-06-10T10:05:00.000Z', 'UTC', quiet)).toBe('2025-06-10T10:05:00.000Z');
    });
  });

  it('leaves the time alone without quiet hours (null, or start == end)', () => {
    expect(shift('2025-06-10T23:00:00.000Z', 'UTC', null)).toBe('2025-06-10T23:00:00.000Z');
    expect(shift('2025-06-10T23:00:00.000Z', 'UTC', { start: '22:00', end: '22:00' })).toBe('2025-06-10T23:00:00.000Z');
  });

  it('shifts the same instant differently per time zone', () => {
    const at = '2025-06-10T20:00:00.000Z'; // Berlin 22:00, New York 16:00, Kolkata 01:30 next day
    expect(shift(at, 'Europe/Berlin', NIGHT)).toBe('2025-06-11T06:00:00.000Z');
    expect(shift(at, 'America/New_York', NIGHT)).toBe(at);
    expect(shift(at, 'Asia/Kolkata', NIGHT)).toBe('2025-06-11T02:30:00.000Z');
  });

  describe('daylight saving time in Europe/Berlin', () => {
    it('spring forward (30 Mar 2025): 08:00 local is 06:00Z, the day before it is 07:00Z', () => {
      expect(shift('2025-03-29T22:30:00.000Z', 'Europe/Berlin', NIGHT)).toBe('2025-03-30T06:00:00.000Z');
      expect(shift('2025-03-28T22:30:00.000Z', 'Europe/Berlin', NIGHT)).toBe('2025-03-29T07:00:00.000Z');
    });

    it('fall back (26 Oct 2025): 08:00 local is 07:00Z, the day before it is 06:00Z', () => {
      expect(shift('2025-10-25T21:30:00.000Z', 'Europe/Berlin', NIGHT)).toBe('2025-10-26T07:00:00.000Z');
      expect(shift('2025-10-24T21:30:00.000Z', 'Europe/Berlin', NIGHT)).toBe('2025-10-25T06:00:00.000Z');
    });

    it('an end time skipped by the jump (02:30 on 30 Mar) is reached at the jump itself', () => {
      // clocks go 01:59 CET -> 03:00 CEST at 01:00Z
      expect(shift('2025-03-30T00:30:00.000Z', 'Europe/Berlin', { start: '01:00', end: '02:30' })).toBe(
        '2025-03-30T01:00:00.000Z',
      );
    });

    it('an end time that happens twice (02:30 on 26 Oct) ends the quiet period it follows', () => {
      const quiet = { start: '01:00', end: '02:30' };
      // 01:30 CEST -> first 02:30 (CEST, 00:30Z)
      expect(shift('2025-10-25T23:30:00.000Z', 'Europe/Berlin', quiet)).toBe('2025-10-26T00:30:00.000Z');
      // 02:45 CEST is after the first 02:30: not quiet
      expect(shift('2025-10-26T00:45:00.000Z', 'Europe/Berlin', quiet)).toBe('2025-10-26T00:45:00.000Z');
      // after clocks go back, 02:15 CET -> second 02:30 (CET, 01:30Z)
      expect(shift('2025-10-26T01:15:00.000Z', 'Europe/Berlin', quiet)).toBe('2025-10-26T01:30:00.000Z');
    });
  });

  it('rejects an unknown time zone and a malformed time', () => {
    expect(() => shift('2025-06-10T23:00:00.000Z', 'Mars/Olympus_Mons', NIGHT)).toThrow(RangeError);
    expect(() => shift('2025-06-10T23:00:00.000Z', 'UTC', { start: '9pm', end: '08:00' })).toThrow(/HH:MM/);
  });
});
