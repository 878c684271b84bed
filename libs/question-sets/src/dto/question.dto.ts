import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_CRITERIA, MAX_FOLLOW_UPS, MAX_LABEL, MAX_PROMPT, MAX_TEXT, MAX_TIMEBOX_MINUTES } from '../import/limits';
import { QUESTION_TYPES, type QuestionType } from '../import/guide.types';
import { EachIsObject, IsNestedObject, UniqueBy } from '@app/common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class FollowUpDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'prompt must not be empty' })
  @MaxLength(MAX_PROMPT)
  prompt: string;

  /** What this follow-up checks, e.g. "whether the candidate can reason about trade-offs". */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MAX_TEXT)
  checks?: string;
}

export class CriterionDto {
  /** What to look for, e.g. "Explains trade-offs between consistency and availability". */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(MAX_LABEL)
  label: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string;
}

export class GuidanceDto {
  /** Why the question is asked. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  whyAsked?: string;

  /** An answer framework such as STAR or Present-Past-Future. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LABEL)
  framework?: string;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  frameworkDescription?: string;

  /** An example of a strong answer. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  exampleAnswer?: string;
}

export class QuestionDto {
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' })
  @IsIn(QUESTION_TYPES, { message: `type must be one of: ${QUESTION_TYPES.join(', ')}` })
  type: QuestionType;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'prompt must not be empty' })
  @MaxLength(MAX_PROMPT)
  prompt: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FOLLOW_UPS, { message: `followUps may hold at most ${MAX_FOLLOW_UPS} items` })
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => FollowUpDto)
  followUps?: FollowUpDto[];

  /** "What to look for": scorecards rate each of these. A set cannot be published while a question has none. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CRITERIA, { message: `criteria may hold at most ${MAX_CRITERIA} items` })
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];

  @IsOptional()
  @IsNestedObject()
  @ValidateNested()
  @Type(() => GuidanceDto)
  guidance?: GuidanceDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @UniqueBy('competency', (c: string) => (typeof c === 'string' ? c.trim().toLowerCase() : undefined))
  competencies?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_TIMEBOX_MINUTES })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TIMEBOX_MINUTES)
  timeboxMinutes?: number;
}

/** Adds a question; `revision` is the set's current revision (409 when stale). */
export class AddQuestionDto extends QuestionDto {
  @IsInt()
  @Min(1)
  revision: number;

  /** 0-based position; default: at the end. */
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

/** Edits a question; every field but `revision` is optional. */
export class UpdateQuestionDto extends PartialType(QuestionDto) {
  @IsInt()
  @Min(1)
  revision: number;

  /** Moves the question to this 0-based position. */
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class ReorderQuestionsDto {
  @IsInt()
  @Min(1)
  revision: number;

  /** Every question id of the set, in the new order. */
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @UniqueBy('question')
  questionIds: string[];
}

export class RevisionQueryDto {
  /** The set's current revision (409 when stale). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  revision: number;
}
