import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CalendarFeedService } from '@app/interviewers';
import { HiringFixture } from './support/hiring-fixture';
import { eventually, TestApp } from './support/test-app';

const HM = 'hank@example.com'; // hiring manager
const R = 'reese@example.com'; // recruiter
const A = 'ada@example.com'; // interviewer in New York with a Berlin calendar feed
const B = 'bo@example.com'; // another interviewer
const SECRET = 'private-0f9e8d7c6b5a-basic';

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
const ev = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20270101T000000Z', ...lines, 'END:VEVENT'];
/** As Google publishes it: a weekly Monday 10:00 Berlin meeting from 8 March 2027 over the 28 March change. */
const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'X-WR-TIMEZONE:Europe/Berlin',
  ...BERLIN,
  ...ev(
    'UID:weekly@test',
    'SUMMARY:Team sync',
    'DTSTART;TZID=Europe/Berlin:20270308T100000',
    'DTEND;TZID=Europe/Berlin:20270308T110000',
    'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5',
    'EXDATE;TZID=Europe/Berlin:20270315T100000',
  ),
  // the 22 March occurrence moved to Tuesday 14:00
  ...ev(
    'UID:weekly@test',
    'RECURRENCE-ID;TZID=Europe/Berlin:20270322T100000',
    'DTSTART;TZID=Europe/Berlin:20270323T140000',
    'DTEND;TZID=Europe/Berlin:20270323T150000',
  ),
  ...ev(
    'UID:free@test',
    'SUMMARY:Focus (free)',
    'DTSTART:20270310T120000Z',
    'DTEND:20270310T130000Z',
    'TRANSP:TRANSPARENT',
  ),
  ...ev('UID:offsite@test', 'SUMMARY:Offsite', 'DTSTART;VALUE=DATE:20270312', 'DTEND;VALUE=DATE:20270313'),
  'END:VCALENDAR',
].join('\r\n');

describe('availability: working hours and calendar feeds', () => {
  let t: TestApp;
  let f: HiringFixture;
  let server: Server;
  let port = 0;
  const seen: IncomingHttpHeaders[] = [];
  const feedUrl = () => `http://127.0.0.1:${port}/calendar/ical/${SECRET}/basic.ics`;
  const availability = (id: string, as: string, from = '2027-03-01T00:00:00Z', to = '2027-04-15T00:00:00Z') =>
    t.get(`/api/v1/interviewers/${id}/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, as);
  const put = (id: string, as: string, body: unknown) =>
    t.request('PUT', `/api/v1/interviewers/${id}/availability`, { as, body });
  const busyRows = async (userId: string) =>
    (
      await t.db.query(`SELECT starts_at, ends_at FROM calendar_busy WHERE user_id = $1 ORDER BY starts_at`, [userId])
    ).map((r: any) => `${new Date(r.starts_at).toISOString()}/${new Date(r.ends_at).toISOString()}`);

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!req.url?.includes(SECRET)) return res.writeHead(404).end();
      seen.push(req.headers);
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      res
        .writeHead(200, {
          'content-type': 'text/calendar; charset=utf-8',
          etag: '"v1"',
          'last-modified': 'Mon, 01 Mar 2027 00:00:00 GMT',
        })
        .end(FEED);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    t = await TestApp.start('availability');
    f = await HiringFixture.create(t, HM, [
      { email: A, timezone: 'America/New_York' },
      { email: B, timezone: 'Europe/Berlin' },
    ]);
    f.ids[R] = (await t.createUser(R, ['recruiter'])).id;
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => server?.close(r));
  });

  it('saves a feed, fetches it in the background, and never returns or records its address', async () => {
    const saved = await put(f.ids[A], A, { calendarFeedUrl: feedUrl() });
    expect(saved.status).toBe(200);
    expect(saved.body.calendarFeed).toMatchObject({ set: true, host: '127.0.0.1' });
    const fetched = await eventually(async () => {
      const r = await availability(f.ids[A], A);
      return r.body.calendarFeed?.lastFetchedAt ? r.body : null;
    });
    expect(fetched.calendarFeed).toMatchObject({ set: true, host: '127.0.0.1', lastError: null });
    expect(seen).toHaveLength(1);
    expect(seen[0]['if-none-match']).toBeUndefined();

    const responses = [
      saved,
      await t.get(`/api/v1/interviewers/${f.ids[A]}`, A),
      await t.get(`/api/v1/interviewers/${f.ids[A]}`, 'admin'),
      await t.get(`/api/v1/interviewers/${f.ids[A]}`, B),
      await t.get(`/api/v1/interviewers`, 'admin'),
      await t.get(`/api/v1/interviewers`, HM),
      await availability(f.ids[A], A),
      await availability(f.ids[A], 'admin'),
      await availability(f.ids[A], R),
      await availability(f.ids[A], HM),
      await t.get(`/api/v1/audit-events?limit=100`, 'admin'),
      await t.get(`/api/v1/deliveries`, 'admin'),
    ];
    for (const r of responses) {
      expect(r.text).not.toContain(SECRET);
      expect(r.text).not.toContain(`:${port}/`);
    }
    // schedulers see the busy times, not the feed's status
    expect((await availability(f.ids[A], R)).body.calendarFeed).toBeUndefined();
    const stored = await t.db.query(`SELECT entity_type, action, changes::text AS data FROM audit_events`);
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(stored.some((e: any) => e.action === 'availability_updated' && e.data.includes('(set)'))).toBe(true);
    const deliveries = await t.db.query(`SELECT * FROM deliveries`);
    expect(JSON.stringify(deliveries)).not.toContain(SECRET);
  });

  it('stores exactly the busy instants: DST, EXDATE, a moved occurrence, no free event, the all-day event in their zone', async () => {
    const feeds = t.app.get(CalendarFeedService);
    await t.db.query(`UPDATE calendar_feeds SET etag = NULL, last_modified = NULL WHERE user_id = $1`, [f.ids[A]]);
    expect(await feeds.refresh(f.ids[A], 'America/New_York', new Date('2027-03-01T00:00:00Z'))).toBe('updated');
    const expected = [
      '2027-03-08T09:00:00.000Z/2027-03-08T10:00:00.000Z', // 10:00 CET
      '2027-03-12T05:00:00.000Z/2027-03-13T05:00:00.000Z', // the offsite: 12 March in New York (EST)
      '2027-03-23T13:00:00.000Z/2027-03-23T14:00:00.000Z', // moved to Tuesday 14:00 CET; 15 March excluded
      '2027-03-29T08:00:00.000Z/2027-03-29T09:00:00.000Z', // 10:00 CEST after the change
      '2027-04-05T08:00:00.000Z/2027-04-05T09:00:00.000Z',
    ];
    expect(await busyRows(f.ids[A])).toEqual(expected);
    const res = await availability(f.ids[A], HM);
    expect(res.status).toBe(200);
    expect(
      res.body.busy
        .filter((b: { source: string }) => b.source === 'calendar')
        .map((b: { start: string; end: string }) => `${b.start}/${b.end}`),
    ).toEqual(expected);
    expect(res.body.calendarFeed).toBeUndefined();

    // the second fetch is conditional; a 304 keeps the cache
    const before = seen.length;
    expect(await feeds.refresh(f.ids[A], 'America/New_York', new Date('2027-03-02T00:00:00Z'))).toBe('not_modified');
    expect(seen.length).toBe(before + 1);
    expect(seen[seen.length - 1]['if-none-match']).toBe('"v1"');
    expect(seen[seen.length - 1]['if-modified-since']).toBe('Mon, 01 Mar 2027 00:00:00 GMT');
    expect(await busyRows(f.ids[A])).toEqual(expected);
  });

  it('queues one refresh per feed and period however many workers sweep', async () => {
    const feeds = t.app.get(CalendarFeedService);
    const before = seen.length;
    const now = new Date();
    expect(await feeds.enqueueAll(now)).toBe(1);
    expect(await feeds.enqueueAll(now)).toBe(1);
    await eventually(async () => seen.length > before);
    await new Promise((r) => setTimeout(r, 1000));
    expect(seen.length).toBe(before + 1);
    expect(seen[seen.length - 1]['if-none-match']).toBe('"v1"');
  });

  it('records a failed fetch generically and keeps the last busy times', async () => {
    const feeds = t.app.get(CalendarFeedService);
    const before = await busyRows(f.ids[A]);
    await t.db.query(`UPDATE calendar_feeds SET url = replace(url, $2, 'gone') WHERE user_id = $1`, [f.ids[A], SECRET]);
    expect(await feeds.refresh(f.ids[A], 'America/New_York', new Date('2027-03-01T00:00:00Z'))).toBe('failed');
    const r = await availability(f.ids[A], A);
    expect(r.body.calendarFeed.lastError).toBe('answered 404 Not Found');
    expect(r.text).not.toContain(String(port));
    expect(await busyRows(f.ids[A])).toEqual(before);
  });

  it('lets only the owner and admins change availability, and only schedulers and the owner read it', async () => {
    expect((await put(f.ids[A], B, { bufferMinutes: 10 })).status).toBe(403);
    expect((await put(f.ids[A], R, { bufferMinutes: 10 })).status).toBe(403);
    expect((await put(f.ids[A], HM, { calendarFeedUrl: null })).status).toBe(403);
    expect((await put(f.ids[A], 'admin', { bufferMinutes: 10 })).status).toBe(200);
    expect((await availability(f.ids[A], B)).status).toBe(403);
    expect((await availability(f.ids[B], B)).status).toBe(200);
    expect((await availability('not-a-uuid', 'admin')).status).toBe(400);
    expect((await availability(f.ids[HM], 'admin')).status).toBe(404);
  });

  it.each([
    [{ workingHours: { '1': [{ start: '9:00', end: '17:00' }] } }, 'workingHours.1[0].start'],
    [{ workingHours: { '1': [{ start: '17:00', end: '09:00' }] } }, 'workingHours.1[0]'],
    [
      {
        workingHours: {
          '1': [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '17:00' },
          ],
        },
      },
      'workingHours.1',
    ],
    [{ workingHours: { '8': [] } }, 'workingHours.8'],
    [
      { workingHours: { '1': Array.from({ length: 5 }, (_, i) => ({ start: `1${i}:00`, end: `1${i}:30` })) } },
      'workingHours.1',
    ],
    [
      { workingHours: { '1': [{ start: '09:00', end: '17:00', extra: "'; DROP TABLE users; --" }] } },
      'workingHours.1[0]',
    ],
    [{ workingHours: [[{ start: '09:00', end: '17:00' }]] }, 'workingHours'],
    [{ workingHours: 'always' }, 'workingHours'],
    [{ daysOff: ['2027-02-30'] }, 'daysOff[0]'],
    [{ daysOff: '2027-03-29' }, 'daysOff'],
    [{ daysOff: [{ $ne: null }] }, 'daysOff[0]'],
    [{ bufferMinutes: -5 }, 'bufferMinutes'],
    [{ bufferMinutes: 1e9 }, 'bufferMinutes'],
    [{ calendarFeedUrl: 12 }, 'calendarFeedUrl'],
    [{ calendarFeedUrl: 'x'.repeat(3000) }, 'calendarFeedUrl'],
    [{ calendarFeedUrl: 'file:///etc/passwd' }, 'calendarFeedUrl'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const res = await put(f.ids[B], B, body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect(res.body.details?.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('keeps working hours local across the change and leaves out days off', async () => {
    const res = await put(f.ids[B], B, {
      workingHours: {
        '1': [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
        '5': [{ start: '10:00', end: '14:00' }],
      },
      daysOff: ['2027-03-29', '2027-03-29'],
      bufferMinutes: 15,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      timezone: 'Europe/Berlin',
      daysOff: ['2027-03-29'],
      bufferMinutes: 15,
      calendarFeed: { set: false },
    });
    const a = await availability(f.ids[B], R, '2027-03-22T00:00:00Z', '2027-04-06T00:00:00Z');
    expect(a.status).toBe(200);
    expect(a.body.working.map((w: { start: string; end: string }) => `${w.start}/${w.end}`)).toEqual([
      '2027-03-22T08:00:00.000Z/2027-03-22T11:00:00.000Z',
      '2027-03-22T12:00:00.000Z/2027-03-22T16:00:00.000Z',
      '2027-03-26T09:00:00.000Z/2027-03-26T13:00:00.000Z',
      // Monday 29 March is a day off; Friday 2 April is after the change: 10:00 CEST
      '2027-04-02T08:00:00.000Z/2027-04-02T12:00:00.000Z',
      '2027-04-05T07:00:00.000Z/2027-04-05T10:00:00.000Z',
      '2027-04-05T11:00:00.000Z/2027-04-05T15:00:00.000Z',
    ]);
    // their interviews are busy times too
    const kit = await f.schedule(3 * 24 * 3600_000, [B]);
    const from = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
    const to = new Date(Date.now() + 4 * 24 * 3600_000).toISOString();
    const withInterview = await availability(f.ids[B], HM, from, to);
    expect(withInterview.body.busy).toEqual([
      { start: kit.start ?? expect.any(String), end: expect.any(String), source: 'interview' },
    ]);
    // the load is counted for the week asked for (the interview's), not the current one
    const loadIn = async (week: string) =>
      (await t.get(`/api/v1/interviewers?week=${encodeURIComponent(week)}`, HM)).body.items.find(
        (i: { userId: string }) => i.userId === f.ids[B],
      ).load.thisWeek;
    expect(await loadIn(new Date(Date.now() + 3 * 24 * 3600_000).toISOString())).toBe(1);
    expect(await loadIn('2031-01-08T12:00:00Z')).toBe(0);
    expect((await t.get('/api/v1/interviewers?week=next', HM)).status).toBe(400);
    expect((await availability(f.ids[B], HM, '2027-03-01T00:00:00Z', '2027-06-01T00:00:00Z')).status).toBe(400);
    expect((await availability(f.ids[B], HM, '2027-03-02T00:00:00Z', '2027-03-01T00:00:00Z')).status).toBe(400);
    expect((await t.get(`/api/v1/interviewers/${f.ids[B]}/availability?from=soon`, HM)).status).toBe(400);
  });

  it('accepts full panelists on a panel', async () => {
    const res = await t.post(
      '/api/v1/interviews',
      {
        candidateId: f.candidateId,
        stage: 'technical',
        start: new Date(Date.now() + 5 * 24 * 3600_000).toISOString(),
        durationMinutes: 30,
        timezone: 'Europe/Berlin',
        panel: [
          { userId: f.ids[A], role: 'lead' },
          { userId: f.ids[B], role: 'panelist' },
        ],
        questions: [{ setId: f.setId }],
        allowConflicts: true,
      },
      HM,
    );
    expect(res.status).toBe(201);
    expect(res.body.panel.map((p: { role: string }) => p.role).sort()).toEqual(['lead', 'panelist']);
    const bad = await t.post(
      '/api/v1/interviews',
      {
        candidateId: f.candidateId,
        stage: 'technical',
        start: new Date(Date.now() + 6 * 24 * 3600_000).toISOString(),
        durationMinutes: 30,
        timezone: 'Europe/Berlin',
        panel: [
          { userId: f.ids[A], role: 'lead' },
          { userId: f.ids[B], role: 'observer' },
        ],
        questions: [{ setId: f.setId }],
        allowConflicts: true,
      },
      HM,
    );
    expect(bad.status).toBe(400);
  });
});

describe('availability: a feed address inside the network', () => {
  let t: TestApp;
  let ivy = '';
  beforeAll(async () => {
    t = await TestApp.start('availability-guard', { env: { OUTBOUND_ALLOWLIST: '' } });
    ivy = (await t.createUser('ivy@example.com', ['interviewer'], { timezone: 'Europe/Berlin' })).id;
  });
  afterAll(() => t?.close());

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'webcal://127.0.0.1/secret.ics',
    'http://[::1]:8080/x.ics',
    'http://10.0.0.1/cal.ics',
  ])('refuses %s with a 400 that names no address', async (url) => {
    const res = await t.request('PUT', `/api/v1/interviewers/${ivy}/availability`, {
      as: 'ivy@example.com',
      body: { calendarFeedUrl: url },
    });
    expect([res.status, res.text]).toEqual([400, expect.any(String)]);
    expect(res.body.details[0].field).toBe('calendarFeedUrl');
    expect(res.text).not.toContain(new URL(url.replace('webcal:', 'http:')).hostname);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM calendar_feeds`))[0].n).toBe(0);
  });
});
