import { DataSource, QueryFailedError } from 'typeorm';
import { TestDatabase } from '../../../../test/support/test-app';
import { fixedRead, registerSharedConnectionScope } from './fixed-read';

/** On a real PostgreSQL: the pool's short path answers as TypeORM's query path does. */
describe('fixedRead', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const logged: string[] = [];

  beforeAll(async () => {
    db = await TestDatabase.create('fixed_read');
    ds = new DataSource({
      type: 'postgres',
      url: db.url,
      logger: {
        logQuery: (q: string) => void logged.push(q),
        logQueryError: () => undefined,
        logQuerySlow: () => undefined,
        logSchemaBuild: () => undefined,
        logMigration: () => undefined,
        log: () => undefined,
      },
    });
    await ds.initialize();
    await ds.query('CREATE TABLE t (id int PRIMARY KEY, name text)');
    await ds.query(`INSERT INTO t VALUES (1, 'one')`);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('returns plain rows and logs the statement like any query (the statement counter sees it)', async () => {
    logged.length = 0;
    const rows = await fixedRead<{ id: number; name: string }>(ds.manager, 'SELECT id, name FROM t WHERE id = $1', [1]);
    expect(rows).toEqual([{ id: 1, name: 'one' }]);
    expect(logged).toEqual(['SELECT id, name FROM t WHERE id = $1']);
  });

  it("reads through the transaction inside one: it sees the transaction's own writes", async () => {
    await ds.transaction(async (m) => {
      await m.query(`INSERT INTO t VALUES (2, 'two')`);
      const inside = await fixedRead<{ n: number }>(m, 'SELECT count(*)::int AS n FROM t');
      const outside = await fixedRead<{ n: number }>(ds.manager, 'SELECT count(*)::int AS n FROM t');
      expect([inside[0].n, outside[0].n]).toEqual([2, 1]);
      await m.query('DELETE FROM t WHERE id = 2');
    });
  });

  it("goes through the data source's query runners while a shared-connection scope says so", async () => {
    let inScope = false;
    const unregister = registerSharedConnectionScope(() => inScope);
    const viaRunner = jest.spyOn(ds.manager, 'query');
    try {
      await fixedRead(ds.manager, 'SELECT 1');
      expect(viaRunner).not.toHaveBeenCalled();
      inScope = true;
      await fixedRead(ds.manager, 'SELECT 1');
      expect(viaRunner).toHaveBeenCalledTimes(1);
    } finally {
      viaRunner.mockRestore();
      unregister();
    }
  });

  it("fails with TypeORM's QueryFailedError carrying the driver's code, as the exception filter expects", async () => {
    const failure = await fixedRead(ds.manager, 'SELECT id FROM t WHERE id = $1', ['not a number']).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { code?: string }).code).toBe('22P02');
  });
});
