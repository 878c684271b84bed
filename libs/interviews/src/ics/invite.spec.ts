import ICAL from 'ical.js';
import * as ical from 'node-ical';
import type { InviteInput } from './index';
import { buildInvite, localDateTime, utcStamp } from './index';

const base: InviteInput = {
  uid: 'iv-42@scorecards',
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2024-01-15T09:00:00Z'),
  end: new Date('2024-01-15T10:00:00Z'),
  timezone: 'Europe/Berlin',
  summary: 'Interview: Jane Doe, Backend Engineer',
  description: 'Kit: https://scorecards.example.com/kits/7\nQuestions: 12; rubric, notes\r\nBring a laptop \\ charger.',
  location: 'Room 4.01, Berlin HQ; 4th floor',
  url: 'https://meet.example.com/abc-defg-hij',
  organizer: { name: 'Recruiting Team', email: 'recruiting@example.com' },
  attendees: [
    { name: 'Müller, Jürgen', email: 'juergen.mueller@example.com', role: 'REQ-PARTICIPANT' },
    { name: 'Ana Lima: Ops, EMEA', email: 'ana+ops@example.com', role: 'OPT-PARTICIPANT' },
  ],
  created: new Date('2024-01-01T08:00:00Z'),
  lastModified: new Date('2024-01-02T08:30:00Z'),
  dtstamp: new Date('2024-01-02T08:30:05Z'),
};

const invite = (changes: Partial<InviteInput> = {}) => buildInvite({ ...base, ...changes });

const unfold = (text: string) => text.replace(/\r\n /g, '');
const lines = (text: string) => unfold(text).split('\r\n');

function viaIcalJs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // registered explicitly so the times below are computed from *our* VTIMEZONE
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

function viaNodeIcal(text: string) {
  const data = ical.sync.parseICS(text);
  const events = Object.values(data).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return { calendar: data.vcalendar!, event: events[0] };
}

const val = (v: ical.ParameterValue | undefined) => (typeof v === 'object' ? v.val : v);
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

beforeEach(() => ICAL.TimezoneService.reset());

describe('buildInvite', () => {
  describe('structure', () => {
    it('writes the calendar and event properties in RFC 5545 form', () => {
      const out = lines(invite());
      expect(out.slice(0, 6)).toEqual([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Scorecards//Interview invites//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:REQUEST',
        'BEGIN:VTIMEZONE',
      ]);
      expect(out.slice(out.indexOf('BEGIN:VEVENT'))).toEqual([
        'BEGIN:VEVENT',
        'UID:iv-42@scorecards',
        'SEQUENCE:0',
        'DTSTAMP:20240102T083005Z',
        'DTSTART;TZID=Europe/Berlin:20240115T100000',
        'DTEND;TZID=Europe/Berlin:20240115T110000',
        'SUMMARY:Interview: Jane Doe\\, Backend Engineer',
        'DESCRIPTION:Kit: https://scorecards.example.com/kits/7\\nQuestions: 12\\; rubric\\, notes\\nBring a laptop \\\\ charger.',
        'LOCATION:Room 4.01\\, Berlin HQ\\; 4th floor',
        'URL:https://meet.example.com/abc-defg-hij',
        'ORGANIZER;CN=Recruiting Team:mailto:recruiting@example.com',
        'ATTENDEE;CN="Müller, Jürgen";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:juergen.mueller@example.com',
        'ATTENDEE;CN="Ana Lima: Ops, EMEA";ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ana+ops@example.com',
        'STATUS:CONFIRMED',
        'CREATED:20240101T080000Z',
        'LAST-MODIFIED:20240102T083000Z',
        'TRANSP:OPAQUE',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ]);
      expect(out.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
      expect(out).toContain('TZID:Europe/Berlin');
    });

    it('leaves out LOCATION and URL when not given', () => {
      const out = lines(invite({ location: undefined, url: undefined }));
      expect(out.some((l) => l.startsWith('LOCATION') || l.startsWith('URL'))).toBe(false);
      expect(viaNodeIcal(invite({ location: undefined })).event.location).toBeUndefined();
    });

    it('stamps DTSTAMP with the current time by default', () => {
      const before = utcStamp(new Date());
      const stamp = lines(invite({ dtstamp: undefined }))
        .find((l) => l.startsWith('DTSTAMP:'))!
        .slice(8);
      expect(stamp >= before && stamp <= utcStamp(new Date())).toBe(true);
      expect(stamp).toMatch(/^\d{8}T\d{6}Z$/);
    });
  });

  describe('scheduling (iTIP)', () => {
    it('parses a REQUEST with UID, SEQUENCE, METHOD and STATUS', () => {
      const text = invite({ sequence: 3 });
      const js = viaIcalJs(text);
      expect(js.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(js.event.uid).toBe('iv-42@scorecards');
      expect(js.event.sequence).toBe(3);
      expect(js.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(js.vevent.getFirstPropertyValue('transp')).toBe('OPAQUE');

      const node = viaNodeIcal(text);
      expect(node.calendar.method).toBe('REQUEST');
      expect(node.event.uid).toBe('iv-42@scorecards');
      expect(Number(node.event.sequence)).toBe(3);
      expect(node.event.status).toBe('CONFIRMED');
      expect(node.event.transparency).toBe('OPAQUE');
    });

    it('parses a CANCEL with the same UID and STATUS:CANCELLED', () => {
      const text = invite({ method: 'CANCEL', sequence: 2 });
      const js = viaIcalJs(text);
      expect(js.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
      expect(js.event.uid).toBe('iv-42@scorecards');
      expect(js.event.sequence).toBe(2);
      expect(js.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');

      const node = viaNodeIcal(text);
      expect(node.calendar.method).toBe('CANCEL');
      expect(node.event.uid).toBe('iv-42@scorecards');
      expect(Number(node.event.sequence)).toBe(2);
      expect(node.event.status).toBe('CANCELLED');
    });

    it('reschedules under the same UID with SEQUENCE + 1 and the new times', () => {
      const first = invite();
      const start = new Date('2024-01-16T13:30:00Z');
      const end = new Date('2024-01-16T14:15:00Z');
      const second = invite({ sequence: 1, start, end, lastModified: new Date('2024-01-03T00:00:00Z') });

      for (const text of [first, second]) expect(viaIcalJs(text).event.uid).toBe(base.uid);
      const js = viaIcalJs(second).event;
      expect(js.sequence).toBe(1);
      expect(js.startDate.toJSDate()).toEqual(start);
      expect(js.endDate.toJSDate()).toEqual(end);
      const node = viaNodeIcal(second).event;
      expect(node.uid).toBe(base.uid);
      expect(Number(node.sequence)).toBe(1);
      expect(node.start).toEqual(start);
      expect(node.end).toEqual(end);
      expect(lines(second)).toContain('DTSTART;TZID=Europe/Berlin:20240116T143000');
    });
  });

  describe('times', () => {
    // [zone, start, end, local start, local end]
    const cases: [string, string, string, string, string, string][] = [
      [
        'Berlin in winter (+01:00)',
        'Europe/Berlin',
        '2024-01-15T09:00:00Z',
        '2024-01-15T10:00:00Z',
        '20240115T100000',
        '20240115T110000',
      ],
      [
        'Berlin in summer (+02:00)',
        'Europe/Berlin',
        '2024-07-15T09:00:00Z',
        '2024-07-15T10:00:00Z',
        '20240715T110000',
        '20240715T120000',
      ],
      [
        'Berlin across the spring-forward night',
        'Europe/Berlin',
        '2024-03-31T00:30:00Z',
        '2024-03-31T01:30:00Z',
        '20240331T013000',
        '20240331T033000',
      ],
      [
        'Berlin across the fall-back night',
        'Europe/Berlin',
        '2024-10-26T23:30:00Z',
        '2024-10-27T02:30:00Z',
        '20241027T013000',
        '20241027T033000',
      ],
      [
        'New York in winter (-05:00)',
        'America/New_York',
        '2024-01-15T15:00:00Z',
        '2024-01-15T16:00:00Z',
        '20240115T100000',
        '20240115T110000',
      ],
      [
        'New York in summer (-04:00)',
        'America/New_York',
        '2024-07-15T15:00:00Z',
        '2024-07-15T16:00:00Z',
        '20240715T110000',
        '20240715T120000',
      ],
      [
        'New York across midnight and a year end',
        'America/New_York',
        '2024-12-31T23:00:00Z',
        '2025-01-01T06:00:00Z',
        '20241231T180000',
        '20250101T010000',
      ],
      [
        'Kolkata (+05:30)',
        'Asia/Kolkata',
        '2024-07-15T04:30:00Z',
        '2024-07-15T05:45:00Z',
        '20240715T100000',
        '20240715T111500',
      ],
      [
        'Kathmandu (+05:45)',
        'Asia/Kathmandu',
        '2024-07-15T04:15:00Z',
        '2024-07-15T05:15:00Z',
        '20240715T100000',
        '20240715T110000',
      ],
      [
        'Lord Howe in summer (+11:00)',
        'Australia/Lord_Howe',
        '2024-01-15T00:00:00Z',
        '2024-01-15T01:00:00Z',
        '20240115T110000',
        '20240115T120000',
      ],
      [
        'Lord Howe in winter (+10:30)',
        'Australia/Lord_Howe',
        '2024-07-15T00:00:00Z',
        '2024-07-15T01:00:00Z',
        '20240715T103000',
        '20240715T113000',
      ],
      [
        'Lord Howe across its 30-minute DST start',
        'Australia/Lord_Howe',
        '2024-10-05T15:00:00Z',
        '2024-10-05T16:00:00Z',
        '20241006T013000',
        '20241006T030000',
      ],
      [
        'Almaty before its 2024 offset change (+06:00)',
        'Asia/Almaty',
        '2024-01-15T09:00:00Z',
        '2024-01-15T10:00:00Z',
        '20240115T150000',
        '20240115T160000',
      ],
      [
        'Almaty after its 2024 offset change (+05:00)',
        'Asia/Almaty',
        '2024-06-15T09:00:00Z',
        '2024-06-15T10:00:00Z',
        '20240615T140000',
        '20240615T150000',
      ],
    ];

    it.each(cases)(
      '%s: TZID wall time, and both parsers get the exact instants',
      (_, timezone, s, e, localStart, localEnd) => {
        const start = new Date(s);
        const end = new Date(e);
        const text = invite({ timezone, start, end });

        const out = lines(text);
        expect(out).toContain(`DTSTART;TZID=${timezone}:${localStart}`);
        expect(out).toContain(`DTEND;TZID=${timezone}:${localEnd}`);
        expect(out).toContain(`TZID:${timezone}`);

        const js = viaIcalJs(text).event;
        expect(js.startDate.zone.tzid).toBe(timezone);
        expect(js.startDate.toJSDate()).toEqual(start);
        expect(js.endDate.toJSDate()).toEqual(end);

        const node = viaNodeIcal(text).event;
        expect(node.start.tz).toBe(timezone);
        expect(node.start).toEqual(start);
        expect(node.end).toEqual(end);
      },
    );

    it('writes UTC times with Z and no VTIMEZONE for UTC', () => {
      const start = new Date('2024-03-31T00:30:00Z');
      const end = new Date('2024-03-31T01:45:00Z');
      const text = invite({ timezone: 'UTC', start, end });
      const out = lines(text);
      expect(out).toContain('DTSTART:20240331T003000Z');
      expect(out).toContain('DTEND:20240331T014500Z');
      expect(text).not.toContain('VTIMEZONE');
      expect(text).not.toContain('TZID');

      const js = viaIcalJs(text).event;
      expect(js.startDate.zone.tzid).toBe('UTC');
      expect(js.startDate.toJSDate()).toEqual(start);
      expect(js.endDate.toJSDate()).toEqual(end);
      const node = viaNodeIcal(text).event;
      expect(node.start).toEqual(start);
      expect(node.end).toEqual(end);
    });

    // Both parsers read a repeated wall time as its later occurrence (RFC 5545 says the first).
    it.each([
      ['Berlin', 'Europe/Berlin', '2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z'],
      ['Lord Howe (30-minute overlap)', 'Australia/Lord_Howe', '2024-04-06T14:45:00Z', '2024-04-06T15:45:00Z'],
    ])('falls back to UTC times when a wall time repeats (%s)', (_, timezone, s, e) => {
      const start = new Date(s);
      const end = new Date(e);
      const text = invite({ timezone, start, end });
      expect(lines(text)).toContain(`DTSTART:${utcStamp(start)}`);
      expect(text).not.toContain('TZID');
      expect(viaIcalJs(text).event.startDate.toJSDate()).toEqual(start);
      expect(viaIcalJs(text).event.endDate.toJSDate()).toEqual(end);
      expect(viaNodeIcal(text).event.start).toEqual(start);
      expect(viaNodeIcal(text).event.end).toEqual(end);
    });

    it('writes CREATED, LAST-MODIFIED and DTSTAMP in UTC', () => {
      const js = viaIcalJs(invite()).vevent;
      for (const [prop, date] of [
        ['created', base.created],
        ['last-modified', base.lastModified],
        ['dtstamp', base.dtstamp!],
      ] as const) {
        const time = js.getFirstPropertyValue(prop) as ICAL.Time;
        expect(time.zone.tzid).toBe('UTC');
        expect(time.toJSDate()).toEqual(date);
      }
      const node = viaNodeIcal(invite()).event;
      expect(node.created).toEqual(base.created);
      expect(node.lastmodified).toEqual(base.lastModified);
      expect(node.dtstamp).toEqual(base.dtstamp);
    });
  });

  describe('people', () => {
    it('round-trips organizer and attendees with names, roles and e-mails', () => {
      const text = invite();
      const js = viaIcalJs(text).event;
      const organizer = js.component.getFirstProperty('organizer')!;
      expect(organizer.getParameter('cn')).toBe('Recruiting Team');
      expect(organizer.getFirstValue()).toBe('mailto:recruiting@example.com');
      expect(
        js.attendees.map((a) => [
          a.getParameter('cn'),
          a.getFirstValue(),
          a.getParameter('role'),
          a.getParameter('partstat'),
          a.getParameter('rsvp'),
        ]),
      ).toEqual([
        ['Müller, Jürgen', 'mailto:juergen.mueller@example.com', 'REQ-PARTICIPANT', 'NEEDS-ACTION', 'TRUE'],
        ['Ana Lima: Ops, EMEA', 'mailto:ana+ops@example.com', 'OPT-PARTICIPANT', 'NEEDS-ACTION', 'TRUE'],
      ]);

      const node = viaNodeIcal(text).event;
      expect(node.organizer).toEqual({ params: { CN: 'Recruiting Team' }, val: 'mailto:recruiting@example.com' });
      const attendees = asArray(node.attendee).map((a) => (typeof a === 'string' ? { val: a, params: {} } : a));
      expect(attendees.map((a) => [a.params.CN, a.val, a.params.ROLE, a.params.PARTSTAT])).toEqual([
        ['Müller, Jürgen', 'mailto:juergen.mueller@example.com', 'REQ-PARTICIPANT', 'NEEDS-ACTION'],
        ['Ana Lima: Ops, EMEA', 'mailto:ana+ops@example.com', 'OPT-PARTICIPANT', 'NEEDS-ACTION'],
      ]);
    });

    // node-ical splits parameters on every `;`, quoted or not, so only ical.js can read this one back
    it('quotes a name with a semicolon so it stays one parameter', () => {
      const text = invite({ organizer: { name: 'Lee; Recruiting', email: 'lee@example.com' } });
      expect(lines(text)).toContain('ORGANIZER;CN="Lee; Recruiting":mailto:lee@example.com');
      const organizer = viaIcalJs(text).event.component.getFirstProperty('organizer')!;
      expect(organizer.getParameter('cn')).toBe('Lee; Recruiting');
      expect(organizer.getFirstValue()).toBe('mailto:lee@example.com');
    });

    it('drops double quotes from names, which a parameter value cannot carry', () => {
      const text = invite({ organizer: { name: 'Jo "JJ" Smith, HR', email: 'jo@example.com' } });
      expect(lines(text)).toContain('ORGANIZER;CN="Jo JJ Smith, HR":mailto:jo@example.com');
      expect(viaIcalJs(text).event.component.getFirstProperty('organizer')!.getParameter('cn')).toBe('Jo JJ Smith, HR');
      expect(viaNodeIcal(text).event.organizer).toEqual({
        params: { CN: 'Jo JJ Smith, HR' },
        val: 'mailto:jo@example.com',
      });
    });

    it('keeps one property per attendee however many there are', () => {
      const attendees = Array.from({ length: 12 }, (_, i) => ({
        name: `Interviewer ${i}`,
        email: `i${i}@example.com`,
        role: 'REQ-PARTICIPANT' as const,
      }));
      const text = invite({ attendees });
      expect(viaIcalJs(text).event.attendees).toHaveLength(12);
      expect(asArray(viaNodeIcal(text).event.attendee)).toHaveLength(12);
    });
  });

  describe('text', () => {
    it('round-trips a description with newlines, commas, semicolons and backslashes exactly', () => {
      const description = 'Line 1, with comma; and semicolon\nLine 2: C:\\path\\to\\kit\n\nLine 4 — ünïcödé ✓';
      const text = invite({ description, summary: 'A, B; C\\D' });
      const js = viaIcalJs(text).event;
      expect(js.description).toBe(description);
      expect(js.summary).toBe('A, B; C\\D');
      const node = viaNodeIcal(text).event;
      expect(val(node.description)).toBe(description);
      expect(val(node.summary)).toBe('A, B; C\\D');
      expect(val(node.location)).toBe(base.location);
      expect(node.url).toBe(base.url);
    });

    it('normalises CRLF and CR line breaks to \\n', () => {
      const text = invite({ description: 'a\r\nb\rc\nd' });
      expect(viaIcalJs(text).event.description).toBe('a\nb\nc\nd');
      expect(val(viaNodeIcal(text).event.description)).toBe('a\nb\nc\nd');
    });

    it('cannot be made to emit extra properties through its text inputs', () => {
      const text = invite({
        summary: 'x\r\nATTENDEE:mailto:evil@example.com',
        uid: 'iv-1@scorecards\r\nMETHOD:PUBLISH',
        location: 'y\nEND:VEVENT',
      });
      const js = viaIcalJs(text).event;
      expect(js.attendees).toHaveLength(2);
      expect(js.summary).toBe('x\nATTENDEE:mailto:evil@example.com');
      expect(lines(text).filter((l) => /^(ATTENDEE|METHOD|END:VEVENT)/.test(l))).toHaveLength(4);
      const injected = lines(invite({ organizer: { name: 'x', email: 'a@b.c\r\nATTENDEE:mailto:evil@example.com' } }));
      expect(injected).toContain('ORGANIZER;CN=x:mailto:a@b.c%0D%0AATTENDEE%3Amailto%3Aevil@example.com');
      expect(injected.filter((l) => l.includes('evil@example.com'))).toHaveLength(1);
    });

    it('writes a stored odd address (quoted local part, lone surrogate) percent-encoded instead of failing', () => {
      const text = invite({
        organizer: { name: 'Odd', email: '"a b"@example.com' },
        attendees: [
          { name: 'Sur', email: 'x\ud800y@example.com', role: 'REQ-PARTICIPANT' },
          { name: 'None', email: '', role: 'REQ-PARTICIPANT' },
          { name: 'Fine', email: 'fine@example.com', role: 'OPT-PARTICIPANT' },
        ],
      });
      expect(lines(text)).toContain('ORGANIZER;CN=Odd:mailto:%22a%20b%22@example.com');
      expect(lines(text).filter((l) => l.startsWith('ATTENDEE'))).toEqual([
        'ATTENDEE;CN=Sur;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:x%EF%BF%BDy@example.com',
        'ATTENDEE;CN=Fine;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:fine@example.com',
      ]);
      expect(viaIcalJs(text).event.attendees).toHaveLength(2);
    });

    it('percent-encodes the URL', () => {
      const text = invite({ url: 'https://scorecards.example.com/kits/7?q=a b,c' });
      expect(lines(text)).toContain('URL:https://scorecards.example.com/kits/7?q=a%20b,c');
      expect(viaNodeIcal(text).event.url).toBe('https://scorecards.example.com/kits/7?q=a%20b,c');
    });
  });

  describe('line format', () => {
    const long = 'Grüße aus Zürich — 面试安排 😀 ✓; '.repeat(20) + '\n' + 'ASCII only, '.repeat(20);

    it('ends every line with CRLF and keeps every physical line within 75 octets', () => {
      const text = invite({
        description: long,
        summary: 'Ü'.repeat(100),
        attendees: [{ name: 'Jürgen '.repeat(20), email: 'j@example.com', role: 'REQ-PARTICIPANT' }],
      });
      expect(text.endsWith('\r\n')).toBe(true);
      const physical = text.slice(0, -2).split('\r\n');
      expect(physical.length).toBeGreaterThan(lines(text).length);
      for (const line of physical) {
        expect(line).not.toMatch(/[\r\n]/);
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      }
    });

    it('never splits a multi-byte character, and unfolds back exactly', () => {
      const text = invite({ description: long });
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const bytes = Buffer.from(text, 'utf8');
      let from = 0;
      for (let i = bytes.indexOf('\r\n', 0); i !== -1; i = bytes.indexOf('\r\n', from)) {
        expect(() => decoder.decode(bytes.subarray(from, i))).not.toThrow();
        from = i + 2;
      }
      expect(viaIcalJs(text).event.description).toBe(long);
      expect(val(viaNodeIcal(text).event.description)).toBe(long);
    });
  });

  describe('input checks', () => {
    it('rejects an end not after the start, invalid dates, bad sequences and unknown zones', () => {
      expect(() => invite({ end: base.start })).toThrow(RangeError);
      expect(() => invite({ start: new Date('nope') })).toThrow(RangeError);
      expect(() => invite({ sequence: -1 })).toThrow(RangeError);
      expect(() => invite({ sequence: 1.5 })).toThrow(RangeError);
      expect(() => invite({ timezone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
      // a stored address without @ is left out (the rest of the invite still reaches everyone else)
      expect(invite({ attendees: [{ name: 'x', email: 'not an email', role: 'REQ-PARTICIPANT' }] })).not.toContain(
        'ATTENDEE',
      );
    });
  });

  it('uses the same wall time as localDateTime', () => {
    const start = new Date('2024-07-15T04:15:00Z');
    expect(lines(invite({ timezone: 'Asia/Kathmandu', start, end: new Date('2024-07-15T05:00:00Z') }))).toContain(
      `DTSTART;TZID=Asia/Kathmandu:${localDateTime(start, 'Asia/Kathmandu')}`,
    );
  });
});
