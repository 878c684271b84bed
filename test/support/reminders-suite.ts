import { ReminderSchedulerService } from '../../libs/reminders/src/reminder-scheduler.service';
import { TestSmtp } from './smtp';
import { HiringFixture } from './hiring-fixture';
import { eventually, TestApp } from './test-app';

const HM = 'hiring@example.com';
const I1 = 'ida@example.com';
const I2 = 'ike@example.com';
const SECOND = 1000;
/** Calendar invitations (test/invitations.e2e-spec.ts) arrive too; these tests are about reminders. */
const reminderMail = (m: { headers: Map<string, unknown> }) => !m.headers.has('x-scorecards-kind');

/** The reminder journeys on one queue backend; test/reminders.*.e2e-spec.ts run it on each, in parallel. */
export function remindersSuite(backend: 'postgres' | 'redis'): void {
  describe(`reminders on ${backend}`, () => {
    let smtp: TestSmtp;
    let t: TestApp;
    let f: HiringFixture;
    const schedule = (startInMs: number, panel = [I1]) => f.schedule(startInMs, panel);
    const reminders = (id: string) => f.reminders(id);

    beforeAll(async () => {
      smtp = await TestSmtp.start();
      t = await TestApp.start(`reminders_${backend}`, {
        redis: backend === 'redis',
        env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://scorecards.example.com' },
      });
      f = await HiringFixture.create(t, HM, [
        { email: I1, timezone: 'America/New_York' },
        { email: I2, timezone: 'UTC' },
      ]);
      // prep one minute ahead, no quiet hours, so that a test waits seconds
      await f.policy();
    });
    afterAll(async () => {
      await t?.close();
      await smtp?.close();
    });

    it('validates the policy and keeps it for admins only', async () => {
      const bad = await t.request('PUT', '/api/v1/settings/reminders', {
        as: 'admin',
        body: {
          prepLeadMinutes: [0],
          feedbackDueEnabled: true,
          overdueEveryMinutes: 1,
          overdueMaxCount: 11,
          escalateAfterMinutes: 2,
          quietHours: { start: '25:00', end: '08:00' },
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'overdueMaxCount',
        'prepLeadMinutes',
        'quietHours.start',
      ]);
      expect((await t.get('/api/v1/settings/reminders', HM)).status).toBe(403);
      expect((await t.get('/api/v1/settings/reminders', 'admin')).body).toMatchObject({
        prepLeadMinutes: [1],
        quietHours: null,
      });
    });

    it('delivers the prep reminder on time, once, with the kit and the invite', async () => {
      const kit = await schedule(70 * SECOND);
      const planned = await reminders(kit.id);
      expect(planned.filter((r) => r.kind === 'prep')).toEqual([
        expect.objectContaining({
          status: 'scheduled',
          recipientId: f.ids[I1],
          dueAt: new Date(new Date(kit.start).getTime() - 60 * SECOND).toISOString(),
        }),
      ]);
      const mail = await eventually(
        async () =>
          smtp
            .to(I1)
            .filter(reminderMail)
            .find((m) => m.subject?.includes('Robin Reed')),
        40_000,
        250,
      );
      // its job comes up a little early (REMINDER_LEAD_MS); the message still leaves at the due time, not before
      expect(smtp.receivedAt.get(mail)).toBeGreaterThanOrEqual(new Date(kit.start).getTime() - 60 * SECOND);
      expect(mail.subject).toContain('Interview kit');
      expect(mail.text).toContain('Explain consistent hashing');
      expect(mail.text).toContain('Follow-up: What about hot keys?');
      expect(mail.text).toContain('Look for: Ring and virtual nodes');
      expect(mail.text).toMatch(/\(America\/New_York\)/);
      expect(mail.text).toContain(`https://scorecards.example.com/interviews/${kit.id}/scorecard`);
      expect(mail.html).toContain('<a href=');
      const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      expect(ics?.content.toString()).toContain(`UID:${kit.id}@scorecards`);
      const after = await eventually(async () =>
        (await reminders(kit.id)).find((r) => r.kind === 'prep' && r.status === 'sent'),
      );
      expect(after.status).toBe('sent');
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.to(I1).filter((m) => m.subject?.includes('Interview kit') && m.text?.includes(kit.id))).toHaveLength(
        1,
      );
      const log = await t.get('/api/v1/notifications', 'admin');
      expect(
        log.body.items.some(
          (d: { interviewId: string; kind: string; channel: string }) =>
            d.interviewId === kit.id && d.kind === 'prep' && d.channel === 'email',
        ),
      ).toBe(true);
      expect(
        (await t.get('/api/v1/notifications', I2)).body.items.every(
          (d: { recipientId: string }) => d.recipientId === f.ids[I2],
        ),
      ).toBe(true);
    });

    it('moves reminders when the interview is rescheduled and removes them when it is cancelled', async () => {
      const moved = await schedule(75 * SECOND);
      const res = await t.request('PATCH', `/api/v1/interviews/${moved.id}`, {
        as: HM,
        body: { revision: moved.revision, start: new Date(Date.now() + 2 * 3600 * SECOND).toISOString() },
      });
      expect(res.status).toBe(200);
      const prep = (await reminders(moved.id)).find((r) => r.kind === 'prep')!;
      expect(new Date(prep.dueAt).getTime()).toBe(new Date(res.body.start).getTime() - 60 * SECOND);
      const cancelled = await schedule(80 * SECOND, [I2]);
      expect(
        (await t.post(`/api/v1/interviews/${cancelled.id}/cancel`, { reason: 'Position filled' }, HM)).status,
      ).toBe(200);
      const after = await reminders(cancelled.id);
      expect(after.filter((r) => r.kind !== 'cancellation').every((r) => r.status === 'cancelled')).toBe(true);
      // the panel hears of the cancellation at once, with an invite that takes it off their calendar
      const notice = await eventually(
        async () => smtp.to(I2).find((m) => m.subject?.startsWith('Cancelled:') && m.text?.includes('Position filled')),
        20_000,
        250,
      );
      expect(notice.text).toContain('Robin Reed');
      const ics = notice.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      expect(ics?.content.toString()).toContain('METHOD:CANCEL');
      expect(ics?.content.toString()).toContain(`UID:${cancelled.id}@scorecards`);
      // cancelling again plans no second notice
      await t.app.get(ReminderSchedulerService).replan(cancelled.id);
      const notices = await eventually(async () => {
        const rs = (await reminders(cancelled.id)).filter((r) => r.kind === 'cancellation');
        return rs.every((r) => r.status === 'sent') ? rs : undefined;
      });
      expect(notices).toEqual([expect.objectContaining({ status: 'sent', recipientId: f.ids[I2] })]);
      // wait past both original prep times: nothing else arrives for either
      await new Promise((r) => setTimeout(r, 25 * SECOND));
      expect(smtp.messages.filter(reminderMail).filter((m) => m.text?.includes(moved.id))).toEqual([]);
      expect(
        smtp
          .to(I2)
          .filter(reminderMail)
          .map((m) => m.subject),
      ).toEqual([notice.subject]);
    });

    it('reminds when feedback is due, stops when the scorecard is submitted, and escalates what stays missing', async () => {
      // the interview is over and feedback falls due in a few seconds; overdue and escalation a minute later
      await f.policy({ escalateAfterMinutes: 1 });
      const kit = await f.feedbackDueIn(3, [I1, I2]);
      const due = await eventually(
        async () => smtp.to(I2).find((m) => m.subject?.startsWith('Scorecard due') && m.text?.includes(kit.id)),
        30_000,
        250,
      );
      expect(due.text).toContain('/scorecard');
      // I1 submits; I2 does not
      const card = (await t.get(`/api/v1/interviews/${kit.id}/scorecards/mine`, I1)).body;
      await t.request('PUT', `/api/v1/interviews/${kit.id}/scorecards/mine`, {
        as: I1,
        body: {
          version: card.version,
          overallRecommendation: 'yes',
          ratings: [{ questionId: kit.questions[0].id, criterionId: kit.questions[0].criteria[0].id, rating: 3 }],
        },
      });
      expect((await t.post(`/api/v1/interviews/${kit.id}/scorecards/mine/submit`, {}, I1)).status).toBe(200);
      const afterSubmit = await eventually(async () => {
        const rs = await reminders(kit.id);
        return rs
          .filter((r) => r.recipientId === f.ids[I1] && r.kind === 'feedback_overdue')
          .every((r) => r.status === 'cancelled')
          ? rs
          : undefined;
      });
      expect(
        afterSubmit.filter((r) => r.recipientId === f.ids[I2] && r.kind === 'feedback_overdue').map((r) => r.status),
      ).toEqual(['scheduled']);
      const overdue = await eventually(
        async () => smtp.to(I2).find((m) => m.subject?.startsWith('Scorecard overdue') && m.text?.includes(kit.id)),
        90_000,
        500,
      );
      expect(overdue).toBeDefined();
      const escalation = await eventually(
        async () => smtp.to(HM).find((m) => m.subject?.startsWith('Overdue scorecard') && m.text?.includes('ike')),
        150_000,
        500,
      ).catch(async (e) => {
        // say where it stuck: the reminder's row and what reached the hiring manager
        const rows = (await reminders(kit.id)).map(
          (r) => `${r.kind}->${r.recipientId === f.ids[HM] ? 'HM' : r.recipientId} ${r.status} due ${r.dueAt}`,
        );
        throw new Error(
          `${(e as Error).message} at ${new Date().toISOString()}; reminders: ${rows.join('; ')}; to HM: ${smtp
            .to(HM)
            .map((m) => m.subject)
            .join(' | ')}`,
        );
      });
      expect(escalation.text).toContain('Robin Reed');
      expect(smtp.to(I1).filter((m) => m.subject?.startsWith('Scorecard overdue') && m.text?.includes(kit.id))).toEqual(
        [],
      );
      expect(smtp.to(HM).filter((m) => m.subject?.startsWith('Overdue scorecard') && m.text?.includes('ida'))).toEqual(
        [],
      );
    }, 240_000);
  });
}
