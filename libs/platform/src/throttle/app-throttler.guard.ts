import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { isBatchStorage, ThrottleHit } from './throttle-batch';

type Throttler = ThrottlerGuard['throttlers'][number];

interface PlannedHit extends ThrottleHit {
  throttler: Throttler;
  tracker: string;
}

/** An option's value, resolved and checked as the library's guard does. */
async function numberOf(
  context: ExecutionContext,
  value: unknown,
  option: string,
  throttlerName: string,
): Promise<number> {
  const resolved: unknown =
    typeof value === 'function' ? await (value as (c: ExecutionContext) => unknown)(context) : value;
  const n = typeof resolved === 'string' && resolved.trim() !== '' ? Number(resolved) : resolved;
  if (typeof n !== 'number' || Number.isNaN(n))
    throw new Error(
      `Invalid "${option}" for the "${throttlerName}" throttler: expected a number, got ${JSON.stringify(resolved)}.`,
    );
  return n;
}

/**
 * The library's guard, with two changes:
 * - its Retry-After header is named after the throttler ("Retry-After-login"); clients know only
 *   the standard one, so every refusal says when to come back in it;
 * - it counts each throttler with its own storage call, one after the other: one Redis round trip
 *   per limit. Here a request's hits are counted with one call (one round trip) when the storage
 *   can (BatchThrottlerStorage), in the same order, stopping at the first blocked one as before.
 * Options are read as the library reads them (module, then @Throttle / @SkipThrottle on the route
 * or controller).
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!isBatchStorage(this.storageService)) return super.canActivate(context);
    if (await this.shouldSkip(context)) return true;
    const { req, res } = this.getRequestResponse(context);
    const targets = [context.getHandler(), context.getClass()];
    const planned: PlannedHit[] = [];
    for (const throttler of this.throttlers) {
      const name = throttler.name!;
      // what @SkipThrottle and @Throttle set on a route or controller, as the library reads it
      const route = <T>(option: string): T | undefined =>
        this.reflector.getAllAndOverride<T>(`THROTTLER:${option}${name}`, targets);
      const skipIf = throttler.skipIf || this.commonOptions.skipIf;
      if (route<boolean>('SKIP') || skipIf?.(context)) continue;
      const limit = await numberOf(context, route('LIMIT') ?? throttler.limit, 'limit', name);
      const ttl = await numberOf(context, route('TTL') ?? throttler.ttl, 'ttl', name);
      const blockDuration = await numberOf(
        context,
        route('BLOCK_DURATION') ?? throttler.blockDuration ?? ttl,
        'blockDuration',
        name,
      );
      const ignoreUserAgents = throttler.ignoreUserAgents ?? this.commonOptions.ignoreUserAgents;
      if (Array.isArray(ignoreUserAgents) && ignoreUserAgents.some((p) => p.test(req.headers['user-agent']))) continue;
      const getTracker =
        route<NonNullable<Throttler['getTracker']>>('TRACKER') ||
        throttler.getTracker ||
        this.commonOptions.getTracker!;
      const generateKey =
        route<NonNullable<Throttler['generateKey']>>('KEY_GENERATOR') ||
        throttler.generateKey ||
        this.commonOptions.generateKey!;
      const tracker = await getTracker(req, context);
      const key = generateKey(context, tracker, throttler.name!);
      planned.push({ key, ttl, limit, blockDuration, throttlerName: name, throttler, tracker });
    }
    const records = await this.storageService.incrementMany(planned);
    records.forEach((record, i) => {
      const { throttler, limit } = planned[i];
      const suffix = throttler.name === 'default' ? '' : `-${throttler.name}`;
      const setHeaders = throttler.setHeaders ?? this.commonOptions.setHeaders ?? true;
      if (record.isBlocked) return;
      if (setHeaders) {
        this.setResponseHeader(res, `${this.headerPrefix}-Limit${suffix}`, limit);
        this.setResponseHeader(res, `${this.headerPrefix}-Remaining${suffix}`, Math.max(0, limit - record.totalHits));
        this.setResponseHeader(res, `${this.headerPrefix}-Reset${suffix}`, record.timeToExpire);
      }
    });
    const blocked = records.findIndex((r) => r.isBlocked);
    if (blocked >= 0) {
      const { throttler, limit, ttl, key, tracker } = planned[blocked];
      const record = records[blocked];
      const setHeaders = throttler.setHeaders ?? this.commonOptions.setHeaders ?? true;
      if (setHeaders)
        this.setResponseHeader(
          res,
          `Retry-After${throttler.name === 'default' ? '' : `-${throttler.name}`}`,
          record.timeToBlockExpire,
        );
      await this.throwThrottlingException(context, { limit, ttl, key, tracker, ...record });
    }
    return true;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', Math.max(1, detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }
}
