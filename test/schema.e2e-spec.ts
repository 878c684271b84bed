import { DataSource } from 'typeorm';
import { TestApp } from './support/test-app';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start('schema');
  });
  afterAll(() => t?.close());

  it('is exactly what the entities describe: the committed migrations leave nothing to generate', async () => {
    const ds = t.app.get(DataSource);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('records every applied migration and never synchronizes', async () => {
    const ds = t.app.get(DataSource);
    expect(ds.options.synchronize).toBe(false);
    const rows = await t.db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(ds.migrations.map((m) => m.name));
  });

  it('runs migrations once when two processes start on the same database at once', async () => {
    const [a, b] = await Promise.all([
      TestApp.start('schema2', { database: t.db }),
      TestApp.start('schema3', { database: t.db }),
    ]);
    const rows = await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM migrations');
    expect(Number(rows[0].n)).toBe(t.app.get(DataSource).migrations.length);
    await a.close();
    await b.close();
  });
});
