import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { findInputProblem } from '../input/input-guard';

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
  @MaxLength(500)
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
 * Keyset paging: the (sort key, id) pair a page starts after, from `?cursor=`. A missing cursor, or one
 * that is not such a pair, starts at the first page.
 */
export function keysetAfter(cursor: string | undefined): [string, string] | undefined {
  const v = decodeCursor(cursor);
  if (v?.length !== 2) return undefined;
  const [key, id] = v;
  return typeof key === 'string' && typeof id === 'string' && key && id ? [key, id] : undefined;
}

/** The `nextCursor` of a page read with `limit + 1` rows: the last shown row's key, or null on the last page. */
export function nextCursor<R>(rows: readonly R[], limit: number, keyOf: (row: R) => unknown[]): string | null {
  return rows.length > limit && limit > 0 ? encodeCursor(keyOf(rows[limit - 1])) : null;
}
