// Shared by the benchmarks: a real app on a database of its own, and small statistics helpers.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { loadConfig } from '@app/config';
import { startEmbeddedPostgres } from '@app/database';
import { createHttpApp } from '@app/platform';
import { AppModule } from '../apps/api/src/app.module';

export interface BenchApp {
  url: string;
  /** The Nest application, for services a benchmark drives directly. */
  nest: NestFastifyApplication;
  dbUrl: string;
  token(email: string, password: string): Promise<string>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** BENCH_DATABASE_URL / DATABASE_URL when set (a database is created on that server), else an embedded PostgreSQL. */
export async function startBenchApp(label: string, env: Record<string, string> = {}): Promise<BenchApp> {
  let serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'scorecards-bench-'));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres(dir);
    serverUrl = pg.url;
    stopEmbedded = pg.stop;
  }
  const name = `bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'scorecards-bench-data-')),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    ADMIN_EMAIL: 'admin@bench.local',
    ADMIN_PASSWORD: 'admin-password',
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    RATE_LIMIT: '100000000',
    LOGIN_RATE_LIMIT: '10000',
    BODY_LIMIT: String(8 * 1024 * 1024),
    ...env,
  });
  const app = await createHttpApp(AppModule.forRoot(config), config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  return {
    url,
    nest: app,
    dbUrl,
    async token(email, password) {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async sql(text, params = []) {
      return (await db.query(text, params)).rows;
    },
    async close() {
      await db.end();
      await app.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      await stopEmbedded?.();
    },
  };
}

export async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const median = (v: number[]) => percentile(v, 50);
export const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

/** Runs `requests` calls of `fn` from `connections` concurrent loops; returns latencies and wall time. */
export async function load(
  connections: number,
  requests: number,
  fn: () => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < requests) {
        next++;
        const t0 = process.hrtime.bigint();
        await fn();
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { latencies, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** A JSON API call that throws on an unexpected status. */
export async function api<T = any>(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  expect = [200, 201],
): Promise<T> {
  const res = await fetch(url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
