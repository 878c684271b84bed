import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { GuardedPgClient } from './guarded-pg-client';
import { POOL_IDLE_MS } from './pool-settings';
import { QueryCounter } from './query-counter';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one TypeORM configuration, shared by the app and the migration CLI; `poolMax` is DATABASE_POOL_MAX. */
export function dataSourceOptions(
  url: string,
  extra: Partial<DataSourceOptions> = {},
  poolMax = 20,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed
    uuidExtension: 'pgcrypto',
    logger: new QueryCounter(),
    logging: ['query', 'error', 'migration'],
    maxQueryExecutionTime: 1000,
    // fail fast while the database is unreachable (a 503 with Retry-After) rather than hold requests for long;
    // keepAlive notices a silently dropped connection; a dropped connection must not end the process
    // A connection idle for 10 s (pg's default) was closed, and the next spike of work paid for new
    // ones: 20-30 ms to connect and 15-20 ms more for the first statement of each table on a fresh
    // backend, which made the first reminders after a quiet spell 150-300 ms late. The pool never
    // holds more than `max` either way, so it keeps what it grew for five minutes.
    extra: {
      max: poolMax,
      idleTimeoutMillis: POOL_IDLE_MS,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      Client: GuardedPgClient,
    },
    ...extra,
  } as DataSourceOptions;
}
