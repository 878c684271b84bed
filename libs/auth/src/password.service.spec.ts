import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceUnavailableException } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { ConcurrencyLimiter, HASH_RETRY_AFTER_SECONDS, PasswordService } from './password.service';

const service = (concurrency: number) =>
  new PasswordService(
    loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'pw-')),
      HASH_CONCURRENCY: String(concurrency),
    }),
  );

/** Samples `inFlight` on every turn of the event loop while `work` runs; the largest value seen. */
async function maxInFlight(limiter: ConcurrencyLimiter, work: Promise<unknown>): Promise<number> {
  let max = 0;
  let done = false;
  const sample = () => {
    max = Math.max(max, limiter.inFlight);
    if (!done) setImmediate(sample);
  };
  sample();
  await work.finally(() => (done = true));
  return max;
}

describe('PasswordService: a cap on concurrent argon2 hashes', () => {
  it('runs at most HASH_CONCURRENCY hashes and verifies at once, the rest wait and all succeed', async () => {
    const passwords = service(2);
    const hashes = await Promise.all(['a', 'b', 'c'].map((p) => passwords.hash(`pw-${p}-long-enough`)));
    const checks = Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 3 === 2
          ? passwords.hash(`another-${i}`)
          : passwords.verify(hashes[i % 3], i % 2 ? 'wrong' : `pw-${'abc'[i % 3]}-long-enough`),
      ),
    );
    const max = await maxInFlight(passwords.limiter, checks);
    expect(max).toBe(2);
    const results = await checks;
    results.forEach((r, i) => {
      if (i % 3 === 2) expect(r).toMatch(/^\$argon2id\$/);
      else expect(r).toBe(i % 2 === 0);
    });
    expect(passwords.limiter.inFlight).toBe(0);
    expect(passwords.limiter.queued).toBe(0);
  });

  it('refuses with 503 and retryAfter once the bounded queue is full, and recovers after', async () => {
    const passwords = service(1);
    const { concurrency, maxQueued } = passwords.limiter;
    const attempts = Array.from({ length: concurrency + maxQueued + 3 }, () =>
      passwords.verify(undefined, 'guess').then(
        (ok) => ({ ok }),
        (e: unknown) => ({ error: e }),
      ),
    );
    const outcomes = await Promise.all(attempts);
    const refused = outcomes.filter((o): o is { error: unknown } => 'error' in o);
    expect(refused).toHaveLength(3);
    for (const { error } of refused) {
      expect(error).toBeInstanceOf(ServiceUnavailableException);
      const e = error as ServiceUnavailableException;
      expect(e.getStatus()).toBe(503);
      expect(e.getResponse()).toMatchObject({ retryAfter: HASH_RETRY_AFTER_SECONDS });
    }
    expect(outcomes.filter((o) => 'ok' in o && o.ok === false)).toHaveLength(concurrency + maxQueued);
    await expect(passwords.verify(undefined, 'later')).resolves.toBe(false);
  });

  it('a failing task frees its slot', async () => {
    const limiter = new ConcurrencyLimiter(1, 4);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
    expect(limiter.inFlight).toBe(0);
  });

  it('hands slots on in arrival order', async () => {
    const limiter = new ConcurrencyLimiter(1, 10);
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        limiter.run(async () => {
          await new Promise((r) => setTimeout(r, 5));
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('treats a malformed stored hash as a wrong password', async () => {
    await expect(service(1).verify('not-a-hash', 'x')).resolves.toBe(false);
  });
});
