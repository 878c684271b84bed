// The built API (PROCESS_ROLE=api) and N built workers as separate processes, as production runs them;
// their output goes to files (printed when one fails to start).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { BackendQueue } from '../../libs/queue/src/backend-classes';
import { QueueName } from '../../libs/queue/src/queue.constants';

interface Proc {
  label: string;
  child: ChildProcess;
  log: string;
  exited: Promise<void>;
}

export interface RunningApp {
  /** A JSON call to the API as the admin; throws on an unexpected status. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** The reminders queue, on the app's backend. */
  queue: Queue;
  backend: 'postgres' | 'redis';
  /** CPU time (user + system, ms) of each process so far. */
  cpu(): Record<string, number>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** User + system CPU of a process so far, in ms (Linux /proc, 100 Hz clock ticks). */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

async function until(p: Proc, ok: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (p.child.exitCode !== null) throw new Error(`${p.label} exited\n${readFileSync(p.log, 'utf8').slice(-4000)}`);
    if (await Promise.resolve(ok()).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${p.label}: not ready after ${timeoutMs} ms\n${readFileSync(p.log, 'utf8').slice(-4000)}`);
}

async function stop(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000).unref());
  if ((await Promise.race([p.exited.then(() => 'exited' as const), timer])) === 'timeout') {
    p.child.kill('SIGKILL');
    await p.exited;
  }
}

export async function startApp(o: {
  root: string;
  backend: 'postgres' | 'redis';
  dbUrl: string;
  redisUrl: string;
  prefix: string;
  smtpPort: number;
  workers: number;
}): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecards-bench-reminders-'));
  const admin = { email: 'admin@bench.local', password: `Bench-${randomBytes(12).toString('base64url')}` };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    // production requires Redis: on the PostgreSQL backend the processes run as development with an external database
    NODE_ENV: o.backend === 'redis' ? 'production' : 'development',
    HOST: '127.0.0.1',
    DATABASE_URL: o.dbUrl,
    ...(o.backend === 'redis'
      ? { REDIS_URL: o.redisUrl, QUEUE_PREFIX: o.prefix }
      : // PostgreSQL's 100 connections, shared by the API and the workers: each process opens up to
        // DATABASE_POOL_MAX + QUEUE_POOL_MAX, and a worker process one LISTEN connection per queue more
        { DATABASE_POOL_MAX: '10', QUEUE_POOL_MAX: '6' }),
    SMTP_URL: `smtp://127.0.0.1:${o.smtpPort}`,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WEBHOOK_SECRET: randomBytes(48).toString('base64url'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    PUBLIC_URL: 'https://scorecards.bench.example',
    DATA_DIR: dir,
    DEMO: 'false',
    RATE_LIMIT: '100000000',
    ACCOUNT_RATE_LIMIT: '100000000',
  };
  const procs: Proc[] = [];
  const start = (label: string, entry: string, extra: NodeJS.ProcessEnv): Proc => {
    const log = join(dir, `${label}.log`);
    const fd = openSync(log, 'a');
    // BENCH_PROFILE=1: each worker writes a V8 CPU profile to bench/results/profiles/ when it exits
    const profile =
      process.env.BENCH_PROFILE && label.startsWith('worker')
        ? ['--cpu-prof', `--cpu-prof-dir=${join(o.root, 'bench/results/profiles')}`]
        : [];
    const child = spawn(process.execPath, [...profile, join(o.root, entry)], {
      cwd: o.root,
      env: { ...env, ...extra },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const p = { label, child, log, exited: new Promise<void>((r) => child.once('exit', () => r())) };
    procs.push(p);
    return p;
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const connection =
    o.backend === 'redis'
      ? { connection: { url: o.redisUrl, maxRetriesPerRequest: null }, prefix: o.prefix }
      : { connection: { connectionString: o.dbUrl, schema: 'bullmq', migrate: true, max: 10 } };
  let queue: Queue | undefined;
  try {
    const api = start('api', 'dist/apps/api/apps/api/src/main.js', { PORT: String(port), PROCESS_ROLE: 'api' });
    await until(api, async () => (await fetch(`${url}/health`)).ok);
    const workers = Array.from({ length: o.workers }, (_, i) =>
      start(`worker-${i + 1}`, 'dist/apps/worker/apps/worker/src/main.js', {}),
    );
    for (const w of workers) await until(w, () => readFileSync(w.log, 'utf8').includes('worker started'));
    queue = new (BackendQueue as unknown as new (name: string, opts: unknown) => Queue)(
      QueueName.Reminders,
      connection,
    );
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const q = queue;
    return {
      backend: o.backend,
      queue: q,
      async call<T>(method: string, path: string, body?: unknown): Promise<T> {
        const res = await fetch(url + path, {
          method,
          headers: {
            authorization: `Bearer ${accessToken}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
        return (text ? JSON.parse(text) : undefined) as T;
      },
      cpu: () => Object.fromEntries(procs.map((p) => [p.label, cpuMs(p.child.pid)])),
      async stop() {
        await q.close();
        await Promise.all(procs.map(stop));
        if (process.env.BENCH_KEEP_LOGS) process.stderr.write(`logs in ${dir}\n`);
        else rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await queue?.close();
    await Promise.all(procs.map(stop));
    throw e;
  }
}
