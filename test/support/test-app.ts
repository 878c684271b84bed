import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { AppConfig } from '@app/config';
import { loadConfig } from '@app/config';
import { createHttpApp, createWorkerContext } from '@app/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password' };

export interface HttpResult<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** A database of its own for one test file, on the server the global setup found. */
export class TestDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly adminUrl: string,
  ) {}

  static async create(label: string): Promise<TestDatabase> {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (global setup)');
    const name = `t_${label
      .replace(/[^a-z0-9]/gi, '_')
      .toLowerCase()
      .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
    await TestDatabase.admin(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return new TestDatabase(name, url.toString(), adminUrl);
  }

  /** Runs SQL on the server's maintenance connection (for statements about this database itself). */
  async adminQuery(sql: string): Promise<void> {
    await TestDatabase.admin(this.adminUrl, sql);
  }

  private static async admin(adminUrl: string, sql: string): Promise<void> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async drop(): Promise<void> {
    await TestDatabase.admin(this.adminUrl, `DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }
}

export interface TestAppOptions {
  /** Extra environment, as the process would read it. */
  env?: Record<string, string>;
  /** Run the queue on Redis (needs REDIS_URL in the environment). */
  redis?: boolean;
  /** 'api' leaves the workers out, so that a separate worker context must process the jobs. */
  role?: 'all' | 'api';
  /** Reuse another app's database (for a second process on the same data). */
  database?: TestDatabase;
}

export function testConfig(db: TestDatabase, options: TestAppOptions = {}): AppConfig {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'scorecards-data-')),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DEMO: 'false',
    LOGIN_RATE_LIMIT: '1000',
    RATE_LIMIT: '100000',
    LOGIN_ACCOUNT_RATE_LIMIT: '1000',
    ACCOUNT_RATE_LIMIT: '100000',
    // the tests' own HTTP receivers listen on loopback; the outbound guard refuses it otherwise
    OUTBOUND_ALLOWLIST: '127.0.0.1,::1,localhost',
    PROCESS_ROLE: options.role ?? 'all',
    QUEUE_PREFIX: db.name,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(options.redis ? { REDIS_URL: requireRedisUrl() } : {}),
    ...options.env,
  };
  return loadConfig(env);
}

function requireRedisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set');
  return url;
}

/** The real app on a real port, on a database of its own. */
export class TestApp {
  private tokens = new Map<string, string>();

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly db: TestDatabase,
    readonly url: string,
    private readonly ownsDb: boolean,
  ) {}

  static async start(label: string, options: TestAppOptions = {}): Promise<TestApp> {
    const db = options.database ?? (await TestDatabase.create(label));
    const config = testConfig(db, options);
    const app = await createHttpApp(AppModule.forRoot(config), config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    return new TestApp(app, config, db, `http://127.0.0.1:${address.port}`, !options.database);
  }

  async request<T = any>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      raw?: string;
      token?: string | null;
      as?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const token = options.token !== undefined ? options.token : options.as ? await this.tokenFor(options.as) : null;
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(this.url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }

  get<T = any>(path: string, as?: string) {
    return this.request<T>('GET', path, { as });
  }

  post<T = any>(path: string, body: unknown, as?: string) {
    return this.request<T>('POST', path, { body, as });
  }

  async login(email: string, password: string): Promise<HttpResult> {
    return this.request('POST', '/api/v1/auth/login', { body: { email, password }, token: null });
  }

  /** A bearer token for a user; "admin" means the configured first admin. */
  async tokenFor(who: string): Promise<string> {
    const cached = this.tokens.get(who);
    if (cached) return cached;
    const creds = who === 'admin' ? ADMIN : { email: who, password: USER_PASSWORD };
    const res = await this.login(creds.email, creds.password);
    if (res.status !== 200) throw new Error(`login as ${who} failed: ${res.status} ${res.text}`);
    this.tokens.set(who, res.body.accessToken);
    return res.body.accessToken;
  }

  /** Creates a user through the API (as the admin); its password is USER_PASSWORD. */
  async createUser(
    email: string,
    roles: string[],
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; email: string }> {
    const res = await this.request('POST', '/api/v1/users', {
      as: 'admin',
      body: { email, name: email.split('@')[0], password: USER_PASSWORD, roles, ...extra },
    });
    if (res.status !== 201) throw new Error(`creating ${email} failed: ${res.status} ${res.text}`);
    return res.body;
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.ownsDb) {
      await this.db.drop();
      if (this.config.redisUrl) await dropRedisKeys(this.config.redisUrl, this.config.queuePrefix);
    }
  }
}

export const USER_PASSWORD = 'user-password-1';

/** The Redis side of a test's queues: every key under its prefix. */
async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A worker process's Nest context (no HTTP) on the same database and queue as `app`. */
export async function startWorker(app: TestApp, options: TestAppOptions = {}): Promise<INestApplicationContext> {
  const config = testConfig(app.db, {
    ...options,
    role: 'all',
    env: { ...options.env, QUEUE_PREFIX: app.config.queuePrefix },
  });
  return createWorkerContext(WorkerModule.forRoot(config));
}

export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
  stepMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
