import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { MemoryThrottlerStorage } from './memory-throttler.storage';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key, counted atomically in Redis so that every API process shares it.
 * KEYS[1] counts hits and expires with the window; KEYS[2] exists while the key is blocked.
 * Returns {hits, ms left in the window, blocked 0/1, ms left of the block}.
 */
const INCREMENT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return {hits, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockLeft}
end
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) and tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, left, 1, tonumber(ARGV[3])}
end
return {hits, left, 0, 0}
`;

type RedisWithIncrement = Redis & {
  throttleIncrement(hitsKey: string, blockKey: string, ttlMs: number, limit: number, blockMs: number): Promise<[number, number, number, number]>;
};

/**
 * Throttling counters in Redis. Should Redis fail, this process counts in memory until it is back:
 * the limits keep holding per process rather than failing every request or none.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('Throttling');
  private readonly redis: RedisWithIncrement;
  private readonly fallback = new MemoryThrottlerStorage();
  private lastWarning = 0;

  constructor(url: string, private readonly prefix: string) {
    // no offline queue: while disconnected a command fails at once and the memory fallback counts
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5000 }) as RedisWithIncrement;
    this.redis.on('error', (e) => this.warn(e));
    this.redis.defineCommand('throttleIncrement', { numberOfKeys: 2, lua: INCREMENT });
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

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    // one hash tag per key keeps both keys in the same slot on a Redis Cluster
    const base = `${this.prefix}:throttle:${throttlerName}:{${key}}`;
    try {
      const [totalHits, ttlLeft, blocked, blockLeft] = await this.redis.throttleIncrement(`${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration);
      return {
        totalHits,
        timeToExpire: Math.ceil(ttlLeft / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockLeft / 1000),
      };
    } catch (e) {
      this.warn(e);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
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
    this.logger.warn(`Redis unavailable for rate limits, counting in this process meanwhile: ${e instanceof Error ? e.message : String(e)}`);
  }
}
