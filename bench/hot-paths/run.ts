// `npm run bench` (issue 15): the app as production runs it (built API and worker as separate
// processes, NODE_ENV=production, PostgreSQL and Redis) beside the bare Fastify + pg server of
// bench/bare/, on one freshly created database, driven alternately by autocannon in a process of its
// own. Prints req/s, p50/p99 and CPU per request for every hot path with the ratio to the bare
// server, and writes the figures as JSON under bench/results/.
//
// Environment: BENCH_DATABASE_URL (a PostgreSQL server; default postgres://postgres@127.0.0.1:5432/postgres),
// REDIS_URL (default redis://127.0.0.1:6379), BENCH_SECONDS per run (10), BENCH_ROUNDS (3),
// BENCH_CONNECTIONS (32), BENCH_SUMMARY_CANDIDATES (100: 24,000 ratings), BENCH_PATHS (comma-separated
// names, default all), BENCH_PROFILE=1 (the API writes a V8 CPU profile under bench/results/).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { SMTPServer } from 'smtp-server';
import type { LoadResult, LoadSpec } from './drive';
import { seed, type Seeded } from './seed';

const ROOT = join(__dirname, '../..');
const RESULTS = join(ROOT, 'bench/results');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// five: on a shared 2-core machine one round's ratio moves by up to 0.15, a median of three by 0.1
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SUMMARY_CANDIDATES = Number(process.env.BENCH_SUMMARY_CANDIDATES ?? 100);
const ONLY = process.env.BENCH_PATHS?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

interface Proc {
  child: ChildProcess;
  log: string;
  exited: Promise<void>;
}

const nodeFlags = (flags: string | undefined) => flags?.split(/\s+/).filter(Boolean) ?? [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A child whose output goes to a file (a pipe nobody reads fast enough would slow its logging). */
function start(label: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Proc {
  const log = join(logDir, `${label}.log`);
  const fd = openSync(log, 'a');
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, log, exited };
}

async function until(
  what: string,
  proc: Proc,
  ok: () => Promise<boolean> | boolean,
  timeoutMs = 120_000,
): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (proc.child.exitCode !== null)
      throw new Error(`${what}: the process exited\n${readFileSync(proc.log, 'utf8').slice(-4000)}`);
    if (await Promise.resolve(ok()).catch(() => false)) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms\n${readFileSync(proc.log, 'utf8').slice(-4000)}`);
}

async function stop(proc: Proc | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000).unref());
  if ((await Promise.race([proc.exited.then(() => 'exited' as const), timer])) === 'timeout') {
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
}

/** User + system CPU of a process so far, in ms (Linux /proc; clock ticks are 100 Hz there). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

async function drive(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TS_NODE, join(__dirname, 'drive.ts')], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load driver exited ${code}`)),
    );
    child.stdin!.end(JSON.stringify(spec));
  });
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The first place two JSON values differ, ignoring what differs by nature (time taken, request ids, save times). */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  const volatile = new Set(['responseTime', 'requestId', 'updatedAt', 'version', 'processedAt', 'jobs']);
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return `${path || '/'}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
  if (a && typeof a === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    if (ka.join() !== kb.join()) return `${path || '/'}: keys ${ka.join(',')} vs ${kb.join(',')}`;
    for (const k of ka) {
      if (volatile.has(k)) continue;
      const d = firstDifference((a as any)[k], (b as any)[k], `${path}/${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

interface HotPath {
  name: string;
  label: string;
  method: 'GET' | 'PUT';
  path: string;
  token?: string;
  autosave?: boolean;
}

function hotPaths(s: Seeded): HotPath[] {
  const iv = s.tokens.interviewers;
  return [
    { name: 'health', label: 'GET /health (database + queue checks)', method: 'GET', path: '/health' },
    {
      name: 'kit',
      label: 'interview kit, 12 questions / 36 criteria',
      method: 'GET',
      path: `/api/v1/interviews/${s.kitInterviewId}`,
      token: iv[s.kitReader],
    },
    {
      name: 'question-sets',
      label: 'question sets, page of 50',
      method: 'GET',
      path: '/api/v1/question-sets?limit=50',
      token: s.tokens.recruiter,
    },
    {
      name: 'autosave',
      label: 'scorecard autosave, 10 ratings',
      method: 'PUT',
      path: '/api/v1/interviews/:id/scorecards/mine',
      autosave: true,
    },
    {
      name: 'upcoming',
      label: 'upcoming list, 20 of 30',
      method: 'GET',
      path: '/api/v1/interviews/upcoming?limit=20',
      token: iv[s.upcomingReader],
    },
    {
      name: 'summary',
      label: `position summary, ${s.summaryRatings.toLocaleString('en')} ratings`,
      method: 'GET',
      path: `/api/v1/positions/${s.summaryPositionId}/feedback-summary`,
      token: s.tokens.hiringManager,
    },
    {
      name: 'candidate-summary',
      label: 'candidate summary, 5 interviews / 240 ratings',
      method: 'GET',
      path: `/api/v1/candidates/${s.summaryCandidateId}/feedback-summary`,
      token: s.tokens.hiringManager,
    },
    {
      name: 'interview-summary',
      label: 'interview summary, 4 panelists / 48 ratings',
      method: 'GET',
      path: `/api/v1/interviews/${s.summaryInterviewId}/feedback-summary`,
      token: s.tokens.hiringManager,
    },
  ].filter((p) => !ONLY || ONLY.includes(p.name)) as HotPath[];
}

async function main() {
  const startedAt = new Date();
  mkdirSync(RESULTS, { recursive: true });
  const logDir = mkdtempSync(join(tmpdir(), 'scorecards-bench-logs-'));
  process.stderr.write(`building (node scripts/run.js --build)...\n`);
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/run.js'), '--build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');

  const dbName = `bench_hot_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
  // the worker needs somewhere to send mail; nothing in the data set falls due during the run
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _s, cb) => stream.on('end', () => cb()).resume(),
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  const secret = () => randomBytes(48).toString('base64url');
  const adminLogin = { email: 'admin@bench.local', password: `Bench-${randomBytes(12).toString('base64url')}` };
  const jwtSecret = secret();
  const [apiPort, barePort] = [await freePort(), await freePort()];
  const production: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl,
    REDIS_URL,
    QUEUE_PREFIX: dbName,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    JWT_SECRET: jwtSecret,
    WEBHOOK_SECRET: secret(),
    ADMIN_EMAIL: adminLogin.email,
    ADMIN_PASSWORD: adminLogin.password,
    PUBLIC_URL: 'https://scorecards.bench.example',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'scorecards-hot-paths-data-')),
    // the seed's access tokens serve the whole run: with the default 15 minutes, eight paths of five
    // rounds outlived them and the last rounds measured 401s
    JWT_TTL: '3h',
    // the limits stay on (every request is counted) but so high that 32 connections never reach them
    RATE_LIMIT: '100000000',
    ACCOUNT_RATE_LIMIT: '100000000',
  };
  const profileDir = join(RESULTS, 'profiles');
  if (process.env.BENCH_PROFILE) mkdirSync(profileDir, { recursive: true });
  let api: Proc | undefined;
  let worker: Proc | undefined;
  let bare: Proc | undefined;
  try {
    const apiArgs = [
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=api.cpuprofile']
        : []),
      // extra Node flags for a diagnosis (e.g. BENCH_API_FLAGS=--trace-gc with BENCH_KEEP_LOGS=1)
      ...nodeFlags(process.env.BENCH_API_FLAGS),
      join(ROOT, 'dist/apps/api/apps/api/src/main.js'),
    ];
    const t0 = Date.now();
    api = start('api', apiArgs, { ...production, PORT: String(apiPort), PROCESS_ROLE: 'api' }, logDir);
    worker = start('worker', [join(ROOT, 'dist/apps/worker/apps/worker/src/main.js')], production, logDir);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await until('API /health', api, async () => (await fetch(`${apiUrl}/health`)).ok);
    const apiHealthyMs = Date.now() - t0;
    await until('worker', worker, () => readFileSync(worker!.log, 'utf8').includes('worker started'));
    process.stderr.write(
      `API healthy after ${apiHealthyMs} ms (first start: migrations on an empty database); seeding...\n`,
    );

    const t1 = Date.now();
    const s = await seed(apiUrl, dbUrl, adminLogin, { summaryCandidates: SUMMARY_CANDIDATES, drafts: CONNECTIONS });
    process.stderr.write(
      `seeded in ${((Date.now() - t1) / 1000).toFixed(1)} s (${s.summaryRatings} summary ratings)\n`,
    );

    bare = start(
      'bare',
      [
        ...(process.env.BENCH_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=bare.cpuprofile']
          : []),
        ...nodeFlags(process.env.BENCH_BARE_FLAGS),
        ...TS_NODE,
        join(ROOT, 'bench/bare/server.ts'),
      ],
      {
        PATH: process.env.PATH,
        PORT: String(barePort),
        DATABASE_URL: dbUrl,
        REDIS_URL,
        JWT_SECRET: jwtSecret,
        QUEUE_PREFIX: dbName,
        PUBLIC_URL: production.PUBLIC_URL,
        NODE_ENV: 'production',
      },
      logDir,
    );
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await until('bare server', bare, async () => (await fetch(`${bareUrl}/health`)).ok);

    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    const paths = hotPaths(s);
    const draftsNow = async () => {
      const { rows } = await db.query<{ interview_id: string; panelist_id: string; version: number }>(
        `SELECT interview_id, panelist_id, version FROM scorecards WHERE interview_id = ANY($1)`,
        [s.drafts.map((d) => d.interviewId)],
      );
      const version = new Map(rows.map((r) => [`${r.interview_id}:${r.panelist_id}`, r.version]));
      const ids = await db.query<{ id: string; email: string }>(`SELECT id, email FROM users`);
      const idOf = new Map(ids.rows.map((r) => [r.email, r.id]));
      return s.drafts.map((d, k) => ({
        path: `/api/v1/interviews/${d.interviewId}/scorecards/mine`,
        token: s.tokens.interviewers[d.interviewer],
        version: version.get(`${d.interviewId}:${idOf.get(`ivan${d.interviewer}.interviewer@bench.local`)}`) ?? 1,
        body: {
          ratings: d.ratings.map((r, i) => ({
            ...r,
            rating: 1 + ((i + k) % 4),
            note: `Round note ${i}: clear structure, weighed two options`,
          })),
        },
      }));
    };
    const once = async (url: string, p: HotPath) => {
      if (!p.autosave) {
        const res = await fetch(url + p.path, { headers: p.token ? { authorization: `Bearer ${p.token}` } : {} });
        return { status: res.status, body: await res.json() };
      }
      const [d] = await draftsNow();
      const res = await fetch(url + d.path, {
        method: 'PUT',
        headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...d.body, version: d.version }),
      });
      return { status: res.status, body: await res.json() };
    };

    // equivalence first: a yardstick that answers something else would measure nothing
    const differences: Record<string, string | null> = {};
    for (const p of paths) {
      const [a, b] = [await once(apiUrl, p), await once(bareUrl, p)];
      differences[p.name] =
        a.status !== 200 || b.status !== 200
          ? `status ${a.status} vs ${b.status}: ${JSON.stringify(a.body).slice(0, 200)} | ${JSON.stringify(b.body).slice(0, 200)}`
          : firstDifference(a.body, b.body);
      if (differences[p.name]) process.stderr.write(`WARNING ${p.name}: the bodies differ at ${differences[p.name]}\n`);
    }

    // Node CPU of the server and of the PostgreSQL backends serving this database, per request
    const backends = async () =>
      (
        await db.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [dbName],
        )
      ).rows.map((r) => r.pid);
    const pgCpu = async () => new Map((await backends()).map((pid) => [pid, cpuMs(pid)]));
    // backends that ended meanwhile drop out; new ones count from zero
    const pgDelta = (before: Map<number, number>, after: Map<number, number>) =>
      [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
    const servers = { app: { url: apiUrl, pid: api.child.pid! }, bare: { url: bareUrl, pid: bare.child.pid! } };
    type Run = LoadResult & { round: number; nodeCpuMsPerRequest: number; pgCpuMsPerRequest: number };
    const runs: Record<string, { app: Run[]; bare: Run[] }> = Object.fromEntries(
      paths.map((p) => [p.name, { app: [], bare: [] }]),
    );
    const load = async (
      p: HotPath,
      which: 'app' | 'bare',
      seconds: number,
    ): Promise<LoadResult & { nodeCpuMsPerRequest: number; pgCpuMsPerRequest: number }> => {
      const spec: LoadSpec = {
        url: servers[which].url,
        method: p.method,
        path: p.path,
        token: p.token,
        connections: CONNECTIONS,
        seconds,
      };
      if (p.autosave) spec.drafts = await draftsNow();
      const [node0, pg0] = [cpuMs(servers[which].pid), await pgCpu()];
      const r = await drive(spec);
      // saves still in flight when the load stopped finish before the next run reads the versions
      await new Promise((res) => setTimeout(res, 300));
      const [node1, pg1] = [cpuMs(servers[which].pid), await pgCpu()];
      const n = Math.max(1, r.requests + r.non2xx);
      return { ...r, nodeCpuMsPerRequest: (node1 - node0) / n, pgCpuMsPerRequest: pgDelta(pg0, pg1) / n };
    };
    process.stderr.write(`warming up...\n`);
    for (const p of paths) for (const which of ['app', 'bare'] as const) await load(p, which, Math.min(2, SECONDS));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const p of paths) {
        // alternate who goes first, so that neither always runs on a warmer or busier machine
        const order = round % 2 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
        for (const which of order) {
          const r = await load(p, which, SECONDS);
          runs[p.name][which].push({ ...r, round });
          process.stderr.write(
            `round ${round} ${p.name.padEnd(13)} ${which.padEnd(4)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms${r.non2xx || r.errors ? `  non-2xx ${r.non2xx} errors ${r.errors}` : ''}\n`,
          );
        }
      }
    }
    const rss = {
      apiMiB: rssMiB(api.child.pid!),
      workerMiB: rssMiB(worker.child.pid!),
      bareMiB: rssMiB(bare.child.pid!),
    };
    await db.end();

    // a later start (schema in place) is what a deploy or a restart costs
    await stop(api);
    const t2 = Date.now();
    api = start(
      'api-restart',
      [join(ROOT, 'dist/apps/api/apps/api/src/main.js')],
      { ...production, PORT: String(apiPort), PROCESS_ROLE: 'api' },
      logDir,
    );
    await until('API /health after restart', api, async () => (await fetch(`${apiUrl}/health`)).ok);
    const apiRestartMs = Date.now() - t2;

    const sum = (name: string, which: 'app' | 'bare') => {
      const r = runs[name][which];
      return {
        rps: median(r.map((x) => x.rps)),
        p50: median(r.map((x) => x.p50)),
        p99: median(r.map((x) => x.p99)),
        nodeCpuMs: median(r.map((x) => x.nodeCpuMsPerRequest)),
        pgCpuMs: median(r.map((x) => x.pgCpuMsPerRequest)),
        failed: r.reduce((t, x) => t + x.non2xx + x.errors, 0),
      };
    };
    const table = paths.map((p) => {
      const app = sum(p.name, 'app');
      const bareFig = sum(p.name, 'bare');
      return {
        name: p.name,
        label: p.label,
        app,
        bare: bareFig,
        ratio: app.rps / bareFig.rps,
        sameBody: differences[p.name] === null,
        difference: differences[p.name],
      };
    });
    const f = (n: number, d = 0) => n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
    const lines = [
      `\n## Hot paths: the app (production build, API + worker processes) against the bare Fastify + pg server`,
      `${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s, medians; ${cpus().length} cores; ${startedAt.toISOString()}\n`,
      '| path | app req/s | p50 | p99 | Node / PG CPU per req | bare req/s | p50 | p99 | Node / PG CPU per req | ratio |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...table.map(
        (t) =>
          `| ${t.label}${t.sameBody ? '' : ' (bodies differ!)'}${t.app.failed || t.bare.failed ? ` (failed: ${t.app.failed} / ${t.bare.failed})` : ''} | ${f(t.app.rps)} | ${t.app.p50} ms | ${t.app.p99} ms | ${f(t.app.nodeCpuMs, 2)} / ${f(t.app.pgCpuMs, 2)} ms | ${f(t.bare.rps)} | ${t.bare.p50} ms | ${t.bare.p99} ms | ${f(t.bare.nodeCpuMs, 2)} / ${f(t.bare.pgCpuMs, 2)} ms | ${t.ratio.toFixed(2)} |`,
      ),
      '',
      `API healthy ${f(apiHealthyMs)} ms after start on an empty database (migrations), ${f(apiRestartMs)} ms on a later start; RSS after the load: API ${rss.apiMiB} MiB, worker ${rss.workerMiB} MiB, bare server ${rss.bareMiB} MiB.`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    const file = join(RESULTS, `hot-paths-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          startedAt,
          cores: cpus().length,
          connections: CONNECTIONS,
          rounds: ROUNDS,
          seconds: SECONDS,
          summaryRatings: s.summaryRatings,
          table,
          runs,
          start: { apiHealthyMs, apiRestartMs },
          rss,
        },
        null,
        2,
      ) + '\n',
    );
    process.stdout.write(`\nwritten to ${file}\n`);
  } finally {
    await Promise.all([stop(api), stop(worker), stop(bare)]);
    smtp.close();
    await admin
      .query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
      .catch((e) => process.stderr.write(`dropping ${dbName}: ${e}\n`));
    await admin.end();
    await dropRedisKeys(`${dbName}:*`);
    if (process.env.BENCH_KEEP_LOGS) process.stderr.write(`logs in ${logDir}\n`);
    else rmSync(logDir, { recursive: true, force: true });
    rmSync(production.DATA_DIR!, { recursive: true, force: true });
  }
}

/** The queue's and the rate limits' keys of this run (its prefix is the database's name). */
async function dropRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

if (!existsSync(join(ROOT, 'node_modules/autocannon'))) {
  process.stderr.write('autocannon is missing: run npm ci\n');
  process.exit(1);
}
main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
