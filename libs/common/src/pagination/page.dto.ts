import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { fieldError } from '../errors/app-exceptions';
import { isUuid } from '../http/uuid-params.pipe';
import { findInputProblem } from '../input/input-guard';

/**
 * The longest `?cursor=` a list takes. A list's own nextCursor can carry two names of 200 characters
 * (the position summary sorted by name: the sort key and the name), up to 600 bytes each in UTF-8,
 * and base64 adds a third: about 1,700 characters.
 */
export const MAX_CURSOR_LENGTH = 2048;

/** `?limit=&cursor=`: keyset pagination; `nextCursor` is null on the last page. */
export class PageQueryDto {
  /** Items per page (1-100, default 20). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number = 20;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  cursor?: string;
}

export class PageInfoDto {
  @ApiProperty({ type: 'integer', example: 20 })
  limit: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= to get the next page; null on the last page',
  })
  nextCursor: string | null;
}

export interface Page<T> {
  items: T[];
  page: { limit: number; nextCursor: string | null };
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // a hand-made cursor can carry "\u0000" or a lone surrogate in a JSON escape, past the query check
    if (Array.isArray(v) && !findInputProblem(v, 'cursor', { maxDepth: 2, maxEntries: 10 })) return v;
  } catch {
    /* fall through */
  }
  return undefined;
}

/**
 * A timestamp as the lists write it: `timestamptz::text` (microseconds kept, which a Date would drop)
 * or `toISOString()`. Date.parse alone would also take "1" and roll 2027-02-30 over into March,
 * which PostgreSQL refuses.
 */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::\d{2})?)$/;
/** The longest text a list pages by: an email (names are at most 200). */
const MAX_TEXT_PART = 254;

/** Year 0 and days past a month's end do not exist for PostgreSQL. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isInstant(v: unknown): boolean {
  const ymd = typeof v === 'string' ? INSTANT.exec(v) : null;
  return ymd !== null && !Number.isNaN(Date.parse(ymd[0])) && isCalendarDay(+ymd[1], +ymd[2], +ymd[3]);
}

/** What a cursor part may hold, by the type of the key it comes from. */
const KINDS = {
  instant: isInstant,
  uuid: (v: unknown) => typeof v === 'string' && isUuid(v),
  text: (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT_PART,
  integer: (v: unknown) => Number.isSafeInteger(v),
  // a blank figure (no ratings yet) sorts too
  'number or null': (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v)),
};

export type CursorKind = keyof typeof KINDS;
/** A part of a cursor: a kind, or the only values it may take (such as the sort it was made for). */
export type CursorPart = CursorKind | readonly string[];
type PartValue<P> = P extends readonly (infer V)[]
  ? V
  : P extends 'integer'
    ? number
    : P extends 'number or null'
      ? number | null
      : string;
export type CursorValues<S extends readonly CursorPart[]> = { -readonly [I in keyof S]: PartValue<S[I]> };

function fits(part: CursorPart, value: unknown): boolean {
  return typeof part === 'string' ? KINDS[part](value) : typeof value === 'string' && part.includes(value);
}

/**
 * `?cursor=` read against the shape of the list's own `nextCursor`: undefined without one, else its
 * parts. Anything else is a 400 naming `cursor`: a part of the wrong type would reach PostgreSQL
 * (a 400 naming no field, or worse), and a quiet first page would hand a client rows it has read.
 */
export function readCursor<const S extends readonly CursorPart[]>(
  cursor: string | undefined,
  shape: S,
): CursorValues<S> | undefined {
  if (!cursor) return undefined;
  const parts = decodeCursor(cursor);
  if (parts?.length === shape.length && shape.every((part, i) => fits(part, parts[i]))) return parts as CursorValues<S>;
  throw fieldError('cursor', 'cursor is not a nextCursor of this list');
}

/** The `nextCursor` of a page read with `limit + 1` rows: the last shown row's key, or null on the last page. */
export function nextCursor<R>(rows: readonly R[], limit: number, keyOf: (row: R) => unknown[]): string | null {
  return rows.length > limit && limit > 0 ? encodeCursor(keyOf(rows[limit - 1])) : null;
}
