import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig } from '@app/config';

/** Seconds a client refused for a full hashing queue is told to wait: the queue drains in about that. */
export const HASH_RETRY_AFTER_SECONDS = 2;

/** How many hashes may wait per hashing slot before more are refused. */
const QUEUE_PER_SLOT = 8;

/**
 * At most `concurrency` tasks at once; up to `maxQueued` more wait in order; beyond that a task is
 * refused at once. Argon2 is built to cost memory and CPU, so a login flood left unbounded would
 * starve every other request (and could exhaust memory); queued without a bound, it would answer
 * every login late instead of a few with "try again".
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly maxQueued: number,
  ) {}

  /** Tasks running now. */
  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) this.active++;
    else if (this.waiting.length < this.maxQueued) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else {
      throw new ServiceUnavailableException({
        message: 'The server is busy checking passwords; try again in a moment',
        retryAfter: HASH_RETRY_AFTER_SECONDS,
      });
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // the slot passes straight to the next waiter, so a newcomer cannot overtake the queue
      if (next) next();
      else this.active--;
    }
  }
}

@Injectable()
export class PasswordService {
  // Verifying against this keeps "unknown user" as slow as "wrong password".
  private readonly dummyHash = argon2.hash('timing-equaliser-not-a-password', { type: argon2.argon2id });
  readonly limiter: ConcurrencyLimiter;

  constructor(config: AppConfig) {
    this.limiter = new ConcurrencyLimiter(config.hashConcurrency, config.hashConcurrency * QUEUE_PER_SLOT);
  }

  /** Throws ServiceUnavailableException (503, retryAfter) when too many hashes are waiting already. */
  hash(password: string): Promise<string> {
    return this.limiter.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** False for a wrong password or a malformed hash; throws ServiceUnavailableException like hash(). */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const against = hash ?? (await this.dummyHash);
    return this.limiter.run(async () => {
      try {
        return await argon2.verify(against, password);
      } catch {
        return false;
      }
    });
  }
}
