import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { OnDomainEvent } from '@app/common';
import { InterviewEndJobPayload, InterviewJob, jobId, KEEP_COMPLETED, KEEP_FAILED, QueueName } from '@app/queue';
import { InterviewEvent, type InterviewEventPayload } from '../interview.events';

/**
 * One delayed job per interview end. The id carries the end time, so a rescheduled interview gets a
 * new job and the old one, when it runs, finds the interview not yet over and does nothing.
 */
@Injectable()
export class InterviewEndSchedulerService {
  private readonly logger = new Logger('Interviews');

  constructor(@InjectQueue(QueueName.Interviews) private readonly queue: Queue<InterviewEndJobPayload>) {}

  @OnDomainEvent([InterviewEvent.Scheduled, InterviewEvent.Rescheduled])
  async onScheduled(e: InterviewEventPayload): Promise<void> {
    try {
      await this.enqueue(e.interviewId, new Date(e.endsAt));
    } catch (err) {
      // the worker's sweep moves an interview whose job never made it into the queue
      this.logger.error(
        `queueing the end of interview ${e.interviewId} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  async enqueue(interviewId: string, endsAt: Date): Promise<void> {
    await this.queue.add(
      InterviewJob.End,
      { interviewId, endsAt: endsAt.toISOString() },
      {
        jobId: jobId('end', interviewId, endsAt.getTime()),
        delay: Math.max(0, endsAt.getTime() - Date.now()),
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    );
  }
}
