export { DatabaseModule } from './database.module';
export { dataSourceOptions, POOL_IDLE_MS } from './data-source-options';
export { startEmbeddedPostgres, canConnect, type EmbeddedDatabase } from './embedded-postgres';
export { runMigrationsLocked } from './migrate';
export { QueryCounter } from './query-counter';
export { GuardedPgClient } from './guarded-pg-client';
