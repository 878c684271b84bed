import type { Job, Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { TestDatabase } from '../../../test/support/test-app';
import { BackendQueue, BackendWorker } from './backend-classes';
import { PostgresQueuePool } from './postgres-queue-pool';

type QueueCtor = new (name: string, opts: unknown) => Queue;
type WorkerCtor = new (name: string, processor: (job: Job) => Promise<unknown>, opts: unknown) => Worker;

/** On a real PostgreSQL: every queue and worker of a process on one pool, in the configured schema. */
describe('PostgresQueuePool', () => {
  let db: TestDatabase;
  let admin: Client;

  beforeAll(async () => {
    db = await TestDatabase.create('queue_pool');
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  /** Connections to the test database other than this spec's own. */
  async function connections(): Promise<number> {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows[0].n;
  }

  /** What DROP DATABASE ... WITH (FORCE) does to the other connections of a test's database. */
  async function terminate(): Promise<void> {
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
  }

  async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('runs six queues and their workers on the pool plus one LISTEN connection per worker, and ends it when they close', async () => {
    const pool = new PostgresQueuePool({ connectionString: db.url, schema: 'custom_queues', max: 3 });
    const connection = pool as unknown;
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const done: string[] = [];
    const queues = names.map((n) => new (BackendQueue as unknown as QueueCtor)(n, { connection }));
    const workers = names.map(
      (n) =>
        new (BackendWorker as unknown as WorkerCtor)(
          n,
          async (job) => {
            done.push(`${n}:${job.data.i}`);
            // hold the job a little so the workers' statements overlap
            await new Promise((r) => setTimeout(r, 5));
          },
          { connection, concurrency: 10 },
        ),
    );
    try {
      await Promise.all(
        queues.flatMap((q, qi) => Array.from({ length: 20 }, (_, i) => q.add('job', { i }, { jobId: `${qi}-${i}` }))),
      );
      // a job is done once BullMQ has marked it completed, after its processor returned
      const completed = async () =>
        (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM custom_queues.job WHERE state = 'completed'`))
          .rows[0].n;
      let peak = 0;
      await until(async () => {
        peak = Math.max(peak, await connections());
        return (await completed()) === 120;
      }, 30_000);
      expect(new Set(done).size).toBe(120);
      // the pool's 3, and one LISTEN connection per worker: never a pool per queue
      expect(peak).toBeLessThanOrEqual(3 + names.length);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(queues.map((q) => q.close()));
    }
    await until(async () => (await connections()) === 0);
  });

  it('opens again for a queue made after the last one closed', async () => {
    const pool = new PostgresQueuePool({ connectionString: db.url, schema: 'custom_queues', max: 2 });
    const first = new (BackendQueue as unknown as QueueCtor)('again', { connection: pool });
    await first.add('job', {});
    await first.close();
    await until(async () => (await connections()) === 0);
    const second = new (BackendQueue as unknown as QueueCtor)('again', { connection: pool });
    try {
      await second.add('job', {});
      expect(await second.count()).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('survives the server ending its connections as the queues close (a test dropping its database) and while they run', async () => {
    const pool = new PostgresQueuePool({ connectionString: db.url, schema: 'custom_queues', max: 2 });
    const open = new (BackendQueue as unknown as QueueCtor)('kept', { connection: pool });
    const worker = new (BackendWorker as unknown as WorkerCtor)('closing', async () => 'done', { connection: pool });
    try {
      await open.add('job', {});
      await worker.waitUntilReady();
      await until(async () => (await connections()) >= 2);
      // the worker's LISTEN connection is being ended when the server ends it too
      await worker.close();
      await terminate();
      await new Promise((r) => setTimeout(r, 300));
      expect(await connections()).toBe(0);
      await open.add('job', {});
      expect(await open.count()).toBe(2);
    } finally {
      await open.close();
    }
  });

  it('lets a released connection close quietly though the server ends it at that moment', async () => {
    const pool = new PostgresQueuePool({ connectionString: db.url, schema: 'custom_queues', max: 2 });
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => void uncaught.push(e);
    process.prependListener('uncaughtException', onUncaught);
    try {
      for (let i = 0; i < 20; i++) {
        const client = await pool.connect();
        await client.query('LISTEN anything');
        // as BullMQ releases its LISTEN connection: its listeners gone first
        client.removeAllListeners();
        client.release(true);
        await terminate();
      }
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.removeListener('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
