import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency.repository';

/**
 * Makes a signed-in POST safe to retry with an Idempotency-Key (see IdempotencyService), and says
 * so in the OpenAPI document. Per route rather than global, so that the routes it cannot serve
 * (reads, public routes) skip Nest's interceptor chain; test/interceptors.e2e-spec.ts fails when a
 * signed-in POST lacks it. The OpenAPI contract (@app/common) adds the answers the header brings.
 */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe: a repeat with the same key and body replays the first answer (header Idempotent-Replayed: true) and creates nothing; ' +
        `the same key with another body answers 422, a repeat while the first is still running 409. Keys last ${IDEMPOTENCY_TTL_HOURS} hours.`,
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x20-\\x7E]+$' },
    }),
  );
}
