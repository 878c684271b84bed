import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

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
    expect(c).toMatchObject({ embedded: true, port: 3000, demo: true, processRole: 'all', queueBackend: 'postgres', production: false });
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

  it('turns demo data off by default when a database is configured', () => {
    const c = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://localhost:6379' });
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
    [{ ADMIN_EMAIL: 'root' , ADMIN_PASSWORD: 'long-enough' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'root@example.com' }, 'ADMIN_PASSWORD'],
    [{ PROCESS_ROLE: 'worker' }, 'PROCESS_ROLE'],
  ])('names the variable of a bad value: %j', (env, name) => {
    const found = problems({ DATA_DIR: dataDir(), ...env });
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(name);
  });

  it('requires the production variables when NODE_ENV=production, naming each', () => {
    const found = problems({ NODE_ENV: 'production', DATA_DIR: dataDir() });
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL']) expect(found.join('\n')).toContain(name);
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app:pw@db:5432/scorecards',
      REDIS_URL: 'redis://redis:6379',
      SMTP_URL: 'smtp://mail:1025',
      JWT_SECRET: 'x'.repeat(40),
      PROCESS_ROLE: 'api',
    });
    expect(c).toMatchObject({ production: true, embedded: false, processRole: 'api', demo: false });
  });
});
