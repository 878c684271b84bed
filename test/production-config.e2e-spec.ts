import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestSmtp } from './support/smtp';
import { TestDatabase } from './support/test-app';
import { freePort, type Running } from './support/child-process';

// The built API (`npm run start:api`) with NODE_ENV=production: every unsafe setting stops it before
// it opens a connection or a port, naming the variable; a safe configuration starts and answers.
const ROOT = join(__dirname, '..');
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');

/** Only the variables given (and PATH): nothing leaks in from the test runner's environment. */
function run(env: Record<string, string | undefined>): Running {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  const child = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** The exit code, or a failure naming what the process said if it is still running after `ms`. */
async function exitWithin(r: Running, ms = 60_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), ms)));
  const outcome = await Promise.race([r.exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'running') {
    r.child.kill('SIGKILL');
    throw new Error(`still running after ${ms} ms (an unsafe configuration was accepted):\n${r.output()}`);
  }
  return outcome;
}

/** The queue's and the rate limits' keys the started process left under its prefix. */
async function dropRedisKeys(url: string, pattern: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
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

const secret = () => randomBytes(48).toString('base64url');
const COMPOSE_JWT_SECRET = 'change-me-to-a-long-random-secret-of-32-chars-or-more';

describe('production configuration (the built API process)', () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  let safe: Record<string, string>;

  beforeAll(async () => {
    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run "npm run build" (npm test does)`);
    db = await TestDatabase.create('prodconfig');
    smtp = await TestSmtp.start();
    safe = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'scorecards-prod-')),
      DATABASE_URL: db.url,
      // production requires Redis; without one here the safe start cannot be shown (see the skip below)
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: db.name,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      JWT_SECRET: secret(),
      WEBHOOK_SECRET: secret(),
      ADMIN_EMAIL: 'ops@scorecards.test',
      ADMIN_PASSWORD: `Kz!${randomBytes(9).toString('hex')}`,
      PUBLIC_URL: 'https://scorecards.example.org',
      PROCESS_ROLE: 'api',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.drop();
    if (process.env.REDIS_URL && db) await dropRedisKeys(process.env.REDIS_URL, `${db.name}:*`);
  });

  it.each<[string, Record<string, string | undefined>, string]>([
    ['the JWT secret docker-compose.yml used to default to', { JWT_SECRET: COMPOSE_JWT_SECRET }, 'JWT_SECRET'],
    ['a placeholder JWT secret', { JWT_SECRET: 'please-replace-with-a-real-secret-value-0001' }, 'JWT_SECRET'],
    ['a JWT secret of one repeated character', { JWT_SECRET: 'k'.repeat(48) }, 'JWT_SECRET'],
    ['a JWT secret shorter than 32', { JWT_SECRET: secret().slice(0, 31) }, 'JWT_SECRET'],
    ['a placeholder webhook secret', { WEBHOOK_SECRET: 'example-webhook-secret-example-webhook' }, 'WEBHOOK_SECRET'],
    ['a webhook secret shorter than 32', { WEBHOOK_SECRET: secret().slice(0, 20) }, 'WEBHOOK_SECRET'],
    ['the demo password as the admin password', { ADMIN_PASSWORD: 'demo-password' }, 'ADMIN_PASSWORD'],
    ['the admin password docker-compose.yml used to default to', { ADMIN_PASSWORD: 'change-me-now' }, 'ADMIN_PASSWORD'],
    ['an admin password shorter than 12', { ADMIN_PASSWORD: 'Xq7-pLm2-z9' }, 'ADMIN_PASSWORD'],
    ['DEMO=true', { DEMO: 'true' }, 'DEMO'],
    ['no PUBLIC_URL', { PUBLIC_URL: undefined }, 'PUBLIC_URL'],
    ['an http:// PUBLIC_URL', { PUBLIC_URL: 'http://scorecards.example.org' }, 'PUBLIC_URL'],
    ['TRUST_PROXY=true', { TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
  ])('refuses %s: exits non-zero naming the variable', async (_label, change, name) => {
    const r = run({ ...safe, ...change });
    expect(await exitWithin(r)).toBe(1);
    expect(r.output()).toContain('Invalid configuration');
    expect(r.output()).toContain(name);
  });

  it('lists every problem in one start', async () => {
    const r = run({
      ...safe,
      JWT_SECRET: COMPOSE_JWT_SECRET,
      WEBHOOK_SECRET: 'x'.repeat(40),
      ADMIN_PASSWORD: 'change-me-now',
      DEMO: 'true',
      PUBLIC_URL: 'http://localhost:3000',
      TRUST_PROXY: 'true',
    });
    expect(await exitWithin(r)).toBe(1);
    for (const name of ['JWT_SECRET', 'WEBHOOK_SECRET', 'ADMIN_PASSWORD', 'DEMO', 'PUBLIC_URL', 'TRUST_PROXY'])
      expect(r.output()).toContain(name);
  });

  (process.env.REDIS_URL ? it : it.skip)(
    'starts with a safe configuration and answers /health (needs REDIS_URL)',
    async () => {
      const r = run({ ...safe, TRUST_PROXY: '1' });
      try {
        const deadline = Date.now() + 90_000;
        let health: { status: number; body: any } | undefined;
        while (Date.now() < deadline && !health) {
          if (r.child.exitCode !== null) throw new Error(`exited early:\n${r.output()}`);
          try {
            const res = await fetch(`http://127.0.0.1:${safe.PORT}/health`);
            health = { status: res.status, body: await res.json() };
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
        expect(health?.status).toBe(200);
        expect(r.output()).not.toContain('Invalid configuration');
        // the configured admin signs in; the demo admin does not exist
        const login = async (email: string, password: string) =>
          (
            await fetch(`http://127.0.0.1:${safe.PORT}/api/v1/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email, password }),
            })
          ).status;
        expect(await login(safe.ADMIN_EMAIL, safe.ADMIN_PASSWORD)).toBe(200);
        expect(await login('admin@demo.scorecards.dev', 'demo-password')).toBe(401);
      } finally {
        r.child.kill('SIGTERM');
        await exitWithin(r, 30_000).catch(() => undefined);
      }
    },
  );
});

describe('docker-compose.yml', () => {
  const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');

  it.each([['JWT_SECRET'], ['WEBHOOK_SECRET'], ['ADMIN_PASSWORD'], ['PUBLIC_URL']])(
    'requires %s with ${VAR:?message} and gives it no default',
    (name) => {
      const line = compose.split('\n').find((l) => new RegExp(`^\\s+${name}:`).test(l));
      expect(line).toMatch(new RegExp(`\\$\\{${name}:\\?[^}]+\\}`));
      expect(line).not.toMatch(/:-/);
    },
  );

  it('turns the demo off and leaves TRUST_PROXY to the operator', () => {
    expect(compose).toMatch(/^\s+DEMO: ["']false["']$/m);
    expect(compose).not.toMatch(/^\s+TRUST_PROXY:\s*"?true/m);
  });
});
