import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '@app/common';
import { RSVP_STATUSES, type RsvpStatus } from '../entities/interview-panelist.entity';
import { INTERVIEW_STATUS_DESCRIPTION, INTERVIEW_STATUSES, type InterviewStatus } from '../entities/interview.entity';

export class ZonedTimeResponse {
  timezone: string;
  /** ISO 8601 with the zone's offset, e.g. 2026-12-01T10:00:00+01:00. */
  start: string;
  end: string;
}

export class PanelistResponse {
  userId: string;
  name: string;
  email: string;
  @ApiProperty({ enum: ['lead', 'panelist', 'shadow'] })
  role: 'lead' | 'panelist' | 'shadow';
  /** Their answer to the invitation; back to needs_action when the interview is rescheduled. */
  @ApiProperty({ enum: RSVP_STATUSES })
  rsvp: RsvpStatus;
  /** Their note with the answer: shown to the interview's managers and to the panelist only (null for others). */
  @ApiProperty({ type: 'string', nullable: true })
  rsvpNote: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  rsvpAt: Date | null;
}

export class KitFollowUpResponse {
  id: string;
  prompt: string;
  checks?: string;
}

export class KitCriterionResponse {
  /** Scorecards rate each criterion by this id. */
  id: string;
  label: string;
  description?: string;
}

export class KitGuidanceResponse {
  whyAsked?: string;
  framework?: string;
  frameworkDescription?: string;
  exampleAnswer?: string;
}

export class AskedByResponse {
  userId: string;
  name: string;
}

export class QuestionSourceResponse {
  setId: string | null;
  setName: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  setVersion: number | null;
  questionId: string | null;
}

export class CandidateRefResponse {
  id: string;
  name: string;
  email: string;
}

export class PositionRefResponse {
  id: string;
  title: string;
  department: string | null;
}

export class NamedRefResponse {
  id: string;
  name: string;
}

export class PositionTitleRefResponse {
  id: string;
  title: string;
}

export class PanelSlotResponse {
  userId: string;
  @ApiProperty({ enum: ['lead', 'panelist', 'shadow'] })
  role: 'lead' | 'panelist' | 'shadow';
  @ApiProperty({ enum: RSVP_STATUSES })
  rsvp: RsvpStatus;
}

export class KitLinksResponse {
  kit: string;
  invite: string;
}

export class KitQuestionResponse {
  id: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  @ApiProperty({ enum: ['technical', 'behavioral', 'situational'] })
  type: 'technical' | 'behavioral' | 'situational';
  prompt: string;
  followUps: KitFollowUpResponse[];
  /** What to look for; scorecards rate each criterion by its id. */
  criteria: KitCriterionResponse[];
  guidance: KitGuidanceResponse;
  competencies: string[];
  @ApiProperty({ type: 'integer', nullable: true })
  timeboxMinutes: number | null;
  /** Who asks it; null: whoever leads. */
  askedBy: AskedByResponse | null;
  source: QuestionSourceResponse;
}

export class WarningResponse {
  code: string;
  message: string;
  userId?: string;
}

export class InterviewKitResponse {
  id: string;
  title: string;
  stage: string;
  /** The position plan's stage it belongs to, if any. */
  planStageId: string | null;
  @ApiProperty({ enum: INTERVIEW_STATUSES, description: INTERVIEW_STATUS_DESCRIPTION })
  status: InterviewStatus;
  /** UTC instants. */
  start: Date;
  end: Date;
  @ApiProperty({ type: 'integer' })
  durationMinutes: number;
  /** The timezone it was scheduled in, and the times there. */
  scheduled: ZonedTimeResponse;
  /** The times in the reader's own timezone. */
  local: ZonedTimeResponse;
  location: string | null;
  meetingUrl: string | null;
  /** The candidate gets a calendar invitation too. */
  inviteCandidate: boolean;
  feedbackDueAt: Date;
  cancelReason: string | null;
  candidate: CandidateRefResponse;
  position: PositionRefResponse;
  panel: PanelistResponse[];
  /** A panelist declined a scheduled interview ahead: replace them (GET /interviews/{id}/replacements suggests whom). */
  needsReplacement: boolean;
  questions: KitQuestionResponse[];
  /** Send back with changes (optimistic locking). */
  @ApiProperty({ type: 'integer' })
  revision: number;
  /** The invite's SEQUENCE. */
  @ApiProperty({ type: 'integer' })
  sequence: number;
  links: KitLinksResponse;
  /** Things worth knowing that did not stop the change (e.g. a weekly limit exceeded). */
  warnings: WarningResponse[];
}

export class InterviewListItemResponse {
  id: string;
  title: string;
  stage: string;
  planStageId: string | null;
  @ApiProperty({ enum: INTERVIEW_STATUSES, description: INTERVIEW_STATUS_DESCRIPTION })
  status: InterviewStatus;
  start: Date;
  end: Date;
  timezone: string;
  local: ZonedTimeResponse;
  candidate: NamedRefResponse;
  position: PositionTitleRefResponse;
  panel: PanelSlotResponse[];
  /** A panelist declined a scheduled interview ahead. */
  needsReplacement: boolean;
  @ApiProperty({ type: 'integer' })
  questionCount: number;
  feedbackDueAt: Date;
  location: string | null;
  meetingUrl: string | null;
  /** The last change (an integration keeps the newest it saw for `updatedSince`). */
  updatedAt: Date;
}

export class InterviewPage {
  items: InterviewListItemResponse[];
  page: PageInfoDto;
}
