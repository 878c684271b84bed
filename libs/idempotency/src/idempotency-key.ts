import { BadRequestException } from '@nestjs/common';
import { createHash } from 'node:crypto';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

const PRINTABLE = /^[\x20-\x7E]{1,200}$/;

/** The header's value, or a 400 naming it: 1 to 200 printable ASCII characters, not only spaces. */
export function parseIdempotencyKey(raw: string | string[]): string {
  const value = Array.isArray(raw) ? raw.join(', ') : raw;
  if (!PRINTABLE.test(value) || value.trim() === '') {
    const message = 'Idempotency-Key must be 1 to 200 printable ASCII characters';
    throw new BadRequestException({ message, details: [{ field: 'Idempotency-Key', message }] });
  }
  return value;
}

/**
 * sha256 of the body as canonical JSON (object keys sorted), so a retry that serializes the same
 * values in another key order is the same request. A body too deep for the serializer is a 400.
 */
export function requestHash(body: unknown): string {
  let text: string;
  try {
    text =
      JSON.stringify(body ?? null, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          : v,
      ) ?? 'null';
  } catch {
    throw new BadRequestException({
      message: 'The request body is nested too deeply',
      details: [{ field: 'body', message: 'nested too deeply' }],
    });
  }
  return createHash('sha256').update(text).digest('hex');
}
