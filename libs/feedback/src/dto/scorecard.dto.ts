import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RECOMMENDATIONS, type Recommendation } from '../entities/scorecard.entity';
import { RATING_SCALE_TEXT, RECOMMENDATION_SCALE_TEXT } from '../scale';
import { IsUpdatedSince, EachIsObject, UniqueBy } from '@app/common';

export const MAX_NOTE = 20_000;

/** One criterion's rating: 1 Strong no, 2 No, 3 Yes, 4 Strong yes; or `notAssessed`; or neither to clear it. */
export class RatingInputDto {
  @IsUUID()
  questionId: string;

  @IsString()
  @MaxLength(64)
  criterionId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, nullable: true, description: RATING_SCALE_TEXT })
  @IsOptional()
  @IsInt({ message: 'rating must be a whole number from 1 to 4' })
  @Min(1, { message: 'rating must be from 1 to 4' })
  @Max(4, { message: 'rating must be from 1 to 4' })
  rating?: number | null;

  @IsOptional()
  @IsBoolean()
  notAssessed?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE, { message: `note must be at most ${MAX_NOTE} characters` })
  note?: string;
}

export class QuestionNotesDto {
  @IsUUID()
  questionId: string;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE, { message: `notes must be at most ${MAX_NOTE} characters` })
  notes?: string;

  /** Ids of the follow-ups actually asked. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @UniqueBy('follow-up')
  followUpsAsked?: string[];
}

/** A partial save of your draft: only what is sent changes. Send `version` back (409 when stale). */
export class SaveScorecardDto {
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: RECOMMENDATIONS, nullable: true, description: RECOMMENDATION_SCALE_TEXT })
  @IsOptional()
  @IsIn([...RECOMMENDATIONS, null], { message: `overallRecommendation must be one of: ${RECOMMENDATIONS.join(', ')}` })
  overallRecommendation?: Recommendation | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE, { message: `summary must be at most ${MAX_NOTE} characters` })
  summary?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @EachIsObject()
  @UniqueBy('questionId/criterionId', (r: RatingInputDto) =>
    r && typeof r === 'object' && r.questionId && r.criterionId ? `${r.questionId}/${r.criterionId}` : undefined,
  )
  @ValidateNested({ each: true })
  @Type(() => RatingInputDto)
  ratings?: RatingInputDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @EachIsObject()
  @UniqueBy('questionId', (q: QuestionNotesDto) => q?.questionId)
  @ValidateNested({ each: true })
  @Type(() => QuestionNotesDto)
  questions?: QuestionNotesDto[];
}

export class SubmitScorecardDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ScorecardCriterionResponse {
  criterionId: string;
  label: string;
  description?: string;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 4, description: RATING_SCALE_TEXT })
  rating: number | null;
  notAssessed: boolean;
  note: string | null;
}

export class ScorecardFollowUpResponse {
  id: string;
  prompt: string;
  asked: boolean;
}

export class ScorecardQuestionResponse {
  questionId: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  type: string;
  prompt: string;
  /** Whether this panelist must rate it before submitting. */
  assignedToMe: boolean;
  criteria: ScorecardCriterionResponse[];
  followUps: ScorecardFollowUpResponse[];
  notes: string | null;
}

export class MissingItemResponse {
  /** "recommendation" or "rating". */
  kind: string;
  questionId?: string;
  criterionId?: string;
  label: string;
}

export class PanelistRefResponse {
  id: string;
  name: string;
}

export class ScorecardResponse {
  id: string;
  interviewId: string;
  panelist: PanelistRefResponse;
  @ApiProperty({ enum: ['draft', 'submitted'] })
  status: 'draft' | 'submitted';
  @ApiProperty({ type: 'integer' })
  version: number;
  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true, description: RECOMMENDATION_SCALE_TEXT })
  overallRecommendation: Recommendation | null;
  summary: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
  questions: ScorecardQuestionResponse[];
  /** What submit would still ask for. */
  missing: MissingItemResponse[];
}

export class ScorecardListResponse {
  items: ScorecardResponse[];
  /** True while you may not see the others' scorecards (you have not submitted yours). */
  blind: boolean;
  /** Panelists whose scorecard is not submitted yet. */
  pending: PanelistRefResponse[];
}

export class ListScorecardsQueryDto {
  /** Only scorecards changed at or after this instant (an integration's incremental sync of submitted scorecards). */
  @IsUpdatedSince()
  updatedSince?: string;
}
