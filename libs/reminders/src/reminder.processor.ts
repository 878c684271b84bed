import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, REMINDER_LEAD_MS, ReminderJob, ReminderJobPayload } from '@app/queue';
import { ReminderDeliveryService } from './reminder-delivery.service';

/**
 * A job comes up to REMINDER_LEAD_MS early (see there); it waits for the due time, then sends. The
 * wait is capped, so that a worker whose clock runs behind the scheduler's never holds a job for long.
 */
async function untilDue(dueAt: Date): Promise<void> {
  const wait = Math.min(dueAt.getTime() - Date.now(), 4 * REMINDER_LEAD_MS);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

// Many jobs at once per worker: the delivery service settles the jobs it holds in batches, and the
// sends wait on the network, not the CPU.
@Processor(QueueName.Reminders, { concurrency: 150 })
export class ReminderProcessor extends WorkerHost {
  private readonly logger = new Logger('Reminders');

  constructor(private readonly delivery: ReminderDeliveryService) {
    super();
  }

  async process(job: Job<ReminderJobPayload>, token?: string): Promise<string> {
    if (job.name !== ReminderJob.Deliver) return 'ignored';
    const dueAt = new Date(job.data.dueAt);
    await untilDue(dueAt);
    // the lock token names this attempt at the job: a claim it made is its own
    return this.delivery.deliver(job.data.reminderId, dueAt, token ?? `${job.id}#${job.attemptsStarted}`);
  }

  /** After the last attempt the reminder shows as failed (the job stays in the failed set). */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ReminderJobPayload> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const last = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(`reminder ${job.data.reminderId} attempt ${job.attemptsMade} failed: ${error.message}`);
    if (last) await this.delivery.fail(job.data.reminderId, new Date(job.data.dueAt), error);
  }
}
