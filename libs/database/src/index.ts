export { DatabaseModule } from './database.module';
export { dataSourceOptions } from './data-source-options';
export { POOL_IDLE_MS } from './pool-settings';
export { startEmbeddedPostgres, canConnect, type EmbeddedDatabase } from './embedded-postgres';
export { runMigrationsLocked } from './migrate';
export { QueryCounter } from './query-counter';
export { GuardedPgClient } from './guarded-pg-client';
