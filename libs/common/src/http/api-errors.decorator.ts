import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto';

/** What each error status means, the same wording on every operation. */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: malformed JSON, a wrong field, or an unknown field (named in the message)',
  401: 'Missing, invalid or expired bearer token',
  403: 'Your roles do not allow this',
  404: 'Not found (or not visible to you)',
  409: 'Conflict: a concurrent change won, or the resource clashes with another',
  413: 'Request body too large',
  414: 'A path parameter is too long',
  415: 'Unsupported Content-Type',
  422: 'Well-formed but not acceptable in the current state',
  429: 'Too many requests; retry after the Retry-After seconds',
  500: 'Unexpected error; the body carries a request id',
  503: 'A dependency (the database) is unavailable; retry after the Retry-After seconds',
};

/**
 * Documents the error responses specific to an endpoint or controller (404, 409, 422...). The common
 * ones (400 with input, 401/403 when signed in, 429, 503) are added to every operation by
 * createOpenApiDocument; errors are always application/json, whatever the success media type.
 */
export function ApiErrors(...statuses: number[]) {
  const list = statuses.length ? statuses : [400, 401, 403];
  return applyDecorators(
    ...[...new Set([...list, 500])].map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? 'Error', type: ErrorResponseDto }),
    ),
  );
}
