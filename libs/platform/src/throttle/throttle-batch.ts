import type { ThrottlerStorage } from '@nestjs/throttler';

export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One throttler's hit of a request. */
export interface ThrottleHit {
  key: string;
  ttl: number;
  limit: number;
  blockDuration: number;
  throttlerName: string;
}

/**
 * A storage that counts all of a request's hits at once (one Redis round trip instead of one per
 * throttler). The hits are counted in order and counting stops after the first that is blocked, as
 * the library's guard stops at the first refusal: the result has one record per hit counted.
 */
export interface BatchThrottlerStorage extends ThrottlerStorage {
  incrementMany(hits: ThrottleHit[]): Promise<ThrottlerStorageRecord[]>;
}

export function isBatchStorage(storage: ThrottlerStorage): storage is BatchThrottlerStorage {
  return typeof (storage as Partial<BatchThrottlerStorage>).incrementMany === 'function';
}
