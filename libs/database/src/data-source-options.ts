import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { GuardedPgClient } from './guarded-pg-client';
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
    extra: { max: poolMax, connectionTimeoutMillis: 5_000, keepAlive: true, Client: GuardedPgClient },
    ...extra,
  } as DataSourceOptions;
}
