import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const url = process.env.REDIS_URL;
/** One throttler's hit of a request, with a minute's window and block. */
const hit = (key: string, limit: number, throttlerName: string) => ({
  key,
  ttl: 60_000,
  limit,
  blockDuration: 60_000,
  throttlerName,
});
const describeWithRedis = url ? describe : describe.skip;

describeWithRedis('RedisThrottlerStorage (needs REDIS_URL)', () => {
  const prefix = `throttle-spec-${randomBytes(4).toString('hex')}`;
  const opened: RedisThrottlerStorage[] = [];
  const storage = async () => {
    const s = new RedisThrottlerStorage(url!, prefix);
    opened.push(s);
    await s.ready();
    return s;
  };

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    const redis = new Redis(url!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts hits in a window and blocks the one over the limit for the block duration', async () => {
    const s = await storage();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await s.increment('k1', 60_000, 3, 30_000, 'default'));
    expect(results.map((r) => r.totalHits)).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[0].timeToExpire).toBeGreaterThan(55);
    expect(results[3].timeToBlockExpire).toBe(30);
    // blocked hits are not counted again, and the block holds
    const again = await s.increment('k1', 60_000, 3, 30_000, 'default');
    expect(again).toMatchObject({ isBlocked: true, totalHits: 4 });
  });

  it('separates throttlers and keys', async () => {
    const s = await storage();
    await s.increment('k2', 60_000, 1, 60_000, 'default');
    expect((await s.increment('k2', 60_000, 1, 60_000, 'login')).isBlocked).toBe(false);
    expect((await s.increment('k3', 60_000, 1, 60_000, 'default')).isBlocked).toBe(false);
  });

  it('starts a new window after the old one expires', async () => {
    const s = await storage();
    expect((await s.increment('k4', 300, 1, 300, 'default')).isBlocked).toBe(false);
    expect((await s.increment('k4', 300, 1, 300, 'default')).isBlocked).toBe(true);
    await new Promise((r) => setTimeout(r, 450));
    expect(await s.increment('k4', 300, 1, 300, 'default')).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it("is atomic: of 200 concurrent hits from two processes' storages exactly the limit pass", async () => {
    const [a, b] = [await storage(), await storage()];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).increment('k5', 60_000, 50, 60_000, 'account')),
    );
    expect(results.filter((r) => !r.isBlocked)).toHaveLength(50);
  });

  it("counts a request's hits in one call, in order, stopping after the first blocked one", async () => {
    const s = await storage();
    const first = await s.incrementMany([hit('k6', 1, 'default'), hit('k7', 5, 'account')]);
    expect(first.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [1, false],
    ]);
    expect(first[1].timeToExpire).toBeGreaterThan(55);
    const second = await s.incrementMany([hit('k6', 1, 'default'), hit('k7', 5, 'account')]);
    expect(second.map((r) => [r.totalHits, r.isBlocked, r.timeToBlockExpire])).toEqual([[2, true, 60]]);
    expect(await s.increment('k7', 60_000, 5, 60_000, 'account')).toMatchObject({ totalHits: 2, isBlocked: false });
  });

  it('counts the requests of one event-loop turn in one script call, each group on its own', async () => {
    const s = await storage();
    const redis = (s as unknown as { redis: { throttleIncrementGroups: (...a: unknown[]) => Promise<unknown> } }).redis;
    const calls = jest.spyOn(redis, 'throttleIncrementGroups');
    // 40 requests from one address, each also counting its own account; the address allows 30
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        s.incrementMany([hit('k10', 30, 'default'), hit(`acct-${i}`, 5, 'account')]),
      ),
    );
    expect(calls).toHaveBeenCalledTimes(1);
    // in the order asked: the first 30 pass and count their account too, the rest stop at the address
    expect(results.map((r) => r[0].totalHits)).toEqual(Array.from({ length: 40 }, (_, i) => Math.min(i + 1, 31)));
    expect(results.slice(0, 30).every((r) => r.length === 2 && !r[0].isBlocked && r[1].totalHits === 1)).toBe(true);
    expect(results.slice(30).every((r) => r.length === 1 && r[0].isBlocked)).toBe(true);
    // a later turn is a call of its own
    await s.incrementMany([hit('k11', 5, 'default')]);
    expect(calls).toHaveBeenCalledTimes(2);
  });
});

describe('RedisThrottlerStorage without Redis', () => {
  it("keeps limiting in this process's memory while Redis is unreachable", async () => {
    const s = new RedisThrottlerStorage('redis://127.0.0.1:1', 'unreachable');
    await s.ready(200);
    try {
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await s.increment('k', 60_000, 2, 60_000, 'default'));
      expect(results.map((r) => r.isBlocked)).toEqual([false, false, true]);
    } finally {
      await s.close();
    }
  });

  it("counts a request's hits in memory, with one call, while Redis is unreachable", async () => {
    const s = new RedisThrottlerStorage('redis://127.0.0.1:1', 'unreachable');
    await s.ready(200);
    try {
      expect(
        (await s.incrementMany([hit('k8', 1, 'default'), hit('k9', 5, 'account')])).map((r) => r.totalHits),
      ).toEqual([1, 1]);
      expect(
        (await s.incrementMany([hit('k8', 1, 'default'), hit('k9', 5, 'account')])).map((r) => r.isBlocked),
      ).toEqual([true]);
    } finally {
      await s.close();
    }
  });
});
