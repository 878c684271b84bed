import type { Pool } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Probes of code that hands a request's whole work one connection by replacing the data source's
 * query runners (the Idempotency-Key's request transaction): while one says yes, a read must go
 * through the data source as any query, or it would not see what the request wrote before it.
 */
const sharedConnectionScopes = new Set<() => boolean>();

function inSharedConnectionScope(): boolean {
  for (const inScope of sharedConnectionScopes) if (inScope()) return true;
  return false;
}

/** Registers such a probe; returns its removal. */
export function registerSharedConnectionScope(inScope: () => boolean): () => void {
  sharedConnectionScopes.add(inScope);
  return () => sharedConnectionScopes.delete(inScope);
}

/**
 * One fixed read statement of a hot path, sent straight to the data source's pool when `manager` is
 * not inside a transaction (inside one, or inside a shared-connection scope, it goes through the
 * transaction, as any query). TypeORM's
 * own path builds a query runner, acquires and releases through it and wraps the result for every
 * statement: on a route that sends two statements that was a tenth of its CPU. What callers see is
 * the same: the data source's logger counts and logs the statement (tests count statements there),
 * an error is TypeORM's QueryFailedError around the driver's, and the rows come back as plain objects.
 */
export async function fixedRead<T>(manager: EntityManager, sql: string, params?: unknown[]): Promise<T[]> {
  if (manager.queryRunner || inSharedConnectionScope()) return manager.query(sql, params);
  const ds = manager.connection;
  const pool = (ds.driver as PostgresDriver).master as Pool | undefined;
  if (!pool) return manager.query(sql, params);
  ds.logger.logQuery(sql, params);
  const started = Date.now();
  try {
    const { rows } = await pool.query(sql, params);
    const took = Date.now() - started;
    const slow = ds.options.maxQueryExecutionTime;
    if (slow && took > slow) ds.logger.logQuerySlow(took, sql, params);
    return rows as T[];
  } catch (e) {
    ds.logger.logQueryError(e as Error, sql, params);
    throw new QueryFailedError(sql, params, e as Error);
  }
}
