import type { BatchThrottlerStorage, ThrottleHit, ThrottlerStorageRecord } from './throttle-batch';

interface Window {
  hits: number;
  expiresAt: number;
  blockedUntil: number;
}

/** How often windows that have ended are dropped; between sweeps they cost memory, not time. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Rate-limit counters in this process's memory: one fixed window per key, the same rule as the Redis
 * storage's script (so a limit behaves alike with and without Redis). Constant time per hit: the
 * library's own storage keeps every hit's timestamp of the last window and filters them all on each
 * request, so its cost grew with the traffic it was limiting (and `Math.min(...hits)` threw past
 * about 125,000 hits on one key).
 */
export class MemoryThrottlerStorage implements BatchThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private sweeper?: NodeJS.Timeout;

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    return this.hit(`${throttlerName}:${key}`, ttl, limit, blockDuration);
  }

  /** A request's hits in order, stopping after the first blocked one (see BatchThrottlerStorage). */
  async incrementMany(hits: ThrottleHit[]): Promise<ThrottlerStorageRecord[]> {
    const records: ThrottlerStorageRecord[] = [];
    for (const h of hits) {
      const record = this.hit(`${h.throttlerName}:${h.key}`, h.ttl, h.limit, h.blockDuration);
      records.push(record);
      if (record.isBlocked) break;
    }
    return records;
  }

  private hit(id: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
    const now = Date.now();
    let w = this.windows.get(id);
    if (w && w.blockedUntil > now) {
      // a blocked key's hits are not counted, as in Redis
      const live = w.expiresAt > now;
      return {
        totalHits: live ? w.hits : 0,
        timeToExpire: live ? Math.ceil((w.expiresAt - now) / 1000) : 0,
        isBlocked: true,
        timeToBlockExpire: Math.ceil((w.blockedUntil - now) / 1000),
      };
    }
    if (!w || w.expiresAt <= now) {
      w = { hits: 0, expiresAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, w);
    }
    w.hits++;
    const timeToExpire = Math.ceil((w.expiresAt - now) / 1000);
    if (w.hits > limit && blockDuration > 0) {
      w.blockedUntil = now + blockDuration;
      return { totalHits: w.hits, timeToExpire, isBlocked: true, timeToBlockExpire: Math.ceil(blockDuration / 1000) };
    }
    return { totalHits: w.hits, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
  }

  /** Drops windows that have ended and are not blocked. */
  sweep(now = Date.now()): void {
    for (const [id, w] of this.windows) if (w.expiresAt <= now && w.blockedUntil <= now) this.windows.delete(id);
  }

  /** Keys counted now, for tests. */
  get size(): number {
    return this.windows.size;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.windows.clear();
  }
}
