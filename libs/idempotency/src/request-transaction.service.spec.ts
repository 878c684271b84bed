import { DataSource } from 'typeorm';
import { TestDatabase } from '../../../test/support/test-app';
import { RequestTransactionService } from './request-transaction.service';

/** On a real PostgreSQL: the services' transactions and statements keep their meaning inside one request transaction. */
describe('RequestTransactionService', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let tx: RequestTransactionService;

  beforeAll(async () => {
    db = await TestDatabase.create('request_tx');
    ds = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 5 } }).initialize();
    await ds.query(`CREATE TABLE t (v text PRIMARY KEY)`);
    tx = new RequestTransactionService(ds);
    tx.onModuleInit();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => ds.query('DELETE FROM t'));

  const values = async () => ((await ds.query(`SELECT v FROM t ORDER BY v`)) as Array<{ v: string }>).map((r) => r.v);

  async function request<T>(work: () => Promise<T>, commit = true): Promise<T> {
    const runner = tx.queryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const result = await tx.within(runner, work);
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return result;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it("makes the services' statements and transactions part of the request: all kept or all undone", async () => {
    await request(async () => {
      await ds.query(`INSERT INTO t VALUES ('a')`);
      await ds.transaction(async (m) => m.query(`INSERT INTO t VALUES ('b')`));
    }, false);
    expect(await values()).toEqual([]);
    await request(async () => {
      await ds.query(`INSERT INTO t VALUES ('a')`);
      await ds.transaction(async (m) => m.query(`INSERT INTO t VALUES ('b')`));
      // not visible to another connection before the request commits
      const other = tx.queryRunner();
      try {
        expect(await other.query(`SELECT count(*)::int AS n FROM t`)).toEqual([{ n: 0 }]);
      } finally {
        await other.release();
      }
    });
    expect(await values()).toEqual(['a', 'b']);
  });

  it('lets concurrent transactions (listeners) take turns: one failing undoes only its own work', async () => {
    await request(async () => {
      const results = await Promise.allSettled([
        ds.transaction(async (m) => {
          await m.query(`INSERT INTO t VALUES ('ok1')`);
          await new Promise((r) => setTimeout(r, 20));
          await m.query(`INSERT INTO t VALUES ('ok2')`);
        }),
        ds.transaction(async (m) => {
          await m.query(`INSERT INTO t VALUES ('bad1')`);
          await new Promise((r) => setTimeout(r, 5));
          throw new Error('listener failed');
        }),
        ds.transaction(async (m) => {
          await new Promise((r) => setTimeout(r, 1));
          await m.query(`INSERT INTO t VALUES ('ok3')`);
        }),
        ds.query(`INSERT INTO t VALUES ('plain')`),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    });
    expect(await values()).toEqual(['ok1', 'ok2', 'ok3', 'plain']);
  });

  it('survives a failed statement a service catches, as autocommit did', async () => {
    await request(async () => {
      await ds.query(`INSERT INTO t VALUES ('x')`);
      await expect(ds.query(`INSERT INTO t VALUES ('x')`)).rejects.toMatchObject({ driverError: { code: '23505' } });
      await ds.query(`INSERT INTO t VALUES ('y')`);
    });
    expect(await values()).toEqual(['x', 'y']);
  });

  it('gives work that outlives the request connections of its own', async () => {
    let later!: Promise<void>;
    await request(async () => {
      later = (async () => {
        await new Promise((r) => setTimeout(r, 50));
        await ds.query(`INSERT INTO t VALUES ('later')`);
      })();
    });
    await later;
    expect(await values()).toEqual(['later']);
  });
});
