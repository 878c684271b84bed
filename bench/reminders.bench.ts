// `npm run bench:reminders` (issues 7 and 15): reminder delivery as production runs it. The built API
// (PROCESS_ROLE=api) and BENCH_WORKERS built worker processes on a database of their own, on BullMQ's
// PostgreSQL backend and on Redis, deliver to a real SMTP server on loopback (in this process) that
// counts the messages and reads each one's due time back from its stable Message-ID.
// Two loads per backend: BENCH_REMINDERS (10,000) due at one instant, then BENCH_SPREAD (1,200) due
// evenly over one minute. Prints a table and writes the figures to bench/results/reminders-<time>.json.
//
// Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL
// (default redis://127.0.0.1:6379), BENCH_BACKENDS (postgres,redis), BENCH_WORKERS (3),
// BENCH_REMINDERS, BENCH_SPREAD, BENCH_NO_BUILD=1 (use the build in dist/ as it is), BENCH_PROFILE=1
// (CPU profiles of the workers under bench/results/profiles/), BENCH_TRACE=1 (arrivals per second), BENCH_KEEP_LOGS=1.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { percentile } from './support';
import { cpuMs, startApp, type RunningApp } from './reminders/processes';
import { addReminderJobs, dropRedisKeys } from './reminders/queue';

const ROOT = join(__dirname, '..');
const RESULTS = join(ROOT, 'bench/results');
const SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 3);
const BURST = Number(process.env.BENCH_REMINDERS ?? 10_000);
const SPREAD = Number(process.env.BENCH_SPREAD ?? 1_200);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'postgres,redis').split(',').map((s) => s.trim()) as Backend[];
const INTERVIEWS = 100;
const PANEL = 5;
/** The targets of issue 15. */
const TARGET = {
  burstMs: { postgres: 30_000, redis: 10_000 },
  spreadP99Ms: { redis: 50 } as Partial<Record<Backend, number>>,
};

type Backend = 'postgres' | 'redis';

/** Counts messages, when each arrived, and repeats of a Message-ID (a message sent twice). */
class CountingSmtp {
  readonly arrivals: Array<{ at: number; dueAt: number }> = [];
  readonly seen = new Set<string>();
  repeats = 0;
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<CountingSmtp> {
    const holder: { self?: CountingSmtp } = {};
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
          // reminders only: the interviews' calendar invitations go to the same server
          const id = /Message-ID:\s*<([0-9a-f-]{36}\.(\d+)\.email)@/i.exec(head);
          const self = holder.self!;
          if (id) {
            if (self.seen.has(id[1])) self.repeats++;
            self.seen.add(id[1]);
            self.arrivals.push({ at: Date.now(), dueAt: Number(id[2]) });
          }
          callback();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    holder.self = new CountingSmtp(server, (server.server.address() as { port: number }).port);
    return holder.self;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Panels to remind: INTERVIEWS interviews of PANEL interviewers, with every reminder policy off. */
async function setup(app: RunningApp): Promise<Array<{ interviewId: string; userId: string }>> {
  const call = app.call;
  await call('PUT', '/api/v1/settings/reminders', {
    prepLeadMinutes: [],
    feedbackDueEnabled: false,
    overdueEveryMinutes: 60,
    overdueMaxCount: 0,
    escalateAfterMinutes: null,
    quietHours: null,
  });
  const hm = await call<{ id: string }>('POST', '/api/v1/users', {
    email: 'hm@bench.local',
    name: 'HM',
    password: 'Bench-password-1',
    roles: ['hiring_manager'],
  });
  const people: Array<{ id: string }> = [];
  for (let i = 0; i < PANEL; i++)
    people.push(
      await call('POST', '/api/v1/users', {
        email: `i${i}@bench.local`,
        name: `Interviewer ${i}`,
        password: 'Bench-password-1',
        roles: ['interviewer'],
      }),
    );
  const set = await call<{ id: string }>('POST', '/api/v1/question-sets', {
    name: 'Kit',
    questions: [
      {
        type: 'technical',
        prompt: 'Design a rate limiter',
        followUps: [{ prompt: 'Across regions?' }],
        criteria: [{ label: 'Token bucket' }],
      },
    ],
  });
  await call('POST', `/api/v1/question-sets/${set.id}/publish`, {});
  const position = await call<{ id: string }>('POST', '/api/v1/positions', {
    title: 'Engineer',
    hiringManagerId: hm.id,
  });
  const pairs: Array<{ interviewId: string; userId: string }> = [];
  for (let i = 0; i < INTERVIEWS; i++) {
    const candidate = await call<{ id: string }>('POST', '/api/v1/candidates', {
      name: `Candidate ${i}`,
      email: `c${i}@bench.local`,
      positionId: position.id,
    });
    const kit = await call<{ id: string }>('POST', '/api/v1/interviews', {
      candidateId: candidate.id,
      stage: 'onsite',
      start: new Date(Date.now() + (i + 1) * 3600_000).toISOString(),
      durationMinutes: 45,
      timezone: 'UTC',
      panel: people.map((p, j) => ({ userId: p.id, role: j === 0 ? 'lead' : 'shadow' })),
      questions: [{ setId: set.id }],
      allowConflicts: true,
    });
    for (const p of people) pairs.push({ interviewId: kit.id, userId: p.id });
  }
  return pairs;
}

/** Stores `count` reminders (overdue nudges, as many occurrences as needed) and adds their delayed jobs; returns how long adding the jobs took. */
async function plant(
  app: RunningApp,
  db: Client,
  pairs: Array<{ interviewId: string; userId: string }>,
  count: number,
  dueAt: (i: number) => number,
  tag: string,
): Promise<number> {
  const { rows } = await db.query<{ id: string; due_at: Date }>(
    `INSERT INTO reminders (key, interview_id, recipient_id, about_user_id, kind, occurrence, due_at)
     SELECT interview_id || '.' || user_id || '.bench-${tag}.' || n, interview_id, user_id, user_id, 'feedback_overdue', n::int, 'epoch'::timestamptz + due * interval '1 millisecond'
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[]) WITH ORDINALITY AS p(interview_id, user_id, due, n)
     RETURNING id, due_at`,
    [
      Array.from({ length: count }, (_, i) => pairs[i % pairs.length].interviewId),
      Array.from({ length: count }, (_, i) => pairs[i % pairs.length].userId),
      Array.from({ length: count }, (_, i) => dueAt(i)),
    ],
  );
  const t0 = Date.now();
  const ids = await addReminderJobs(
    app.queue,
    app.backend,
    rows.map((r) => ({ id: r.id, dueAt: r.due_at })),
  );
  await db.query(
    `UPDATE reminders r SET job_id = j.job FROM unnest($1::uuid[], $2::text[]) AS j(id, job) WHERE r.id = j.id`,
    [rows.map((r) => r.id), ids],
  );
  // The product plans a reminder when its interview is scheduled, days before it falls due, and
  // autovacuum analyzes the table meanwhile. Planted a minute ahead, the rows may or may not have
  // been analyzed by the due time (autovacuum wakes once a minute): unanalyzed, the planner takes
  // 'scheduled' for rare and claims a batch by scanning every scheduled reminder of that instant
  // (10-40 ms a statement instead of 1-2), so the run measured autovacuum's timing, not the app.
  await db.query('ANALYZE reminders');
  return Date.now() - t0;
}

interface BackendResult {
  backend: Backend;
  workers: number;
  burst: {
    reminders: number;
    enqueueMs: number;
    allDeliveredMs: number;
    msgPerSec: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    cpuMs: Record<string, number>;
  };
  spread: { reminders: number; p50Ms: number; p99Ms: number; maxMs: number };
  deliveries: number;
  messages: number;
  repeats: number;
}

async function run(backend: Backend): Promise<BackendResult> {
  const smtp = await CountingSmtp.start();
  const dbName = `bench_rem_${backend}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
  const db = new Client({ connectionString: dbUrl });
  let app: RunningApp | undefined;
  try {
    app = await startApp({
      root: ROOT,
      backend,
      dbUrl,
      redisUrl: REDIS_URL,
      prefix: dbName,
      smtpPort: smtp.port,
      workers: WORKERS,
    });
    await db.connect();
    const pairs = await setup(app);
    process.stderr.write(
      `${backend}: ${WORKERS} workers up, ${pairs.length} panelists; planting ${BURST} reminders...\n`,
    );
    // burst: every reminder due at one instant, far enough ahead to add every job first
    const instant = Date.now() + 20_000 + BURST * 4;
    const enqueueMs = await plant(app, db, pairs, BURST, () => instant, 'burst');
    if (Date.now() > instant - 2000) throw new Error('adding the jobs took longer than the lead time');
    await waitFor(() => Date.now() >= instant, 10 * 60_000);
    const pgCpu = async () => {
      const { rows: pids } = await db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [dbName],
      );
      return new Map(pids.map((r) => [r.pid, cpuMs(r.pid)]));
    };
    const pg0 = await pgCpu();
    const cpu0 = app.cpu();
    const cpuSelf0 = (process.cpuUsage().user + process.cpuUsage().system) / 1000;
    await waitFor(() => smtp.arrivals.length >= BURST, 10 * 60_000);
    const cpu1 = app.cpu();
    // backends that ended meanwhile drop out; new ones count from zero
    const pgMs = [...(await pgCpu())].reduce((sum, [pid, ms]) => sum + ms - (pg0.get(pid) ?? 0), 0);
    const cpuSelf = (process.cpuUsage().user + process.cpuUsage().system) / 1000 - cpuSelf0;
    if (process.env.BENCH_TRACE) {
      const perSecond = new Map<number, number>();
      for (const a of smtp.arrivals)
        perSecond.set(
          Math.floor((a.at - instant) / 1000),
          (perSecond.get(Math.floor((a.at - instant) / 1000)) ?? 0) + 1,
        );
      process.stderr.write(
        `arrivals per second after the instant: ${[...perSecond]
          .sort((a, b) => a[0] - b[0])
          .map(([k, v]) => `${k}:${v}`)
          .join(' ')}\n`,
      );
    }
    const burst = smtp.arrivals.splice(0).map((a) => a.at - a.dueAt);
    const lastMs = Math.max(...burst);
    process.stderr.write(`${backend}: burst delivered after ${lastMs} ms; spread over a minute...\n`);
    // spread: SPREAD reminders due evenly over one minute
    const start = Date.now() + 10_000 + SPREAD * 4;
    await plant(app, db, pairs, SPREAD, (i) => start + Math.floor((i * 60_000) / SPREAD), 'spread');
    await waitFor(() => smtp.arrivals.length >= SPREAD, 10 * 60_000);
    const spread = smtp.arrivals.splice(0).map((a) => a.at - a.dueAt);
    // stragglers (a message sent twice) would arrive now
    await new Promise((r) => setTimeout(r, 2000));
    const [{ n }] = (
      await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM deliveries WHERE status = 'sent' AND kind = 'feedback_overdue'`,
      )
    ).rows;
    return {
      backend,
      workers: WORKERS,
      burst: {
        reminders: BURST,
        enqueueMs,
        allDeliveredMs: lastMs,
        msgPerSec: Math.round(BURST / (lastMs / 1000)),
        p50Ms: percentile(burst, 50),
        p99Ms: percentile(burst, 99),
        maxMs: lastMs,
        cpuMs: {
          ...Object.fromEntries(Object.keys(cpu1).map((k) => [k, cpu1[k] - (cpu0[k] ?? 0)])),
          'bench (SMTP server)': cpuSelf,
          PostgreSQL: pgMs,
        },
      },
      spread: {
        reminders: SPREAD,
        p50Ms: percentile(spread, 50),
        p99Ms: percentile(spread, 99),
        maxMs: Math.max(...spread),
      },
      deliveries: Number(n),
      messages: smtp.seen.size + smtp.repeats,
      repeats: smtp.repeats,
    };
  } finally {
    await app?.stop();
    await db.end().catch(() => undefined);
    await smtp.close();
    await admin
      .query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
      .catch((e) => process.stderr.write(`dropping ${dbName}: ${e}\n`));
    await admin.end();
    if (backend === 'redis') await dropRedisKeys(REDIS_URL, `${dbName}:*`);
  }
}

const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const mark = (ok: boolean) => (ok ? 'yes' : 'NO');

function table(results: BackendResult[]): string {
  const lines = [
    '| backend | workers | load | adding the jobs | all delivered after | lateness p50 | p99 | max | target met |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    const b = r.burst;
    lines.push(
      `| ${r.backend} | ${r.workers} | ${b.reminders} at one instant | ${s(b.enqueueMs)} | ${s(b.allDeliveredMs)} (${b.msgPerSec} msg/s) | ${s(b.p50Ms)} | ${s(b.p99Ms)} | ${s(b.maxMs)} | ${mark(b.allDeliveredMs <= TARGET.burstMs[r.backend])} (<= ${s(TARGET.burstMs[r.backend])}) |`,
    );
    const p99Target = TARGET.spreadP99Ms[r.backend];
    lines.push(
      `| ${r.backend} | ${r.workers} | ${r.spread.reminders} over 60 s | | | ${s(r.spread.p50Ms)} | ${s(r.spread.p99Ms)} | ${s(r.spread.maxMs)} | ${p99Target ? `${mark(r.spread.p99Ms <= p99Target)} (p99 <= ${p99Target} ms)` : ''} |`,
    );
  }
  lines.push('');
  for (const r of results) {
    const cpu = Object.entries(r.burst.cpuMs)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ');
    const app = Object.entries(r.burst.cpuMs)
      .filter(([k]) => k === 'api' || k.startsWith('worker') || k === 'PostgreSQL')
      .reduce((sum, [, v]) => sum + v, 0);
    lines.push(
      `${r.backend}: ${r.deliveries} delivery rows and ${r.messages} SMTP messages for ${r.burst.reminders + r.spread.reminders} reminders, ${r.repeats} sent twice`,
    );
    lines.push(
      `${r.backend}: CPU during the burst: ${cpu}; app + PostgreSQL ${(app / r.burst.reminders).toFixed(2)} ms per reminder`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  if (!process.env.BENCH_NO_BUILD) {
    process.stderr.write('building (node scripts/run.js --build)...\n');
    if (
      spawnSync(process.execPath, [join(ROOT, 'scripts/run.js'), '--build'], { cwd: ROOT, stdio: 'inherit' }).status !==
      0
    )
      throw new Error('build failed');
  }
  const results: BackendResult[] = [];
  for (const b of BACKENDS) results.push(await run(b));
  const text = table(results);
  process.stdout.write(`${text}\n`);
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `reminders-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ startedAt, cores: cpus().length, workers: WORKERS, results }, null, 2) + '\n');
  process.stdout.write(`\nwritten to ${file}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
