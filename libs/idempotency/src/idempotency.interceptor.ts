import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey, requestHash } from './idempotency-key';
import { IdempotencyService } from './idempotency.service';

/**
 * Applied by @Idempotent() to each signed-in POST: one that carries an Idempotency-Key runs at most
 * once per key (see IdempotencyService). Records are scoped by the principal's id: a user's, or for
 * a request made with an API key the key's own (never its creator's), so two integrations, or an
 * integration and a person, never replay each other's answers. Guards ran already, so `request.user`
 * is there. Public POSTs are not decorated: sign-in sets a user too (its guard checks the password),
 * but a public route has no one to scope keys to.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: { id: string } }>();
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || raw === undefined || !request.user?.id) return next.handle();
    const key = parseIdempotencyKey(raw);
    const r = {
      userId: request.user.id,
      key,
      method: request.method,
      path: request.url,
      requestHash: requestHash(request.body),
    };
    return from(
      this.idempotency.run(r, http.getResponse<FastifyReply>(), String(request.id), () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      ),
    );
  }
}
