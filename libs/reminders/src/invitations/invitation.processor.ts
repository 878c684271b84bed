import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InvitationJob, type InvitationJobPayload, QueueName } from '@app/queue';
import { InvitationDeliveryService } from './invitation-delivery.service';

@Processor(QueueName.Invitations, { concurrency: 8 })
export class InvitationProcessor extends WorkerHost {
  private readonly logger = new Logger('Invitations');

  constructor(private readonly delivery: InvitationDeliveryService) {
    super();
  }

  async process(job: Job<InvitationJobPayload>): Promise<string> {
    if (job.name !== InvitationJob.Deliver) return 'ignored';
    return this.delivery.deliver(job.data.invitationId);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<InvitationJobPayload> | undefined, error: Error): Promise<void> {
    if (!job) return;
    this.logger.warn(`invitation ${job.data.invitationId} attempt ${job.attemptsMade} failed: ${error.message}`);
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) await this.delivery.fail(job.data.invitationId, error);
  }
}
