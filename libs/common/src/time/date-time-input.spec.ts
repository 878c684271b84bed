import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsDateTimeInput, parseDateTimeInput, toInstant } from './date-time-input';

const iso = (value: string, tz = 'Europe/Berlin') => toInstant(value, tz).toISOString();

describe('toInstant', () => {
  it.each([
    ['2027-12-01T10', '2027-12-01T09:00:00.000Z'],
    ['2027-12-01T10:00', '2027-12-01T09:00:00.000Z'],
    ['2027-12-01T10:00:00+01', '2027-12-01T09:00:00.000Z'],
    ['2027-12-01T10:00:00+0130', '2027-12-01T08:30:00.000Z'],
    ['2027-12-01T10:00:00-05:00', '2027-12-01T15:00:00.000Z'],
    ['2027-12-01T10:00:00Z', '2027-12-01T10:00:00.000Z'],
    ['2027-12-01t10:00:00z', '2027-12-01T10:00:00.000Z'],
    ['2027-12-01 10:00:00Z', '2027-12-01T10:00:00.000Z'],
    ['2027-12-01T10:00:00.123456789Z', '2027-12-01T10:00:00.123Z'],
    ['2027-12-01T10:00:00,5Z', '2027-12-01T10:00:00.500Z'],
    ['20271201T1000Z', '2027-12-01T10:00:00.000Z'],
    ['2027-W49-2T10:00', '2027-12-07T09:00:00.000Z'],
    ['2027W492T10:00Z', '2027-12-07T10:00:00.000Z'],
    ['2027-W01-1T00:00Z', '2027-01-04T00:00:00.000Z'],
    ['2026-W53-5T12:00Z', '2027-01-01T12:00:00.000Z'],
    ['2027-335T10:00Z', '2027-12-01T10:00:00.000Z'],
    ['2027-12-01', '2027-11-30T23:00:00.000Z'],
    ['2027-12-01T10:00:00+01:00[Europe/Berlin]', '2027-12-01T09:00:00.000Z'],
    ['2027-07-01T10:00[America/New_York]', '2027-07-01T14:00:00.000Z'],
  ])('reads %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it('reads a local time in the given zone', () => {
    expect(iso('2027-12-01T10:00', 'America/New_York')).toBe('2027-12-01T15:00:00.000Z');
    expect(iso('2027-12-01T10:00', 'Asia/Kolkata')).toBe('2027-12-01T04:30:00.000Z');
  });

  it('moves a time skipped by the spring-forward change forward by the gap, in Berlin and New York alike', () => {
    // 02:30 does not exist: compatible gives 03:30 local (the gap's length later)
    expect(iso('2027-03-28T02:30', 'Europe/Berlin')).toBe('2027-03-28T01:30:00.000Z'); // 03:30 CEST
    expect(iso('2027-03-14T02:30', 'America/New_York')).toBe('2027-03-14T07:30:00.000Z'); // 03:30 EDT
    expect(iso('2027-10-03T02:30', 'Australia/Sydney')).toBe('2027-10-02T16:30:00.000Z'); // 03:30 AEDT
  });

  it('takes the earlier of two repeated wall times in the fall-back hour', () => {
    expect(iso('2027-10-31T02:30', 'Europe/Berlin')).toBe('2027-10-31T00:30:00.000Z'); // 02:30 CEST
    expect(iso('2027-11-07T01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z'); // 01:30 EDT
  });

  it.each([
    ['', /four-digit year/],
    ['tomorrow', /four-digit year/],
    ['27-12-01T10:00', /four-digit year/],
    ['+002027-12-01T10:00Z', /four-digit year/],
    ['2027-13-01T10:00', /not a valid/],
    ['2027-02-30T10:00', /not a valid/],
    ['2027-12-01T25:00', /not a valid/],
    ['2027-12-01T10:00+25:00', /not a valid/],
    ['2027-12-01T10:00:00Zjunk', /not a valid/],
    ['2027-W54-1T10:00', /week 54 does not exist/],
    ['2027-W53-1T10:00', /week 53 does not exist/],
    ['2027-366T10:00', /day 366 does not exist/],
    ['1969-12-31T23:59:59Z', /between 1970 and 9999/],
    ['2027-12-01T10:00\u0000', /not a valid/],
    [`2027-12-01T10:00${'0'.repeat(100)}`, /at most 80/],
  ])('refuses %j', (value, why) => {
    expect(() => toInstant(value, 'Europe/Berlin')).toThrow(why);
  });

  it('refuses what is not a string', () => {
    expect(() => toInstant(1_800_000_000_000, 'UTC')).toThrow(/string/);
    expect(() => toInstant(null, 'UTC')).toThrow(/string/);
  });
});

describe('parseDateTimeInput and IsDateTimeInput', () => {
  it('answer a 400 naming the field', () => {
    try {
      parseDateTimeInput('2027-12-01T99', 'start', 'UTC');
      throw new Error('not refused');
    } catch (e: any) {
      expect(e.getStatus()).toBe(400);
      expect(e.getResponse()).toMatchObject({
        message: expect.stringMatching(/^start /),
        details: [{ field: 'start' }],
      });
    }
  });

  class Dto {
    @IsDateTimeInput()
    from: string;
  }

  it('validate the syntax in a DTO', () => {
    expect(validateSync(plainToInstance(Dto, { from: '2027-W49-2T10:00' }))).toHaveLength(0);
    const [error] = validateSync(plainToInstance(Dto, { from: '2027-12-01T10:00+99' }));
    expect(error.property).toBe('from');
    expect(Object.values(error.constraints!)[0]).toMatch(/^from is not a valid ISO 8601 date-time/);
  });
});
