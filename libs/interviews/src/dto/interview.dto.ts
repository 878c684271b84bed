import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsTimeZone } from '@app/auth';
import { EachIsObject, IsDateTimeInput, IsUpdatedSince, PageQueryDto, UniqueBy } from '@app/common';
import { INTERVIEW_STATUS_DESCRIPTION, INTERVIEW_STATUSES, type InterviewStatus } from '../entities/interview.entity';

export const STAGES = ['screening', 'technical', 'behavioral', 'onsite', 'final', 'other'] as const;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PanelMemberDto {
  /** A user with the interviewer role. */
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: ['lead', 'panelist', 'shadow'] })
  @IsIn(['lead', 'panelist', 'shadow'], { message: 'role must be lead, panelist or shadow' })
  role: 'lead' | 'panelist' | 'shadow';
}

/** A whole published set (`setId`) or one question of a published set (`questionId`). */
export class AssignQuestionDto {
  @IsOptional()
  @IsUUID()
  setId?: string;

  @IsOptional()
  @IsUUID()
  questionId?: string;

  /** The panelist who asks it (or all of the set's questions); default: whoever leads. */
  @IsOptional()
  @IsUUID()
  askedBy?: string;
}

export class CreateInterviewDto {
  @IsUUID()
  candidateId: string;

  /** Default: the candidate's position. */
  @IsOptional()
  @IsUUID()
  positionId?: string;

  /** Default: "<Stage> interview". */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  /** Required unless `planStageId` is given (then it defaults to the plan stage's name). */
  @ApiPropertyOptional({ enum: STAGES })
  @ValidateIf((o: CreateInterviewDto) => o.stage !== undefined || !o.planStageId)
  @IsIn(STAGES, { message: `stage must be one of: ${STAGES.join(', ')}` })
  stage?: (typeof STAGES)[number];

  /** A stage of the position's interview plan (GET /positions/:id/plan). */
  @IsOptional()
  @IsUUID(undefined, { message: 'planStageId must be a plan stage id (a UUID)' })
  planStageId?: string;

  /**
   * Start time, any ISO 8601 form: an instant (`2026-12-01T09:00:00Z`, `…+01:00`, `…+01`) or a local
   * time without offset (`2026-12-01T10:00`, `2026-12-01T10`, `2026-W49-2T10:00`), read in `timezone`;
   * a time skipped by a daylight-saving change moves forward, a repeated one is the earlier.
   * Must be in the future.
   */
  @IsDateTimeInput()
  start: string;

  @IsInt()
  @Min(5, { message: 'durationMinutes must be at least 5' })
  @Max(600)
  durationMinutes: number;

  /** IANA timezone the interview is scheduled in; the invite carries it. */
  @IsTimeZone()
  timezone: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  location?: string;

  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'meetingUrl must be an http(s) URL' })
  @MaxLength(2000)
  meetingUrl?: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'panel must name at least one interviewer' })
  @ArrayMaxSize(20)
  @EachIsObject()
  @UniqueBy('interviewer', (p: PanelMemberDto) => p?.userId)
  @ValidateNested({ each: true })
  @Type(() => PanelMemberDto)
  panel: PanelMemberDto[];

  /** When feedback is due; default: the end + 24 h. */
  @IsOptional()
  @IsDateTimeInput()
  feedbackDueAt?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @EachIsObject()
  @UniqueBy('set or question', (q: AssignQuestionDto) =>
    q?.setId || q?.questionId ? `${q.setId ?? ''}${q.questionId ?? ''}` : undefined,
  )
  @ValidateNested({ each: true })
  @Type(() => AssignQuestionDto)
  questions?: AssignQuestionDto[];

  /** Send the candidate a calendar invitation too: time, place or meeting link and the admins' text; no kit, scorecard or panel addresses. */
  @IsOptional()
  @IsBoolean()
  inviteCandidate?: boolean;

  /** Book the panel even when someone is already booked at an overlapping time. */
  @IsOptional()
  @IsBoolean()
  allowConflicts?: boolean;
}

/** Reschedule, change the panel or the place. Send `revision` back (409 when stale). */
export class UpdateInterviewDto {
  @IsInt()
  @Min(1)
  revision: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES, { message: `stage must be one of: ${STAGES.join(', ')}` })
  stage?: (typeof STAGES)[number];

  /** A stage of the position's interview plan; null detaches the interview from the plan. */
  @IsOptional()
  @IsUUID(undefined, { message: 'planStageId must be a plan stage id (a UUID)' })
  planStageId?: string | null;

  @IsOptional()
  @IsDateTimeInput()
  start?: string;

  @IsOptional()
  @IsInt()
  @Min(5, { message: 'durationMinutes must be at least 5' })
  @Max(600)
  durationMinutes?: number;

  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  location?: string;

  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'meetingUrl must be an http(s) URL' })
  @MaxLength(2000)
  meetingUrl?: string;

  /** The whole new panel. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'panel must name at least one interviewer' })
  @ArrayMaxSize(20)
  @EachIsObject()
  @UniqueBy('interviewer', (p: PanelMemberDto) => p?.userId)
  @ValidateNested({ each: true })
  @Type(() => PanelMemberDto)
  panel?: PanelMemberDto[];

  @IsOptional()
  @IsDateTimeInput()
  feedbackDueAt?: string;

  /** Send the candidate a calendar invitation too: time, place or meeting link and the admins' text; no kit, scorecard or panel addresses. */
  @IsOptional()
  @IsBoolean()
  inviteCandidate?: boolean;

  @IsOptional()
  @IsBoolean()
  allowConflicts?: boolean;
}

export class CancelInterviewDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  /** Why it is cancelled; shown to the panel. */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(2000)
  reason: string;
}

export class CompleteInterviewDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;
}

export class NoShowInterviewDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  /** What happened, for the record (e.g. "no answer on the call, no message"). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AssignQuestionsDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @EachIsObject()
  @UniqueBy('set or question', (q: AssignQuestionDto) =>
    q?.setId || q?.questionId ? `${q.setId ?? ''}${q.questionId ?? ''}` : undefined,
  )
  @ValidateNested({ each: true })
  @Type(() => AssignQuestionDto)
  questions: AssignQuestionDto[];
}

export class ListInterviewsQueryDto extends PageQueryDto {
  /** Interviews ending after this instant. */
  @IsOptional()
  @IsDateTimeInput()
  from?: string;

  /** Interviews starting before this instant. */
  @IsOptional()
  @IsDateTimeInput()
  to?: string;

  @ApiPropertyOptional({ enum: INTERVIEW_STATUSES, description: INTERVIEW_STATUS_DESCRIPTION })
  @IsOptional()
  @IsIn(INTERVIEW_STATUSES, { message: `status must be one of: ${INTERVIEW_STATUSES.join(', ')}` })
  status?: InterviewStatus;

  @IsOptional()
  @IsUUID()
  interviewerId?: string;

  @IsOptional()
  @IsUUID()
  candidateId?: string;

  @IsOptional()
  @IsUUID()
  positionId?: string;

  /** Interviews with at least one question taken from this question set (version). */
  @IsOptional()
  @IsUUID(undefined, { message: 'questionSetId must be a question set id (a UUID)' })
  questionSetId?: string;

  /** Interviews changed at or after this instant, in order of change (an integration's incremental sync). */
  @IsUpdatedSince()
  updatedSince?: string;
}
