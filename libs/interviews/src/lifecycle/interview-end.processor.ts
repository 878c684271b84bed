import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InterviewEndJobPayload, InterviewJob, QueueName } from '@app/queue';
import { InterviewStatusService } from './interview-status.service';

@Processor(QueueName.Interviews, { concurrency: 8 })
export class InterviewEndProcessor extends WorkerHost {
  private readonly logger = new Logger('Interviews');

  constructor(private readonly status: InterviewStatusService) {
    super();
  }

  /** Re-reads the interview: only one still scheduled whose end has passed moves. */
  async process(job: Job<InterviewEndJobPayload>): Promise<string> {
    if (job.name !== InterviewJob.End) {
      this.logger.warn(`ignoring unknown job ${job.name} (${job.id})`);
      return 'ignored';
    }
    return (await this.status.endIfDue(job.data.interviewId)) ? 'awaiting_feedback' : 'unchanged';
  }
}
