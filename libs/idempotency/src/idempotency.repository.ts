import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import type { IdempotencyState } from './idempotency-key.entity';

export interface IdempotencyRecord {
  method: string;
  path: string;
  requestHash: string;
  state: IdempotencyState;
  responseStatus: number | null;
  responseBody: string | null;
  expired: boolean;
}

export interface IdempotencyRequest {
  userId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

/** How long a key is remembered (and a retry replays its answer). */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** All SQL of idempotency_keys. Row-level statements take the request's transaction. */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Makes sure the row exists, committed on its own, so a concurrent duplicate finds it and its lock. */
  async reserve(r: IdempotencyRequest): Promise<void> {
    await this.ds.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, state, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'processing', now() + make_interval(hours => $6))
       ON CONFLICT (user_id, key) DO NOTHING`,
      [r.userId, r.key, r.method, r.path, r.requestHash, IDEMPOTENCY_TTL_HOURS],
    );
  }

  /**
   * Locks the row for the rest of the transaction; undefined when another request holds it (lock not
   * available at once) — that request is still in flight. NOWAIT: the duplicate answers 409 at once.
   */
  async lock(runner: QueryRunner, userId: string, key: string): Promise<IdempotencyRecord | null | undefined> {
    try {
      const rows = (await runner.query(
        `SELECT method, path, request_hash AS "requestHash", state, response_status AS "responseStatus",
                response_body AS "responseBody", expires_at < now() AS expired
           FROM idempotency_keys WHERE user_id = $1 AND key = $2 FOR UPDATE NOWAIT`,
        [userId, key],
      )) as IdempotencyRecord[];
      return rows[0] ?? null;
    } catch (e) {
      if ((e as { driverError?: { code?: string }; code?: string }).driverError?.code === '55P03') return undefined;
      throw e;
    }
  }

  /** Starts the key afresh for this request (the row was expired or its first request failed). */
  async restart(runner: QueryRunner, r: IdempotencyRequest): Promise<void> {
    await runner.query(
      `UPDATE idempotency_keys SET method = $3, path = $4, request_hash = $5, state = 'processing',
              response_status = NULL, response_body = NULL, created_at = now(), expires_at = now() + make_interval(hours => $6)
        WHERE user_id = $1 AND key = $2`,
      [r.userId, r.key, r.method, r.path, r.requestHash, IDEMPOTENCY_TTL_HOURS],
    );
  }

  async complete(runner: QueryRunner, userId: string, key: string, status: number, body: string | null): Promise<void> {
    await runner.query(
      `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2`,
      [userId, key, status, body],
    );
  }

  async forget(runner: QueryRunner, userId: string, key: string): Promise<void> {
    await runner.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [userId, key]);
  }

  /** Removes expired keys; a row locked by a request under way is skipped, not waited for. */
  async deleteExpired(): Promise<number> {
    // TypeORM answers a DELETE with [rows, affected]
    const [, affected] = (await this.ds.query(
      `DELETE FROM idempotency_keys WHERE ctid IN (
         SELECT ctid FROM idempotency_keys WHERE expires_at < now() LIMIT 10000 FOR UPDATE SKIP LOCKED)`,
    )) as [unknown, number];
    return affected;
  }
}
