import { checkDaysOff, checkWorkingHours, DEFAULT_WORKING_HOURS, workingWindows } from './working-hours';

const iso = (xs: Array<{ start: Date; end: Date }>) => xs.map((x) => `${x.start.toISOString()}/${x.end.toISOString()}`);

describe('working hours', () => {
  it('accepts several windows a day and 24:00', () => {
    expect(
      checkWorkingHours({
        '1': [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '24:00' },
        ],
        '7': [],
      }),
    ).toBeNull();
    expect(checkWorkingHours(null)).toBeNull();
  });

  it.each([
    [[], 'workingHours'],
    ['09-17', 'workingHours'],
    [{ '0': [] }, 'workingHours.0'],
    [{ mon: [] }, 'workingHours.mon'],
    [{ '1': 'all day' }, 'workingHours.1'],
    [{ '1': [{ start: '9:00', end: '17:00' }] }, 'workingHours.1[0].start'],
    [{ '1': [{ start: '09:00', end: '25:00' }] }, 'workingHours.1[0].end'],
    [{ '1': [{ start: '24:00', end: '24:00' }] }, 'workingHours.1[0].start'],
    [{ '1': [{ start: '17:00', end: '09:00' }] }, 'workingHours.1[0]'],
    [{ '1': [{ start: '09:00', end: '09:00' }] }, 'workingHours.1[0]'],
    [
      {
        '1': [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
      'workingHours.1',
    ],
    [{ '1': Array.from({ length: 5 }, (_, i) => ({ start: `0${i}:00`, end: `0${i}:30` })) }, 'workingHours.1'],
    [JSON.parse('{"1":[{"start":"09:00","end":"17:00","__proto__":{"x":1}}]}'), 'workingHours.1[0]'],
    [{ '1': [{ start: { $gt: '' }, end: '17:00' }] }, 'workingHours.1[0].start'],
    [{ '1': [null] }, 'workingHours.1[0]'],
  ])('refuses %j naming %s', (value, field) => {
    expect(checkWorkingHours(value)?.field).toBe(field);
  });

  it('checks days off as real dates', () => {
    expect(checkDaysOff(['2027-03-29', '2028-02-29'])).toBeNull();
    expect(checkDaysOff(['2027-02-29'])?.field).toBe('daysOff[0]');
    expect(checkDaysOff(['2027-03-29', '29/03/2027'])?.field).toBe('daysOff[1]');
    expect(checkDaysOff('2027-03-29')?.field).toBe('daysOff');
    expect(checkDaysOff(Array(400).fill('2027-03-29'))?.field).toBe('daysOff');
  });

  it('keeps 09:00–17:00 local on both sides of a change, leaving out weekends and days off', () => {
    // Berlin moves to summer time on Sunday 2027-03-28
    const got = workingWindows(
      DEFAULT_WORKING_HOURS,
      ['2027-03-26'],
      'Europe/Berlin',
      new Date('2027-03-25T00:00:00Z'),
      new Date('2027-03-30T00:00:00Z'),
    );
    expect(iso(got)).toEqual([
      '2027-03-25T08:00:00.000Z/2027-03-25T16:00:00.000Z',
      '2027-03-29T07:00:00.000Z/2027-03-29T15:00:00.000Z',
    ]);
  });

  it('places a window on the local day, not the UTC day, and clips to the range', () => {
    const wh = { '1': [{ start: '22:00', end: '24:00' }] };
    // Monday 22:00 in Los Angeles is Tuesday 06:00 UTC (PDT from 2027-03-14)
    const got = workingWindows(
      wh,
      [],
      'America/Los_Angeles',
      new Date('2027-03-15T00:00:00Z'),
      new Date('2027-03-16T07:00:00Z'),
    );
    expect(iso(got)).toEqual(['2027-03-16T05:00:00.000Z/2027-03-16T07:00:00.000Z']);
  });
});
