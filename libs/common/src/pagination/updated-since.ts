import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, Matches, ValidateBy } from 'class-validator';
import { asUtcInstant } from '../time/date-time-input';

const MESSAGE = 'updatedSince must be an ISO 8601 instant with a time and an offset, e.g. 2027-12-01T10:00:00Z';
const INSTANT = /T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})$/;

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
    // A week or ordinal date passes IsISO8601 but is an Invalid Date to the lists' `new Date()`, so an
    // instant goes on in its canonical form; a wall time stays as sent for Matches to refuse. Not
    // IsDateTimeInput: its 1970 floor would refuse a "since ever" that was taken (1900-01-01T00:00:00Z).
    Transform((p) => (typeof p.value === 'string' && INSTANT.test(p.value) ? asUtcInstant(p) : p.value)),
    IsISO8601({ strict: true }, { message: MESSAGE }),
    Matches(INSTANT, { message: MESSAGE }),
    ValidateBy(
      {
        name: 'isReadableInstant',
        validator: { validate: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) },
      },
      { message: MESSAGE },
    ),
  );
}
