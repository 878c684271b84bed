import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { ConfigError, loadConfig, loadDotEnv } from './app-config';
import { lowEntropyReason } from './production-checks';

const dataDir = () => mkdtempSync(join(tmpdir(), 'cfg-'));

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives the embedded default with no environment at all', () => {
    const dir = dataDir();
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({
      embedded: true,
      port: 3000,
      demo: true,
      processRole: 'all',
      queueBackend: 'postgres',
      production: false,
    });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('generates a JWT secret once and keeps it under DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(join(dir, 'jwt-secret'))).toBe(true);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
  });

  it('logs readably at a terminal and as JSON when piped, unless LOG_FORMAT says otherwise; JSON in production', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }, true).logFormat).toBe('pretty');
    expect(loadConfig({ DATA_DIR: dataDir() }, false).logFormat).toBe('json');
    expect(loadConfig({ DATA_DIR: dataDir(), LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ DATA_DIR: dataDir(), LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(loadConfig(SAFE_PRODUCTION, true).logFormat).toBe('json');
    expect(problems({ ...SAFE_PRODUCTION, LOG_FORMAT: 'pretty' }).join('\n')).toContain('LOG_FORMAT');
    expect(problems({ DATA_DIR: dataDir(), LOG_FORMAT: 'yaml' }).join('\n')).toContain('LOG_FORMAT');
  });

  it('reads .env when there is one, the variables already set winning', () => {
    const file = join(dataDir(), '.env');
    const env: Record<string, string> = { SET: 'from-env' };
    expect(loadDotEnv(file, env)).toBe(false);
    writeFileSync(file, '# a comment\nSET=from-file\nNEW="from file"\n');
    expect(loadDotEnv(file, env)).toBe(true);
    expect(env).toEqual({ SET: 'from-env', NEW: 'from file' });
  });

  it('turns demo data off by default when a database is configured', () => {
    const c = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgres://u@h/db',
      REDIS_URL: 'redis://localhost:6379',
    });
    expect(c).toMatchObject({ embedded: false, demo: false, queueBackend: 'redis' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL'],
    [{ DEMO: 'maybe' }, 'DEMO'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'root', ADMIN_PASSWORD: 'long-enough' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'root@example.com' }, 'ADMIN_PASSWORD'],
    [{ PROCESS_ROLE: 'worker' }, 'PROCESS_ROLE'],
  ])('names the variable of a bad value: %j', (env, name) => {
    const found = problems({ DATA_DIR: dataDir(), ...env });
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(name);
  });

  it('requires the production variables when NODE_ENV=production, naming each', () => {
    const found = problems({ NODE_ENV: 'production', DATA_DIR: dataDir() });
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL'])
      expect(found.join('\n')).toContain(name);
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig(SAFE_PRODUCTION);
    expect(c).toMatchObject({
      production: true,
      embedded: false,
      processRole: 'api',
      demo: false,
      trustProxy: false,
      publicUrl: 'https://scorecards.example.org',
    });
  });
});

// A generated-looking configuration; each case below spoils one variable.
const SAFE_PRODUCTION: Record<string, string> = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app:pw@db:5432/scorecards',
  REDIS_URL: 'redis://redis:6379',
  SMTP_URL: 'smtp://mail:1025',
  JWT_SECRET: 'q7Vw2Lr9Zk4Tn8Bf3Hs6Jd1Xp5Mc0Ge-Ua_Yt7Rk2Wn',
  WEBHOOK_SECRET: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  ADMIN_EMAIL: 'ops@scorecards.example.org',
  ADMIN_PASSWORD: 'Tq8-vunk-Rmo2-peyl',
  PUBLIC_URL: 'https://scorecards.example.org',
  PROCESS_ROLE: 'api',
};
const COMPOSE_JWT_SECRET = 'change-me-to-a-long-random-secret-of-32-chars-or-more';

describe('production refuses to start unsafely', () => {
  const refused = (env: Record<string, string | undefined>) => {
    const merged = { ...SAFE_PRODUCTION, ...env };
    for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
    return problems(merged as Record<string, string>).join('\n');
  };

  it.each<[string, Record<string, string | undefined>, string]>([
    ['the docker-compose JWT secret', { JWT_SECRET: COMPOSE_JWT_SECRET }, 'JWT_SECRET'],
    ['the test JWT secret', { JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789' }, 'JWT_SECRET'],
    ['a JWT secret saying "example"', { JWT_SECRET: 'this-is-an-EXAMPLE-value-for-the-jwt-signing-key' }, 'JWT_SECRET'],
    ['a JWT secret saying "placeholder"', { JWT_SECRET: 'placeholder-placeholder-placeholder-42' }, 'JWT_SECRET'],
    ['a JWT secret saying "default"', { JWT_SECRET: 'Default_Jwt_Key_For_Scorecards_Production_1' }, 'JWT_SECRET'],
    ['a JWT secret of x', { JWT_SECRET: 'x'.repeat(40) }, 'JWT_SECRET'],
    ['a JWT secret of one repeated character', { JWT_SECRET: 'a'.repeat(64) }, 'JWT_SECRET'],
    ['a JWT secret repeating a short pattern', { JWT_SECRET: 'k3J9'.repeat(10) }, 'JWT_SECRET'],
    ['a JWT secret that is a run of characters', { JWT_SECRET: '0123456789abcdefghijklmnopqrstuvwxyz' }, 'JWT_SECRET'],
    ['a JWT secret of few characters', { JWT_SECRET: 'abab-baba-aabb-bbaa-abba-baab-abab-b' }, 'JWT_SECRET'],
    ['a short webhook secret', { WEBHOOK_SECRET: 'Xk29fLq0Zr8bTn4wQ1' }, 'WEBHOOK_SECRET'],
    [
      'a placeholder webhook secret',
      { WEBHOOK_SECRET: 'change-this-webhook-signing-key-before-going-live' },
      'WEBHOOK_SECRET',
    ],
    ['a low-entropy webhook secret', { WEBHOOK_SECRET: 'z'.repeat(48) }, 'WEBHOOK_SECRET'],
    ['the demo password', { ADMIN_PASSWORD: 'demo-password' }, 'ADMIN_PASSWORD'],
    ['the test admin password', { ADMIN_PASSWORD: 'admin-password' }, 'ADMIN_PASSWORD'],
    ['"password"', { ADMIN_PASSWORD: 'password' }, 'ADMIN_PASSWORD'],
    ['"changeme" in capitals', { ADMIN_PASSWORD: 'CHANGEME' }, 'ADMIN_PASSWORD'],
    ['the docker-compose admin password', { ADMIN_PASSWORD: 'change-me-now' }, 'ADMIN_PASSWORD'],
    ['a short admin password', { ADMIN_PASSWORD: 'Tq8-vunk-Rm' }, 'ADMIN_PASSWORD'],
    ['an admin password of one character', { ADMIN_PASSWORD: '!!!!!!!!!!!!!!!!' }, 'ADMIN_PASSWORD'],
    [
      'an admin password made of the admin email',
      { ADMIN_EMAIL: 'operations@example.org', ADMIN_PASSWORD: 'Operations-2026!' },
      'ADMIN_PASSWORD',
    ],
    ['the demo', { DEMO: 'true' }, 'DEMO'],
    ['the demo as "yes"', { DEMO: 'yes' }, 'DEMO'],
    ['no public URL', { PUBLIC_URL: undefined }, 'PUBLIC_URL'],
    ['an http public URL', { PUBLIC_URL: 'http://scorecards.example.org' }, 'PUBLIC_URL'],
    ['an HTTP public URL in capitals', { PUBLIC_URL: 'HTTP://scorecards.example.org' }, 'PUBLIC_URL'],
    ['trusting every proxy', { TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    ['trusting every IPv4 address', { TRUST_PROXY: '10.0.0.1,0.0.0.0/0' }, 'TRUST_PROXY'],
    ['trusting every IPv6 address', { TRUST_PROXY: '::/0' }, 'TRUST_PROXY'],
  ])('refuses %s, naming the variable', (_label, env, name) => {
    expect(refused(env)).toContain(name);
  });

  it('lists every problem at once', () => {
    const found = refused({
      JWT_SECRET: COMPOSE_JWT_SECRET,
      WEBHOOK_SECRET: 'short-but-16-chars',
      ADMIN_PASSWORD: 'change-me-now',
      DEMO: 'true',
      PUBLIC_URL: 'http://localhost:3000',
      TRUST_PROXY: 'true',
    });
    for (const name of ['JWT_SECRET', 'WEBHOOK_SECRET', 'ADMIN_PASSWORD', 'DEMO', 'PUBLIC_URL', 'TRUST_PROXY'])
      expect(found).toContain(name);
  });

  it('sizes the connection pools from DATABASE_POOL_MAX and QUEUE_POOL_MAX, refusing sizes that cannot work', () => {
    const d = { DATA_DIR: dataDir() };
    expect(loadConfig(d)).toMatchObject({ databasePoolMax: 20, queuePoolMax: 10 });
    expect(loadConfig({ ...d, DATABASE_POOL_MAX: '8', QUEUE_POOL_MAX: '3' })).toMatchObject({
      databasePoolMax: 8,
      queuePoolMax: 3,
    });
    for (const [name, value] of [
      ['DATABASE_POOL_MAX', '1'],
      ['DATABASE_POOL_MAX', 'many'],
      ['QUEUE_POOL_MAX', '0'],
      ['QUEUE_POOL_MAX', '5000'],
    ])
      expect(problems({ ...d, [name]: value }).join('\n')).toContain(name);
  });

  it.each([
    ['1'],
    ['2'],
    ['10.0.0.1'],
    ['10.0.0.0/8, 172.16.0.0/12'],
    ['::1,fd00::/8'],
    ['loopback,uniquelocal'],
    ['false'],
  ])('accepts TRUST_PROXY=%s and parses it for Fastify', (value) => {
    const c = loadConfig({ ...SAFE_PRODUCTION, TRUST_PROXY: value });
    if (/^\d+$/.test(value)) expect(c.trustProxy).toBe(Number(value));
    else if (value === 'false') expect(c.trustProxy).toBe(false);
    else expect(c.trustProxy).toEqual(value.split(',').map((s) => s.trim()));
  });

  it.each([['10.0.0.300'], ['10.0.0.0/33'], ['fd00::/129'], ['proxy.internal'], ['10.0.0.0/8/1'], ['TRUE']])(
    'names TRUST_PROXY for a malformed entry %s in every mode',
    (value) => {
      expect(refused({ TRUST_PROXY: value })).toContain('TRUST_PROXY');
      expect(problems({ DATA_DIR: dataDir(), TRUST_PROXY: value }).join('\n')).toContain('TRUST_PROXY');
    },
  );

  it('accepts secrets as generated by openssl, base64 and hex', () => {
    for (const secret of [
      randomBytes(32).toString('base64'),
      randomBytes(32).toString('hex'),
      randomBytes(16).toString('hex'),
      randomBytes(48).toString('base64url'),
    ]) {
      expect(refused({ JWT_SECRET: secret.padEnd(32, 'Q'), WEBHOOK_SECRET: secret.padEnd(32, 'Q') })).toBe('');
    }
  });

  it('derives the webhook secret when it is not set', () => {
    const c = loadConfig({ ...SAFE_PRODUCTION, WEBHOOK_SECRET: '' });
    expect(c.webhookSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('leaves development and test as they were: placeholders, the demo and http are fine there', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const c = loadConfig({
        NODE_ENV,
        DATA_DIR: dataDir(),
        JWT_SECRET: COMPOSE_JWT_SECRET,
        ADMIN_EMAIL: 'admin@test.local',
        ADMIN_PASSWORD: 'admin-password',
        DEMO: 'true',
        PUBLIC_URL: 'http://localhost:3000',
        TRUST_PROXY: 'true',
      });
      expect(c).toMatchObject({ demo: true, trustProxy: true, publicUrl: 'http://localhost:3000' });
    }
  });
});

describe('lowEntropyReason', () => {
  it.each([['aaaaaaaa'], ['abcabcabcabc'], ['12345678901234567890'], ['qwqwqwqwqwqwqwqwqw'], ['aabbaabbccaabbaabbcc']])(
    'flags %s',
    (v) => {
      expect(lowEntropyReason(v)).toBeDefined();
    },
  );

  it('passes 200 random secrets', () => {
    for (let i = 0; i < 200; i++) expect(lowEntropyReason(randomBytes(24).toString('base64url'))).toBeUndefined();
  });
});
