import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { isBatchStorage, ThrottleHit } from './throttle-batch';

type Throttler = ThrottlerGuard['throttlers'][number];

interface PlannedHit extends ThrottleHit {
  throttler: Throttler;
  tracker: string;
}

/** An option given as a number, or as a numeric string, read once; anything else is resolved per request. */
function staticNumber(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isNaN(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return value;
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

/** What a route's throttler needs per request, read once per route: its options do not change. */
interface RoutePlan {
  throttler: Throttler;
  name: string;
  skipIf: Throttler['skipIf'];
  /** A number when the option is; else resolved per request, as the library does. */
  limit: unknown;
  ttl: unknown;
  blockDuration: unknown;
  ignoreUserAgents: RegExp[] | undefined;
  getTracker: NonNullable<Throttler['getTracker']>;
  generateKey: NonNullable<Throttler['generateKey']>;
}

/**
 * The library's guard, with three changes:
 * - its Retry-After header is named after the throttler ("Retry-After-login"); clients know only
 *   the standard one, so every refusal says when to come back in it;
 * - it counts each throttler with its own storage call, one after the other: one Redis round trip
 *   per limit. Here a request's hits are counted with one call (one round trip) when the storage
 *   can (BatchThrottlerStorage), in the same order, stopping at the first blocked one as before;
 * - it reads every option through the reflector on every request (two dozen lookups and as many
 *   awaits per request); here a route's options are read once, the first time it is hit, and only
 *   what depends on the request (skipIf, the tracker, options given as functions) runs per request.
 * Options are read as the library reads them (module, then @Throttle / @SkipThrottle on the route
 * or controller).
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  private readonly plans = new WeakMap<object, RoutePlan[]>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!isBatchStorage(this.storageService)) return super.canActivate(context);
    if (await this.shouldSkip(context)) return true;
    const { req, res } = this.getRequestResponse(context);
    const planned: PlannedHit[] = [];
    for (const plan of this.planOf(context)) {
      const { name, throttler } = plan;
      if (plan.skipIf?.(context)) continue;
      const limit = typeof plan.limit === 'number' ? plan.limit : await numberOf(context, plan.limit, 'limit', name);
      const ttl = typeof plan.ttl === 'number' ? plan.ttl : await numberOf(context, plan.ttl, 'ttl', name);
      const blockDuration =
        typeof plan.blockDuration === 'number'
          ? plan.blockDuration
          : await numberOf(context, plan.blockDuration, 'blockDuration', name);
      if (plan.ignoreUserAgents?.some((p) => p.test(req.headers['user-agent']))) continue;
      const found = plan.getTracker(req, context);
      const tracker = typeof found === 'string' ? found : await found;
      const key = plan.generateKey(context, tracker, name);
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

  /** The route's throttlers as the library resolves them, less those @SkipThrottle turns off. */
  private planOf(context: ExecutionContext): RoutePlan[] {
    const handler = context.getHandler();
    const known = this.plans.get(handler);
    if (known) return known;
    const targets = [handler, context.getClass()];
    const plan: RoutePlan[] = [];
    for (const throttler of this.throttlers) {
      const name = throttler.name!;
      // what @SkipThrottle and @Throttle set on a route or controller, as the library reads it
      const route = <T>(option: string): T | undefined =>
        this.reflector.getAllAndOverride<T>(`THROTTLER:${option}${name}`, targets);
      if (route<boolean>('SKIP')) continue;
      const ignoreUserAgents = throttler.ignoreUserAgents ?? this.commonOptions.ignoreUserAgents;
      const limit = route('LIMIT') ?? throttler.limit;
      const ttl = route('TTL') ?? throttler.ttl;
      plan.push({
        throttler,
        name,
        skipIf: throttler.skipIf || this.commonOptions.skipIf,
        limit: staticNumber(limit),
        ttl: staticNumber(ttl),
        blockDuration: staticNumber(route('BLOCK_DURATION') ?? throttler.blockDuration ?? ttl),
        ignoreUserAgents: Array.isArray(ignoreUserAgents) ? ignoreUserAgents : undefined,
        getTracker:
          route<NonNullable<Throttler['getTracker']>>('TRACKER') ||
          throttler.getTracker ||
          this.commonOptions.getTracker!,
        generateKey:
          route<NonNullable<Throttler['generateKey']>>('KEY_GENERATOR') ||
          throttler.generateKey ||
          this.commonOptions.generateKey!,
      });
    }
    // the handler is the route's method, the same object on every request to it
    this.plans.set(handler, plan);
    return plan;
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
