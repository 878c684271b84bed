import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_DESCRIPTIONS } from './api-errors.decorator';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponseDto' };
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } };

interface Operation {
  parameters?: Array<{
    in?: string;
    name?: string;
    required?: boolean;
    description?: string;
    schema?: { type?: string; format?: string };
  }>;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<
    string,
    { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }
  >;
}

/**
 * Makes the document say what the API answers, for every operation alike:
 * - errors are application/json ErrorResponseDto, also where the success is a file (.ics, CSV,
 *   Markdown export): @ApiProduces would otherwise declare them with the file's media type;
 * - the errors any operation can give are declared: 400 when it takes parameters or a body (the
 *   validation pipe, malformed JSON), 413 with a body (the body limit), 401/403 when it needs a
 *   signed-in user (the guards), 404 and 414 (the router's parameter length) with path parameters,
 *   409 on signed-in writes (a concurrent change won), 429 (rate limits) and 503 (database
 *   unavailable) everywhere; controllers add the specific ones (409, 422) with @ApiErrors;
 * - an operation that declares the Idempotency-Key header (@Idempotent) answers 400, 409 and 422 for it;
 * - path ids are declared as UUIDs;
 * - @ApiErrors on both a controller and a method does not repeat descriptions.
 */
export function completeOpenApiContract(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = (path as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const common = new Set<number>([429, 503]);
      if (params.length || op.requestBody) common.add(400);
      if (op.requestBody) common.add(413);
      if (op.security?.length) [401, 403].forEach((s) => common.add(s));
      if (params.some((p) => p.in === 'path')) [404, 414].forEach((s) => common.add(s));
      // a write that loses to a concurrent one (serialization failure, deadlock) answers 409 to retry
      if (method !== 'get' && op.security?.length) common.add(409);
      // a malformed key, a key whose first request is still running, a key reused for another request
      if (params.some((p) => p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key'))
        [400, 409, 422].forEach((s) => common.add(s));
      for (const p of params) {
        // ids in paths are UUIDs (a queue job id is not)
        if (p.in === 'path' && /^(id|\w+Id)$/.test(p.name ?? '') && p.name !== 'jobId' && p.schema?.type === 'string')
          p.schema.format ??= 'uuid';
      }
      for (const status of common) op.responses[String(status)] ??= { description: ERROR_DESCRIPTIONS[status] };
      for (const [status, response] of Object.entries(op.responses)) {
        const code = Number(status);
        if (!(code >= 400)) continue;
        response.description = dedupe(response.description || ERROR_DESCRIPTIONS[code] || 'Error');
        response.content = { 'application/json': { schema: ERROR_SCHEMA } };
        if (code === 429 || code === 503) response.headers = { ...response.headers, ...RETRY_AFTER };
      }
      op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  return document;
}

function dedupe(description: string): string {
  return [...new Set(description.split('\n\n'))].join('\n\n');
}
