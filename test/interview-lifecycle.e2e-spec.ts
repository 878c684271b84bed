import { getQueueToken } from '@nestjs/bullmq';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Queue } from 'bullmq';
import { InterviewLifecycle1795420300000 } from '../libs/database/src/migrations/1795420300000-InterviewLifecycle';
import {
  InterviewEndSchedulerService,
  InterviewEndSweeperService,
  InterviewStatusService,
  toZonedIso,
} from '../libs/interviews/src';
import { jobId } from '../libs/queue/src';
import { HiringFixture } from './support/hiring-fixture';
import { eventually, TestApp } from './support/test-app';

const backends: Array<'postgres' | 'redis'> = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
const HM = 'hm@example.com';
const LEAD = 'lena@example.com';
const SHADOW = 'sam@example.com';
const OTHER_HM = 'otto@example.com';

/** Moves an interview's times by SQL: started `startedMinAgo` minutes ago, ends `endsInSec` seconds from now. */
async function moveTimes(t: TestApp, id: string, startedMinAgo: number, endsInSec: number): Promise<Date> {
  const [row] = await t.db.query<{ ends_at: Date }>(
    `UPDATE interviews SET starts_at = now() - make_interval(mins => $2), ends_at = now() + make_interval(secs => $3),
            feedback_due_at = now() + interval '1 day' WHERE id = $1 RETURNING ends_at`,
    [id, startedMinAgo, endsInSec],
  );
  return new Date(row.ends_at);
}

const statusOf = async (t: TestApp, id: string): Promise<string> =>
  (await t.db.query<{ status: string }>('SELECT status FROM interviews WHERE id = $1', [id]))[0].status;

describe.each(backends)('the end of an interview on %s', (backend) => {
  let t: TestApp;
  let f: HiringFixture;
  const queue = () => t.app.get<Queue>(getQueueToken('interviews'), { strict: false });

  beforeAll(async () => {
    t = await TestApp.start(`interview_end_${backend}`, { redis: backend === 'redis' });
    f = await HiringFixture.create(t, HM, [
      { email: LEAD, timezone: 'UTC' },
      { email: SHADOW, timezone: 'UTC' },
    ]);
  });
  afterAll(() => t?.close());

  it('queues a delayed job per end time when an interview is scheduled or rescheduled', async () => {
    const kit = await f.schedule(3600_000, [LEAD]);
    const first = await queue().getJob(jobId('end', kit.id, new Date(kit.end).getTime()));
    expect(first?.data).toEqual({ interviewId: kit.id, endsAt: new Date(kit.end).toISOString() });
    expect(first!.id).not.toContain(':');
    expect(await first!.getState()).toBe('delayed');
    const moved = await t.request('PATCH', `/api/v1/interviews/${kit.id}`, {
      as: HM,
      body: { revision: kit.revision, start: new Date(Date.now() + 7200_000).toISOString() },
    });
    expect(moved.status).toBe(200);
    expect(await queue().getJob(jobId('end', kit.id, new Date(moved.body.end).getTime()))).toBeTruthy();
  });

  it('moves a scheduled interview to awaiting_feedback when its end job runs, and only then', async () => {
    const kit = await f.schedule(3600_000, [LEAD, SHADOW]);
    const endsAt = await moveTimes(t, kit.id, 30, 2);
    await t.app.get(InterviewEndSchedulerService).enqueue(kit.id, endsAt);
    expect(await statusOf(t, kit.id)).toBe('scheduled');
    await eventually(
      async () => (await t.get(`/api/v1/interviews/${kit.id}`, HM)).body.status === 'awaiting_feedback',
      20_000,
      200,
    );
    const audit = await t.get(`/api/v1/audit-events?entityType=interview&entityId=${kit.id}`, 'admin');
    expect(audit.body.items[0]).toMatchObject({ action: 'awaiting_feedback', actorId: null });
  });

  it('re-reads the interview: a job whose end was moved later, or a cancelled interview, changes nothing', async () => {
    const later = await f.schedule(3600_000, [LEAD]);
    expect(await t.app.get(InterviewStatusService).endIfDue(later.id)).toBe(false);
    const cancelled = await f.schedule(3600_000, [SHADOW]);
    expect((await t.post(`/api/v1/interviews/${cancelled.id}/cancel`, { reason: 'Role closed' }, HM)).status).toBe(200);
    const endsAt = await moveTimes(t, cancelled.id, 30, 1);
    await t.app.get(InterviewEndSchedulerService).enqueue(cancelled.id, endsAt);
    const job = await queue().getJob(jobId('end', cancelled.id, endsAt.getTime()));
    await eventually(async () => (await job!.getState()) === 'completed', 20_000, 200);
    expect(await statusOf(t, cancelled.id)).toBe('cancelled');
    expect(await statusOf(t, later.id)).toBe('scheduled');
  });

  it('sweeps ended interviews whose job never ran', async () => {
    const kit = await f.schedule(3600_000, [LEAD]);
    await moveTimes(t, kit.id, 120, -3600);
    expect(await statusOf(t, kit.id)).toBe('scheduled');
    expect(await t.app.get(InterviewEndSweeperService, { strict: false }).runOnce()).toBeGreaterThanOrEqual(1);
    expect(await statusOf(t, kit.id)).toBe('awaiting_feedback');
  });
});

describe('interview lifecycle', () => {
  let t: TestApp;
  let f: HiringFixture;
  const noShows: unknown[] = [];

  const fill = async (id: string, as: string) => {
    const kit = (await t.get(`/api/v1/interviews/${id}`, as)).body;
    const mine = (await t.get(`/api/v1/interviews/${id}/scorecards/mine`, as)).body;
    const q = kit.questions[0];
    const saved = await t.request('PUT', `/api/v1/interviews/${id}/scorecards/mine`, {
      as,
      body: {
        version: mine.version,
        overallRecommendation: 'yes',
        ratings: [{ questionId: q.id, criterionId: q.criteria[0].id, rating: 3 }],
      },
    });
    expect(saved.status).toBe(200);
    return saved.body;
  };
  const submit = (id: string, as: string) => t.post(`/api/v1/interviews/${id}/scorecards/mine/submit`, {}, as);
  const ended = async () => {
    const kit = await f.schedule(3600_000, [LEAD, SHADOW]);
    await moveTimes(t, kit.id, 120, -3600);
    return kit;
  };

  beforeAll(async () => {
    t = await TestApp.start('interview_lifecycle');
    f = await HiringFixture.create(t, HM, [
      { email: LEAD, timezone: 'America/New_York' },
      { email: SHADOW, timezone: 'Asia/Tokyo' },
    ]);
    await t.createUser(OTHER_HM, ['hiring_manager']);
    await f.policy({ prepLeadMinutes: [], overdueMaxCount: 1, escalateAfterMinutes: 60 });
    t.app.get(EventEmitter2).on('interview.no_show', (e: unknown) => noShows.push(e));
  });
  afterAll(() => t?.close());

  it("refuses a submit before the start with the start in the caller's timezone; a draft saves any time", async () => {
    const kit = await f.schedule(2 * 86_400_000, [LEAD, SHADOW]);
    const draft = await fill(kit.id, LEAD);
    expect(draft.status).toBe('draft');
    const early = await submit(kit.id, LEAD);
    expect(early.status).toBe(422);
    const local = toZonedIso(new Date(kit.start), 'America/New_York');
    expect(local).toMatch(/-0[45]:00$/);
    expect(early.body.message).toBe(
      `This interview starts at ${local}; you can save a draft now and submit once it has started`,
    );
    expect(early.body.details).toEqual({ startsAt: new Date(kit.start).toISOString() });
    await fill(kit.id, SHADOW);
    expect((await submit(kit.id, SHADOW)).body.message).toContain(toZonedIso(new Date(kit.start), 'Asia/Tokyo'));
    expect((await t.get(`/api/v1/interviews/${kit.id}/scorecards/mine`, LEAD)).body.status).toBe('draft');
    expect(await statusOf(t, kit.id)).toBe('scheduled');
  });

  it('completes when the last panelist submits, and a reopen sends it back to awaiting_feedback', async () => {
    const kit = await ended();
    await t.app.get(InterviewEndSweeperService, { strict: false }).runOnce();
    expect(await statusOf(t, kit.id)).toBe('awaiting_feedback');
    await fill(kit.id, LEAD);
    expect((await submit(kit.id, LEAD)).status).toBe(200);
    expect(await statusOf(t, kit.id)).toBe('awaiting_feedback');
    await fill(kit.id, SHADOW);
    const last = await submit(kit.id, SHADOW);
    expect(last.status).toBe(200);
    const done = (await t.get(`/api/v1/interviews/${kit.id}`, HM)).body;
    expect(done.status).toBe('completed');
    expect(
      (await t.get(`/api/v1/interviews?status=completed&candidateId=${f.candidateId}`, HM)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(kit.id);

    const reopened = await t.post(`/api/v1/interviews/${kit.id}/scorecards/${last.body.id}/reopen`, {}, SHADOW);
    expect(reopened.status).toBe(200);
    expect(await statusOf(t, kit.id)).toBe('awaiting_feedback');
    expect((await submit(kit.id, SHADOW)).status).toBe(200);
    expect(await statusOf(t, kit.id)).toBe('completed');
    const audit = await t.get(`/api/v1/audit-events?entityType=interview&entityId=${kit.id}`, 'admin');
    expect(audit.body.items.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      'completed',
      'awaiting_feedback',
      'completed',
    ]);
  });

  it('goes straight to completed when every panelist submits after the end, before the end job ran', async () => {
    const kit = await ended();
    for (const who of [LEAD, SHADOW]) {
      await fill(kit.id, who);
      expect((await submit(kit.id, who)).status).toBe(200);
      expect(await statusOf(t, kit.id)).toBe(who === LEAD ? 'scheduled' : 'completed');
    }
  });

  it('closes by hand from awaiting_feedback; never before the start', async () => {
    const ahead = await f.schedule(86_400_000, [LEAD]);
    expect((await t.post(`/api/v1/interviews/${ahead.id}/complete`, {}, HM)).status).toBe(409);
    const kit = await ended();
    await t.app.get(InterviewEndSweeperService, { strict: false }).runOnce();
    const closed = await t.post(`/api/v1/interviews/${kit.id}/complete`, {}, HM);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('completed');
    expect((await t.post(`/api/v1/interviews/${kit.id}/complete`, {}, HM)).status).toBe(409);
  });

  it('records a no-show for managers only, cancels the feedback reminders and emits interview.no_show', async () => {
    const kit = await f.feedbackDueIn(600, [LEAD, SHADOW]);
    const pending = (await f.reminders(kit.id)).filter((r) => r.status === 'scheduled');
    expect(pending.map((r) => r.kind)).toEqual(expect.arrayContaining(['feedback_due']));

    expect((await t.post(`/api/v1/interviews/${kit.id}/no-show`, {}, LEAD)).status).toBe(403);
    expect((await t.post(`/api/v1/interviews/${kit.id}/no-show`, {}, OTHER_HM)).status).toBe(404);
    expect((await t.post('/api/v1/interviews/not-a-uuid/no-show', {}, HM)).status).toBe(400);
    expect((await t.post('/api/v1/interviews/00000000-0000-4000-8000-000000000000/no-show', {}, HM)).status).toBe(404);
    const badNote = await t.post(`/api/v1/interviews/${kit.id}/no-show`, { note: 42 }, HM);
    expect(badNote.status).toBe(400);
    expect(JSON.stringify(badNote.body)).toContain('note');
    expect((await t.post(`/api/v1/interviews/${kit.id}/no-show`, { revision: kit.revision + 5 }, HM)).status).toBe(409);
    expect(await statusOf(t, kit.id)).toBe('scheduled');

    const res = await t.post(
      `/api/v1/interviews/${kit.id}/no-show`,
      { revision: kit.revision, note: '  No answer on the call  ' },
      HM,
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('no_show');
    expect(noShows).toEqual([
      expect.objectContaining({ interviewId: kit.id, actorId: f.ids[HM], note: 'No answer on the call' }),
    ]);
    const after = await f.reminders(kit.id);
    expect(after.filter((r) => r.status === 'scheduled')).toEqual([]);
    expect(after.filter((r) => pending.some((p) => p.id === r.id)).every((r) => r.status === 'cancelled')).toBe(true);
    expect(after.some((r) => r.kind === 'cancellation')).toBe(false);
    const audit = await t.get(`/api/v1/audit-events?entityType=interview&entityId=${kit.id}`, 'admin');
    expect(audit.body.items[0]).toMatchObject({ action: 'no_show', actorId: f.ids[HM] });

    expect((await t.post(`/api/v1/interviews/${kit.id}/no-show`, {}, HM)).status).toBe(409);
    expect((await t.post(`/api/v1/interviews/${kit.id}/complete`, {}, HM)).status).toBe(409);
    await t.app.get(InterviewEndSweeperService, { strict: false }).runOnce();
    expect(await statusOf(t, kit.id)).toBe('no_show');
    const card = await t.get(`/api/v1/interviews/${kit.id}/scorecards/mine`, LEAD);
    expect(
      (
        await t.request('PUT', `/api/v1/interviews/${kit.id}/scorecards/mine`, {
          as: LEAD,
          body: { version: card.body.version, summary: 'x' },
        })
      ).status,
    ).toBe(409);
    const owed = await t.get(`/api/v1/interviewers/${f.ids[LEAD]}/pending-scorecards`, LEAD);
    expect(owed.body.items.map((i: { interviewId: string }) => i.interviewId)).not.toContain(kit.id);
  });

  it('refuses a no-show before the interview starts', async () => {
    const ahead = await f.schedule(86_400_000, [SHADOW]);
    const res = await t.post(`/api/v1/interviews/${ahead.id}/no-show`, {}, 'admin');
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/has not started/);
  });

  it('filters lists by the new statuses and rejects unknown ones', async () => {
    await ended();
    await t.app.get(InterviewEndSweeperService, { strict: false }).runOnce();
    const ids = async (status: string) =>
      (await t.get(`/api/v1/interviews?status=${status}&limit=100`, HM)).body.items.map(
        (i: { status: string }) => i.status,
      );
    for (const s of ['awaiting_feedback', 'no_show', 'completed', 'scheduled']) {
      const statuses = await ids(s);
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set([s]));
    }
    const bad = await t.get('/api/v1/interviews?status=ended', HM);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('awaiting_feedback');
  });

  it('migrates interviews in the old shape: ended ones to completed when everyone submitted, else awaiting_feedback', async () => {
    const all = await ended();
    const some = await ended();
    const none = await ended();
    const ahead = await f.schedule(86_400_000, [LEAD, SHADOW]);
    const cancelled = await ended();
    for (const who of [LEAD, SHADOW]) {
      await fill(all.id, who);
      await submit(all.id, who);
    }
    await fill(some.id, LEAD);
    await submit(some.id, LEAD);
    await t.db.query(`UPDATE interviews SET status = 'cancelled' WHERE id = $1`, [cancelled.id]);
    // back to the shape before the migration: every interview not cancelled was "scheduled"
    await t.db.query(`UPDATE interviews SET status = 'scheduled', completed_at = NULL WHERE id = ANY($1::uuid[])`, [
      [all.id, some.id, none.id],
    ]);
    await t.db.query(InterviewLifecycle1795420300000.MOVE_ENDED);
    const rows = await t.db.query<{ id: string; status: string; completed_at: Date | null }>(
      'SELECT id, status, completed_at FROM interviews WHERE id = ANY($1::uuid[])',
      [[all.id, some.id, none.id, ahead.id, cancelled.id]],
    );
    const by = new Map(rows.map((r) => [r.id, r]));
    expect(by.get(all.id)).toMatchObject({ status: 'completed', completed_at: expect.any(Date) });
    expect(by.get(some.id)).toMatchObject({ status: 'awaiting_feedback', completed_at: null });
    expect(by.get(none.id)!.status).toBe('awaiting_feedback');
    expect(by.get(ahead.id)!.status).toBe('scheduled');
    expect(by.get(cancelled.id)!.status).toBe('cancelled');
    await expect(t.db.query(`UPDATE interviews SET status = 'ended' WHERE id = $1`, [ahead.id])).rejects.toThrow(
      /interviews_status_known/,
    );
  });
});
