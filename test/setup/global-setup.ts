// Finds the PostgreSQL server the tests use: TEST_DATABASE_URL, else DATABASE_URL, else an
// embedded one started here for this run. Each test file then creates its own database on it.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

declare global {
  var __SCORECARDS_TEST_PG__: { stop(): Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'scorecards-test-pg-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(dir);
  globalThis.__SCORECARDS_TEST_PG__ = pg;
  process.env.TEST_DATABASE_URL = pg.url;
}
