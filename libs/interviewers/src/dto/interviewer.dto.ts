import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsTimeZone } from '@app/auth';
import { asUtcInstant, IsDateTimeInput, PageInfoDto, PageQueryDto } from '@app/common';
import { InterviewerPoolRef } from './pools.response';

const QUESTION_TYPES = ['technical', 'behavioral', 'situational'];
const lower = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)))] : value;

export class ListInterviewersQueryDto extends PageQueryDto {
  /** Only interviewers trained to assess this competency. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  competency?: string;

  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @IsOptional()
  @IsIn(QUESTION_TYPES)
  questionType?: string;

  /** With `availableTo`: only interviewers without a scheduled interview in that range. */
  @IsOptional()
  @Transform(asUtcInstant)
  @IsDateTimeInput()
  availableFrom?: string;

  @IsOptional()
  @Transform(asUtcInstant)
  @IsDateTimeInput()
  availableTo?: string;

  /** Words in the name or email. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /**
   * Any date-time in the week whose load to report (`load.thisWeek`, ISO week, Monday to Monday UTC);
   * the scheduling form passes the interview's start. Default: now.
   */
  @IsOptional()
  @Transform(asUtcInstant)
  @IsDateTimeInput()
  week?: string;
}

export class UpdateInterviewerDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  department?: string;

  /** Competencies they are trained to assess. */
  @IsOptional()
  @Transform(lower)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  competencies?: string[];

  @ApiPropertyOptional({ enum: QUESTION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(QUESTION_TYPES, { each: true, message: `each question type must be one of: ${QUESTION_TYPES.join(', ')}` })
  questionTypes?: string[];

  /** Interviews per week before scheduling warns. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  weeklyLimit?: number;

  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @IsOptional()
  @IsBoolean()
  emailNotifications?: boolean;

  /**
   * Reminders are also POSTed here (Slack-compatible); null removes it. Set by the interviewer
   * themselves or an admin; an internal address (or, in production, plain http) is refused.
   */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'], require_tld: false },
    { message: 'webhookUrl must be an http(s) URL' },
  )
  @MaxLength(2000)
  webhookUrl?: string | null;
}

export class InterviewerLoadResponse {
  /** Scheduled interviews starting this week (Monday to Sunday, UTC). */
  @ApiProperty({ type: 'integer' })
  thisWeek: number;
  @ApiProperty({ type: 'integer' })
  weeklyLimit: number;
  overLimit: boolean;
}

export class NotificationPrefsResponse {
  email: boolean;
  /**
   * Where reminders are also POSTed; null when none is set. A personal channel (the URL is a
   * credential): present only for the interviewer themselves and for admins, absent for everyone else.
   */
  @ApiPropertyOptional({ type: String, nullable: true })
  webhookUrl?: string | null;
}

export class InterviewerResponse {
  userId: string;
  name: string;
  email: string;
  timezone: string;
  title: string | null;
  department: string | null;
  competencies: string[];
  @ApiProperty({ enum: QUESTION_TYPES, isArray: true })
  questionTypes: string[];
  @ApiProperty({ type: 'integer' })
  weeklyLimit: number;
  notifications: NotificationPrefsResponse;
  load: InterviewerLoadResponse;
  /** Interviews whose feedback is due and still not submitted by them. */
  @ApiProperty({ type: 'integer' })
  overdueScorecards: number;
  /** The pools they are in, by name, with their training stage in each. */
  pools: InterviewerPoolRef[];
}

export class InterviewerPage {
  items: InterviewerResponse[];
  page: PageInfoDto;
}

export class PendingScorecardCandidateRef {
  id: string;
  name: string;
}

export class PendingScorecardPositionRef {
  id: string;
  title: string;
}

export class PendingScorecardResponse {
  /** The interview: its kit is GET /interviews/{interviewId}, the scorecard GET /interviews/{interviewId}/scorecards/mine. */
  interviewId: string;
  title: string;
  stage: string;
  /**
   * `awaiting_feedback` once it ended; `completed` when a manager closed it (or, briefly, `scheduled`
   * when it has just ended and the end-of-interview job has not run yet).
   */
  @ApiProperty({ enum: ['scheduled', 'awaiting_feedback', 'completed'] })
  status: 'scheduled' | 'awaiting_feedback' | 'completed';
  /** UTC instants. */
  start: Date;
  end: Date;
  feedbackDueAt: Date;
  /** The feedback due time has passed. */
  overdue: boolean;
  /** Their seat on the panel. */
  @ApiProperty({ enum: ['lead', 'panelist', 'shadow'] })
  role: 'lead' | 'panelist' | 'shadow';
  candidate: PendingScorecardCandidateRef;
  position: PendingScorecardPositionRef;
  /** `none` until they first open the scorecard, `draft` once started (submitted ones are not listed). */
  @ApiProperty({ enum: ['none', 'draft'] })
  scorecardState: 'none' | 'draft';
  /** When the draft was last saved; null without a draft. */
  draftUpdatedAt: Date | null;
}

export class PendingScorecardTotals {
  /** Owed scorecards over all pages. */
  @ApiProperty({ type: 'integer' })
  pending: number;
  /** Of those, how many are past their feedback due time. */
  @ApiProperty({ type: 'integer' })
  overdue: number;
}

export class PendingScorecardPage {
  /** Most urgent first: earliest feedback due time, then interview id. */
  items: PendingScorecardResponse[];
  page: PageInfoDto;
  totals: PendingScorecardTotals;
}
