import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EachIsObject, IsUpdatedSince, PageQueryDto } from '@app/common';
import { MAX_QUESTIONS, MAX_TEXT } from '../import/limits';
import { QUESTION_TYPES, type QuestionType } from '../import/guide.types';
import { QUESTION_SET_STATUSES, type QuestionSetStatus } from '../entities/question-set.entity';
import { QuestionDto } from './question.dto';

/** A date, a time to the second at least, and Z or an offset: an instant, not a wall-clock time. */

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const tags = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? [...new Set(value.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t)))] : value;

export class CreateQuestionSetDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string;

  /** The role family the set is for, e.g. "Backend Engineer". */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  positionFamily?: string;

  /** e.g. "Junior", "Senior", "Staff". */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  level?: string;

  @IsOptional()
  @Transform(tags)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions?: QuestionDto[];
}

/** Edits the set's own fields. On a published set this starts the next draft version. */
export class UpdateQuestionSetDto extends PartialType(OmitType(CreateQuestionSetDto, ['questions'] as const)) {
  /** The set's current revision (409 when stale). */
  @IsInt()
  @Min(1)
  revision: number;
}

export class ListQuestionSetsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUESTION_SET_STATUSES })
  @IsOptional()
  @IsIn(QUESTION_SET_STATUSES, { message: `status must be one of: ${QUESTION_SET_STATUSES.join(', ')}` })
  status?: QuestionSetStatus;

  /** Exact position family, case-insensitive. */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  positionFamily?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  /** Only sets with at least one question of this type. */
  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @IsOptional()
  @IsIn(QUESTION_TYPES, { message: `type must be one of: ${QUESTION_TYPES.join(', ')}` })
  type?: QuestionType;

  /** Words to find in the name, description, prompts and criteria. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Only sets changed at or after this instant, e.g. to sync what changed. */
  @IsUpdatedSince(
    "Only sets changed at or after this instant, in the list's order (last changed first), paged with the cursor.",
  )
  updatedSince?: string;
}

export class PublishDto {
  /** The set's current revision (409 when stale). */
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;
}
