import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/** Variables that would point the app away from the README's zero-configuration default. */
const NOT_INHERITED = [
  'DATABASE_URL',
  'TEST_DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'JWT_SECRET',
  'NODE_ENV',
  'DEMO',
  'PROCESS_ROLE',
  'PUBLIC_URL',
  'QUEUE_PREFIX',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
];

export interface RunningApp {
  url: string;
  /** Its DATA_DIR; `databaseUrl(app)` reaches the embedded PostgreSQL kept there. */
  dataDir: string;
  /** What the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Settings for one spec's app, or a function of its URL for those that name it (PUBLIC_URL). */
export type AppEnv = Record<string, string> | ((url: string) => Record<string, string>);

/**
 * The app as the README starts it (`npm start`, i.e. `node scripts/run.js`): embedded PostgreSQL
 * and demo data, in a DATA_DIR of its own, on a free port. Resolves once /health answers. `extraEnv`
 * is what an operator would add (SSO, an outbound allowlist); it wins over the defaults above.
 */
export async function startApp(timeoutMs = 180_000, extraEnv: AppEnv = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'scorecards-web-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as another user and must enter it
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  };
  for (const name of NOT_INHERITED) delete env[name];
  const url = `http://127.0.0.1:${port}`;
  Object.assign(env, typeof extraEnv === 'function' ? extraEnv(url) : extraEnv);
  const child = spawn(process.execPath, [join(root, 'scripts/run.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + timeoutMs;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    if (child.exitCode !== null) break;
    ready = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    await stopProcess(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (!ready) {
    await stop();
    throw new Error(`the app did not become healthy within ${timeoutMs} ms:\n${output}`);
  }
  return { url, dataDir, output: () => output, stop };
}

/** SIGTERM lets the app drain and stop its embedded PostgreSQL; SIGKILL only if it hangs. */
async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * The connection string of the app's embedded PostgreSQL (password file and port from its
 * DATA_DIR), for tests that must set up what the API refuses, such as interviews in the past.
 */
export function databaseUrl(app: RunningApp): string {
  const password = readFileSync(join(app.dataDir, 'postgres-password'), 'utf8').trim();
  const port = readFileSync(join(app.dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .split('\n')[3]
    .trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/scorecards`;
}
