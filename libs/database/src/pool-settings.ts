/**
 * How long a pooled PostgreSQL connection may sit idle before the pool closes it. A module of its
 * own, without imports, so that the bench's bare server can share it without loading TypeORM.
 */
export const POOL_IDLE_MS = 300_000;
