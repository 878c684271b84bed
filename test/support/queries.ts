import { QueryCounter } from '@app/database';

/**
 * The queries one call of `fn` costs. QueryCounter counts every query of the process, and the
 * app's own background work (reminder reconciliation, calendar sweeps) may query during a call on
 * a slow machine; the fewest over a few calls is what the call itself costs.
 */
export async function queriesOf<T>(fn: () => PromiseLike<T>, tries = 3): Promise<{ queries: number; result: T }> {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < tries; i++) {
    const before = QueryCounter.count;
    result = await fn();
    best = Math.min(best, QueryCounter.count - before);
  }
  return { queries: best, result };
}
