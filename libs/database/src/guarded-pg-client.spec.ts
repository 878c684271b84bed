import { Pool } from 'pg';
import { TestDatabase } from '../../../test/support/test-app';
import { dataSourceOptions } from './data-source-options';
import { GuardedPgClient } from './guarded-pg-client';

/** On a real PostgreSQL: a connection that drops while checked out of the pool does not end the process. */
describe('GuardedPgClient', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await TestDatabase.create('guarded_client');
    pool = new Pool({ connectionString: db.url, max: 2, Client: GuardedPgClient });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('marks a checked-out client broken when its server process is killed, and the pool carries on', async () => {
    const client = await pool.connect();
    // between two statements of a transaction: pg-pool has no 'error' listener on a checked-out client
    await client.query('BEGIN');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    // the terminated socket closes without a statement running; an unguarded client throws here
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    const after = await pool.query<{ one: number }>('SELECT 1 AS one');
    expect(after.rows[0].one).toBe(1);
  });

  it('is the client class of the app database pool', () => {
    const options = dataSourceOptions('postgres://x@127.0.0.1/x') as { extra?: { Client?: unknown } };
    expect(options.extra?.Client).toBe(GuardedPgClient);
  });
});
