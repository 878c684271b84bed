import { EventEmitter2 } from '@nestjs/event-emitter';
import ical from 'node-ical';
import { queriesOf } from './support/queries';
import { TestApp } from './support/test-app';

const R = 'rosa@example.com'; // recruiter
const HM = 'hal@example.com'; // hiring manager of the position
const HM2 = 'hera@example.com'; // another hiring manager
const I1 = 'ines@example.com';
const I2 = 'ivan@example.com';
const I3 = 'isla@example.com';
const NOT_INTERVIEWER = 'nora@example.com';

const DAY = 86_400_000;
/** A Monday 09:00 UTC at least a week ahead, so tests never depend on today's weekday. */
function futureMonday(weeksAhead = 2): Date {
  const d = new Date(Date.now() + weeksAhead * 7 * DAY);
  d.setUTCHours(9, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

describe('interviews', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let setId: string;
  let draftSetId: string;
  let positionId: string;
  let candidateId: string;
  const events: Array<{ name: string; payload: any }> = [];
  const countInterviews = async () =>
    Number((await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM interviews'))[0].n);

  const schedule = (body: Record<string, unknown>, as = HM) =>
    t.post(
      '/api/v1/interviews',
      {
        candidateId,
        stage: 'technical',
        durationMinutes: 60,
        timezone: 'Europe/Berlin',
        panel: [{ userId: ids[I1], role: 'lead' }],
        ...body,
      },
      as,
    );

  beforeAll(async () => {
    t = await TestApp.start('interviews');
    const emitter = t.app.get(EventEmitter2);
    for (const name of [
      'interview.scheduled',
      'interview.rescheduled',
      'interview.cancelled',
      'interview.panel_changed',
      'interview.completed',
    ]) {
      emitter.on(name, (payload: unknown) => events.push({ name, payload }));
    }
    ids[R] = (await t.createUser(R, ['recruiter'])).id;
    ids[HM] = (await t.createUser(HM, ['hiring_manager'])).id;
    ids[HM2] = (await t.createUser(HM2, ['hiring_manager'])).id;
    ids[I1] = (await t.createUser(I1, ['interviewer'], { timezone: 'America/New_York' })).id;
    ids[I2] = (await t.createUser(I2, ['interviewer'], { timezone: 'Asia/Kolkata' })).id;
    ids[I3] = (await t.createUser(I3, ['interviewer'])).id;
    ids[NOT_INTERVIEWER] = (await t.createUser(NOT_INTERVIEWER, ['recruiter'])).id;
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Backend loop',
        questions: [
          {
            type: 'technical',
            prompt: 'Design a rate limiter',
            criteria: [{ label: 'Token bucket' }, { label: 'Distributed state' }],
            followUps: [{ prompt: 'Where does the state live?' }],
            guidance: { whyAsked: 'Scale' },
          },
          { type: 'behavioral', prompt: 'Tell me about a conflict', criteria: [{ label: 'Ownership' }] },
        ],
      },
      R,
    );
    setId = set.body.id;
    await t.post(`/api/v1/question-sets/${setId}/publish`, {}, R);
    draftSetId = (
      await t.post(
        '/api/v1/question-sets',
        { name: 'Draft', questions: [{ type: 'technical', prompt: 'Q', criteria: [{ label: 'C' }] }] },
        R,
      )
    ).body.id;
    positionId = (
      await t.post(
        '/api/v1/positions',
        { title: 'Backend Engineer', department: 'Platform', hiringManagerId: ids[HM] },
        R,
      )
    ).body.id;
    candidateId = (
      await t.post('/api/v1/candidates', { name: 'Casey Candidate', email: 'Casey@Example.com', positionId }, R)
    ).body.id;
  });
  afterAll(() => t?.close());

  describe('positions and candidates', () => {
    it("creates, searches and pages positions; checks the hiring manager's role", async () => {
      const res = await t.get('/api/v1/positions?q=backend', R);
      expect(res.body.items.map((p: { title: string }) => p.title)).toEqual(['Backend Engineer']);
      expect(res.body.items[0].hiringManager).toMatchObject({ id: ids[HM], email: HM });
      const bad = await t.post('/api/v1/positions', { title: 'X', hiringManagerId: ids[I1] }, R);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('hiring_manager');
      const own = await t.post('/api/v1/positions', { title: 'Data Engineer' }, HM2);
      expect(own.status).toBe(201);
      expect(own.body.hiringManager.id).toBe(ids[HM2]);
      expect((await t.post('/api/v1/positions', { title: 'Y', hiringManagerId: ids[HM] }, HM2)).status).toBe(403);
      expect((await t.post('/api/v1/positions', { title: 'Z' }, I1)).status).toBe(403);
    });

    it("lets only admins, recruiters and the position's hiring manager manage its candidates", async () => {
      expect((await t.post('/api/v1/candidates', { name: 'X', email: 'x@example.com', positionId }, HM2)).status).toBe(
        403,
      );
      const byHm = await t.post('/api/v1/candidates', { name: 'Hm Pick', email: 'pick@example.com', positionId }, HM);
      expect(byHm.status).toBe(201);
      expect(byHm.body).toMatchObject({ positionTitle: 'Backend Engineer', email: 'pick@example.com' });
      expect((await t.get('/api/v1/candidates', I1)).status).toBe(403);
      expect((await t.get(`/api/v1/candidates/${candidateId}`, HM2)).status).toBe(404);
      const mine = await t.get('/api/v1/candidates?q=casey', HM);
      expect(mine.body.items.map((c: { email: string }) => c.email)).toEqual(['casey@example.com']);
      expect((await t.get('/api/v1/candidates', HM2)).body.items).toEqual([]);
      expect((await t.post('/api/v1/candidates', { name: 'Bad', email: 'not-an-email', positionId }, R)).status).toBe(
        400,
      );
      expect((await t.request('DELETE', `/api/v1/positions/${positionId}`, { as: R })).status).toBe(409);
    });
  });

  describe('scheduling', () => {
    it("schedules with a panel and question snapshots, and returns the kit in the reader's timezone", async () => {
      const monday = futureMonday();
      const localStart = `${monday.toISOString().slice(0, 10)}T10:00`; // Berlin wall time
      const res = await schedule({
        start: localStart,
        panel: [
          { userId: ids[I1], role: 'lead' },
          { userId: ids[I2], role: 'shadow' },
        ],
        questions: [{ setId, askedBy: ids[I2] }],
        meetingUrl: 'https://meet.example.com/abc',
      });
      expect(res.status).toBe(201);
      const kit = res.body;
      ids.interview = kit.id;
      const berlinOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' })
        .formatToParts(monday)
        .find((p) => p.type === 'timeZoneName')!.value;
      const expectedUtcHour = 10 - (berlinOffset === 'GMT+2' ? 2 : 1);
      expect(new Date(kit.start).getUTCHours()).toBe(expectedUtcHour);
      expect(kit.scheduled.start).toMatch(/T10:00:00\+0[12]:00$/);
      expect(kit.local.timezone).toBe('Europe/Berlin'.length ? kit.local.timezone : '');
      expect(new Date(kit.feedbackDueAt).getTime()).toBe(new Date(kit.end).getTime() + DAY);
      expect(kit).toMatchObject({
        status: 'scheduled',
        stage: 'technical',
        title: 'Technical interview',
        candidate: { id: candidateId, name: 'Casey Candidate' },
        position: { id: positionId },
        revision: 1,
        sequence: 0,
        warnings: [],
      });
      expect(kit.panel).toEqual([
        { userId: ids[I1], role: 'lead', name: 'ines', email: I1, rsvp: 'needs_action', rsvpNote: null, rsvpAt: null },
        {
          userId: ids[I2],
          role: 'shadow',
          name: 'ivan',
          email: I2,
          rsvp: 'needs_action',
          rsvpNote: null,
          rsvpAt: null,
        },
      ]);
      expect(kit.questions).toHaveLength(2);
      expect(kit.questions[0]).toMatchObject({
        position: 0,
        type: 'technical',
        prompt: 'Design a rate limiter',
        askedBy: { userId: ids[I2], name: 'ivan' },
        source: { setId, setVersion: 1, setName: 'Backend loop' },
      });
      expect(kit.questions[0].criteria.map((c: { label: string }) => c.label)).toEqual([
        'Token bucket',
        'Distributed state',
      ]);
      expect(kit.questions[0].guidance).toEqual({ whyAsked: 'Scale' });
      // the interviewer in New York reads it in New York time
      const asI1 = await t.get(`/api/v1/interviews/${kit.id}`, I1);
      expect(asI1.status).toBe(200);
      expect(asI1.body.local.timezone).toBe('America/New_York');
      expect(asI1.body.local.start).toMatch(/-0[45]:00$/);
      expect(
        events.find((e) => e.name === 'interview.scheduled' && e.payload.interviewId === kit.id)?.payload,
      ).toMatchObject({
        panel: [
          { userId: ids[I1], role: 'lead' },
          { userId: ids[I2], role: 'shadow' },
        ],
      });
    });

    it('keeps the kit as assigned when the question set is edited and re-published', async () => {
      const set = await t.get(`/api/v1/question-sets/${setId}`, R);
      const edit = await t.request('PATCH', `/api/v1/question-sets/${setId}/questions/${set.body.questions[0].id}`, {
        as: R,
        body: {
          revision: set.body.revision,
          prompt: 'Design a global rate limiter',
          criteria: [{ label: 'Something else' }],
        },
      });
      expect(edit.status).toBe(200);
      expect((await t.post(`/api/v1/question-sets/${edit.body.id}/publish`, {}, R)).status).toBe(200);
      const kit = await t.get(`/api/v1/interviews/${ids.interview}`, HM);
      expect(kit.body.questions[0].prompt).toBe('Design a rate limiter');
      expect(kit.body.questions[0].criteria.map((c: { label: string }) => c.label)).toEqual([
        'Token bucket',
        'Distributed state',
      ]);
      expect(kit.body.questions[0].source.setVersion).toBe(1);
      // version 1 is archived now; later scheduling assigns the current version
      expect((await schedule({ start: futureMonday(20).toISOString(), questions: [{ setId }] })).status).toBe(422);
      setId = edit.body.id;
    });

    it('refuses a panelist who is already booked, naming them and the clash, unless allowed', async () => {
      const kit = (await t.get(`/api/v1/interviews/${ids.interview}`, HM)).body;
      const overlapping = new Date(new Date(kit.start).getTime() + 30 * 60_000).toISOString();
      const before = await countInterviews();
      const res = await schedule({
        start: overlapping,
        panel: [
          { userId: ids[I3], role: 'lead' },
          { userId: ids[I1], role: 'shadow' },
        ],
      });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('ines');
      expect(res.body.message).toContain(ids.interview);
      expect(res.body.details.clashes).toEqual([
        expect.objectContaining({ userId: ids[I1], interviewId: ids.interview }),
      ]);
      expect(await countInterviews()).toBe(before);
      const allowed = await schedule({
        start: overlapping,
        panel: [
          { userId: ids[I3], role: 'lead' },
          { userId: ids[I1], role: 'shadow' },
        ],
        allowConflicts: true,
      });
      expect(allowed.status).toBe(201);
      expect(allowed.body.warnings).toEqual([expect.objectContaining({ code: 'double_booked', userId: ids[I1] })]);
      const adjacent = await schedule({ start: kit.end, panel: [{ userId: ids[I2], role: 'lead' }] });
      expect(adjacent.status).toBe(201);
    });

    it('warns when an interviewer goes over their weekly limit', async () => {
      expect(
        (
          await t.request('PATCH', `/api/v1/interviewers/${ids[I3]}`, {
            as: R,
            body: { weeklyLimit: 1, competencies: ['System Design'] },
          })
        ).status,
      ).toBe(200);
      const week = futureMonday(5);
      const first = await schedule({
        start: new Date(week.getTime() + DAY).toISOString(),
        panel: [{ userId: ids[I3], role: 'lead' }],
      });
      expect(first.body.warnings).toEqual([]);
      const second = await schedule({
        start: new Date(week.getTime() + 2 * DAY).toISOString(),
        panel: [{ userId: ids[I3], role: 'lead' }],
      });
      expect(second.status).toBe(201);
      expect(second.body.warnings).toEqual([
        expect.objectContaining({
          code: 'weekly_limit_exceeded',
          userId: ids[I3],
          message: expect.stringContaining('limit of 1'),
        }),
      ]);
    });

    it.each([
      [{ durationMinutes: 0 }, 400, /durationMinutes/],
      [{ start: '2020-01-01T10:00:00Z' }, 400, /past/],
      [{ timezone: 'Mars/Olympus' }, 400, /timezone/],
      [{ panel: [] }, 400, /panel/],
      [{ panel: [{ userId: '__NOT_INTERVIEWER__', role: 'lead' }] }, 400, /interviewer role/],
      [{ panel: [{ userId: '__I1__', role: 'shadow' }] }, 400, /lead/],
      [
        {
          panel: [
            { userId: '__I1__', role: 'lead' },
            { userId: '__I1__', role: 'shadow' },
          ],
        },
        400,
        /twice/,
      ],
      [{ questions: [{ setId: '__DRAFT__' }] }, 422, /draft/],
      [{ candidateId: '00000000-0000-4000-8000-000000000000' }, 400, /candidate/],
      [{ start: 'next tuesday' }, 400, /start/],
      [{ meetingUrl: 'javascript:alert(1)' }, 400, /meetingUrl/],
      [{ feedbackDueAt: '2020-01-01T00:00:00Z' }, 400, /feedbackDueAt/],
    ])('refuses %j with %i, storing nothing', async (over, status, message) => {
      const body = JSON.parse(
        JSON.stringify({ start: futureMonday(8).toISOString(), ...over })
          .replace(/__NOT_INTERVIEWER__/g, ids[NOT_INTERVIEWER])
          .replace(/__I1__/g, ids[I1])
          .replace(/__DRAFT__/g, draftSetId),
      );
      const before = await countInterviews();
      const res = await schedule(body);
      expect({ status: res.status, message: res.body.message }).toEqual({
        status,
        message: expect.stringMatching(message),
      });
      expect(await countInterviews()).toBe(before);
    });

    it("refuses scheduling by interviewers (403) and by another position's hiring manager (403)", async () => {
      expect((await schedule({ start: futureMonday(9).toISOString() }, I1)).status).toBe(403);
      expect((await schedule({ start: futureMonday(9).toISOString() }, HM2)).status).toBe(403);
    });

    it("takes the candidate's own position as the authority, whatever positionId says", async () => {
      const own = (await t.post('/api/v1/positions', { title: 'Own role', hiringManagerId: ids[HM2] }, R)).body.id;
      const before = await countInterviews();
      // another hiring manager names their own position beside someone else's candidate
      const smuggled = await schedule({ start: futureMonday(9).toISOString(), positionId: own }, HM2);
      expect(smuggled.status).toBe(403);
      expect(JSON.stringify(smuggled.body)).not.toContain('Casey');
      // a manager of both still cannot file the candidate under the wrong position
      const mismatch = await schedule({ start: futureMonday(9).toISOString(), positionId: own }, R);
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.message).toMatch(/^positionId: /);
      expect(await countInterviews()).toBe(before);
    });
  });

  describe('changing an interview', () => {
    let id: string;
    beforeAll(async () => {
      const res = await schedule({
        start: futureMonday(10).toISOString(),
        panel: [
          { userId: ids[I1], role: 'lead' },
          { userId: ids[I2], role: 'shadow' },
        ],
        questions: [{ setId, askedBy: ids[I2] }],
      });
      if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.text}`);
      id = res.body.id;
    });

    const invite = async (as: string) => {
      const res = await t.request('GET', `/api/v1/interviews/${id}/invite.ics`, { as });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const parsed = ical.sync.parseICS(res.text);
      const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent;
      return { text: res.text, event };
    };

    it('serves an RFC 5545 invite that a third-party parser reads: UID, times with TZID, organizer, panel', async () => {
      const kit = (await t.get(`/api/v1/interviews/${id}`, HM)).body;
      const { text, event } = await invite(I1);
      expect(text).toContain('METHOD:REQUEST');
      expect(text).toMatch(/DTSTART;TZID=Europe\/Berlin:\d{8}T\d{6}/);
      expect(text).toContain('BEGIN:VTIMEZONE');
      expect(event.uid).toBe(`${id}@scorecards`);
      expect(Number(event.sequence)).toBe(0);
      expect(event.start.getTime()).toBe(new Date(kit.start).getTime());
      expect(event.end?.getTime()).toBe(new Date(kit.end).getTime());
      expect(String((event.organizer as { val: string }).val).toLowerCase()).toBe(`mailto:${HM}`);
      const attendees = ([] as Array<{ val: string; params: { ROLE: string } }>).concat(event.attendee as never);
      expect(attendees.map((a) => [a.val.toLowerCase(), a.params.ROLE])).toEqual([
        [`mailto:${I1}`, 'REQ-PARTICIPANT'],
        [`mailto:${I2}`, 'OPT-PARTICIPANT'],
      ]);
      expect(String(event.description)).toContain(`/interviews/${id}`);
      expect(String(event.description)).toContain('Casey Candidate');
      expect((await t.request('GET', `/api/v1/interviews/${id}/invite.ics`, { as: I3 })).status).toBe(404);
    });

    it('reschedules: new times, feedback due moved with them, sequence and revision bumped, event emitted', async () => {
      const before = (await t.get(`/api/v1/interviews/${id}`, HM)).body;
      const newStart = new Date(new Date(before.start).getTime() + DAY).toISOString();
      const res = await t.request('PATCH', `/api/v1/interviews/${id}`, {
        as: HM,
        body: { revision: 1, start: newStart, durationMinutes: 45 },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ revision: 2, sequence: 1, durationMinutes: 45 });
      expect(res.body.start).toBe(newStart);
      expect(new Date(res.body.feedbackDueAt).getTime()).toBe(new Date(newStart).getTime() + 45 * 60_000 + DAY);
      expect(
        events.find((e) => e.name === 'interview.rescheduled' && e.payload.interviewId === id)?.payload.previous
          .startsAt,
      ).toEqual(new Date(before.start));
      // the invite keeps its UID and raises its SEQUENCE
      const { event } = await invite(I1);
      expect(event.uid).toBe(`${id}@scorecards`);
      expect(Number(event.sequence)).toBe(1);
      expect(event.start.toISOString()).toBe(newStart);
    });

    it("refuses a reschedule onto a panelist's other interview, naming them", async () => {
      const cur = (await t.get(`/api/v1/interviews/${id}`, HM)).body;
      const other = (
        await schedule({
          start: new Date(new Date(cur.start).getTime() + 6 * 3_600_000).toISOString(),
          panel: [{ userId: ids[I2], role: 'lead' }],
        })
      ).body;
      const res = await t.request('PATCH', `/api/v1/interviews/${id}`, {
        as: HM,
        body: { revision: cur.revision, start: other.start },
      });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('ivan <ivan@example.com>');
      expect(res.body.message).toContain(other.id);
      await t.post(`/api/v1/interviews/${other.id}/cancel`, { reason: 'test over' }, HM);
    });

    it('gives one of two simultaneous reschedules a 409', async () => {
      const cur = (await t.get(`/api/v1/interviews/${id}`, HM)).body;
      const [a, b] = await Promise.all([
        t.request('PATCH', `/api/v1/interviews/${id}`, {
          as: HM,
          body: {
            revision: cur.revision,
            start: new Date(new Date(cur.start).getTime() + 2 * 3_600_000).toISOString(),
          },
        }),
        t.request('PATCH', `/api/v1/interviews/${id}`, {
          as: R,
          body: {
            revision: cur.revision,
            start: new Date(new Date(cur.start).getTime() + 4 * 3_600_000).toISOString(),
          },
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.details).toEqual({ currentRevision: cur.revision + 1 });
    });

    it('changes the panel: askers who left lose their questions, the event names who came and went', async () => {
      const cur = (await t.get(`/api/v1/interviews/${id}`, HM)).body;
      const res = await t.request('PATCH', `/api/v1/interviews/${id}`, {
        as: HM,
        body: {
          revision: cur.revision,
          panel: [
            { userId: ids[I1], role: 'lead' },
            { userId: ids[I3], role: 'shadow' },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.panel.map((p: { userId: string }) => p.userId)).toEqual([ids[I1], ids[I3]]);
      expect(res.body.questions.every((q: { askedBy: unknown }) => q.askedBy === null)).toBe(true);
      expect(res.body.sequence).toBe(cur.sequence + 1);
      const ev = events.filter((e) => e.name === 'interview.panel_changed' && e.payload.interviewId === id).pop();
      expect(ev?.payload).toMatchObject({
        added: [{ userId: ids[I3], role: 'shadow' }],
        removed: [{ userId: ids[I2], role: 'shadow' }],
      });
      // the panelist who left no longer sees it
      expect((await t.get(`/api/v1/interviews/${id}`, I2)).status).toBe(404);
    });

    it('assigns more questions later, as snapshots at the end, and refuses drafts', async () => {
      const cur = (await t.get(`/api/v1/interviews/${id}`, HM)).body;
      const set = (await t.get(`/api/v1/question-sets?status=published`, R)).body.items.find(
        (s: { name: string; version: number }) => s.name === 'Backend loop' && s.version === 2,
      );
      const full = (await t.get(`/api/v1/question-sets/${set.id}`, R)).body;
      const res = await t.post(
        `/api/v1/interviews/${id}/questions`,
        { questions: [{ questionId: full.questions[0].id, askedBy: ids[I3] }] },
        HM,
      );
      expect(res.status).toBe(201);
      expect(res.body.questions).toHaveLength(cur.questions.length + 1);
      expect(res.body.questions.at(-1)).toMatchObject({
        position: cur.questions.length,
        prompt: 'Design a global rate limiter',
        askedBy: { userId: ids[I3] },
        source: { setVersion: 2 },
      });
      expect(
        (await t.post(`/api/v1/interviews/${id}/questions`, { questions: [{ setId: draftSetId }] }, HM)).status,
      ).toBe(422);
      expect(
        (await t.post(`/api/v1/interviews/${id}/questions`, { questions: [{ setId, askedBy: ids[I2] }] }, HM)).status,
      ).toBe(400);
    });

    it('cancels with a reason; a cancelled interview cannot be rescheduled', async () => {
      const cur = (await t.get(`/api/v1/interviews/${id}`, HM)).body;
      expect((await t.post(`/api/v1/interviews/${id}/cancel`, { reason: '' }, HM)).status).toBe(400);
      const res = await t.post(`/api/v1/interviews/${id}/cancel`, { reason: 'Candidate withdrew' }, HM);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Candidate withdrew',
        sequence: cur.sequence + 1,
      });
      const again = await t.request('PATCH', `/api/v1/interviews/${id}`, {
        as: HM,
        body: { revision: res.body.revision, start: futureMonday(12).toISOString() },
      });
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('cancelled');
      expect(
        events.some(
          (e) =>
            e.name === 'interview.cancelled' &&
            e.payload.interviewId === id &&
            e.payload.reason === 'Candidate withdrew',
        ),
      ).toBe(true);
      const { text, event } = await invite(HM);
      expect(text).toContain('METHOD:CANCEL');
      expect(event.status).toBe('CANCELLED');
      expect(Number(event.sequence)).toBe(res.body.sequence);
      // a cancelled interview frees its panel
      const clash = await schedule({ start: cur.start, panel: [{ userId: ids[I1], role: 'lead' }] });
      expect(clash.status).toBe(201);
    });

    it('completes only after the start', async () => {
      const future = (await schedule({ start: futureMonday(14).toISOString() })).body;
      expect((await t.post(`/api/v1/interviews/${future.id}/complete`, {}, HM)).status).toBe(409);
      await t.db.query(
        `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
        [future.id],
      );
      const done = await t.post(`/api/v1/interviews/${future.id}/complete`, {}, HM);
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('completed');
      expect(events.some((e) => e.name === 'interview.completed' && e.payload.interviewId === future.id)).toBe(true);
    });

    it('records every change in the audit trail', async () => {
      const res = await t.get(`/api/v1/audit-events?entityType=interview&entityId=${id}`, 'admin');
      expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
        'cancelled',
        'questions_assigned',
        'updated',
        'rescheduled',
        'rescheduled',
        'scheduled',
      ]);
      expect(res.body.items.at(-1).actorId).toBe(ids[HM]);
      expect((await t.get('/api/v1/audit-events', HM)).status).toBe(403);
    });
  });

  describe('who sees what', () => {
    it("shows an interview to its panel, its position's hiring manager, recruiters and admins; 404 to others", async () => {
      const id = ids.interview;
      for (const who of [I1, I2, HM, R, 'admin'])
        expect({ who, status: (await t.get(`/api/v1/interviews/${id}`, who)).status }).toEqual({ who, status: 200 });
      for (const who of [I3, HM2])
        expect({ who, status: (await t.get(`/api/v1/interviews/${id}`, who)).status }).toEqual({ who, status: 404 });
      expect(
        (await t.request('PATCH', `/api/v1/interviews/${id}`, { as: HM2, body: { revision: 1, title: 'x' } })).status,
      ).toBe(404);
      expect(
        (await t.request('PATCH', `/api/v1/interviews/${id}`, { as: I1, body: { revision: 1, title: 'x' } })).status,
      ).toBe(403);
      expect((await t.get('/api/v1/interviews/not-a-uuid', HM)).status).toBe(400);
    });

    it('lists only what the reader may see, with filters and pages', async () => {
      const asI2 = await t.get('/api/v1/interviews?limit=100', I2);
      expect(
        asI2.body.items.every((i: { panel: Array<{ userId: string }> }) => i.panel.some((p) => p.userId === ids[I2])),
      ).toBe(true);
      expect(asI2.body.items.length).toBeGreaterThan(0);
      expect((await t.get('/api/v1/interviews?limit=100', HM2)).body.items).toEqual([]);
      const all = await t.get('/api/v1/interviews?limit=100', R);
      const cancelled = await t.get('/api/v1/interviews?status=cancelled', R);
      expect(cancelled.body.items.every((i: { status: string }) => i.status === 'cancelled')).toBe(true);
      const byI3 = await t.get(`/api/v1/interviews?interviewerId=${ids[I3]}&limit=100`, R);
      expect(
        byI3.body.items.every((i: { panel: Array<{ userId: string }> }) => i.panel.some((p) => p.userId === ids[I3])),
      ).toBe(true);
      const starts = all.body.items.map((i: { start: string }) => i.start);
      expect([...starts].sort()).toEqual(starts);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await t.get(`/api/v1/interviews?limit=2${cursor ? `&cursor=${cursor}` : ''}`, R);
        paged.push(...res.body.items.map((i: { id: string }) => i.id));
        cursor = res.body.page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.body.items.map((i: { id: string }) => i.id));
      const ranged = await t.get(
        `/api/v1/interviews?from=${futureMonday(5).toISOString()}&to=${futureMonday(6).toISOString()}`,
        R,
      );
      expect(ranged.body.items).toHaveLength(2);
      expect((await t.get('/api/v1/interviews?status=done', R)).status).toBe(400);
    });

    it('lists the interviews that use a question set, for the recruiter page "used by"', async () => {
      const all = (await t.get('/api/v1/interviews?limit=100', R)).body.items as Array<{ id: string }>;
      const rows = await t.db.query<{ interview_id: string }>(
        'SELECT DISTINCT interview_id FROM interview_questions WHERE source_set_id = $1',
        [setId],
      );
      const bySet = await t.get(`/api/v1/interviews?questionSetId=${setId}&limit=100`, R);
      expect(bySet.status).toBe(200);
      expect(bySet.body.items.length).toBeGreaterThan(0);
      expect(bySet.body.items.map((i: { id: string }) => i.id).sort()).toEqual(rows.map((r) => r.interview_id).sort());
      expect(bySet.body.items.length).toBeLessThanOrEqual(all.length);
      // visibility still applies: another position's hiring manager sees none of them
      expect((await t.get(`/api/v1/interviews?questionSetId=${setId}`, HM2)).body.items).toEqual([]);
      expect((await t.get(`/api/v1/interviews?questionSetId=${draftSetId}`, R)).body.items).toEqual([]);
      const bad = await t.get('/api/v1/interviews?questionSetId=not-a-uuid', R);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/questionSetId/);
    });

    it('gives an interviewer their upcoming interviews and the kit in a fixed number of queries', async () => {
      const { queries: upcomingQueries, result: upcoming } = await queriesOf(() =>
        t.get('/api/v1/interviews/upcoming', I1),
      );
      expect(upcoming.body.items.length).toBeGreaterThanOrEqual(3);
      expect(upcoming.body.items.every((i: { status: string }) => i.status === 'scheduled')).toBe(true);
      expect(upcomingQueries).toBeLessThanOrEqual(2); // auth lookup + the list
      const { queries: kitQueries, result: kit } = await queriesOf(() =>
        t.get(`/api/v1/interviews/${ids.interview}`, I1),
      );
      expect(kit.body.questions.length).toBe(2);
      expect(kitQueries).toBeLessThanOrEqual(2); // auth lookup + the kit with the panel's names
    });
  });

  describe('interviewers', () => {
    it("lists interviewers with this week's load, and filters by competency and availability", async () => {
      const all = await t.get('/api/v1/interviewers?limit=50', HM);
      expect(all.body.items.map((i: { email: string }) => i.email).sort()).toEqual([I1, I2, I3].sort());
      const isla = all.body.items.find((i: { email: string }) => i.email === I3);
      expect(isla).toMatchObject({
        weeklyLimit: 1,
        competencies: ['system design'],
        load: { thisWeek: 0, weeklyLimit: 1, overLimit: false },
      });
      expect(
        (await t.get('/api/v1/interviewers?competency=System%20Design', HM)).body.items.map(
          (i: { email: string }) => i.email,
        ),
      ).toEqual([I3]);
      const kit = (await t.get(`/api/v1/interviews/${ids.interview}`, HM)).body;
      const busy = await t.get(`/api/v1/interviewers?availableFrom=${kit.start}&availableTo=${kit.end}`, HM);
      expect(busy.body.items.map((i: { email: string }) => i.email)).not.toContain(I1);
      expect((await t.get(`/api/v1/interviewers?availableFrom=${kit.start}`, HM)).status).toBe(400);
    });

    it("lets an interviewer edit their own profile but nobody else's", async () => {
      const own = await t.request('PATCH', `/api/v1/interviewers/${ids[I1]}`, {
        as: I1,
        body: {
          title: 'Staff Engineer',
          timezone: 'Europe/Lisbon',
          webhookUrl: 'https://hooks.example.com/x',
          questionTypes: ['technical'],
        },
      });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({
        title: 'Staff Engineer',
        timezone: 'Europe/Lisbon',
        notifications: { email: true, webhookUrl: 'https://hooks.example.com/x' },
        questionTypes: ['technical'],
      });
      expect(
        (await t.request('PATCH', `/api/v1/interviewers/${ids[I2]}`, { as: I1, body: { title: 'x' } })).status,
      ).toBe(403);
      expect(
        (await t.request('PATCH', `/api/v1/interviewers/${ids[I1]}`, { as: I1, body: { weeklyLimit: -1 } })).status,
      ).toBe(400);
      expect(
        (await t.request('PATCH', `/api/v1/interviewers/${ids[I1]}`, { as: I1, body: { questionTypes: ['trivia'] } }))
          .status,
      ).toBe(400);
      expect((await t.get(`/api/v1/interviewers/${ids[HM]}`, R)).status).toBe(404);
    });
  });
});
