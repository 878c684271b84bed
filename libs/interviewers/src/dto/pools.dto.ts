import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const blankToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

export const MAX_DAILY_LIMIT = 24;
export const MAX_WEEKLY_LIMIT = 100;
export const MAX_TRAINING_COUNT = 50;

export class CreateInterviewerPoolDto {
  /** Unique, whatever its case. */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(blankToNull)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  /** Interviews a member takes per day, their local day; null: no limit. */
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_DAILY_LIMIT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DAILY_LIMIT)
  dailyLimit?: number | null;

  /** Interviews a member takes per ISO week, their local week; null: no limit. */
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_WEEKLY_LIMIT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WEEKLY_LIMIT)
  weeklyLimit?: number | null;

  /** Interviews a trainee shadows before reverse-shadowing (default 2). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_TRAINING_COUNT })
  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_TRAINING_COUNT)
  shadowsRequired?: number;

  /** Interviews a trainee reverse-shadows before being qualified (default 2). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_TRAINING_COUNT })
  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_TRAINING_COUNT)
  reverseShadowsRequired?: number;
}

/** Any subset of the pool's fields; null removes a limit or the description (a name or a count must not be null). */
export class UpdateInterviewerPoolDto extends PartialType(CreateInterviewerPoolDto, { skipNullProperties: false }) {}

export class PutPoolMemberDto {
  /**
   * true: a trainee, starting at shadow (a qualified member starts training again); false: a
   * qualified member (a trainee is qualified now, by hand).
   */
  @ApiProperty()
  @IsBoolean()
  trainee: boolean;
}
