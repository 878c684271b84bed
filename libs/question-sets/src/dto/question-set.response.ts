import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '@app/common';
import { QUESTION_TYPES, type QuestionType } from '../import/guide.types';
import { QUESTION_SET_STATUSES, type QuestionSetStatus } from '../entities/question-set.entity';

export class FollowUpResponse {
  id: string;
  prompt: string;
  checks?: string;
}

export class CriterionResponse {
  /** Stable id; scorecard ratings refer to it. */
  id: string;
  label: string;
  description?: string;
}

export class GuidanceResponse {
  whyAsked?: string;
  framework?: string;
  frameworkDescription?: string;
  exampleAnswer?: string;
}

export class QuestionResponse {
  id: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' })
  type: QuestionType;
  prompt: string;
  followUps: FollowUpResponse[];
  criteria: CriterionResponse[];
  guidance: GuidanceResponse;
  competencies: string[];
  @ApiProperty({ type: 'integer', nullable: true })
  timeboxMinutes: number | null;
}

export class TypeCountsResponse {
  @ApiProperty({ type: 'integer' })
  technical: number;
  @ApiProperty({ type: 'integer' })
  behavioral: number;
  @ApiProperty({ type: 'integer' })
  situational: number;
}

export class QuestionSetSummaryResponse {
  id: string;
  /** Shared by every version of this set. */
  lineageId: string;
  @ApiProperty({ type: 'integer' })
  version: number;
  name: string;
  description: string | null;
  positionFamily: string | null;
  level: string | null;
  tags: string[];
  @ApiProperty({ enum: QUESTION_SET_STATUSES, enumName: 'QuestionSetStatus' })
  status: QuestionSetStatus;
  ownerId: string;
  /** Send it back with every change (optimistic locking). */
  @ApiProperty({ type: 'integer' })
  revision: number;
  @ApiProperty({ type: 'integer' })
  questionCount: number;
  questionsByType: TypeCountsResponse;
  /** The published version that replaced this one, when it is archived for that reason. */
  supersededById: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  archivedAt: Date | null;
}

export class QuestionSetResponse extends QuestionSetSummaryResponse {
  questions: QuestionResponse[];
}

export class QuestionSetPage {
  items: QuestionSetSummaryResponse[];
  page: PageInfoDto;
}

export class ImportReportLine {
  /** 1-based line of the pasted guide. */
  @ApiProperty({ type: 'integer' })
  line: number;
  message: string;
}

export class ImportReportResponse {
  @ApiProperty({ enum: ['text', 'markdown', 'json'] })
  format: 'text' | 'markdown' | 'json';
  @ApiProperty({ type: 'integer' })
  questions: number;
  @ApiProperty({ type: 'integer' })
  followUps: number;
  @ApiProperty({ type: 'integer' })
  criteria: number;
  recognised: ImportReportLine[];
  inferred: ImportReportLine[];
  skipped: ImportReportLine[];
  warnings: ImportReportLine[];
}

/** A question as the importer read it, before anything is saved. */
export class ImportPreviewQuestion {
  /** 1-based line of the guide where the question starts. */
  @ApiProperty({ type: 'integer' })
  line: number;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' })
  type: QuestionType;
  /** True when the guide did not say the type and it was guessed from the wording. */
  typeInferred: boolean;
  prompt: string;
  followUps: FollowUpPreview[];
  criteria: CriterionPreview[];
  competencies: string[];
  @ApiProperty({ type: 'integer', nullable: true })
  timeboxMinutes: number | null;
}

export class FollowUpPreview {
  prompt: string;
  checks?: string;
}

export class CriterionPreview {
  label: string;
  description?: string;
}

export class ImportPreviewResponse {
  /** The name the set would get. */
  name: string;
  description: string | null;
  positionFamily: string | null;
  level: string | null;
  tags: string[];
  questions: ImportPreviewQuestion[];
  report: ImportReportResponse;
}

export class ImportResultResponse {
  set: QuestionSetResponse;
  report: ImportReportResponse;
}
