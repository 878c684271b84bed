import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import type { BatchThrottlerStorage, ThrottleHit, ThrottlerStorageRecord } from './throttle-batch';

/**
 * One fixed window per key, counted atomically in Redis so that every API process shares it.
 * The hits of several requests come in one call, as groups: ARGV[1] is the number of groups, then
 * each group gives its number of hits n followed by n triples of window (ms), limit and block (ms);
 * for each hit, in order, two KEYS: one counts hits and expires with the window, the other exists
 * while the key is blocked. Within a group (one request: address, account, login) the hits are
 * counted in order, stopping after the first blocked one, as the library's guard counts them one by
 * one. Returns per group one {hits, ms left in the window, blocked 0/1, ms left of the block} per
 * hit counted.
 */
const INCREMENT_GROUPS = `
local out = {}
local k, a = 1, 2
for g = 1, tonumber(ARGV[1]) do
  local n = tonumber(ARGV[a])
  a = a + 1
  local rows, stopped = {}, false
  for i = 1, n do
    local hitsKey, blockKey = KEYS[k], KEYS[k + 1]
    local ttl, limit, block = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
    k = k + 2
    a = a + 3
    if not stopped then
      local blockLeft = redis.call('PTTL', blockKey)
      if blockLeft > 0 then
        local hits = tonumber(redis.call('GET', hitsKey) or '0')
        rows[i] = {hits, math.max(redis.call('PTTL', hitsKey), 0), 1, blockLeft}
        stopped = true
      else
        local hits = redis.call('INCR', hitsKey)
        local left = redis.call('PTTL', hitsKey)
        if left < 0 then
          redis.call('PEXPIRE', hitsKey, ttl)
          left = ttl
        end
        if hits > limit and block > 0 then
          redis.call('SET', blockKey, '1', 'PX', block)
          rows[i] = {hits, left, 1, block}
          stopped = true
        else
          rows[i] = {hits, left, 0, 0}
        end
      end
    end
  end
  out[g] = rows
end
return out
`;

/** Requests counted in one script call at most: the script holds Redis for its duration. */
const MAX_GROUPS = 256;

interface PendingCount {
  hits: ThrottleHit[];
  resolve: (records: ThrottlerStorageRecord[]) => void;
}

type RedisWithIncrement = Redis & {
  throttleIncrementGroups(
    numberOfKeys: number,
    ...keysAndArgs: Array<string | number>
  ): Promise<Array<Array<[number, number, number, number]>>>;
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
  private pending: PendingCount[] = [];
  private flushScheduled = false;

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
    // the number of keys is given per call: one pair per hit counted
    this.redis.defineCommand('throttleIncrementGroups', { lua: INCREMENT_GROUPS });
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

  /**
   * A request's hits, counted with those of every other request that asks in the same turn of the
   * event loop: one script call (one write and one reply) for all of them. Under load a turn brings
   * many requests, and a round trip per request was the largest cost of a cheap route; alone, a
   * request waits for nothing (the call goes at the end of the turn it asked in).
   */
  incrementMany(hits: ThrottleHit[]): Promise<ThrottlerStorageRecord[]> {
    if (!hits.length) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.pending.push({ hits, resolve });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, MAX_GROUPS);
    if (this.pending.length) setImmediate(() => void this.flush());
    else this.flushScheduled = false;
    const keys: string[] = [];
    const args: number[] = [batch.length];
    for (const { hits } of batch) {
      args.push(hits.length);
      for (const h of hits) {
        // one hash tag per key keeps a key's two entries in the same slot
        const base = `${this.prefix}:throttle:${h.throttlerName}:{${h.key}}`;
        keys.push(`${base}:hits`, `${base}:blocked`);
        args.push(h.ttl, h.limit, h.blockDuration);
      }
    }
    try {
      const groups = await this.redis.throttleIncrementGroups(keys.length, ...keys, ...args);
      batch.forEach(({ resolve }, g) =>
        resolve(
          groups[g].map(([totalHits, ttlLeft, blocked, blockLeft]) => ({
            totalHits,
            timeToExpire: Math.ceil(ttlLeft / 1000),
            isBlocked: blocked === 1,
            timeToBlockExpire: Math.ceil(blockLeft / 1000),
          })),
        ),
      );
    } catch (e) {
      this.warn(e);
      for (const { hits, resolve } of batch) resolve(await this.fallback.incrementMany(hits));
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
