import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DecisionNotifierService } from '../libs/reminders/src/decision-notifier.service';
import { ReminderDeliveryService } from '../libs/reminders/src/reminder-delivery.service';
import { DECIDE, PipelineFixture } from './support/pipeline-fixture';
import { TestSmtp } from './support/smtp';
import { ADMIN, eventually, TestApp } from './support/test-app';

const backends: Array<'postgres' | 'redis'> = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
const { HM, R, I1, I2 } = DECIDE;
const R2 = 'rex@example.com'; // a recruiter who also interviews, with a webhook
const GONE = 'gil@example.com'; // a deactivated recruiter
const I3 = 'cleo@example.com'; // on a cancelled interview only
const SECRET = 'webhook-secret-for-decisions';
const BASE = 'https://scorecards.example.com';
const RATIONALE = 'System design answers stayed shallow (RATIONALE-7f3)';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class WebhookReceiver {
  readonly received: Array<{ headers: IncomingHttpHeaders; raw: string; body: any }> = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    let self: WebhookReceiver;
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        self.received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new WebhookReceiver(server);
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe.each(backends)('decision notices on %s', (backend) => {
  let smtp: TestSmtp;
  let hooks: WebhookReceiver;
  let t: TestApp;
  let f: PipelineFixture;
  let skillsGap: string;
  const hooksFor = (decisionId: string) => hooks.received.filter((h) => h.body.decision?.id === decisionId);
  const noticeRows = (decisionId: string) =>
    t.db.query<{ id: string; due_at: Date; kind: string; recipient_id: string; status: string }>(
      'SELECT id, due_at, kind, recipient_id, status FROM reminders WHERE decision_id = $1',
      [decisionId],
    );
  /** The notices of a decision once each is sent or skipped, keyed by the recipient's email. */
  const settled = async (decisionId: string, expected: number) =>
    eventually(
      async () => {
        const rows = await noticeRows(decisionId);
        return rows.length === expected && rows.every((r) => r.status !== 'scheduled') ? rows : undefined;
      },
      30_000,
      200,
    );
  const policy = (notifyDecisions?: unknown, as = 'admin') =>
    t.request('PUT', '/api/v1/settings/reminders', {
      as,
      body: {
        prepLeadMinutes: [],
        feedbackDueEnabled: false,
        overdueEveryMinutes: 60,
        overdueMaxCount: 0,
        escalateAfterMinutes: null,
        quietHours: null,
        ...(notifyDecisions === undefined ? {} : { notifyDecisions }),
      },
    });

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    hooks = await WebhookReceiver.start();
    t = await TestApp.start(`decision_notices_${backend}`, {
      redis: backend === 'redis',
      env: { SMTP_URL: smtp.url, WEBHOOK_SECRET: SECRET, PUBLIC_URL: BASE },
    });
    f = await new PipelineFixture(t).setUp();
    f.ids[R2] = (await t.createUser(R2, ['recruiter', 'interviewer'], { timezone: 'Asia/Tokyo' })).id;
    f.ids[I3] = (await t.createUser(I3, ['interviewer'])).id;
    f.ids[GONE] = (await t.createUser(GONE, ['recruiter'])).id;
    expect(
      (await t.request('PATCH', `/api/v1/users/${f.ids[GONE]}`, { as: 'admin', body: { active: false } })).status,
    ).toBe(200);
    expect(
      (await t.request('PATCH', `/api/v1/interviewers/${f.ids[R2]}`, { as: R2, body: { webhookUrl: hooks.url } }))
        .status,
    ).toBe(200);
    expect(
      (await t.request('PATCH', `/api/v1/interviewers/${f.ids[I2]}`, { as: I2, body: { webhookUrl: hooks.url } }))
        .status,
    ).toBe(200);
    expect((await policy()).status).toBe(200);
    skillsGap = (await t.get('/api/v1/settings/rejection-reasons', HM)).body.items.find(
      (r: { label: string }) => r.label === 'Skills gap',
    ).id;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await hooks?.close();
  });

  it('the policy has notifyDecisions (both on by default), validated; a client that omits it keeps it', async () => {
    expect((await t.get('/api/v1/settings/reminders', 'admin')).body.notifyDecisions).toEqual({
      recruiters: true,
      panel: true,
    });
    for (const bad of [{ recruiters: 'yes', panel: true }, { recruiters: true }, null, 'both', [true, true]]) {
      const res = await policy(bad);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain('notifyDecisions');
    }
    expect((await policy({ recruiters: true, panel: false }, R)).status).toBe(403);
    expect((await policy({ recruiters: false, panel: true })).body.notifyDecisions).toEqual({
      recruiters: false,
      panel: true,
    });
    expect((await policy()).body.notifyDecisions).toEqual({ recruiters: false, panel: true });
    expect((await policy({ recruiters: true, panel: true })).body.notifyDecisions).toEqual({
      recruiters: true,
      panel: true,
    });
    expect((await t.get('/api/v1/settings/reminders', 'admin')).body.notifyDecisions).toEqual({
      recruiters: true,
      panel: true,
    });
  });

  describe('a rejection', () => {
    let candidateId: string;
    let decisionId: string;

    beforeAll(async () => {
      candidateId = await f.candidate('Casey Cho');
      expect((await f.decide(candidateId, { decision: 'advance', rationale: 'Strong CV' })).status).toBe(201);
      const screen = await f.interview(candidateId, f.stage('Recruiter screen'), [I1, I2, R2], {
        past: true,
        title: 'Screen call',
      });
      const cancelled = await f.interview(candidateId, f.stage('Recruiter screen'), [I3], {
        past: true,
        title: 'Cancelled call',
      });
      await t.db.query(`UPDATE interviews SET status = 'cancelled' WHERE id = $1`, [cancelled]);
      for (const who of [I1, I2, R2]) await f.submit(screen, who);
      const res = await f.decide(candidateId, { decision: 'reject', reasonId: skillsGap, rationale: RATIONALE });
      expect(res.status).toBe(201);
      decisionId = res.body.id;
    }, 120_000);

    it('emails each recruiter and each panelist once: recruiters read the rationale and the debrief link, panelists only the outcome', async () => {
      const rows = await settled(decisionId, 4);
      const kinds = Object.fromEntries(rows.map((r) => [r.recipient_id, `${r.kind}:${r.status}`]));
      // R2 interviewed and recruits: one notice, the recruiter's; the decider (HM), the cancelled interview's
      // panelist and the deactivated recruiter get none
      expect(kinds).toEqual({
        [f.ids[R]]: 'decision_recruiter:sent',
        [f.ids[R2]]: 'decision_recruiter:sent',
        [f.ids[I1]]: 'decision_panel:sent',
        [f.ids[I2]]: 'decision_panel:sent',
      });
      const rejections = (who: string) =>
        smtp.to(who).filter((m) => m.subject?.includes('Casey Cho') && m.subject.includes('rejected'));
      for (const who of [HM, I3, GONE, ADMIN.email]) expect(rejections(who)).toEqual([]);
      const debrief = `${BASE}/candidates/${candidateId}/debrief`;
      for (const who of [R, R2]) {
        const mails = rejections(who);
        expect(mails).toHaveLength(1);
        expect(mails[0].subject).toBe('Decision: Casey Cho — Platform Engineer: rejected (Skills gap)');
        expect(mails[0].text).toContain('hana decided on Casey Cho for Platform Engineer: rejected (Skills gap).');
        expect(mails[0].text).toContain(RATIONALE);
        expect(mails[0].text).toContain(debrief);
        expect(mails[0].html).toContain(`<a href="${debrief}">`);
      }
      for (const who of [I1, I2]) {
        const mails = rejections(who);
        expect(mails).toHaveLength(1);
        expect(mails[0].subject).toBe('Outcome: Casey Cho — Platform Engineer: rejected');
        expect(mails[0].text).toContain('Thank you for interviewing');
        for (const secret of ['RATIONALE-7f3', 'Skills gap', '/debrief', 'hana']) {
          expect(mails[0].text).not.toContain(secret);
          expect(mails[0].html).not.toContain(secret);
        }
      }
      // the earlier "advance" told the recruiters too (no panel had been scheduled then)
      expect(
        smtp.to(R).filter((m) => m.subject === 'Decision: Casey Cho — Platform Engineer: advanced to Recruiter screen'),
      ).toHaveLength(1);
    });

    it('posts a signed webhook to those who set one, with the same audience rule', async () => {
      const posts = await eventually(
        async () => (hooksFor(decisionId).length >= 2 ? hooksFor(decisionId) : undefined),
        20_000,
        200,
      );
      expect(posts.map((p) => p.body.recipient.email).sort()).toEqual([I2, R2].sort());
      for (const h of posts) {
        const [, t0, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(h.headers['x-scorecards-signature']))!;
        expect(v1).toBe(createHmac('sha256', SECRET).update(`${t0}.${h.raw}`).digest('hex'));
        expect(h.headers['x-scorecards-event']).toBe('candidate.decided');
        expect(h.body.candidate).toEqual({ id: candidateId, name: 'Casey Cho', position: 'Platform Engineer' });
      }
      const recruiter = posts.find((p) => p.body.recipient.email === R2)!;
      expect(recruiter.body).toMatchObject({
        kind: 'decision_recruiter',
        link: `${BASE}/candidates/${candidateId}/debrief`,
        decision: {
          decision: 'reject',
          outcome: 'rejected (Skills gap)',
          rationale: RATIONALE,
          reason: 'Skills gap',
          decidedBy: { id: f.ids[HM], name: 'hana' },
        },
      });
      const panelist = posts.find((p) => p.body.recipient.email === I2)!;
      expect(panelist.body).toMatchObject({
        kind: 'decision_panel',
        link: null,
        decision: { decision: 'reject', outcome: 'rejected' },
      });
      expect(panelist.raw).not.toContain('RATIONALE-7f3');
      expect(panelist.raw).not.toContain('Skills gap');
    });

    it('lists them in the delivery log (admins all, each person their own)', async () => {
      const ids = new Set((await noticeRows(decisionId)).map((r) => r.id));
      const log = (await t.get('/api/v1/notifications?limit=100', 'admin')).body.items.filter(
        (d: { reminderId: string }) => ids.has(d.reminderId),
      );
      expect(log.map((d: { channel: string; recipientId: string }) => `${d.channel}:${d.recipientId}`).sort()).toEqual(
        [
          `email:${f.ids[R]}`,
          `email:${f.ids[R2]}`,
          `email:${f.ids[I1]}`,
          `email:${f.ids[I2]}`,
          `webhook:${f.ids[R2]}`,
          `webhook:${f.ids[I2]}`,
        ].sort(),
      );
      for (const d of log) expect(d).toMatchObject({ interviewId: null, candidateId, status: 'sent' });
      const mine = (await t.get('/api/v1/notifications?limit=100', I1)).body.items;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((d: { recipientId: string }) => d.recipientId === f.ids[I1])).toBe(true);
    });

    it('never sends twice: not for a duplicate job, a repeated delivery, or the event again', async () => {
      const before = smtp.messages.length;
      const hooksBefore = hooks.received.length;
      const rows = await noticeRows(decisionId);
      const queue = t.app.get<Queue>(getQueueToken('reminders'), { strict: false });
      for (const r of rows)
        await queue.add('deliver', { reminderId: r.id, dueAt: r.due_at.toISOString() }, { jobId: `dup.${r.id}` });
      await eventually(
        async () => {
          const states = await Promise.all(rows.map(async (r) => (await queue.getJob(`dup.${r.id}`))?.getState()));
          return states.every((s) => s === 'completed');
        },
        20_000,
        200,
      );
      const delivery = t.app.get(ReminderDeliveryService);
      for (const r of rows) expect(await delivery.deliver(r.id, r.due_at)).toBe('stale');
      const decided = (await t.get(`/api/v1/candidates/${candidateId}/decisions`, HM)).body.items[0];
      const again = await t.app.get(DecisionNotifierService).plan({
        decisionId,
        candidateId,
        positionId: f.positionId,
        decision: 'reject',
        fromStageId: decided.fromStageId,
        toStageId: decided.toStageId,
        fromStatus: 'active',
        toStatus: 'rejected',
        reasonId: skillsGap,
        overridden: false,
        actorId: f.ids[HM],
        decidedAt: new Date(decided.decidedAt),
        automatic: false,
      });
      expect(again).toEqual([]);
      await sleep(1500);
      expect(smtp.messages.length).toBe(before);
      expect(hooks.received.length).toBe(hooksBefore);
    });
  });

  it('the policy turns each audience off', async () => {
    const candidateId = await f.candidate('Dana Diaz');
    await f.interview(candidateId, null, [I1], { past: true, title: 'Intro chat' });

    expect((await policy({ recruiters: false, panel: true })).status).toBe(200);
    const hold = await f.decide(candidateId, { decision: 'hold', rationale: 'Waiting on budget' });
    expect(hold.status).toBe(201);
    const panelOnly = await settled(hold.body.id, 1);
    expect(panelOnly.map((r) => [r.recipient_id, r.kind])).toEqual([[f.ids[I1], 'decision_panel']]);
    expect(smtp.to(I1).filter((m) => m.subject === 'Outcome: Dana Diaz — Platform Engineer: put on hold')).toHaveLength(
      1,
    );

    expect((await policy({ recruiters: true, panel: false })).status).toBe(200);
    const back = await f.decide(candidateId, { decision: 'reactivate' });
    expect(back.status).toBe(201);
    const recruitersOnly = await settled(back.body.id, 2);
    expect(recruitersOnly.map((r) => r.recipient_id).sort()).toEqual([f.ids[R], f.ids[R2]].sort());
    expect(recruitersOnly.every((r) => r.kind === 'decision_recruiter')).toBe(true);

    expect((await policy({ recruiters: false, panel: false })).status).toBe(200);
    const off = await f.decide(candidateId, { decision: 'hold' });
    expect(off.status).toBe(201);
    await sleep(1000);
    expect(await noticeRows(off.body.id)).toEqual([]);
    expect((await policy({ recruiters: true, panel: true })).status).toBe(200);
  });
});
