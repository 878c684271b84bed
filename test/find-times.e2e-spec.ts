import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CalendarFeedService } from '@app/interviewers';
import { HiringFixture } from './support/hiring-fixture';
import { queriesOf } from './support/queries';
import { eventually, TestApp } from './support/test-app';

/**
 * Find-times on a real panel: Priya in New York (a calendar feed whose weekly meetings cross the US
 * change to summer time on 14 March 2027, with an EXDATE and a moved occurrence, and a 15-minute
 * buffer), Kai in Berlin (a break, a day off, interviews) and a Backend pool of Ana in Kolkata and
 * Lee in London (qualified, one interview a day at most) with a trainee, Tia. The candidate is in
 * São Paulo. Every answer is checked against busy times and working hours written out below in UTC.
 */
const HM = 'hank@example.com';
const R = 'reese@example.com';
const PRIYA = 'priya@example.com';
const KAI = 'kai@example.com';
const ANA = 'ana@example.com';
const LEE = 'lee@example.com';
const TIA = 'tia@example.com';
const SECRET = 'feed-4c1d9e-priya';
const TITLE = 'Secret merger talks';

const NEW_YORK = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];
const ev = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20270101T000000Z', ...lines, 'END:VEVENT'];
const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Find times//EN',
  ...NEW_YORK,
  // Tuesdays 10:00 New York: 9 March (EST), 16 March moved to Thursday 18 March, 23 March (EDT)
  ...ev(
    'UID:tue@test',
    `SUMMARY:${TITLE}`,
    'DTSTART;TZID=America/New_York:20270309T100000',
    'DTEND;TZID=America/New_York:20270309T110000',
    'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3',
  ),
  ...ev(
    'UID:tue@test',
    `SUMMARY:${TITLE}`,
    'RECURRENCE-ID;TZID=America/New_York:20270316T100000',
    'DTSTART;TZID=America/New_York:20270318T100000',
    'DTEND;TZID=America/New_York:20270318T110000',
  ),
  // Wednesdays 11:00 New York: 10 March; 17 March is excluded
  ...ev(
    'UID:wed@test',
    `SUMMARY:${TITLE}`,
    'DTSTART;TZID=America/New_York:20270310T110000',
    'DTEND;TZID=America/New_York:20270310T120000',
    'RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=2',
    'EXDATE;TZID=America/New_York:20270317T110000',
  ),
  'END:VCALENDAR',
].join('\r\n');

type Span = [number, number];
const at = (d: string, hhmm: string) => Date.parse(`${d}T${hhmm}:00Z`);
const span = (d: string, from: string, to: string): Span => [at(d, from), at(d, to)];
const WEEKDAYS = [
  '2027-03-08',
  '2027-03-09',
  '2027-03-10',
  '2027-03-11',
  '2027-03-12',
  '2027-03-15',
  '2027-03-16',
  '2027-03-17',
  '2027-03-18',
  '2027-03-19',
];
const US_SUMMER = '2027-03-14';

/** Interviews, in UTC: who sits them. */
const HELD = {
  kaiWed17: { who: [KAI], start: '2027-03-17T14:00:00Z' },
  anaMon8: { who: [ANA], start: '2027-03-08T08:00:00Z' }, // 13:30 in Kolkata: her one interview that day
  leeTue9: { who: [LEE], start: '2027-03-09T09:00:00Z' },
  anaSat20: { who: [ANA], start: '2027-03-20T08:00:00Z' }, // weekend: no clash, but her week's load
  anaSun21: { who: [ANA], start: '2027-03-21T08:00:00Z' },
  moved: { who: [PRIYA, KAI], start: '2027-03-11T14:00:00Z' }, // the one being rescheduled
};

/** The model, written out by hand in UTC: working windows, busy times, buffers and days their pool limit is used up. */
interface Model {
  working: Span[];
  busy: Span[];
  buffer: number;
  limitReached: string[];
}
const MODEL: Record<string, Model> = {
  // 09:00-17:00 New York: 14:00-22:00 UTC in winter time, 13:00-21:00 from 15 March
  [PRIYA]: {
    working: WEEKDAYS.map((d) => (d < US_SUMMER ? span(d, '14:00', '22:00') : span(d, '13:00', '21:00'))),
    busy: [
      span('2027-03-09', '15:00', '16:00'),
      span('2027-03-10', '16:00', '17:00'),
      span('2027-03-18', '14:00', '15:00'),
      span('2027-03-11', '14:00', '15:00'),
    ],
    buffer: 15,
    limitReached: [],
  },
  // 09:00-16:00 and 16:30-18:00 Berlin (CET), Friday 12 March off
  [KAI]: {
    working: WEEKDAYS.filter((d) => d !== '2027-03-12').flatMap((d) => [
      span(d, '08:00', '15:00'),
      span(d, '15:30', '17:00'),
    ]),
    busy: [span('2027-03-17', '14:00', '15:00'), span('2027-03-11', '14:00', '15:00')],
    buffer: 0,
    limitReached: [],
  },
  // 13:00-22:00 Kolkata
  [ANA]: {
    working: WEEKDAYS.map((d) => span(d, '07:30', '16:30')),
    busy: [span('2027-03-08', '08:00', '09:00')],
    buffer: 0,
    limitReached: ['2027-03-08'],
  },
  // 15:00-18:00 London (GMT)
  [LEE]: {
    working: WEEKDAYS.map((d) => span(d, '15:00', '18:00')),
    busy: [span('2027-03-09', '09:00', '10:00')],
    buffer: 0,
    limitReached: ['2027-03-09'],
  },
  // 09:00-17:00 Berlin, the default
  [TIA]: { working: WEEKDAYS.map((d) => span(d, '08:00', '16:00')), busy: [], buffer: 0, limitReached: [] },
};

/** Free by the model: inside one working window, clear of every busy time widened by the buffer, limit not reached. */
function free(who: string, start: number, end: number, ignore: Span[] = []): boolean {
  const m = MODEL[who];
  const b = m.buffer * 60_000;
  return (
    m.working.some(([s, e]) => s <= start && end <= e) &&
    !m.busy.some(([s, e]) => !ignore.some(([is, ie]) => is === s && ie === e) && s - b < end && e + b > start) &&
    !m.limitReached.includes(new Date(start).toISOString().slice(0, 10))
  );
}

describe('find-times', () => {
  let t: TestApp;
  let f: HiringFixture;
  let server: Server;
  let port = 0;
  let poolId = '';
  const held: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const find = (query: Record<string, string | number>, as = R) =>
    t.get(
      `/api/v1/interviews/find-times?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`,
      as,
    );
  const base = () => ({
    interviewerIds: `${ids[PRIYA]},${ids[KAI]}`,
    poolIds: poolId,
    durationMinutes: 60,
    from: '2027-03-08',
    to: '2027-03-19',
    candidateTimeZone: 'America/Sao_Paulo',
    limit: 50,
  });
  const hhmm = (iso: string) => iso.slice(11, 16);

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!req.url?.includes(SECRET)) return res.writeHead(404).end();
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: '"v1"' }).end(FEED);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    t = await TestApp.start('find-times');
    f = await HiringFixture.create(t, HM, [
      { email: PRIYA, timezone: 'America/New_York' },
      { email: KAI, timezone: 'Europe/Berlin' },
      { email: ANA, timezone: 'Asia/Kolkata' },
      { email: LEE, timezone: 'Europe/London' },
      { email: TIA, timezone: 'Europe/Berlin' },
    ]);
    f.ids[R] = (await t.createUser(R, ['recruiter'])).id;
    Object.assign(ids, f.ids);
    for (const email of [PRIYA, KAI, ANA, LEE, TIA]) {
      const name = email[0].toUpperCase() + email.slice(1, email.indexOf('@'));
      expect((await t.request('PATCH', `/api/v1/users/${ids[email]}`, { as: 'admin', body: { name } })).status).toBe(
        200,
      );
    }
    const weekdays = (from: string, to: string) =>
      Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: from, end: to }]]));
    const availability = async (email: string, body: unknown) => {
      const res = await t.request('PUT', `/api/v1/interviewers/${ids[email]}/availability`, { as: 'admin', body });
      if (res.status !== 200) throw new Error(`availability ${email}: ${res.status} ${res.text}`);
    };
    await availability(PRIYA, {
      workingHours: weekdays('09:00', '17:00'),
      bufferMinutes: 15,
      calendarFeedUrl: `http://127.0.0.1:${port}/ical/${SECRET}/basic.ics`,
    });
    await availability(KAI, {
      workingHours: Object.fromEntries(
        ['1', '2', '3', '4', '5'].map((d) => [
          d,
          [
            { start: '09:00', end: '16:00' },
            { start: '16:30', end: '18:00' },
          ],
        ]),
      ),
      daysOff: ['2027-03-12'],
    });
    await availability(ANA, { workingHours: weekdays('13:00', '22:00') });
    await availability(LEE, { workingHours: weekdays('15:00', '18:00') });

    // the feed: fetched once in the background (a window around today), then for March 2027
    await eventually(
      async () =>
        (await t.db.query(`SELECT last_fetched_at FROM calendar_feeds WHERE user_id = $1`, [ids[PRIYA]]))[0]
          ?.last_fetched_at,
    );
    await t.db.query(`UPDATE calendar_feeds SET etag = NULL WHERE user_id = $1`, [ids[PRIYA]]);
    expect(
      await t.app.get(CalendarFeedService).refresh(ids[PRIYA], 'America/New_York', new Date('2027-03-01T00:00:00Z')),
    ).toBe('updated');

    const pool = await t.post('/api/v1/interviewer-pools', { name: 'Backend', dailyLimit: 1 }, R);
    poolId = pool.body.id;
    for (const [email, trainee] of [
      [ANA, false],
      [LEE, false],
      [TIA, true],
    ] as const) {
      expect(
        (
          await t.request('PUT', `/api/v1/interviewer-pools/${poolId}/members/${ids[email]}`, {
            as: R,
            body: { trainee },
          })
        ).status,
      ).toBe(200);
    }
    for (const [key, h] of Object.entries(HELD)) {
      const res = await t.post(
        '/api/v1/interviews',
        {
          candidateId: f.candidateId,
          stage: 'technical',
          start: h.start,
          durationMinutes: 60,
          timezone: 'UTC',
          allowConflicts: true,
          panel: h.who.map((email, i) => ({ userId: ids[email], role: i === 0 ? 'lead' : 'panelist' })),
          questions: [{ setId: f.setId }],
        },
        HM,
      );
      if (res.status !== 201) throw new Error(`interview ${key}: ${res.status} ${res.text}`);
      held[key] = res.body.id;
    }
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => server?.close(r));
  });

  it('reads the feed as the model says: across the change to summer time, without the excluded date, with the moved occurrence', async () => {
    const res = await t.get(
      `/api/v1/interviewers/${ids[PRIYA]}/availability?from=2027-03-08T00:00:00Z&to=2027-03-25T00:00:00Z`,
      R,
    );
    expect(
      res.body.busy
        .filter((b: { source: string }) => b.source === 'calendar')
        .map((b: { start: string; end: string }) => [Date.parse(b.start), Date.parse(b.end)]),
    ).toEqual([
      span('2027-03-09', '15:00', '16:00'),
      span('2027-03-10', '16:00', '17:00'),
      span('2027-03-18', '14:00', '15:00'),
      span('2027-03-23', '14:00', '15:00'),
    ]);
  });

  it('proposes only times when everyone is free, and every such time', async () => {
    const res = await find(base());
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(TITLE);
    expect(res.text).not.toContain(SECRET);
    const { slots } = res.body;
    expect(res.body).toMatchObject({
      stepMinutes: 30,
      from: '2027-03-08T03:00:00.000Z',
      to: '2027-03-20T03:00:00.000Z',
    });

    for (const s of slots) {
      const start = Date.parse(s.startsAt);
      const end = Date.parse(s.endsAt);
      expect(end - start).toBe(3600_000);
      const byEmail = (id: string) => Object.keys(ids).find((e) => ids[e] === id)!;
      expect(s.panel.map((p: { userId: string }) => byEmail(p.userId)).slice(0, 2)).toEqual([PRIYA, KAI]);
      expect(s.panel).toHaveLength(3);
      for (const p of s.panel)
        expect([s.startsAt, byEmail(p.userId), free(byEmail(p.userId), start, end)]).toEqual([
          s.startsAt,
          byEmail(p.userId),
          true,
        ]);
      // the pool seat goes to a qualified member, never to the trainee
      expect([ANA, LEE]).toContain(byEmail(s.panel[2].userId));
      expect(s.panel[2].poolId).toBe(poolId);
    }

    // every time the model finds free, 07:00-21:00 in São Paulo (10:00-24:00 UTC), every 30 minutes
    const expected: string[] = [];
    for (const d of WEEKDAYS) {
      for (let start = at(d, '10:00'); start + 3600_000 <= at(d, '23:59') + 60_000; start += 30 * 60_000) {
        const end = start + 3600_000;
        if (free(PRIYA, start, end) && free(KAI, start, end) && (free(ANA, start, end) || free(LEE, start, end)))
          expected.push(new Date(start).toISOString());
      }
    }
    expect(expected.length).toBeGreaterThan(15);
    expect(slots.map((s: { startsAt: string }) => s.startsAt).sort()).toEqual(expected);

    // the change to summer time: 09:00 in New York is 14:00 UTC before 14 March, 13:00 after
    expect(slots.filter((s: { startsAt: string }) => s.startsAt < US_SUMMER && hhmm(s.startsAt) < '14:00')).toEqual([]);
    const monday = slots.find((s: { startsAt: string }) => s.startsAt === '2027-03-15T13:00:00.000Z');
    expect(monday).toMatchObject({ endsAt: '2027-03-15T14:00:00.000Z', candidateLocal: 'Mon 15 Mar, 10:00' });
    expect(monday.panel.map((p: { local: string; timezone: string }) => [p.timezone, p.local])).toEqual([
      ['America/New_York', 'Mon 09:00'],
      ['Europe/Berlin', 'Mon 14:00'],
      ['Asia/Kolkata', 'Mon 18:30'],
    ]);
    // the moved occurrence frees Tuesday 16 March and takes Thursday 18 March; the excluded Wednesday is free
    expect(expected).toContain('2027-03-16T14:00:00.000Z');
    expect(expected).not.toContain('2027-03-18T14:00:00.000Z');
    expect(expected).toContain('2027-03-17T15:30:00.000Z');
    // Kai's day off, Ana's and Lee's used-up days
    expect(slots.some((s: { startsAt: string }) => s.startsAt.startsWith('2027-03-12'))).toBe(false);
    expect(
      slots.filter((s: { startsAt: string }) => s.startsAt.startsWith('2027-03-08')).map((s: any) => s.panel[2].userId),
    ).toEqual([ids[LEE], ids[LEE]]);
  });

  it('ranks the earliest day first, then the most balanced load, then the earliest time; suggests free trainees', async () => {
    const { slots } = (await find(base())).body;
    const days = slots.map((s: { startsAt: string }) => s.startsAt.slice(0, 10));
    expect(days).toEqual([...days].sort());
    // Monday 15 March: Lee (no interviews that week) before Ana (two), though later in the day
    const monday = slots.filter((s: { startsAt: string }) => s.startsAt.startsWith('2027-03-15'));
    expect(monday.map((s: { startsAt: string }) => hhmm(s.startsAt))).toEqual([
      '15:30',
      '16:00',
      '13:00',
      '13:30',
      '14:00',
    ]);
    expect(monday.map((s: any) => [s.panel[2].userId, s.panel[2].weekLoad])).toEqual([
      [ids[LEE], 0],
      [ids[LEE], 0],
      [ids[ANA], 2],
      [ids[ANA], 2],
      [ids[ANA], 2],
    ]);
    expect(monday[0].panel[1]).toMatchObject({ userId: ids[KAI], weekLoad: 1, dayLoad: 0 });
    // Tia (09:00-17:00 Berlin) shadows when she is free; she never fills the pool's seat
    expect(monday[2].trainees).toEqual([{ userId: ids[TIA], name: 'Tia', poolId, stage: 'shadow' }]);
    expect(monday[1].trainees).toEqual([]);
    // the first ten: Monday 8 March's two slots come first
    const first = (await find({ ...base(), limit: 10 })).body.slots;
    expect(first).toHaveLength(10);
    expect(first.slice(0, 2).map((s: { startsAt: string }) => s.startsAt)).toEqual([
      '2027-03-08T15:30:00.000Z',
      '2027-03-08T16:00:00.000Z',
    ]);
  });

  it('frees the interview being rescheduled', async () => {
    const thursday = '2027-03-11T14:00:00.000Z';
    expect((await find(base())).body.slots.map((s: { startsAt: string }) => s.startsAt)).not.toContain(thursday);
    const res = await find({ ...base(), excludeInterviewId: held.moved });
    expect(res.body.slots.map((s: { startsAt: string }) => s.startsAt)).toContain(thursday);
    const ignore = [span('2027-03-11', '14:00', '15:00')];
    for (const s of res.body.slots) {
      const [start, end] = [Date.parse(s.startsAt), Date.parse(s.endsAt)];
      expect(free(PRIYA, start, end, ignore) && free(KAI, start, end, ignore)).toBe(true);
    }
  });

  it('explains near misses without revealing calendar titles', async () => {
    const { nearMisses } = (await find(base())).body;
    expect(nearMisses).toHaveLength(5);
    expect(nearMisses[0]).toEqual({
      startsAt: '2027-03-08T14:00:00.000Z',
      endsAt: '2027-03-08T15:00:00.000Z',
      candidateLocal: 'Mon 8 Mar, 11:00',
      reasons: [
        {
          userId: null,
          name: 'Backend',
          code: 'pool_unavailable',
          message: 'Backend: none of its 2 qualified members are free',
        },
      ],
    });
    expect(nearMisses[1].reasons).toEqual([
      {
        userId: ids[KAI],
        name: 'Kai',
        code: 'outside_hours',
        message: 'Kai: 16:00 in Berlin, runs outside their working hours',
      },
    ]);

    const priya = (
      await find({
        interviewerIds: ids[PRIYA],
        durationMinutes: 30,
        from: '2027-03-15T11:00:00Z',
        to: '2027-03-15',
        candidateTimeZone: 'Europe/London',
      })
    ).body;
    expect(priya.nearMisses.map((m: any) => m.reasons[0].message)).toContain(
      'Priya: 07:00 in New York, before their working hours',
    );
    const tuesday = (
      await find({
        interviewerIds: ids[PRIYA],
        durationMinutes: 60,
        from: '2027-03-09T14:00:00Z',
        to: '2027-03-09T17:30:00Z',
        candidateTimeZone: 'UTC',
      })
    ).body;
    expect(tuesday.nearMisses.map((m: any) => [hhmm(m.startsAt), m.reasons[0].code, m.reasons[0].message])).toEqual([
      ['14:00', 'buffer', 'Priya: needs 15 minutes between meetings'],
      ['14:30', 'busy_calendar', 'Priya: busy (calendar)'],
      ['15:00', 'busy_calendar', 'Priya: busy (calendar)'],
      ['15:30', 'busy_calendar', 'Priya: busy (calendar)'],
      ['16:00', 'buffer', 'Priya: needs 15 minutes between meetings'],
    ]);
    expect(JSON.stringify(tuesday)).not.toContain(TITLE);
    const kai = (
      await find({
        interviewerIds: ids[KAI],
        durationMinutes: 60,
        from: '2027-03-12',
        to: '2027-03-12',
        candidateTimeZone: 'Europe/Berlin',
      })
    ).body;
    expect(kai.slots).toEqual([]);
    expect(kai.nearMisses[0].reasons[0]).toMatchObject({ code: 'day_off', message: 'Kai: Fri 12 Mar is a day off' });
    const wednesday = (
      await find({
        interviewerIds: ids[KAI],
        durationMinutes: 60,
        from: '2027-03-17T14:00:00Z',
        to: '2027-03-17T15:00:00Z',
      })
    ).body;
    expect(wednesday.nearMisses[0].reasons[0]).toMatchObject({
      code: 'busy_interview',
      message: 'Kai: has another interview then',
    });
    const ana = (
      await find({
        interviewerIds: ids[ANA],
        durationMinutes: 60,
        from: '2027-03-08T15:00:00+05:30',
        to: '2027-03-08',
        candidateTimeZone: 'Asia/Kolkata',
      })
    ).body;
    expect(ana.slots).toEqual([]);
    expect(ana.nearMisses[0].reasons[0]).toEqual({
      userId: ids[ANA],
      name: 'Ana',
      code: 'daily_limit',
      message: 'Ana: already 1 interview on Mon 8 Mar (pool limit 1)',
    });
  });

  it('lets hiring managers search; interviewers get 403', async () => {
    expect((await find(base(), HM)).status).toBe(200);
    expect((await find(base(), 'admin')).status).toBe(200);
    expect((await find(base(), PRIYA)).status).toBe(403);
    expect((await t.get('/api/v1/interviews/find-times?durationMinutes=60')).status).toBe(401);
  });

  it('costs a fixed number of queries, whatever the panel', async () => {
    const small = await queriesOf(() =>
      find({ interviewerIds: ids[PRIYA], poolIds: poolId, durationMinutes: 30, from: '2027-03-08', to: '2027-03-09' }),
    );
    const large = await queriesOf(() => find({ ...base(), poolIds: `${poolId},${poolId}`, to: '2027-04-07' }));
    expect(small.result.status).toBe(200);
    expect(large.result.status).toBe(200);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(12);
  });

  it.each([
    [{ durationMinutes: undefined }, 'durationMinutes'],
    [{ durationMinutes: 10 }, 'durationMinutes'],
    [{ durationMinutes: 481 }, 'durationMinutes'],
    [{ durationMinutes: 'an hour' }, 'durationMinutes'],
    [{ durationMinutes: 45.5 }, 'durationMinutes'],
    [{ from: 'soon' }, 'from'],
    [{ from: undefined }, 'from'],
    [{ to: '2027-02-30' }, 'to'],
    [{ from: '2027-03-10', to: '2027-03-09' }, 'to'],
    [{ from: '2027-03-10T10:00:00Z', to: '2027-03-10T10:00:00Z' }, 'to'],
    [{ from: '2027-03-01', to: '2027-04-15' }, 'to'],
    [{ candidateTimeZone: 'Mars/Olympus_Mons' }, 'candidateTimeZone'],
    [{ stepMinutes: 20 }, 'stepMinutes'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 51 }, 'limit'],
    [{ excludeInterviewId: "1' OR '1'='1" }, 'excludeInterviewId'],
    [{ interviewerIds: 'not-a-uuid' }, 'interviewerIds'],
    [
      { interviewerIds: Array.from({ length: 9 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`).join(',') },
      'interviewerIds',
    ],
    [{ interviewerIds: '00000000-0000-4000-8000-000000000000' }, 'interviewerIds'],
    [{ interviewerIds: 'HM' }, 'interviewerIds'],
    [{ interviewerIds: '', poolIds: '' }, 'interviewerIds'],
    [{ poolIds: '00000000-0000-4000-8000-000000000000' }, 'poolIds'],
    [{ poolIds: 'x,y,z,w,v' }, 'poolIds'],
    [{ colour: 'blue' }, 'colour'],
  ])('refuses %j with a 400 naming %s', async (change, field) => {
    const query: Record<string, string | number> = { ...base() };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete query[k];
      else query[k] = v === 'HM' ? ids[HM] : (v as string | number);
    }
    const res = await find(query);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });
});
