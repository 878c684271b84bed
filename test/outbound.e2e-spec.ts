import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HiringFixture } from './support/hiring-fixture';
import { eventually, TestApp } from './support/test-app';

const HM = 'hope@example.com';
const SECRET = 'webhook-secret-for-outbound';
const REFUSED = 'refused: the address is internal';

/**
 * A real HTTP receiver on every local address (dual stack, so 127.0.0.1, ::1 and 0.0.0.0 all reach
 * it) that records whatever arrives. By path: /ok answers 200, /redirect sends a 302 to `redirectTo`,
 * /slow never answers, /huge streams without end, /error answers 500 with internal-looking details.
 */
class Receiver {
  readonly hits: Array<{ path: string; headers: IncomingHttpHeaders; raw: string }> = [];
  redirectTo = '';
  hugeClosed = false;
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    let self: Receiver;
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        self.hits.push({ path: req.url ?? '', headers: req.headers, raw });
        self.answer(req.url ?? '', res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '::', r));
    self = new Receiver(server);
    return self;
  }

  private answer(path: string, res: ServerResponse): void {
    if (path.startsWith('/redirect')) res.writeHead(302, { location: this.redirectTo }).end();
    else if (path.startsWith('/slow')) return;
    else if (path.startsWith('/error')) res.writeHead(500).end(`upstream 10.1.2.3:5432 said ECONNREFUSED`);
    else if (path.startsWith('/huge')) {
      res.on('close', () => (this.hugeClosed = true));
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    } else res.writeHead(200).end('ok');
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** The 22 internal targets: the 21 kinds, most aimed at the live receiver's port. */
const internalUrls = (port: number) => [
  `http://127.0.0.1:${port}/ok`,
  `http://localhost:${port}/ok`,
  `http://scorecards.localhost:${port}/ok`,
  `http://[::1]:${port}/ok`,
  `http://0.0.0.0:${port}/ok`,
  `http://[::]:${port}/ok`,
  `http://0x7f000001:${port}/ok`, // hex
  `http://2130706433:${port}/ok`, // decimal
  `http://0177.0.0.1:${port}/ok`, // octal
  `http://127.1:${port}/ok`, // short
  `http://[::ffff:127.0.0.1]:${port}/ok`, // IPv4-mapped
  `http://[64:ff9b::7f00:1]:${port}/ok`, // NAT64 of loopback
  'http://127.0.0.1:5432/', // PostgreSQL
  'http://127.0.0.1:6379/', // Redis
  'http://10.0.0.5/hook',
  'http://172.16.3.4/hook',
  'http://192.168.1.10/hook',
  'http://100.64.0.1/hook', // CGNAT
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://[fd00::1]/hook', // IPv6 ULA
  'http://[fe80::1]/hook', // IPv6 link-local
];

/** Users with a webhook URL written straight into the database, as an older version would have stored it. */
async function storeWebhook(t: TestApp, userId: string, url: string): Promise<void> {
  await t.db.query(
    `INSERT INTO interviewer_profiles (user_id, webhook_url, email_notifications) VALUES ($1, $2, false)
     ON CONFLICT (user_id) DO UPDATE SET webhook_url = EXCLUDED.webhook_url, email_notifications = false`,
    [userId, url],
  );
}

/** Once every reminder of these interviews is sent or failed: the delivery log rows, by recipient. */
async function settled(
  t: TestApp,
  f: HiringFixture,
  interviewIds: string[],
  expected: number,
): Promise<Map<string, any>> {
  await eventually(
    async () => {
      const all = (await Promise.all(interviewIds.map((id) => f.reminders(id)))).flat();
      return all.length === expected && all.every((r) => r.status === 'sent' || r.status === 'failed');
    },
    60_000,
    250,
  );
  const log = (await t.get('/api/v1/notifications?limit=100', 'admin')).body.items.filter(
    (d: { interviewId: string }) => interviewIds.includes(d.interviewId),
  );
  return new Map(log.map((d: { recipientId: string }) => [d.recipientId, d]));
}

describe('outbound requests', () => {
  let receiver: Receiver;
  let inside: Receiver;
  beforeAll(async () => {
    receiver = await Receiver.start();
    inside = await Receiver.start();
    receiver.redirectTo = inside.url('/ok');
  });
  afterAll(async () => {
    await receiver?.close();
    await inside?.close();
  });

  describe('without an allowlist', () => {
    let t: TestApp;
    let f: HiringFixture;
    let urls: string[];
    const emailOf = (i: number) => `inside${i}@example.com`;

    beforeAll(async () => {
      urls = internalUrls(receiver.port);
      t = await TestApp.start('outbound_refused', {
        env: { OUTBOUND_ALLOWLIST: '', WEBHOOK_SECRET: SECRET, REMINDER_ATTEMPTS: '1', REMINDER_RETRY_MS: '100' },
      });
      f = await HiringFixture.create(
        t,
        HM,
        urls.map((_, i) => ({ email: emailOf(i), timezone: 'UTC' })),
      );
      await f.policy({ prepLeadMinutes: [], overdueMaxCount: 0, escalateAfterMinutes: null });
    }, 120_000);
    afterAll(() => t?.close());

    it('refuses each internal URL when it is saved, with a 400 naming the field', async () => {
      for (const [i, url] of urls.entries()) {
        const res = await t.request('PATCH', `/api/v1/interviewers/${f.ids[emailOf(i)]}`, {
          as: emailOf(i),
          body: { webhookUrl: url },
        });
        expect([url, res.status]).toEqual([url, 400]);
        expect([url, JSON.stringify(res.body.details)]).toEqual([url, expect.stringContaining('webhookUrl')]);
        expect(res.text).not.toMatch(/127\.0\.0\.1|ECONN|5432|6379/);
      }
      const stored = await t.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM interviewer_profiles WHERE webhook_url IS NOT NULL',
      );
      expect(Number(stored[0].n)).toBe(0);
      expect(receiver.hits).toEqual([]);
    });

    it('never connects to one already stored, and the delivery log says so in words that name no address or port', async () => {
      for (const [i, url] of urls.entries()) await storeWebhook(t, f.ids[emailOf(i)], url);
      const emails = urls.map((_, i) => emailOf(i));
      // a panel takes 20 at most
      const kits = [await f.feedbackDueIn(1, emails.slice(0, 11)), await f.feedbackDueIn(1, emails.slice(11))];
      const log = await settled(
        t,
        f,
        kits.map((k) => k.id),
        urls.length,
      );

      expect(receiver.hits).toEqual([]);
      expect(inside.hits).toEqual([]);
      for (const [i, url] of urls.entries()) {
        const row = log.get(f.ids[emailOf(i)]);
        expect([url, row?.channel, row?.status, row?.error]).toEqual([url, 'webhook', 'failed', REFUSED]);
      }
      const reminders = (await Promise.all(kits.map((k) => f.reminders(k.id)))).flat();
      expect(reminders.map((r) => r.status)).toEqual(urls.map(() => 'failed'));
      // what users and admins are shown: the log's errors and the reminders' reasons
      const shown = [...[...log.values()].map((d) => d.error), ...reminders.map((r) => r.reason)].join('\n');
      expect(shown).toMatch(REFUSED);
      for (const leak of ['ECONN', '127.0.0.1', '169.254', 'metadata', String(receiver.port), '5432', '6379', 'fd00'])
        expect(shown).not.toContain(leak);
      expect(shown).not.toMatch(/:\d/); // no host:port
      // the recipient's own view of the log is the same generic text
      const own = await t.get('/api/v1/notifications', emailOf(0));
      expect(own.body.items.map((d: { error: string }) => d.error)).toEqual([REFUSED]);
    }, 90_000);
  });

  describe('with the local receiver allowlisted', () => {
    let t: TestApp;
    let f: HiringFixture;
    let closedPort: number;
    const OK = 'olga@example.com';
    const REDIRECT = 'rudi@example.com';
    const SLOW = 'sami@example.com';
    const HUGE = 'hugo@example.com';
    const ERROR = 'erin@example.com';
    const CLOSED = 'cleo@example.com';
    const users = [OK, REDIRECT, SLOW, HUGE, ERROR, CLOSED];

    beforeAll(async () => {
      const gone = await Receiver.start();
      closedPort = gone.port;
      await gone.close();
      t = await TestApp.start('outbound_allowed', {
        env: {
          OUTBOUND_ALLOWLIST: '127.0.0.1',
          WEBHOOK_SECRET: SECRET,
          WEBHOOK_TIMEOUT_MS: '1500',
          REMINDER_ATTEMPTS: '1',
          REMINDER_RETRY_MS: '100',
        },
      });
      f = await HiringFixture.create(
        t,
        HM,
        users.map((email) => ({ email, timezone: 'UTC' })),
      );
      await f.policy({ prepLeadMinutes: [], overdueMaxCount: 0, escalateAfterMinutes: null });
      const targets: Record<string, string> = {
        [OK]: receiver.url('/ok/hooks'),
        [REDIRECT]: receiver.url('/redirect'),
        [SLOW]: receiver.url('/slow'),
        [HUGE]: receiver.url('/huge'),
        [ERROR]: receiver.url('/error'),
        [CLOSED]: `http://127.0.0.1:${closedPort}/hook`,
      };
      for (const email of users) {
        const res = await t.request('PATCH', `/api/v1/interviewers/${f.ids[email]}`, {
          as: email,
          body: { emailNotifications: false, webhookUrl: targets[email] },
        });
        expect(res.status).toBe(200);
      }
    }, 120_000);
    afterAll(() => t?.close());

    it('still refuses what the allowlist does not name', async () => {
      for (const url of [
        'http://10.0.0.5/hook',
        `http://localhost:${receiver.port}/ok`,
        `http://[::1]:${receiver.port}/ok`,
        'http://169.254.169.254/',
      ]) {
        const res = await t.request('PATCH', `/api/v1/interviewers/${f.ids[OK]}`, {
          as: OK,
          body: { webhookUrl: url },
        });
        expect([url, res.status]).toEqual([url, 400]);
      }
    });

    it('delivers the signed POST; follows no redirect; gives up on a slow receiver; caps an endless answer; errors in words', async () => {
      const before = receiver.hits.length;
      const kit = await f.feedbackDueIn(1, users);
      const log = await settled(t, f, [kit.id], users.length);
      const row = (email: string) => log.get(f.ids[email]);

      const posts = receiver.hits.slice(before);
      const delivered = posts.filter((h) => h.path === '/ok/hooks');
      expect(delivered).toHaveLength(1);
      const [h] = delivered;
      expect(h.headers['content-type']).toBe('application/json');
      expect(JSON.parse(h.raw)).toMatchObject({ event: 'reminder.feedback_due', interview: { id: kit.id } });
      const [, at, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(h.headers['x-scorecards-signature']))!;
      expect(v1).toBe(createHmac('sha256', SECRET).update(`${at}.${h.raw}`).digest('hex'));
      expect(row(OK)).toMatchObject({ status: 'sent', providerRef: 'HTTP 200', error: null });

      expect(posts.filter((p) => p.path === '/redirect')).toHaveLength(1);
      expect(inside.hits).toEqual([]);
      expect(row(REDIRECT)).toMatchObject({ status: 'failed', error: 'redirects are not followed' });

      expect(row(SLOW)).toMatchObject({ status: 'failed', error: 'no answer within 1500 ms' });

      // only the status counts for a webhook: the first bytes are read, then the connection is dropped
      expect(row(HUGE)).toMatchObject({ status: 'sent', providerRef: 'HTTP 200' });
      await eventually(async () => receiver.hugeClosed, 5000, 50);

      expect(row(ERROR)).toMatchObject({ status: 'failed', error: 'answered 500 Internal Server Error' });
      expect(row(CLOSED)).toMatchObject({ status: 'failed', error: 'could not connect' });
      const shown = [
        ...[...log.values()].map((d) => d.error),
        ...(await f.reminders(kit.id)).map((r) => r.reason),
      ].join('\n');
      for (const leak of ['ECONN', '127.0.0.1', '10.1.2.3', String(closedPort), String(receiver.port), '5432'])
        expect(shown).not.toContain(leak);
    }, 90_000);
  });
});
