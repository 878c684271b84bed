import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: malformed JSON, a wrong field, or an unknown field (named in the message)',
  401: 'Missing, invalid or expired bearer token',
  403: 'Your roles do not allow this',
  404: 'Not found (or not visible to you)',
  409: 'Conflict: a concurrent change won, or the resource clashes with another',
  413: 'Request body too large',
  422: 'Well-formed but not acceptable in the current state',
  429: 'Too many requests',
  500: 'Unexpected error; the body carries a request id',
};

/** Documents the shared error responses of an endpoint or controller. */
export function ApiErrors(...statuses: number[]) {
  const list = statuses.length ? statuses : [400, 401, 403];
  return applyDecorators(
    ...[...new Set([...list, 500])].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorResponseDto }),
    ),
  );
}
