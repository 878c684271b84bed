import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

const MESSAGE = 'updatedSince must be an ISO 8601 instant with a time and an offset, e.g. 2027-12-01T10:00:00Z';

/**
 * `?updatedSince=`: an instant (a time with `Z` or an offset, never a wall time, since a sync mark
 * must mean the same instant for every caller). A list given it returns the rows updated at or
 * after it, oldest change first, paged on (updated_at, id) so that an integration syncs incrementally.
 */
export function IsUpdatedSince(
  description = 'Only rows updated at or after this instant, ordered by last update (oldest first) and then id; ' +
    'page with the returned cursor, and keep the newest updatedAt seen for the next sync.',
) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'date-time',
      description,
    }),
    IsOptional(),
    IsISO8601({ strict: true }, { message: MESSAGE }),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})$/, { message: MESSAGE }),
  );
}
