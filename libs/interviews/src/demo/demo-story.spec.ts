import { Temporal } from 'temporal-polyfill';
import { DEMO_PANELISTS, DEMO_USERS } from '@app/auth';
import { DEMO_INTERVIEWS, DEMO_PM_INTERVIEWS, demoDate } from './demo-story';

describe('demoDate', () => {
  const monday = new Date('2026-11-30T08:00:00Z');

  it('puts the upcoming interview on the next Tuesday, a week ahead when today is Tuesday', () => {
    expect(demoDate('next-tuesday', monday)).toBe('2026-12-01');
    expect(demoDate('next-tuesday', new Date('2026-12-01T23:00:00Z'))).toBe('2026-12-08');
    expect(demoDate('next-tuesday', new Date('2026-12-06T12:00:00Z'))).toBe('2026-12-08');
  });

  it('puts held interviews on weekdays: a Saturday or Sunday becomes the Friday before', () => {
    expect(demoDate(3, monday)).toBe('2026-11-27');
    expect(demoDate(7, monday)).toBe('2026-11-23');
    expect(demoDate(3, new Date('2026-12-01T08:00:00Z'))).toBe('2026-11-27'); // Saturday
    expect(demoDate(3, new Date('2026-12-02T08:00:00Z'))).toBe('2026-11-27'); // Sunday
    expect(demoDate(7, new Date('2026-12-05T08:00:00Z'))).toBe('2026-11-27'); // today Saturday
  });
});

describe('the demo interviews', () => {
  const all = [...DEMO_INTERVIEWS, ...DEMO_PM_INTERVIEWS];
  const zoneOf = new Map([...DEMO_USERS, ...DEMO_PANELISTS].map((u) => [u.email, u.timezone]));

  it('have interviewers in three timezones', () => {
    const zones = new Set(all.flatMap((i) => i.panel).map((email) => zoneOf.get(email)));
    expect([...zones].sort()).toEqual(['America/New_York', 'Asia/Kolkata', 'Europe/Berlin']);
  });

  // every week of a year, so both clock changes (and the weeks the US and Europe differ) are covered
  it.each(
    Array.from({ length: 53 }, (_, week) => Temporal.PlainDate.from('2027-01-05').add({ weeks: week }).toString()),
  )("fall inside every panelist's 09:00-18:00 when held on %s", (date) => {
    for (const i of all) {
      const start = Temporal.PlainDateTime.from(`${date}T${i.time}`).toZonedDateTime(i.timezone);
      const end = start.add({ minutes: 60 });
      for (const email of i.panel) {
        const zone = zoneOf.get(email)!;
        const [from, to] = [start.withTimeZone(zone), end.withTimeZone(zone)];
        expect({
          email,
          from: from.toPlainTime().toString() >= '09:00',
          to: to.toPlainTime().toString() <= '18:00',
        }).toEqual({
          email,
          from: true,
          to: true,
        });
        expect(from.toPlainDate().equals(to.toPlainDate())).toBe(true);
      }
    }
  });
});
