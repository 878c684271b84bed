// Reminder delivery: 10,000 reminders due at one instant, and the lateness of reminders spread over
// a minute, delivered by the real worker (in-process, concurrency 16) to a real SMTP server on
// loopback, on BullMQ's PostgreSQL backend and, with REDIS_URL, on Redis.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ReminderScheduler } from '../libs/reminders/src/reminder-scheduler.service';
import type { ReminderEntity } from '../libs/reminders/src/entities/reminder.entity';
import { api, median, percentile, startBenchApp, type BenchApp } from './support';

const BURST = Number(process.env.BENCH_REMINDERS ?? 10_000);
const SPREAD = Number(process.env.BENCH_SPREAD ?? 1_200);
const INTERVIEWS = 100;
const PANEL = 5;

/** Counts messages and when each arrived; the due time is read back from the stable Message-ID. */
class CountingSmtp {
  readonly arrivals: Array<{ at: number; dueAt: number }> = [];
  private constructor(private readonly server: SMTPServer, readonly port: number) {}

  static async start(): Promise<CountingSmtp> {
    let self: CountingSmtp;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      maxClients: 1000,
      onData(stream, _session, callback) {
        let head = '';
        stream.on('data', (c: Buffer) => {
          if (head.length < 4096) head += c.toString('latin1');
        });
        stream.on('end', () => {
          const due = /Message-ID:\s*<[0-9a-f-]+\.(\d+)\./i.exec(head);
          self.arrivals.push({ at: Date.now(), dueAt: due ? Number(due[1]) : NaN });
          callback();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new CountingSmtp(server, (server as unknown as { server: { address(): AddressInfo } }).server.address().port);
    return self;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Panels to remind: INTERVIEWS interviews of PANEL interviewers, with every reminder policy off. */
async function setup(app: BenchApp): Promise<Array<{ interviewId: string; userId: string }>> {
  const admin = await app.token('admin@bench.local', 'admin-password');
  const call = <T = any>(method: string, path: string, body?: unknown) => api<T>(app.url, admin, method, path, body);
  await call('PUT', '/api/v1/settings/reminders', { prepLeadMinutes: [], feedbackDueEnabled: false, overdueEveryMinutes: 60, overdueMaxCount: 0, escalateAfterMinutes: null, quietHours: null });
  const hm = await call('POST', '/api/v1/users', { email: 'hm@bench.local', name: 'HM', password: 'bench-password', roles: ['hiring_manager'] });
  const people = [];
  for (let i = 0; i < PANEL; i++) people.push(await call('POST', '/api/v1/users', { email: `i${i}@bench.local`, name: `Interviewer ${i}`, password: 'bench-password', roles: ['interviewer'] }));
  const set = await call('POST', '/api/v1/question-sets', { name: 'Kit', questions: [{ type: 'technical', prompt: 'Design a rate limiter', followUps: [{ prompt: 'Across regions?' }], criteria: [{ label: 'Token bucket' }] }] });
  await call('POST', `/api/v1/question-sets/${set.id}/publish`, {});
  const position = await call('POST', '/api/v1/positions', { title: 'Engineer', hiringManagerId: hm.id });
  const pairs: Array<{ interviewId: string; userId: string }> = [];
  for (let i = 0; i < INTERVIEWS; i++) {
    const candidate = await call('POST', '/api/v1/candidates', { name: `Candidate ${i}`, email: `c${i}@bench.local`, positionId: position.id });
    const kit = await call('POST', '/api/v1/interviews', {
      candidateId: candidate.id, stage: 'onsite', start: new Date(Date.now() + (i + 1) * 3600_000).toISOString(), durationMinutes: 45, timezone: 'UTC',
      panel: people.map((p, j) => ({ userId: p.id, role: j === 0 ? 'lead' : 'shadow' })), questions: [{ setId: set.id }], allowConflicts: true,
    });
    for (const p of people) pairs.push({ interviewId: kit.id, userId: p.id });
  }
  return pairs;
}

/** Stores `count` reminders (overdue nudges, as many occurrences as needed) and adds their jobs; returns the time enqueueing took. */
async function plant(app: BenchApp, pairs: Array<{ interviewId: string; userId: string }>, count: number, dueAt: (i: number) => Date, tag: string): Promise<number> {
  const stored = await app.sql<{ id: string; due_at: Date }>(
    `INSERT INTO reminders (key, interview_id, recipient_id, about_user_id, kind, occurrence, due_at)
     SELECT interview_id || '.' || user_id || '.bench-${tag}.' || n, interview_id, user_id, user_id, 'feedback_overdue', n::int, 'epoch'::timestamptz + due * interval '1 millisecond'
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[]) WITH ORDINALITY AS p(interview_id, user_id, due, n)
     RETURNING id, due_at`,
    [
      Array.from({ length: count }, (_, i) => pairs[i % pairs.length].interviewId),
      Array.from({ length: count }, (_, i) => pairs[i % pairs.length].userId),
      Array.from({ length: count }, (_, i) => dueAt(i).getTime()),
    ],
  );
  const scheduler = app.nest.get(ReminderScheduler);
  const t0 = Date.now();
  await Promise.all(Array.from({ length: 16 }, async (_, w) => {
    for (let i = w; i < stored.length; i += 16) await scheduler.enqueue({ ...stored[i], dueAt: stored[i].due_at } as unknown as ReminderEntity, null);
  }));
  return Date.now() - t0;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function run(backend: 'postgres' | 'redis'): Promise<string[]> {
  const smtp = await CountingSmtp.start();
  const app = await startBenchApp(`rem_${backend}`, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ...(backend === 'redis' ? { REDIS_URL: process.env.REDIS_URL!, QUEUE_PREFIX: `bench${Date.now()}` } : {}) });
  try {
    const pairs = await setup(app);
    // burst: every reminder due at one instant, far enough ahead to enqueue them all first
    const instant = Date.now() + 30_000 + BURST * 3;
    const enqueueMs = await plant(app, pairs, BURST, () => new Date(instant), 'burst');
    if (Date.now() > instant) throw new Error('enqueueing took longer than the lead time');
    await waitFor(() => smtp.arrivals.length >= BURST, 30 * 60_000);
    const burst = smtp.arrivals.splice(0).map((a) => a.at - a.dueAt);
    const lastMs = Math.max(...burst);
    // spread: SPREAD reminders due evenly over one minute
    const start = Date.now() + 15_000;
    await plant(app, pairs, SPREAD, (i) => new Date(start + Math.floor((i * 60_000) / SPREAD)), 'spread');
    await waitFor(() => smtp.arrivals.length >= SPREAD, 10 * 60_000);
    const spread = smtp.arrivals.splice(0).map((a) => a.at - a.dueAt);
    const sent = await app.sql<{ n: string }>(`SELECT count(*) AS n FROM deliveries`);
    return [
      `| ${backend} | ${BURST} at one instant | enqueue ${s(enqueueMs)} | all delivered after ${s(lastMs)} (${Math.round(BURST / (lastMs / 1000))} msg/s) | p50 ${s(median(burst))} | p99 ${s(percentile(burst, 99))} | max ${s(lastMs)} |`,
      `| ${backend} | ${SPREAD} over 60 s | | | p50 ${s(median(spread))} | p99 ${s(percentile(spread, 99))} | max ${s(Math.max(...spread))} |`,
      `deliveries rows: ${sent[0].n} (expected ${BURST + SPREAD}); SMTP messages ${BURST + SPREAD}`,
    ];
  } finally {
    await app.close();
    await smtp.close();
  }
}

async function main(): Promise<void> {
  const backends: Array<'postgres' | 'redis'> = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
  const lines = ['| backend | load | enqueue | throughput | lateness p50 | p99 | max |', '| --- | --- | --- | --- | ---: | ---: | ---: |'];
  const notes: string[] = [];
  for (const b of backends) {
    process.stderr.write(`reminders on ${b}...\n`);
    const [a, c, n] = await run(b);
    lines.push(a, c);
    notes.push(`${b}: ${n}`);
  }
  process.stdout.write([...lines, '', ...notes].join('\n') + '\n');
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
