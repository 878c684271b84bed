import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import type { BatchThrottlerStorage, ThrottleHit, ThrottlerStorageRecord } from './throttle-batch';

/**
 * One fixed window per key, counted atomically in Redis so that every API process shares it.
 * For each hit i (1-based), KEYS[2i-1] counts hits and expires with the window, KEYS[2i] exists
 * while the key is blocked, and ARGV[3i-2..3i] are the window (ms), the limit and the block (ms).
 * The hits are counted in order, stopping after the first blocked one, so that a request's limits
 * (address, account, login) cost one round trip and count as the library's guard counts them one by
 * one. Returns one {hits, ms left in the window, blocked 0/1, ms left of the block} per hit counted.
 */
const INCREMENT_MANY = `
local out = {}
for i = 1, #KEYS / 2 do
  local hitsKey, blockKey = KEYS[2 * i - 1], KEYS[2 * i]
  local ttl, limit, block = tonumber(ARGV[3 * i - 2]), tonumber(ARGV[3 * i - 1]), tonumber(ARGV[3 * i])
  local blockLeft = redis.call('PTTL', blockKey)
  if blockLeft > 0 then
    local hits = tonumber(redis.call('GET', hitsKey) or '0')
    out[i] = {hits, math.max(redis.call('PTTL', hitsKey), 0), 1, blockLeft}
    return out
  end
  local hits = redis.call('INCR', hitsKey)
  local left = redis.call('PTTL', hitsKey)
  if left < 0 then
    redis.call('PEXPIRE', hitsKey, ttl)
    left = ttl
  end
  if hits > limit and block > 0 then
    redis.call('SET', blockKey, '1', 'PX', block)
    out[i] = {hits, left, 1, block}
    return out
  end
  out[i] = {hits, left, 0, 0}
end
return out
`;

type RedisWithIncrement = Redis & {
  throttleIncrementMany(
    numberOfKeys: number,
    ...keysAndArgs: Array<string | number>
  ): Promise<Array<[number, number, number, number]>>;
};

/**
 * Throttling counters in Redis. Should Redis fail, this process counts in memory until it is back:
 * the limits keep holding per process rather than failing every request or none.
 */
export class RedisThrottlerStorage implements BatchThrottlerStorage {
  private readonly logger = new Logger('Throttling');
  private readonly redis: RedisWithIncrement;
  private readonly fallback = new MemoryThrottlerStorage();
  private lastWarning = 0;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // no offline queue: while disconnected a command fails at once and the memory fallback counts
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 5000,
    }) as RedisWithIncrement;
    this.redis.on('error', (e) => this.warn(e));
    // the number of keys is given per call: one pair per throttler counted
    this.redis.defineCommand('throttleIncrementMany', { lua: INCREMENT_MANY });
  }

  /** Waits (briefly) for the connection so that the first requests are already shared. */
  async ready(timeoutMs = 3000): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.redis.once('ready', done);
    });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [record] = await this.incrementMany([{ key, ttl, limit, blockDuration, throttlerName }]);
    return record;
  }

  /** A request's hits in one script call (one round trip); see BatchThrottlerStorage. */
  async incrementMany(hits: ThrottleHit[]): Promise<ThrottlerStorageRecord[]> {
    if (!hits.length) return [];
    const keys: string[] = [];
    const args: number[] = [];
    for (const h of hits) {
      // one hash tag per key keeps a key's two entries in the same slot
      const base = `${this.prefix}:throttle:${h.throttlerName}:{${h.key}}`;
      keys.push(`${base}:hits`, `${base}:blocked`);
      args.push(h.ttl, h.limit, h.blockDuration);
    }
    try {
      const rows = await this.redis.throttleIncrementMany(keys.length, ...keys, ...args);
      return rows.map(([totalHits, ttlLeft, blocked, blockLeft]) => ({
        totalHits,
        timeToExpire: Math.ceil(ttlLeft / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockLeft / 1000),
      }));
    } catch (e) {
      this.warn(e);
      return this.fallback.incrementMany(hits);
    }
  }

  async close(): Promise<void> {
    this.fallback.close();
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    // also ends reconnection attempts to a Redis that never answered
    this.redis.disconnect();
  }

  /** At most one line a minute: a Redis outage must not flood the log with one line per request. */
  private warn(e: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(
      `Redis unavailable for rate limits, counting in this process meanwhile: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
