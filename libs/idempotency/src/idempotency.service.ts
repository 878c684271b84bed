import { ConflictException, HttpException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { StreamableFile } from '@nestjs/common';
import { errorBody } from '@app/common';
import { IdempotencyRepository, type IdempotencyRecord, type IdempotencyRequest } from './idempotency.repository';
import { REPLAYED_HEADER } from './idempotency-key';
import { RequestTransactionService } from './request-transaction.service';

const HANDLER_SAVEPOINT = 'idempotent_request';

/**
 * Runs a POST that carries an Idempotency-Key at most once per user and key:
 * - the key's row is committed first ('processing'), then locked in the request's transaction;
 *   a duplicate that finds it locked is still in flight and gets 409 at once;
 * - the handler runs inside that transaction, and its answer is stored in the same commit, so a
 *   lost answer (connection cut after the commit) is replayed by the retry, never re-created;
 * - a 4xx is stored too (the handler's writes rolled back to before it); a 5xx or an outage rolls
 *   everything back and leaves the row 'processing' and unlocked, so the retry runs again;
 * - the same key with another body, method or path is a 422.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly repo: IdempotencyRepository,
    private readonly transactions: RequestTransactionService,
  ) {}

  async run(
    r: IdempotencyRequest,
    reply: FastifyReply,
    requestId: string,
    handle: () => Promise<unknown>,
  ): Promise<unknown> {
    await this.repo.reserve(r);
    const runner = this.transactions.queryRunner();
    let open = false;
    try {
      await runner.connect();
      await runner.startTransaction();
      open = true;
      const row = await this.repo.lock(runner, r.userId, r.key);
      if (row === undefined)
        throw new ConflictException(
          'A request with this Idempotency-Key is still in progress; retry when it has finished',
        );
      // deleted as expired between reserve and lock: the client may simply send it again
      if (row === null) throw new ConflictException('This Idempotency-Key expired just now; retry the request');
      if (row.state === 'done' && !row.expired) {
        await runner.commitTransaction();
        open = false;
        return this.replay(row, r, reply);
      }
      // expired, or a first attempt that failed without committing anything: this request starts it afresh
      await this.repo.restart(runner, r);
      await runner.query(`SAVEPOINT ${HANDLER_SAVEPOINT}`);
      let result: unknown;
      try {
        result = await this.transactions.within(runner, handle);
      } catch (err) {
        const { body } = errorBody(err, requestId);
        if (body.statusCode < 400 || body.statusCode >= 500) throw err;
        // a refused request changes nothing, and its refusal is what a retry gets
        await runner.query(`ROLLBACK TO SAVEPOINT ${HANDLER_SAVEPOINT}`);
        await this.repo.complete(runner, r.userId, r.key, body.statusCode, JSON.stringify(body));
        await runner.commitTransaction();
        open = false;
        throw err;
      }
      if (isStream(result)) await this.repo.forget(runner, r.userId, r.key);
      else
        await this.repo.complete(
          runner,
          r.userId,
          r.key,
          reply.statusCode,
          result === undefined ? null : JSON.stringify(result),
        );
      await runner.commitTransaction();
      open = false;
      return result;
    } finally {
      if (open) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
    }
  }

  private replay(row: IdempotencyRecord, r: IdempotencyRequest, reply: FastifyReply): unknown {
    if (row.method !== r.method || row.path !== r.path || row.requestHash !== r.requestHash) {
      throw new UnprocessableEntityException({
        message: 'This Idempotency-Key was already used for a different request; use a new key for a new request',
        details: [{ field: 'Idempotency-Key', message: 'already used with another body or route' }],
      });
    }
    reply.header(REPLAYED_HEADER, 'true');
    const body = row.responseBody === null ? undefined : (JSON.parse(row.responseBody) as unknown);
    const status = row.responseStatus ?? 200;
    // the stored refusal, in the one error shape (with this request's id)
    if (status >= 400) throw new HttpException(body as Record<string, unknown>, status);
    return body;
  }
}

function isStream(value: unknown): boolean {
  return value instanceof StreamableFile || value instanceof Readable || Buffer.isBuffer(value);
}
