import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DECIDE, PipelineFixture } from './support/pipeline-fixture';
import { TestSmtp } from './support/smtp';
import { WebhookSweeperService } from '../libs/webhooks/src/webhook-sweeper.service';
import { ADMIN, eventually, TestApp } from './support/test-app';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
}

/** A real HTTP receiver; each path answers with the statuses queued for it (200 once they run out). */
class Receiver {
  readonly received: Received[] = [];
  private readonly plans = new Map<string, number[]>();
  /** While holding, requests are received but not answered (the sender is mid-attempt). */
  holding = false;
  private held: Array<() => void> = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    let self: Receiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        self!.received.push({ path, headers: req.headers, raw, body: JSON.parse(raw) });
        const plan = self!.plans.get(path);
        const status = plan?.length ? plan.shift()! : 200;
        const answer = () => {
          res.statusCode = status;
          res.end('ok');
        };
        if (self!.holding) self!.held.push(answer);
        else answer();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new Receiver(server);
    return self;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  answer(path: string, statuses: number[]): void {
    this.plans.set(path, [...statuses]);
  }

  release(): void {
    this.holding = false;
    for (const answer of this.held.splice(0)) answer();
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** What a receiver does: `t=<unix>,v1=<hex>[,v1=<hex>]`, HMAC-SHA256 of "<t>.<raw body>"; the secrets that match. */
function matchingSecrets(header: string | string[] | undefined, raw: string, secrets: string[]): string[] {
  const parts = String(header).split(',');
  const t = parts.find((p) => p.startsWith('t='))!.slice(2);
  const sigs = parts.filter((p) => p.startsWith('v1=')).map((p) => Buffer.from(p.slice(3), 'hex'));
  return secrets.filter((secret) => {
    const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
    return sigs.some((s) => s.length === expected.length && timingSafeEqual(s, expected));
  });
}

const BASE = '/api/v1/webhooks';
const backends: Array<'postgres' | 'redis'> = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];

describe.each(backends)('event webhooks on %s', (backend) => {
  let smtp: TestSmtp;
  let hooks: Receiver;
  let t: TestApp;
  let f: PipelineFixture;
  let main: { id: string; secret: string };

  const create = (body: unknown, as = 'admin') => t.request('POST', BASE, { as, body });
  const log = async (id: string, query = '') => (await t.get(`${BASE}/${id}/deliveries${query}`, 'admin')).body;
  const ofType = (path: string, type: string) => hooks.at(path).filter((r) => r.body.type === type);

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    hooks = await Receiver.start();
    t = await TestApp.start(`webhooks_${backend}`, {
      redis: backend === 'redis',
      env: {
        SMTP_URL: smtp.url,
        WEBHOOK_ATTEMPTS: '3',
        WEBHOOK_RETRY_MS: '100',
        WEBHOOK_PAUSE_AFTER: '2',
      },
    });
    const res = await create({ url: hooks.url('/ats'), events: ['interview.scheduled'], description: 'ATS' });
    expect(res.status).toBe(201);
    main = res.body;
    f = await new PipelineFixture(t).setUp();
  });

  afterAll(async () => {
    await t?.close();
    await hooks?.close();
    await smtp?.close();
  });

  describe('managing subscriptions', () => {
    it('shows the secret once, at creation; never in reads', async () => {
      expect(main.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
      const read = await t.get(`${BASE}/${main.id}`, 'admin');
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ url: hooks.url('/ats'), status: 'active', events: ['interview.scheduled'] });
      expect(read.text).not.toContain(main.secret);
      expect((await t.get(BASE, 'admin')).text).not.toContain(main.secret);
    });

    it('refuses non-admins and anonymous callers', async () => {
      for (const who of [DECIDE.R, DECIDE.HM, DECIDE.I1]) {
        expect((await t.get(BASE, who)).status).toBe(403);
        expect((await create({ url: hooks.url('/x'), events: ['interview.scheduled'] }, who)).status).toBe(403);
        expect((await t.request('POST', `${BASE}/${main.id}/rotate-secret`, { as: who })).status).toBe(403);
        expect((await t.get(`${BASE}/${main.id}/deliveries`, who)).status).toBe(403);
      }
      expect((await t.request('GET', BASE, { token: null })).status).toBe(401);
    });

    it('refuses bad URLs and event lists with a 400 naming the field', async () => {
      for (const url of ['not a url', 'ftp://example.com/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/']) {
        const res = await create({ url, events: ['interview.scheduled'] });
        expect(res.status).toBe(400);
        expect(res.body.details?.[0]?.field).toBe('url');
      }
      for (const events of [[], ['interview.exploded'], 'interview.scheduled', ['ping']]) {
        const res = await create({ url: hooks.url('/x'), events });
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain('events');
      }
      expect((await create({ events: ['interview.scheduled'] })).status).toBe(400);
      const patch = await t.request('PATCH', `${BASE}/${main.id}`, { as: 'admin', body: { url: 'http://10.0.0.1/' } });
      expect(patch.status).toBe(400);
      expect((await t.get(`${BASE}/${main.id}`, 'admin')).body.url).toBe(hooks.url('/ats'));
    });

    it('answers 404 for an unknown subscription or a delivery of another subscription', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await t.get(`${BASE}/${missing}`, 'admin')).status).toBe(404);
      expect((await t.get(`${BASE}/${missing}/deliveries`, 'admin')).status).toBe(404);
      expect((await t.request('POST', `${BASE}/${missing}/ping`, { as: 'admin' })).status).toBe(404);
      expect((await t.request('DELETE', `${BASE}/${missing}`, { as: 'admin' })).status).toBe(404);
      const other = (await create({ url: hooks.url('/other'), events: ['scorecard.submitted'] })).body;
      const ping = await t.request('POST', `${BASE}/${other.id}/ping`, { as: 'admin' });
      expect(ping.status).toBe(202);
      const res = await t.request('POST', `${BASE}/${main.id}/deliveries/${ping.body.id}/redeliver`, { as: 'admin' });
      expect(res.status).toBe(404);
      expect((await t.request('DELETE', `${BASE}/${other.id}`, { as: 'admin' })).status).toBe(204);
      expect((await t.get(`${BASE}/${other.id}`, 'admin')).status).toBe(404);
    });
  });

  describe('deliveries', () => {
    let everything: { id: string; secret: string };

    beforeAll(async () => {
      const all = [
        'interview.scheduled',
        'interview.rescheduled',
        'interview.cancelled',
        'interview.completed',
        'scorecard.submitted',
        'candidate.advanced',
        'candidate.rejected',
        'question_set.published',
      ];
      everything = (await create({ url: hooks.url('/all'), events: all })).body;
    });

    it('delivers each kind of event, signed with the secret, with a stable id in the header and the body', async () => {
      // question sets
      const set = await t.post(
        '/api/v1/question-sets',
        { name: 'Kit', questions: [{ type: 'technical', prompt: 'Why?', criteria: [{ label: 'Because' }] }] },
        'admin',
      );
      expect((await t.post(`/api/v1/question-sets/${set.body.id}/publish`, {}, 'admin')).status).toBe(200);
      // interviews
      const candidateId = await f.candidate('Casey Cho');
      const held = await f.interview(candidateId, f.stage('Recruiter screen'), [DECIDE.I1], { past: true });
      const later = await f.interview(candidateId, null, [DECIDE.I2]);
      const kit = (await t.get(`/api/v1/interviews/${later}`, DECIDE.R)).body;
      const moved = await t.request('PATCH', `/api/v1/interviews/${later}`, {
        as: DECIDE.R,
        body: { revision: kit.revision, start: new Date(Date.now() + 4 * 86_400_000).toISOString() },
      });
      expect(moved.status).toBe(200);
      expect((await t.post(`/api/v1/interviews/${later}/cancel`, { reason: 'Position filled' }, DECIDE.R)).status).toBe(
        200,
      );
      // feedback
      expect((await t.post(`/api/v1/interviews/${held}/complete`, {}, DECIDE.R)).status).toBe(200);
      await f.submit(held, DECIDE.I1);
      // hiring
      expect((await f.decide(candidateId, { decision: 'advance', rationale: 'Good' })).status).toBe(201);
      const reasonId = (await t.get('/api/v1/settings/rejection-reasons', DECIDE.HM)).body.items[0].id;
      expect((await f.decide(candidateId, { decision: 'reject', reasonId, rationale: 'Not now' })).status).toBe(201);

      const expected = [
        'question_set.published',
        'interview.scheduled',
        'interview.rescheduled',
        'interview.cancelled',
        'scorecard.submitted',
        'interview.completed',
        'candidate.advanced',
        'candidate.rejected',
      ];
      await eventually(async () => expected.every((type) => ofType('/all', type).length > 0), 30_000);
      for (const r of hooks.at('/all')) {
        expect(matchingSecrets(r.headers['x-scorecards-signature'], r.raw, [everything.secret])).toEqual([
          everything.secret,
        ]);
        expect(matchingSecrets(r.headers['x-scorecards-signature'], r.raw, [main.secret])).toEqual([]);
        expect(r.headers['webhook-id']).toBe(r.body.id);
        expect(r.headers['x-scorecards-event']).toBe(r.body.type);
        expect(r.body).toMatchObject({
          version: '2026-11-30',
          occurredAt: expect.any(String),
          data: expect.any(Object),
        });
      }
      expect(ofType('/all', 'interview.cancelled')[0].body.data).toMatchObject({
        interviewId: later,
        candidateId,
        reason: 'Position filled',
      });
      expect(ofType('/all', 'candidate.rejected')[0].body.data).toMatchObject({ candidateId, decision: 'reject' });
      expect(ofType('/all', 'question_set.published')[0].body.data).toMatchObject({
        questionSetId: set.body.id,
        name: 'Kit',
        version: 1,
      });
      // the narrower subscription got its one type only
      expect(hooks.at('/ats').map((r) => r.body.type)).toEqual(['interview.scheduled', 'interview.scheduled']);
    });

    it('logs each delivery (status, response code, attempts), newest first, in pages', async () => {
      // the receiver has every type, but a later event's delivery may still be on its way: the newest
      // row of the log is only settled once every row is
      await eventually(async () => {
        const all = (await log(everything.id, '?limit=100')).items;
        return all.length === hooks.at('/all').length && all.every((d: any) => d.status === 'succeeded');
      });
      const first = await log(everything.id, '?limit=3');
      expect(first.items).toHaveLength(3);
      expect(first.items[0]).toMatchObject({ status: 'succeeded', responseStatus: 200, attempts: 1, error: null });
      expect(first.items[0].body).toBeUndefined();
      const rest = await log(everything.id, `?limit=100&cursor=${first.page.nextCursor}`);
      const ids = [...first.items, ...rest.items].map((d: any) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(hooks.at('/all').length);
      expect(rest.page.nextCursor).toBeNull();
      expect((await t.get(`${BASE}/${everything.id}/deliveries?limit=0`, 'admin')).status).toBe(400);
    });

    it('redelivers with the same id and body', async () => {
      const [last] = (await log(everything.id, '?limit=1')).items;
      const before = hooks.at('/all').filter((r) => r.body.id === last.id);
      expect(before).toHaveLength(1);
      const res = await t.request('POST', `${BASE}/${everything.id}/deliveries/${last.id}/redeliver`, { as: 'admin' });
      expect(res.status).toBe(202);
      const again = await eventually(async () => {
        const got = hooks.at('/all').filter((r) => r.body.id === last.id);
        return got.length === 2 ? got : undefined;
      });
      expect(again[1].raw).toBe(again[0].raw);
      expect(again[1].headers['webhook-id']).toBe(last.id);
      const row = await eventually(async () => {
        const [d] = (await log(everything.id, '?limit=100')).items.filter((d: any) => d.id === last.id);
        return d.status === 'succeeded' ? d : undefined;
      });
      expect(row).toMatchObject({ round: 1, attempts: 1 });
    });

    it('signs with both the old and the new secret after a rotation', async () => {
      const rotated = await t.request('POST', `${BASE}/${everything.id}/rotate-secret`, { as: 'admin' });
      expect(rotated.status).toBe(200);
      const next = rotated.body.secret;
      expect(next).toMatch(/^whsec_/);
      expect(next).not.toBe(everything.secret);
      expect(new Date(rotated.body.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now());
      const ping = await t.request('POST', `${BASE}/${everything.id}/ping`, { as: 'admin' });
      expect(ping.status).toBe(202);
      const [got] = await eventually(async () => {
        const r = hooks.at('/all').filter((x) => x.body.id === ping.body.id);
        return r.length ? r : undefined;
      });
      expect(got.body).toMatchObject({ type: 'ping', data: { subscriptionId: everything.id } });
      expect(String(got.headers['x-scorecards-signature']).match(/v1=/g)).toHaveLength(2);
      expect(matchingSecrets(got.headers['x-scorecards-signature'], got.raw, [next, everything.secret])).toEqual([
        next,
        everything.secret,
      ]);
      expect((await t.get(`${BASE}/${everything.id}`, 'admin')).text).not.toContain(next);
    });
  });

  describe('failures', () => {
    it('retries after a 500 and logs the success', async () => {
      const sub = (await create({ url: hooks.url('/flaky'), events: ['candidate.hired'] })).body;
      hooks.answer('/flaky', [500]);
      const ping = await t.request('POST', `${BASE}/${sub.id}/ping`, { as: 'admin' });
      const row = await eventually(async () => {
        const [d] = (await log(sub.id)).items;
        return d.status === 'succeeded' ? d : undefined;
      });
      expect(row).toMatchObject({ id: ping.body.id, attempts: 2, responseStatus: 200, nextAttemptAt: null });
      const got = hooks.at('/flaky');
      expect(got).toHaveLength(2);
      expect(got[1].raw).toBe(got[0].raw);
      expect(got.map((r) => r.headers['webhook-id'])).toEqual([ping.body.id, ping.body.id]);
    });

    it('pauses a subscription after deliveries that keep failing, emails its owner, and sends nothing until resumed', async () => {
      const sub = (await create({ url: hooks.url('/down'), events: ['candidate.hired'] })).body;
      hooks.answer('/down', Array(20).fill(500));
      for (let i = 0; i < 2; i++) {
        const ping = await t.request('POST', `${BASE}/${sub.id}/ping`, { as: 'admin' });
        expect(ping.status).toBe(202);
        const row = await eventually(async () => {
          const d = (await log(sub.id)).items.find((x: any) => x.id === ping.body.id);
          return d?.status === 'failed' ? d : undefined;
        });
        expect(row).toMatchObject({ attempts: 3, responseStatus: 500, nextAttemptAt: null });
        expect(row.error).toContain('500');
      }
      const paused = await eventually(async () => {
        const s = (await t.get(`${BASE}/${sub.id}`, 'admin')).body;
        return s.status === 'paused' ? s : undefined;
      });
      expect(paused.pausedReason).toContain('2 deliveries');
      const mail = await eventually(async () => {
        const m = smtp.to(ADMIN.email).filter((x) => x.headers.get('x-scorecards-kind') === 'webhook-paused');
        return m.length ? m : undefined;
      });
      expect(mail).toHaveLength(1);
      expect(mail[0].subject).toContain('127.0.0.1');
      expect((await t.request('POST', `${BASE}/${sub.id}/ping`, { as: 'admin' })).status).toBe(409);
      const sent = hooks.at('/down').length;
      // an event while paused writes no delivery
      const candidateId = await f.candidate('Pat Paused');
      await f.interview(candidateId, null, [DECIDE.I1]);
      await t.request('PATCH', `${BASE}/${sub.id}`, { as: 'admin', body: { events: ['interview.scheduled'] } });
      await f.interview(candidateId, null, [DECIDE.I2]);
      expect((await log(sub.id)).items).toHaveLength(2);
      expect(hooks.at('/down')).toHaveLength(sent);

      hooks.answer('/down', []);
      const resumed = await t.request('POST', `${BASE}/${sub.id}/resume`, { as: 'admin' });
      expect(resumed.body).toMatchObject({ status: 'active', consecutiveFailures: 0, pausedReason: null });
      expect((await t.request('POST', `${BASE}/${sub.id}/resume`, { as: 'admin' })).status).toBe(409);
      await f.interview(candidateId, null, [DECIDE.I2]);
      await eventually(async () => ofType('/down', 'interview.scheduled').length === 1);
    });

    it("never fails the user's request: with the outbox unwritable, scheduling still succeeds", async () => {
      const candidateId = await f.candidate('Una Writable');
      await t.db.query('ALTER TABLE webhook_deliveries RENAME TO webhook_deliveries_away');
      try {
        await f.interview(candidateId, null, [DECIDE.I1]);
      } finally {
        await t.db.query('ALTER TABLE webhook_deliveries_away RENAME TO webhook_deliveries');
      }
    });

    it('goes through the outbound guard: an address that became internal is refused without connecting', async () => {
      const sub = (await create({ url: hooks.url('/moved'), events: ['candidate.hired'] })).body;
      // what a DNS change would do to a name saved while it was public
      await t.db.query(`UPDATE webhook_subscriptions SET url = 'http://10.255.255.1/hook' WHERE id = $1`, [sub.id]);
      const ping = await t.request('POST', `${BASE}/${sub.id}/ping`, { as: 'admin' });
      const row = await eventually(async () => {
        const [d] = (await log(sub.id)).items;
        return d.status === 'failed' ? d : undefined;
      });
      expect(row).toMatchObject({ id: ping.body.id, attempts: 3, responseStatus: null });
      expect(row.error).toBe('refused: the address is internal');
    });

    it('re-adds the job of a delivery whose enqueue was lost (the outbox row stays pending)', async () => {
      const sub = (await create({ url: hooks.url('/lost'), events: ['candidate.hired'] })).body;
      const id = '11111111-2222-4333-8444-555555555555';
      const body = JSON.stringify({ id, version: '2026-11-30', type: 'ping', occurredAt: new Date(), data: {} });
      await t.db.query(
        `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, body, next_attempt_at)
         VALUES ($1, $2, gen_random_uuid(), 'ping', $3, now() - interval '10 minutes')`,
        [id, sub.id, body],
      );
      expect(await t.app.get(WebhookSweeperService).runOnce()).toBeGreaterThanOrEqual(1);
      const [got] = await eventually(async () => (hooks.at('/lost').length ? hooks.at('/lost') : undefined));
      expect(got.raw).toBe(body);
      expect(got.headers['webhook-id']).toBe(id);
      // a second sweep finds it delivered: nothing is sent twice
      await eventually(async () => (await log(sub.id)).items[0].status === 'succeeded');
      await t.app.get(WebhookSweeperService).runOnce();
      await new Promise((r) => setTimeout(r, 500));
      expect(hooks.at('/lost')).toHaveLength(1);
    });

    it('a deleted subscription sends nothing, even for deliveries already queued', async () => {
      const sub = (await create({ url: hooks.url('/gone'), events: ['candidate.hired'] })).body;
      hooks.answer('/gone', [500]);
      hooks.holding = true;
      await t.request('POST', `${BASE}/${sub.id}/ping`, { as: 'admin' });
      await eventually(async () => hooks.at('/gone').length === 1);
      // deleted while its first attempt is under way: the retry finds nothing to send
      expect((await t.request('DELETE', `${BASE}/${sub.id}`, { as: 'admin' })).status).toBe(204);
      hooks.release();
      await new Promise((r) => setTimeout(r, 1500));
      expect(hooks.at('/gone')).toHaveLength(1);
      expect(await t.db.query('SELECT id FROM webhook_deliveries WHERE subscription_id = $1', [sub.id])).toEqual([]);
    });
  });
});
