import type { InterviewCancelledPayload, InterviewEventPayload, InterviewRescheduledPayload } from '@app/interviews';
import type { ScorecardEventPayload } from '@app/feedback';
import type { CandidateDecidedPayload } from '@app/hiring';
import type { QuestionSetPublishedPayload } from '@app/question-sets';

/** The payload version: a breaking change to any body gets a new date, and both are documented. */
export const WEBHOOK_PAYLOAD_VERSION = '2026-11-30';

/** What an admin subscribes to; the names are the public contract (the domain's may change). */
export const WEBHOOK_EVENT_TYPES = [
  'interview.scheduled',
  'interview.rescheduled',
  'interview.cancelled',
  'interview.completed',
  'scorecard.submitted',
  'candidate.advanced',
  'candidate.rejected',
  'candidate.hired',
  'question_set.published',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by "send a test ping" only; nobody subscribes to it. */
export const PING_EVENT = 'ping';

export interface WebhookEvent {
  type: WebhookEventType | typeof PING_EVENT;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** The one body shape of version 2026-11-30; `id` is the delivery's, the same in the `webhook-id` header. */
export function webhookBody(deliveryId: string, event: WebhookEvent): string {
  return JSON.stringify({
    id: deliveryId,
    version: WEBHOOK_PAYLOAD_VERSION,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    data: event.data,
  });
}

// Only what an ATS needs to find the record in our API: ids, times and states, no free text
// written by interviewers (the cancellation reason is the scheduler's, shown to the panel anyway).
export function interviewData(p: InterviewEventPayload): Record<string, unknown> {
  return {
    interviewId: p.interviewId,
    candidateId: p.candidateId,
    planStageId: p.planStageId,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    timezone: p.timezone,
    panel: p.panel.map(({ userId, role }) => ({ userId, role })),
    actorId: p.actorId,
  };
}

export function rescheduledData(p: InterviewRescheduledPayload): Record<string, unknown> {
  return { ...interviewData(p), previous: { startsAt: p.previous.startsAt, endsAt: p.previous.endsAt } };
}

export function cancelledData(p: InterviewCancelledPayload): Record<string, unknown> {
  return { ...interviewData(p), reason: p.reason };
}

export function scorecardData(p: ScorecardEventPayload): Record<string, unknown> {
  return { scorecardId: p.scorecardId, interviewId: p.interviewId, panelistId: p.panelistId };
}

/** advance, reject and hire are told; a hold, a move back or a withdrawal is not an event of the contract. */
export function decisionEventType(p: CandidateDecidedPayload): WebhookEventType | null {
  const types: Partial<Record<CandidateDecidedPayload['decision'], WebhookEventType>> = {
    advance: 'candidate.advanced',
    reject: 'candidate.rejected',
    hire: 'candidate.hired',
  };
  return types[p.decision] ?? null;
}

export function decisionData(p: CandidateDecidedPayload): Record<string, unknown> {
  return {
    decisionId: p.decisionId,
    candidateId: p.candidateId,
    positionId: p.positionId,
    decision: p.decision,
    fromStageId: p.fromStageId,
    toStageId: p.toStageId,
    fromStatus: p.fromStatus,
    toStatus: p.toStatus,
    reasonId: p.reasonId,
    actorId: p.actorId,
    decidedAt: p.decidedAt,
  };
}

export function questionSetData(p: QuestionSetPublishedPayload): Record<string, unknown> {
  return {
    questionSetId: p.questionSetId,
    lineageId: p.lineageId,
    name: p.name,
    version: p.version,
    actorId: p.actorId,
    publishedAt: p.publishedAt,
  };
}
