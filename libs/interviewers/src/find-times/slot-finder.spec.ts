import { workingWindows } from '../availability/working-hours';
import { LocalClock } from './local-time';
import { candidateStarts, findTimes, problem, type Person } from './slot-finder';

const clock = new LocalClock();
const person = (over: Partial<Person> = {}): Person => {
  const workingHours = { '1': [{ start: '09:00', end: '17:00' }], '2': [{ start: '09:00', end: '17:00' }] };
  return {
    userId: 'u1',
    name: 'Ana',
    timezone: 'Europe/Berlin',
    workingHours,
    daysOff: new Set(),
    bufferMinutes: 0,
    working: workingWindows(
      workingHours,
      [],
      'Europe/Berlin',
      new Date('2027-03-22T00:00:00Z'),
      new Date('2027-04-06T00:00:00Z'),
    ),
    busy: [],
    limits: null,
    perDay: new Map(),
    perWeek: new Map(),
    ...over,
  };
};
const at = (iso: string) => Date.parse(iso);

describe('candidateStarts', () => {
  it("steps from 07:00 on the candidate's clock, ends by 21:00, across a change of their clocks", () => {
    const starts = candidateStarts(
      {
        from: new Date('2027-03-27T00:00:00Z'),
        to: new Date('2027-03-29T00:00:00Z'),
        now: new Date(0),
        durationMinutes: 480,
        stepMinutes: 60,
        candidateTimeZone: 'Europe/Berlin',
        limit: 10,
      },
      clock,
    );
    // Saturday in CET (UTC+1), Sunday in CEST (UTC+2): 07:00 to 13:00 local both days
    expect(starts.map((s) => new Date(s).toISOString().slice(0, 16))).toEqual([
      ...['06', '07', '08', '09', '10', '11', '12'].map((h) => `2027-03-27T${h}:00`),
      ...['05', '06', '07', '08', '09', '10', '11'].map((h) => `2027-03-28T${h}:00`),
    ]);
  });

  it('proposes nothing before now', () => {
    const o = {
      from: new Date('2027-03-22T00:00:00Z'),
      to: new Date('2027-03-23T00:00:00Z'),
      now: new Date('2027-03-22T12:00:00Z'),
      durationMinutes: 60,
      stepMinutes: 60,
      candidateTimeZone: 'UTC',
      limit: 10,
    };
    expect(Math.min(...candidateStarts(o, clock))).toBe(at('2027-03-22T12:00:00Z'));
  });
});

describe('problem', () => {
  it('names the first reason: hours, busy, buffer, then limits', () => {
    const p = person({
      bufferMinutes: 10,
      busy: [{ start: new Date('2027-03-22T10:00:00Z'), end: new Date('2027-03-22T11:00:00Z'), source: 'calendar' }],
    });
    expect(problem(p, at('2027-03-22T06:00:00Z'), at('2027-03-22T07:00:00Z'), clock)?.message).toBe(
      'Ana: 07:00 in Berlin, before their working hours',
    );
    expect(problem(p, at('2027-03-22T16:00:00Z'), at('2027-03-22T17:00:00Z'), clock)?.message).toBe(
      'Ana: 17:00 in Berlin, after their working hours',
    );
    expect(problem(p, at('2027-03-24T10:00:00Z'), at('2027-03-24T11:00:00Z'), clock)?.message).toBe(
      'Ana: 11:00 in Berlin, not one of their working days',
    );
    expect(problem(p, at('2027-03-22T10:30:00Z'), at('2027-03-22T11:30:00Z'), clock)?.code).toBe('busy_calendar');
    expect(problem(p, at('2027-03-22T11:00:00Z'), at('2027-03-22T12:00:00Z'), clock)?.code).toBe('buffer');
    expect(problem(p, at('2027-03-22T11:10:00Z'), at('2027-03-22T12:10:00Z'), clock)).toBeNull();
    const limited = person({
      limits: { daily: null, weekly: { limit: 3, poolName: 'Backend' } },
      perWeek: new Map([['2027-W13', 3]]),
    });
    expect(problem(limited, at('2027-03-30T10:00:00Z'), at('2027-03-30T11:00:00Z'), clock)).toMatchObject({
      code: 'weekly_limit',
      message: 'Ana: already 3 interviews in the week of Mon 29 Mar (pool limit 3)',
    });
    expect(problem(limited, at('2027-03-23T10:00:00Z'), at('2027-03-23T11:00:00Z'), clock)).toBeNull();
  });
});

describe('findTimes', () => {
  it('fills a pool seat with the least-loaded free member, never one already on the panel', () => {
    const ana = person();
    const bo = person({ userId: 'u2', name: 'Bo', perWeek: new Map([['2027-W13', 2]]) });
    const cy = person({ userId: 'u3', name: 'Cy', perWeek: new Map([['2027-W13', 1]]) });
    const o = {
      from: new Date('2027-03-29T08:00:00Z'),
      to: new Date('2027-03-29T09:00:00Z'),
      now: new Date(0),
      durationMinutes: 60,
      stepMinutes: 60,
      candidateTimeZone: 'UTC',
      limit: 10,
    };
    const { slots } = findTimes(
      [{ person: ana }, { pool: { id: 'p', name: 'Backend' }, members: [ana, bo, cy] }],
      [],
      o,
      clock,
    );
    expect(slots.map((s) => s.panel.map((x) => [x.name, x.poolId, x.local]))).toEqual([
      [
        ['Ana', null, 'Mon 10:00'],
        ['Cy', 'p', 'Mon 10:00'],
      ],
    ]);
  });
});
