import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_PAYLOAD_VERSION } from '../webhook-events';

// The bodies POSTed to subscribers, documented as OpenAPI schemas (components.schemas.WebhookEvent…):
// the integrator's contract. A breaking change gets a new version date and new classes beside these.

export class WebhookPanelMember {
  userId: string;
  @ApiProperty({ enum: ['lead', 'panelist', 'shadow'], description: 'The panelist role' })
  role: string;
}

export class WebhookInterviewTimes {
  startsAt: Date;
  endsAt: Date;
}

/** interview.scheduled, interview.completed; rescheduled adds `previous`, cancelled adds `reason`. */
export class WebhookInterviewData {
  interviewId: string;
  candidateId: string;
  planStageId: string | null;
  startsAt: Date;
  endsAt: Date;
  /** IANA time zone the interview was scheduled in. */
  timezone: string;
  panel: WebhookPanelMember[];
  /** The user who made the change. */
  actorId: string;
  /** interview.rescheduled only: the times before the change. */
  previous?: WebhookInterviewTimes;
  /** interview.cancelled only. */
  reason?: string;
}

/** scorecard.submitted */
export class WebhookScorecardData {
  scorecardId: string;
  interviewId: string;
  panelistId: string;
}

/** candidate.advanced, candidate.rejected, candidate.hired */
export class WebhookCandidateData {
  decisionId: string;
  candidateId: string;
  positionId: string;
  @ApiProperty({ enum: ['advance', 'reject', 'hire'] })
  decision: string;
  fromStageId: string | null;
  toStageId: string | null;
  fromStatus: string;
  toStatus: string;
  reasonId: string | null;
  actorId: string;
  decidedAt: Date;
}

/** question_set.published */
export class WebhookQuestionSetData {
  questionSetId: string;
  /** Shared by every version of the set. */
  lineageId: string;
  name: string;
  @ApiProperty({ type: 'integer' })
  version: number;
  actorId: string;
  publishedAt: Date;
}

/** ping (a test sent by an admin) */
export class WebhookPingData {
  subscriptionId: string;
}

/**
 * Every delivery's JSON body (version 2026-11-30). Headers: `webhook-id` (= id),
 * `x-scorecards-event` (= type), `x-scorecards-signature` (`t=<unix>,v1=<hex>[,v1=<hex>]`).
 */
export class WebhookEventV20261130 {
  /** The delivery id: the same on every retry and redelivery; deduplicate on it. */
  id: string;
  @ApiProperty({ enum: [WEBHOOK_PAYLOAD_VERSION] })
  version: string;
  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES, 'ping'] })
  type: string;
  occurredAt: Date;
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(WebhookInterviewData) },
      { $ref: getSchemaPath(WebhookScorecardData) },
      { $ref: getSchemaPath(WebhookCandidateData) },
      { $ref: getSchemaPath(WebhookQuestionSetData) },
      { $ref: getSchemaPath(WebhookPingData) },
    ],
  })
  data: Record<string, unknown>;
}

export const WEBHOOK_PAYLOAD_MODELS = [
  WebhookEventV20261130,
  WebhookInterviewData,
  WebhookInterviewTimes,
  WebhookPanelMember,
  WebhookScorecardData,
  WebhookCandidateData,
  WebhookQuestionSetData,
  WebhookPingData,
];
