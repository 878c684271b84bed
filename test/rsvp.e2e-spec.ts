import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { queriesOf } from './support/queries';
import { TestSmtp } from './support/smtp';
import { ADMIN, eventually, TestApp } from './support/test-app';

const R = 'rosa@example.com'; // recruiter who schedules
const HM = 'hal@example.com'; // hiring manager of the position
const HM2 = 'hera@example.com'; // hiring manager of another position
const I1 = 'ines@example.com'; // lead
const I2 = 'ivan@example.com'; // shadow, declines
const I3 = 'isla@example.com'; // free, assesses the interview's competency
const I4 = 'ivy@example.com'; // free, no matching competency
const I5 = 'igor@example.com'; // booked on an overlapping interview
const I6 = 'iris@example.com'; // deactivated
const I7 = 'tomo@example.com'; // in Tokyo: 18:00 there, after their working hours; assesses the competency
const I8 = 'dora@example.com'; // the interview's day is a day off
const I9 = 'cal@example.com'; // busy in their calendar feed then
const FEED_SECRET = 'feed-rsvp-7b2e';
/** Replacements cost 11 queries when this was written (availability four, pool limits one, the rest the kit, interviewers, profiles and loads). */
const QUERY_BUDGET = 12;
const BASE = 'https://scorecards.example.com';
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const icsUtc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A Monday 09:00 UTC at least a week ahead. */
function futureMonday(weeksAhead = 2): Date {
  const d = new Date(Date.now() + weeksAhead * 7 * DAY);
  d.setUTCHours(9, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

describe('RSVP', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let feedServer: Server;
  const ids: Record<string, string> = {};
  let positionId: string;
  let setId: string;
  let interviewId: string;
  const start = futureMonday();

  const rsvp = (id: string, body: unknown, as: string) =>
    t.request('POST', `/api/v1/interviews/${id}/rsvp`, { as, body });
  const kit = async (id: string, as = R) => (await t.get(`/api/v1/interviews/${id}`, as)).body;
  const candidate = async (name: string) =>
    (
      await t.post(
        '/api/v1/candidates',
        { name, email: `${name.split(' ')[0].toLowerCase()}@cand.example.com`, positionId },
        R,
      )
    ).body.id as string;
  const schedule = async (
    candidateId: string,
    panel: Array<[string, string]>,
    startsAt = start,
    extra: Record<string, unknown> = {},
  ) => {
    const res = await t.post(
      '/api/v1/interviews',
      {
        candidateId,
        stage: 'technical',
        durationMinutes: 60,
        timezone: 'UTC',
        start: startsAt.toISOString(),
        panel: panel.map(([who, role]) => ({ userId: ids[who], role })),
        questions: [{ setId }],
        ...extra,
      },
      R,
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const declines = (who: string) => smtp.to(who).filter((m) => m.subject?.startsWith('Declined:'));
  const noticeRows = (id: string) =>
    t.db.query<{ recipient_id: string; status: string; key: string }>(
      `SELECT recipient_id, status, key FROM reminders WHERE interview_id = $1 AND kind = 'rsvp_declined'`,
      [id],
    );

  beforeAll(async () => {
    // cal's calendar: a meeting from a quarter past to a quarter to, during the interview
    const feed = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//RSVP//EN',
      'BEGIN:VEVENT',
      'UID:standup@test',
      'DTSTAMP:20260101T000000Z',
      'SUMMARY:Board meeting',
      `DTSTART:${icsUtc(start.getTime() + 15 * 60_000)}`,
      `DTEND:${icsUtc(start.getTime() + 45 * 60_000)}`,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    feedServer = createServer((req, res) => {
      if (!req.url?.includes(FEED_SECRET)) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(feed);
    });
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    const feedPort = (feedServer.address() as AddressInfo).port;
    smtp = await TestSmtp.start();
    t = await TestApp.start('rsvp', { env: { SMTP_URL: smtp.url, PUBLIC_URL: BASE } });
    ids[R] = (await t.createUser(R, ['recruiter'])).id;
    ids[HM] = (await t.createUser(HM, ['hiring_manager'])).id;
    ids[HM2] = (await t.createUser(HM2, ['hiring_manager'])).id;
    for (const who of [I1, I2, I3, I4, I5, I6]) ids[who] = (await t.createUser(who, ['interviewer'])).id;
    expect(
      (
        await t.request('PATCH', `/api/v1/interviewers/${ids[I3]}`, {
          as: R,
          body: { competencies: ['system design'] },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.request('PATCH', `/api/v1/interviewers/${ids[I6]}`, {
          as: R,
          body: { competencies: ['system design'] },
        })
      ).status,
    ).toBe(200);
    expect(
      (await t.request('PATCH', `/api/v1/users/${ids[I6]}`, { as: 'admin', body: { active: false } })).status,
    ).toBe(200);
    ids[I7] = (await t.createUser(I7, ['interviewer'], { timezone: 'Asia/Tokyo' })).id;
    expect(
      (
        await t.request('PATCH', `/api/v1/interviewers/${ids[I7]}`, {
          as: R,
          body: { competencies: ['system design'] },
        })
      ).status,
    ).toBe(200);
    ids[I8] = (await t.createUser(I8, ['interviewer'])).id;
    expect(
      (
        await t.request('PUT', `/api/v1/interviewers/${ids[I8]}/availability`, {
          as: 'admin',
          body: { daysOff: [start.toISOString().slice(0, 10)] },
        })
      ).status,
    ).toBe(200);
    ids[I9] = (await t.createUser(I9, ['interviewer'])).id;
    expect(
      (
        await t.request('PUT', `/api/v1/interviewers/${ids[I9]}/availability`, {
          as: 'admin',
          body: { calendarFeedUrl: `http://127.0.0.1:${feedPort}/ical/${FEED_SECRET}/basic.ics` },
        })
      ).status,
    ).toBe(200);
    await eventually(
      async () =>
        (
          await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM calendar_busy WHERE user_id = $1`, [ids[I9]])
        )[0]?.n > 0 || undefined,
      30_000,
      200,
    );
    // no reminders of their own: the only mail of these interviews is the decline notices
    expect(
      (
        await t.request('PUT', '/api/v1/settings/reminders', {
          as: 'admin',
          body: {
            prepLeadMinutes: [],
            feedbackDueEnabled: false,
            overdueEveryMinutes: 60,
            overdueMaxCount: 0,
            escalateAfterMinutes: null,
            quietHours: null,
          },
        })
      ).status,
    ).toBe(200);
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Systems loop',
        questions: [
          {
            type: 'technical',
            prompt: 'Design a rate limiter',
            criteria: [{ label: 'Token bucket' }],
            competencies: ['System Design'],
          },
        ],
      },
      R,
    );
    setId = set.body.id;
    expect((await t.post(`/api/v1/question-sets/${setId}/publish`, {}, R)).status).toBeLessThan(300);
    positionId = (await t.post('/api/v1/positions', { title: 'Backend Engineer', hiringManagerId: ids[HM] }, R)).body
      .id;
    await t.post('/api/v1/positions', { title: 'Data Engineer' }, HM2);
    interviewId = await schedule(await candidate('Casey Cho'), [
      [I1, 'lead'],
      [I2, 'shadow'],
    ]);
    // I5 is busy half an hour into it, with another candidate
    await schedule(await candidate('Dana Diaz'), [[I5, 'lead']], new Date(start.getTime() + 30 * 60_000));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await new Promise((r) => feedServer?.close(r));
  });

  it('starts every panelist at needs_action', async () => {
    const k = await kit(interviewId);
    expect(k.panel.map((p: any) => [p.userId, p.rsvp, p.rsvpNote, p.rsvpAt])).toEqual([
      [ids[I1], 'needs_action', null, null],
      [ids[I2], 'needs_action', null, null],
    ]);
    expect(k.needsReplacement).toBe(false);
  });

  it("lets a panelist answer; the note is for the interview's managers and the panelist only", async () => {
    const a = await rsvp(interviewId, { response: 'accepted' }, I1);
    expect(a.status).toBe(200);
    expect(a.body.panel.find((p: any) => p.userId === ids[I1])).toMatchObject({ rsvp: 'accepted', rsvpNote: null });
    expect(new Date(a.body.panel[0].rsvpAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const b = await rsvp(interviewId, { response: 'tentative', note: '  Might clash with on-call  ' }, I2);
    expect(b.status).toBe(200);
    expect(b.body.panel.find((p: any) => p.userId === ids[I2])).toMatchObject({
      rsvp: 'tentative',
      rsvpNote: 'Might clash with on-call',
    });
    for (const manager of [R, HM, 'admin'])
      expect((await kit(interviewId, manager)).panel.find((p: any) => p.userId === ids[I2]).rsvpNote).toBe(
        'Might clash with on-call',
      );
    const seenByI1 = (await kit(interviewId, I1)).panel.find((p: any) => p.userId === ids[I2]);
    expect(seenByI1).toMatchObject({ rsvp: 'tentative', rsvpNote: null });
    const list = await t.get(`/api/v1/interviews?candidateId=${(await kit(interviewId)).candidate.id}`, R);
    expect(list.body.items[0].panel.map((p: any) => p.rsvp)).toEqual(['accepted', 'tentative']);
    expect(list.body.items[0].needsReplacement).toBe(false);
  });

  it("is a panelist's alone: anyone else gets 404, managers included", async () => {
    for (const who of [I3, HM2, HM, R, 'admin']) {
      const res = await rsvp(interviewId, { response: 'accepted' }, who);
      expect([who, res.status]).toEqual([who, 404]);
    }
    expect((await rsvp('00000000-0000-4000-8000-000000000000', { response: 'accepted' }, I1)).status).toBe(404);
    expect((await rsvp('not-a-uuid', { response: 'accepted' }, I1)).status).toBe(400);
    expect(
      (
        await t.request('POST', `/api/v1/interviews/${interviewId}/rsvp`, {
          token: null,
          body: { response: 'accepted' },
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a bad answer or a long note with a 400 naming the field', async () => {
    for (const body of [
      { response: 'maybe' },
      {},
      { response: ['accepted'] },
      { response: 'accepted', note: 5 },
      { response: 'accepted', note: 'x'.repeat(1001) },
    ]) {
      const res = await rsvp(interviewId, body, I1);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch('note' in body ? /note/ : /response/);
    }
    expect((await rsvp(interviewId, { response: 'accepted', note: 'y'.repeat(1000) }, I1)).status).toBe(200);
    expect((await kit(interviewId, I1)).panel[0]).toMatchObject({ rsvp: 'accepted', rsvpNote: 'y'.repeat(1000) });
  });

  it('keeps answers through an edit that keeps the time, and resets them all on a reschedule', async () => {
    let k = await kit(interviewId);
    k = (
      await t.request('PATCH', `/api/v1/interviews/${interviewId}`, {
        as: R,
        body: { revision: k.revision, title: 'Systems interview' },
      })
    ).body;
    expect(k.panel.map((p: any) => p.rsvp)).toEqual(['accepted', 'tentative']);
    const moved = await t.request('PATCH', `/api/v1/interviews/${interviewId}`, {
      as: R,
      body: { revision: k.revision, start: new Date(start.getTime() + 2 * 3_600_000).toISOString() },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.panel.map((p: any) => [p.rsvp, p.rsvpNote, p.rsvpAt])).toEqual([
      ['needs_action', null, null],
      ['needs_action', null, null],
    ]);
    k = (
      await t.request('PATCH', `/api/v1/interviews/${interviewId}`, {
        as: R,
        body: { revision: moved.body.revision, start: start.toISOString() },
      })
    ).body;
    expect(k.start).toBe(start.toISOString());
    expect((await rsvp(interviewId, { response: 'accepted' }, I1)).status).toBe(200);
  });

  it("a decline flags the interview and tells the scheduler and the position's team exactly once", async () => {
    const res = await rsvp(interviewId, { response: 'declined', note: 'On leave that week' }, I2);
    expect(res.status).toBe(200);
    expect(res.body.needsReplacement).toBe(true);
    expect(res.body.panel.find((p: any) => p.userId === ids[I2])).toMatchObject({
      rsvp: 'declined',
      rsvpNote: 'On leave that week',
    });
    // declining again (a double click) and the same event told twice (a retry) send nothing more
    expect((await rsvp(interviewId, { response: 'declined', note: 'On leave that week (holiday)' }, I2)).status).toBe(
      200,
    );
    const rows = await eventually(
      async () => {
        const r = await noticeRows(interviewId);
        return r.length === 2 && r.every((x) => x.status === 'sent') ? r : undefined;
      },
      30_000,
      200,
    );
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([ids[R], ids[HM]].sort());
    const declinedAt = new Date((await kit(interviewId)).panel.find((p: any) => p.userId === ids[I2]).rsvpAt);
    await t.app.get(EventEmitter2).emitAsync('interview.panelist_declined', {
      interviewId,
      panelistId: ids[I2],
      scheduledById: ids[R],
      hiringManagerId: ids[HM],
      note: null,
      declinedAt,
    });
    await sleep(1500);
    expect(await noticeRows(interviewId)).toHaveLength(2);
    for (const who of [R, HM]) {
      const mails = declines(who);
      expect([who, mails.length]).toEqual([who, 1]);
      expect(mails[0].subject).toBe('Declined: ivan — Systems interview with Casey Cho');
      // delivered with the note as it was then: before or after the edit
      expect(mails[0].text).toContain('On leave that week');
      expect(mails[0].text).toContain(`${BASE}/hiring/interviews/${interviewId}`);
    }
    for (const who of [I1, I2, HM2, ADMIN.email]) expect(declines(who)).toEqual([]);
    expect(
      (await t.get(`/api/v1/interviews?candidateId=${res.body.candidate.id}`, R)).body.items[0].needsReplacement,
    ).toBe(true);
  });

  it('suggests active interviewers off the panel: the free first (matching competencies first), then the others with why not', async () => {
    const res = await t.get(`/api/v1/interviews/${interviewId}/replacements`, R);
    expect(res.status).toBe(200);
    expect(res.body.declined).toEqual([{ userId: ids[I2], name: 'ivan', note: 'On leave that week (holiday)' }]);
    expect(res.body.competencies).toEqual(['system design']);
    const day = `Mon ${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]}`;
    // tomo assesses the competency but is not free: after ivy, who is free and does not
    expect(res.body.suggestions.map((s: any) => [s.name, s.available, s.reason, s.localTime, s.timezone])).toEqual([
      ['isla', true, null, 'Mon 09:00', 'UTC'],
      ['ivy', true, null, 'Mon 09:00', 'UTC'],
      ['tomo', false, 'tomo: 18:00 in Tokyo, after their working hours', 'Mon 18:00', 'Asia/Tokyo'],
      ['cal', false, 'cal: busy (calendar)', 'Mon 09:00', 'UTC'],
      ['dora', false, `dora: ${day} is a day off`, 'Mon 09:00', 'UTC'],
      // igor's other interview also makes his week the heaviest
      ['igor', false, 'igor: has another interview then', 'Mon 09:00', 'UTC'],
    ]);
    expect(res.body.suggestions[0]).toMatchObject({
      userId: ids[I3],
      matchingCompetencies: ['system design'],
      weekLoad: 0,
      weeklyLimit: 5,
    });
    expect(res.body.suggestions[5]).toMatchObject({ userId: ids[I5], weekLoad: 1 });
    // the panel (this interview is no one's clash) and the deactivated are never suggested; the feed's titles never shown
    for (const excluded of [I1, I2, I6])
      expect(res.body.suggestions.map((s: any) => s.userId)).not.toContain(ids[excluded]);
    expect(res.text).not.toContain('Board meeting');
    expect((await t.get(`/api/v1/interviews/${interviewId}/replacements`, HM)).status).toBe(200);
    expect((await t.get(`/api/v1/interviews/${interviewId}/replacements`, HM2)).status).toBe(404);
    expect((await t.get(`/api/v1/interviews/${interviewId}/replacements`, I1)).status).toBe(403);
    expect((await t.get('/api/v1/interviews/nope/replacements', R)).status).toBe(400);
  });

  it("ranks by the plan stage's competencies too", async () => {
    const plan = await t.request('PUT', `/api/v1/positions/${positionId}/plan`, {
      as: R,
      body: {
        revision: 0,
        competencies: [{ name: 'Communication' }],
        stages: [
          {
            name: 'Screen',
            templates: [
              { title: 'Recruiter call', durationMinutes: 30, panelSize: 1, competencyNames: ['Communication'] },
            ],
          },
        ],
      },
    });
    expect(plan.status).toBe(200);
    expect(
      (
        await t.request('PATCH', `/api/v1/interviewers/${ids[I4]}`, {
          as: R,
          body: { competencies: ['communication'] },
        })
      ).status,
    ).toBe(200);
    const screen = await schedule(await candidate('Gil Green'), [[I1, 'lead']], futureMonday(5), {
      questions: [],
      stage: undefined,
      planStageId: plan.body.stages[0].id,
    });
    const res = await t.get(`/api/v1/interviews/${screen}/replacements`, R);
    expect(res.body.competencies).toEqual(['communication']);
    // without the plan, cal would come first by name; dora's day off and cal's meeting are another week; tomo is asleep
    expect(res.body.suggestions.map((s: any) => [s.name, s.matchingCompetencies, s.available])).toEqual([
      ['ivy', ['communication'], true],
      ['cal', [], true],
      ['dora', [], true],
      ['igor', [], true],
      ['isla', [], true],
      ['ivan', [], true],
      ['tomo', [], false],
    ]);
  });

  it('costs a fixed number of queries, whatever the number of interviewers', async () => {
    const before = await queriesOf(() => t.get(`/api/v1/interviews/${interviewId}/replacements`, R));
    expect(before.result.body.suggestions).toHaveLength(6);
    for (const who of ['una@example.com', 'uma@example.com', 'uri@example.com', 'ula@example.com', 'udo@example.com']) {
      const id = (await t.createUser(who, ['interviewer'], { timezone: 'America/New_York' })).id;
      expect(
        (
          await t.request('PUT', `/api/v1/interviewers/${id}/availability`, {
            as: 'admin',
            body: { bufferMinutes: 15, daysOff: ['2030-01-01'] },
          })
        ).status,
      ).toBe(200);
    }
    const after = await queriesOf(() => t.get(`/api/v1/interviews/${interviewId}/replacements`, R));
    // at most 10 shown: the newcomers (04:00 or 05:00 in New York) rank before igor, whose week is heavier, and push him out
    const names = after.result.body.suggestions.map((s: any) => s.name);
    expect(names).toEqual(['isla', 'ivy', 'tomo', 'cal', 'dora', 'udo', 'ula', 'uma', 'una', 'uri']);
    for (const s of after.result.body.suggestions.slice(5))
      expect(s.reason).toMatch(/^u\w+: 0\d:00 in New York, before their working hours$/);
    expect(after.queries).toBe(before.queries);
    expect(after.queries).toBeLessThanOrEqual(QUERY_BUDGET);
  });

  it("replacing the panelist (the panel edit) clears the flag and keeps the others' answers", async () => {
    const k = await kit(interviewId);
    const res = await t.request('PATCH', `/api/v1/interviews/${interviewId}`, {
      as: R,
      body: {
        revision: k.revision,
        panel: [
          { userId: ids[I1], role: 'lead' },
          { userId: ids[I3], role: 'shadow' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.needsReplacement).toBe(false);
    expect(res.body.panel.map((p: any) => [p.userId, p.rsvp])).toEqual([
      [ids[I1], 'accepted'],
      [ids[I3], 'needs_action'],
    ]);
    expect((await t.get(`/api/v1/interviews/${interviewId}/replacements`, R)).body.declined).toEqual([]);
    expect((await rsvp(interviewId, { response: 'accepted' }, I2)).status).toBe(404);
  });

  it('takes no answer once the interview is cancelled (409) or has started (422)', async () => {
    const started = await schedule(await candidate('Eli Evans'), [[I4, 'lead']], futureMonday(3));
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '50 minutes' WHERE id = $1`,
      [started],
    );
    const late = await rsvp(started, { response: 'declined' }, I4);
    expect(late.status).toBe(422);
    expect(late.body.message).toMatch(/started/);
    const cancelled = await schedule(await candidate('Fay Fox'), [[I4, 'lead']], futureMonday(4));
    expect((await t.post(`/api/v1/interviews/${cancelled}/cancel`, { reason: 'Candidate withdrew' }, R)).status).toBe(
      200,
    );
    const res = await rsvp(cancelled, { response: 'accepted' }, I4);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/cancelled/);
  });
});
