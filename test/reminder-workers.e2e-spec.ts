import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { HiringFixture } from './support/hiring-fixture';
import { TestSmtp } from './support/smtp';
import { eventually, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

const backends: Array<'postgres' | 'redis'> = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
const HM = 'hm@example.com';
const MAIL = 'mia@example.com';
const HOOK = 'hugo@example.com';
const BOTH = 'bea@example.com';
const SECRET = 'webhook-secret-for-tests';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real HTTP receiver for webhooks that can be told to fail the next requests. */
class WebhookReceiver {
  readonly received: Array<{ headers: IncomingHttpHeaders; raw: string; body: any }> = [];
  failNext = 0;
  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    let self: WebhookReceiver;
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        if (self.failNext > 0) {
          self.failNext--;
          res.writeHead(503).end('try later');
          return;
        }
        self.received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new WebhookReceiver(server);
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/scorecards`;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe.each(backends)('reminder workers on %s', (backend) => {
  let smtp: TestSmtp;
  let hooks: WebhookReceiver;
  let t: TestApp;
  let f: HiringFixture;
  let worker: WorkerProcess | undefined;
  const startWorker = async (env: Record<string, string> = {}) =>
    (worker = await WorkerProcess.start(t.config, { QUEUE_LOCK_MS: '2000', ...env }));
  const mailsAbout = (email: string, interviewId: string) =>
    smtp.to(email).filter((m) => !m.headers.has('x-scorecards-kind') && m.text?.includes(interviewId)); // not the calendar invitations
  const queue = () => t.app.get<Queue>(getQueueToken('reminders'), { strict: false });

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    hooks = await WebhookReceiver.start();
    // the API alone: every reminder here is delivered by a separate worker process
    t = await TestApp.start(`reminder_workers_${backend}`, {
      role: 'api',
      redis: backend === 'redis',
      env: { SMTP_URL: smtp.url, WEBHOOK_SECRET: SECRET, PUBLIC_URL: 'https://scorecards.example.com' },
    });
    f = await HiringFixture.create(t, HM, [
      { email: MAIL, timezone: 'UTC' },
      { email: HOOK, timezone: 'Asia/Tokyo' },
      { email: BOTH, timezone: 'UTC' },
    ]);
    await f.policy({ prepLeadMinutes: [], overdueMaxCount: 0, escalateAfterMinutes: null });
    const hookOnly = await t.request('PATCH', `/api/v1/interviewers/${f.ids[HOOK]}`, {
      as: HOOK,
      body: { emailNotifications: false, webhookUrl: hooks.url },
    });
    expect(hookOnly.status).toBe(200);
    expect(
      (await t.request('PATCH', `/api/v1/interviewers/${f.ids[BOTH]}`, { as: BOTH, body: { webhookUrl: hooks.url } }))
        .status,
    ).toBe(200);
  });
  afterEach(async () => {
    smtp.release();
    smtp.setRefusing(false);
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await hooks?.close();
  });

  it('posts a signed, Slack-compatible webhook, retries it when the receiver fails, and respects "no email"', async () => {
    await startWorker();
    hooks.failNext = 1;
    const kit = await f.feedbackDueIn(1, [MAIL, HOOK, BOTH]);
    const posts = await eventually(
      async () => {
        const mine = hooks.received.filter((h) => h.body.interview?.id === kit.id);
        return mine.length >= 2 ? mine : undefined;
      },
      30_000,
      200,
    );
    await eventually(
      async () => mailsAbout(BOTH, kit.id).length === 1 && mailsAbout(MAIL, kit.id).length === 1,
      15_000,
      200,
    );
    await sleep(3000);
    // one post each for the two webhook users (the failed attempt was retried once, not duplicated)
    const again = hooks.received.filter((h) => h.body.interview?.id === kit.id);
    expect(again.map((h) => h.body.recipient.email).sort()).toEqual([BOTH, HOOK]);
    for (const h of posts) {
      expect(h.headers['content-type']).toBe('application/json');
      expect(h.body.text).toMatch(/^Scorecard due: Robin Reed/);
      expect(h.body.text).toContain(`https://scorecards.example.com/interviews/${kit.id}/scorecard`);
      expect(h.body.event).toBe('reminder.feedback_due');
      const [, t0, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(h.headers['x-scorecards-signature']))!;
      expect(v1).toBe(createHmac('sha256', SECRET).update(`${t0}.${h.raw}`).digest('hex'));
      expect(Math.abs(Number(t0) * 1000 - Date.now())).toBeLessThan(60_000);
      expect(h.headers['x-scorecards-delivery']).toBe(h.body.deliveryId);
    }
    // "no email" is respected; the others get theirs
    expect(mailsAbout(HOOK, kit.id)).toEqual([]);
    expect(mailsAbout(BOTH, kit.id)).toHaveLength(1);
    expect(mailsAbout(MAIL, kit.id)).toHaveLength(1);
    // (the calendar invitations of the interview are in the log too; test/invitations.e2e-spec.ts covers them)
    const log = (await t.get('/api/v1/notifications?limit=50', 'admin')).body.items.filter(
      (d: { interviewId: string; kind: string }) => d.interviewId === kit.id && d.kind !== 'invitation',
    );
    expect(log.map((d: { channel: string; recipientId: string }) => `${d.channel}:${d.recipientId}`).sort()).toEqual(
      [`email:${f.ids[BOTH]}`, `email:${f.ids[MAIL]}`, `webhook:${f.ids[BOTH]}`, `webhook:${f.ids[HOOK]}`].sort(),
    );
  });

  it('retries while the SMTP server is down and delivers once when it is back', async () => {
    await startWorker();
    smtp.setRefusing(true);
    const before = smtp.refusals;
    const kit = await f.feedbackDueIn(1, [MAIL]);
    await eventually(async () => smtp.refusals >= before + 2, 30_000, 100);
    const [pending] = await f.reminders(kit.id);
    expect(pending.status).toBe('scheduled');
    smtp.setRefusing(false);
    await eventually(async () => mailsAbout(MAIL, kit.id).length > 0, 40_000, 200);
    const sent = await eventually(
      async () => (await f.reminders(kit.id)).find((r) => r.status === 'sent'),
      10_000,
      200,
    );
    expect(sent.kind).toBe('feedback_due');
    await sleep(3000);
    expect(mailsAbout(MAIL, kit.id)).toHaveLength(1);
  });

  it('delivers exactly once after the worker is killed with SIGKILL mid-send', async () => {
    await startWorker();
    smtp.hold();
    const kit = await f.feedbackDueIn(1, [MAIL, BOTH]);
    // the worker has sent the message data and waits for the server's answer
    await eventually(async () => smtp.held >= 1, 20_000, 50);
    worker!.kill('SIGKILL');
    expect((await worker!.exited).signal).toBe('SIGKILL');
    await eventually(async () => smtp.open === 0, 5000, 20);
    smtp.release();
    await sleep(200);
    expect(mailsAbout(MAIL, kit.id).length + mailsAbout(BOTH, kit.id).length).toBe(0);
    await startWorker();
    await eventually(
      async () => mailsAbout(MAIL, kit.id).length >= 1 && mailsAbout(BOTH, kit.id).length >= 1,
      40_000,
      200,
    );
    await sleep(4000);
    expect(mailsAbout(MAIL, kit.id)).toHaveLength(1);
    expect(mailsAbout(BOTH, kit.id)).toHaveLength(1);
    expect(hooks.received.filter((h) => h.body.interview?.id === kit.id)).toHaveLength(1);
    expect((await f.reminders(kit.id)).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('on SIGTERM lets the job in flight finish, then exits; a job that cannot finish in time is retried by the next worker', async () => {
    await startWorker({ SHUTDOWN_TIMEOUT_MS: '4000' });
    smtp.hold();
    const finished = await f.feedbackDueIn(1, [MAIL]);
    // two messages in flight: the panelist's calendar invitation and the reminder
    await eventually(async () => smtp.held >= 2, 20_000, 50);
    worker!.kill('SIGTERM');
    await sleep(1000);
    smtp.release();
    expect(await worker!.exited).toEqual({ code: 0, signal: null });
    expect(mailsAbout(MAIL, finished.id)).toHaveLength(1);
    expect((await f.reminders(finished.id))[0].status).toBe('sent');

    await startWorker({ SHUTDOWN_TIMEOUT_MS: '3000' });
    smtp.hold();
    const stuck = await f.feedbackDueIn(1, [MAIL]);
    await eventually(async () => smtp.held >= 2, 20_000, 50);
    const stoppedAt = Date.now();
    worker!.kill('SIGTERM');
    const exit = await worker!.exited;
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(exit.code).toBe(1);
    expect(worker!.output).toContain('still busy after 3000 ms');
    await eventually(async () => smtp.open === 0, 5000, 20);
    smtp.release();
    await startWorker();
    await eventually(async () => mailsAbout(MAIL, stuck.id).length >= 1, 40_000, 200);
    await sleep(3000);
    expect(mailsAbout(MAIL, stuck.id)).toHaveLength(1);
  });

  it('restores the schedule from the database when the queue has lost its jobs', async () => {
    await f.schedule(3 * 3600_000, [MAIL, BOTH]);
    const due = await f.feedbackDueIn(4, [MAIL]);
    const scheduled = async () =>
      await t.db.query<{ id: string; due_at: Date }>(`SELECT id, due_at FROM reminders WHERE status = 'scheduled'`);
    const expected = await scheduled();
    expect(expected.length).toBe(3);
    const present = async () =>
      (await Promise.all(expected.map((r) => queue().getJob(`rem.${r.id}.${r.due_at.getTime()}`)))).filter(Boolean)
        .length;
    expect(await present()).toBe(expected.length);
    // the queue loses everything: Redis flushed (this test's keys), or the queue's tables emptied
    if (backend === 'redis') {
      const redis = new Redis(t.config.redisUrl!);
      for (const key of await redis.keys(`${t.config.queuePrefix}:*`)) await redis.del(key);
      redis.disconnect();
    } else {
      await queue().obliterate({ force: true });
    }
    expect(await present()).toBe(0);
    // a worker reconciles on start
    await startWorker({ RECONCILE_EVERY_MS: '2000' });
    await eventually(async () => (await present()) === expected.length, 20_000, 200);
    await eventually(async () => worker!.output.includes('reconciliation restored'), 5000, 100);
    // the reminder that was due is delivered, once, although reconciliation keeps running
    await eventually(async () => mailsAbout(MAIL, due.id).length >= 1, 30_000, 200);
    await sleep(5000);
    expect(mailsAbout(MAIL, due.id)).toHaveLength(1);
    const delayed = await queue().getJobCounts('delayed');
    expect(delayed.delayed).toBe((await scheduled()).length);
    expect(worker!.output.match(/reconciliation restored \d+/g)).toEqual([
      `reconciliation restored ${expected.length}`,
    ]);
  });

  it('after the last attempt shows the reminder as failed, in the delivery log and in the failed jobs', async () => {
    // a second app whose reminders give up quickly, with its worker in-process
    const quick = await TestApp.start(`reminder_failing_${backend}`, {
      redis: backend === 'redis',
      env: { SMTP_URL: smtp.url, REMINDER_ATTEMPTS: '3', REMINDER_RETRY_MS: '200' },
    });
    try {
      const q = await HiringFixture.create(quick, HM, [{ email: HOOK, timezone: 'UTC' }]);
      await q.policy({ prepLeadMinutes: [], overdueMaxCount: 0, escalateAfterMinutes: null });
      await quick.request('PATCH', `/api/v1/interviewers/${q.ids[HOOK]}`, {
        as: HOOK,
        body: { emailNotifications: false, webhookUrl: hooks.url },
      });
      hooks.failNext = 1000;
      const kit = await q.feedbackDueIn(1, [HOOK]);
      const failed = await eventually(
        async () => (await q.reminders(kit.id)).find((r) => r.status === 'failed'),
        30_000,
        200,
      );
      expect(failed.reason).toContain('answered 503');
      const log = (await quick.get('/api/v1/notifications', 'admin')).body.items;
      expect(log).toEqual([
        expect.objectContaining({
          reminderId: failed.id,
          channel: 'webhook',
          status: 'failed',
          error: expect.stringContaining('503'),
        }),
      ]);
      const job = await quick.app
        .get<Queue>(getQueueToken('reminders'), { strict: false })
        .getJob(`rem.${failed.id}.${new Date(failed.dueAt).getTime()}`);
      expect(await job!.getState()).toBe('failed');
      expect(job!.attemptsMade).toBe(3);
    } finally {
      hooks.failNext = 0;
      await quick.close();
    }
  });

  it('shows queue depth and delivery lateness in /metrics', async () => {
    const text = (await t.request('GET', '/metrics')).text;
    expect(text).toMatch(/^queue_jobs\{queue="reminders",state="delayed"\} \d+$/m);
    expect(text).toMatch(/^queue_jobs\{queue="system",state="waiting"\} \d+$/m);
    expect(text).toMatch(/^reminder_delivery_lateness_seconds\{quantile="0.99"\} [\d.e+-]+$/m);
    const max = Number(/^reminder_delivery_lateness_seconds\{quantile="1"\} ([\d.e+-]+)$/m.exec(text)![1]);
    expect(max).toBeGreaterThan(0);
    expect(text).toMatch(/^reminders_late_waiting \d+$/m);
  });

  it('serves the queue dashboard at /admin/queues to admins only', async () => {
    const anonymous = await t.request('GET', '/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toMatch(/admin/);
    expect((await t.request('GET', '/admin/queues', { as: HM })).status).toBe(403);
    expect((await t.request('POST', '/api/v1/auth/dashboard-session', { as: HM })).status).toBe(403);
    const session = await t.request('POST', '/api/v1/auth/dashboard-session', { as: 'admin' });
    expect(session.status).toBe(204);
    const cookie = session.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^scorecards_dashboard=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict/);
    const page = await t.request('GET', '/admin/queues', { token: null, headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const api = await t.request('GET', '/admin/queues/api/queues', {
      token: null,
      headers: { cookie: cookie.split(';')[0] },
    });
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'calendars',
      'interviews',
      'invitations',
      'reminders',
      'system',
      'webhooks',
    ]);
    expect(
      (
        await t.request('GET', '/admin/queues/api/queues', {
          token: null,
          headers: { cookie: 'scorecards_dashboard=forged' },
        })
      ).status,
    ).toBe(401);
  });
});
