import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { AccessTokenService } from '@app/auth';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RequestIdentityService } from './request-identity.service';

/** The counters' storage: Redis when configured (shared by every API process), else this process's memory. */
export const THROTTLE_STORAGE = Symbol('THROTTLE_STORAGE');

/** What the throttler options need: where to count, and who a request is. */
@Module({
  providers: [
    AccessTokenService,
    RequestIdentityService,
    {
      provide: THROTTLE_STORAGE,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<ThrottlerStorage> => {
        if (!config.redisUrl) return new MemoryThrottlerStorage();
        const storage = new RedisThrottlerStorage(config.redisUrl, config.queuePrefix);
        await storage.ready();
        return storage;
      },
    },
  ],
  exports: [RequestIdentityService, THROTTLE_STORAGE],
})
export class ThrottleSupportModule implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_STORAGE) private readonly storage: ThrottlerStorage) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.storage instanceof RedisThrottlerStorage) await this.storage.close();
    else if (this.storage instanceof MemoryThrottlerStorage) this.storage.close();
  }
}
