import { busyFromIcs } from './ical-busy';

const BERLIN = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const feed = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...BERLIN, ...events.flat(), 'END:VCALENDAR'].join('\r\n');
const ev = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20270101T000000Z', ...lines, 'END:VEVENT'];
const iso = (xs: Array<{ start: Date; end: Date }>) => xs.map((x) => `${x.start.toISOString()}/${x.end.toISOString()}`);
const range = {
  from: new Date('2027-03-01T00:00:00Z'),
  to: new Date('2027-04-30T00:00:00Z'),
  timeZone: 'America/New_York',
};

describe('busyFromIcs', () => {
  it('expands a weekly Berlin event across the March change, with an EXDATE and a moved occurrence', () => {
    const text = feed(
      ev(
        'UID:weekly@test',
        'DTSTART;TZID=Europe/Berlin:20270308T100000',
        'DTEND;TZID=Europe/Berlin:20270308T110000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5',
        'EXDATE;TZID=Europe/Berlin:20270315T100000',
      ),
      ev(
        'UID:weekly@test',
        'RECURRENCE-ID;TZID=Europe/Berlin:20270322T100000',
        'DTSTART;TZID=Europe/Berlin:20270323T140000',
        'DTEND;TZID=Europe/Berlin:20270323T150000',
      ),
    );
    expect(iso(busyFromIcs(text, range))).toEqual([
      '2027-03-08T09:00:00.000Z/2027-03-08T10:00:00.000Z',
      '2027-03-23T13:00:00.000Z/2027-03-23T14:00:00.000Z',
      '2027-03-29T08:00:00.000Z/2027-03-29T09:00:00.000Z',
      '2027-04-05T08:00:00.000Z/2027-04-05T09:00:00.000Z',
    ]);
  });

  it('leaves out transparent and cancelled events and cancelled occurrences; all-day events are the local day', () => {
    const text = feed(
      ev('UID:free@test', 'DTSTART:20270310T120000Z', 'DTEND:20270310T130000Z', 'TRANSP:TRANSPARENT'),
      ev('UID:gone@test', 'DTSTART:20270311T120000Z', 'DTEND:20270311T130000Z', 'STATUS:CANCELLED'),
      ev('UID:day@test', 'DTSTART;VALUE=DATE:20270312', 'DTEND;VALUE=DATE:20270313'),
      ev('UID:d2@test', 'DTSTART;VALUE=DATE:20270320'),
      ev('UID:daily@test', 'DTSTART:20270401T150000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;COUNT=3'),
      ev(
        'UID:daily@test',
        'RECURRENCE-ID:20270402T150000Z',
        'DTSTART:20270402T150000Z',
        'DURATION:PT30M',
        'STATUS:CANCELLED',
      ),
    );
    expect(iso(busyFromIcs(text, range))).toEqual([
      '2027-03-12T05:00:00.000Z/2027-03-13T05:00:00.000Z',
      '2027-03-20T04:00:00.000Z/2027-03-21T04:00:00.000Z',
      '2027-04-01T15:00:00.000Z/2027-04-01T15:30:00.000Z',
      '2027-04-03T15:00:00.000Z/2027-04-03T15:30:00.000Z',
    ]);
  });

  it('reads floating times in the interviewer zone, Windows TZIDs through the feed VTIMEZONE, and clips to the range', () => {
    const windows = [...BERLIN.map((l) => (l === 'TZID:Europe/Berlin' ? 'TZID:W. Europe Standard Time' : l))];
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      ...windows,
      ...ev(
        'UID:w@test',
        'DTSTART;TZID=W. Europe Standard Time:20270330T090000',
        'DTEND;TZID=W. Europe Standard Time:20270330T100000',
      ),
      ...ev('UID:f@test', 'DTSTART:20270302T090000', 'DTEND:20270302T100000'),
      ...ev('UID:long@test', 'DTSTART:20270220T000000Z', 'DTEND:20270302T000000Z'),
      'END:VCALENDAR',
    ].join('\r\n');
    expect(iso(busyFromIcs(text, range))).toEqual([
      '2027-03-01T00:00:00.000Z/2027-03-02T00:00:00.000Z',
      '2027-03-02T14:00:00.000Z/2027-03-02T15:00:00.000Z',
      '2027-03-30T07:00:00.000Z/2027-03-30T08:00:00.000Z',
    ]);
  });

  it('caps an endless rule and refuses text that is not iCalendar', () => {
    const text = feed(ev('UID:m@test', 'DTSTART:20000101T000000Z', 'DTEND:20000101T000100Z', 'RRULE:FREQ=MINUTELY'));
    const t0 = Date.now();
    expect(busyFromIcs(text, { ...range, maxStepsPerEvent: 5000 })).toEqual([]);
    expect(
      busyFromIcs(feed(ev('UID:n@test', 'DTSTART:20270301T000000Z', 'DTEND:20270301T000100Z', 'RRULE:FREQ=MINUTELY')), {
        ...range,
        maxIntervals: 100,
      }),
    ).toHaveLength(100);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(() => busyFromIcs('<html>not a calendar</html>', range)).toThrow();
  });
});
