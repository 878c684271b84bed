import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '@app/common';
import { type ScorecardEventPayload, ScorecardEvent } from '@app/feedback';
import { type CandidateDecidedPayload, HiringEvent } from '@app/hiring';
import {
  type InterviewCancelledPayload,
  type InterviewEventPayload,
  InterviewEvent,
  type InterviewRescheduledPayload,
} from '@app/interviews';
import { QuestionSetEvent, type QuestionSetPublishedPayload } from '@app/question-sets';
import {
  cancelledData,
  decisionData,
  decisionEventType,
  interviewData,
  questionSetData,
  rescheduledData,
  scorecardData,
  type WebhookEvent,
} from './webhook-events';
import { WebhookOutboxService } from './webhook-outbox.service';

/**
 * Turns domain events into deliveries. Listeners run inside the emitter's await, that is inside the
 * user's request: a webhook problem (database, queue) is logged here and never reaches the caller.
 */
@Injectable()
export class WebhookEventsListener {
  private readonly logger = new Logger('Webhooks');

  constructor(private readonly outbox: WebhookOutboxService) {}

  @OnDomainEvent(InterviewEvent.Scheduled)
  async scheduled(p: InterviewEventPayload): Promise<void> {
    await this.record({ type: 'interview.scheduled', occurredAt: new Date(), data: interviewData(p) });
  }

  @OnDomainEvent(InterviewEvent.Rescheduled)
  async rescheduled(p: InterviewRescheduledPayload): Promise<void> {
    await this.record({ type: 'interview.rescheduled', occurredAt: new Date(), data: rescheduledData(p) });
  }

  @OnDomainEvent(InterviewEvent.Cancelled)
  async cancelled(p: InterviewCancelledPayload): Promise<void> {
    await this.record({ type: 'interview.cancelled', occurredAt: new Date(), data: cancelledData(p) });
  }

  @OnDomainEvent(InterviewEvent.Completed)
  async completed(p: InterviewEventPayload): Promise<void> {
    await this.record({ type: 'interview.completed', occurredAt: new Date(), data: interviewData(p) });
  }

  @OnDomainEvent(ScorecardEvent.Submitted)
  async submitted(p: ScorecardEventPayload): Promise<void> {
    await this.record({ type: 'scorecard.submitted', occurredAt: new Date(), data: scorecardData(p) });
  }

  @OnDomainEvent(HiringEvent.CandidateDecided)
  async decided(p: CandidateDecidedPayload): Promise<void> {
    const type = decisionEventType(p);
    if (type) await this.record({ type, occurredAt: p.decidedAt, data: decisionData(p) });
  }

  @OnDomainEvent(QuestionSetEvent.Published)
  async published(p: QuestionSetPublishedPayload): Promise<void> {
    await this.record({ type: 'question_set.published', occurredAt: p.publishedAt, data: questionSetData(p) });
  }

  private async record(event: WebhookEvent): Promise<void> {
    try {
      await this.outbox.record(event);
    } catch (e) {
      // rows written before the failure are picked up by the sweeper
      this.logger.error(`recording ${event.type} webhooks failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
