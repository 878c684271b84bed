import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';
import { QueueName } from '@app/queue';
import { ReminderRepository } from './reminder.repository';

const STATES = ['waiting', 'delayed', 'active', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

/**
 * Queue depth and reminder lateness, read at scrape time from the queue and the delivery log, so an
 * API process reports what every worker did.
 */
@Injectable()
export class ReminderMetricsService {
  constructor(
    private readonly repo: ReminderRepository,
    @InjectQueue(QueueName.Reminders) private readonly reminders: Queue,
    @InjectQueue(QueueName.System) private readonly system: Queue,
  ) {}

  register(registry: Registry): void {
    const queues = [this.reminders, this.system];
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each BullMQ queue by state',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        for (const q of queues) {
          const counts = await q.getJobCounts(...STATES).catch(() => null);
          for (const state of STATES) if (counts) this.set({ queue: q.name, state }, counts[state] ?? 0);
        }
      },
    });
    const repo = this.repo;
    new Gauge({
      name: 'reminders_late_waiting',
      help: 'Scheduled reminders more than a minute past their due time and not sent yet',
      registers: [registry],
      async collect() {
        this.set(await repo.countLate(60_000));
      },
    });
    new Gauge({
      name: 'reminder_delivery_lateness_seconds',
      help: 'Delivery time minus due time over the last hour (quantile 0.5, 0.99 and 1 = max)',
      labelNames: ['quantile'] as const,
      registers: [registry],
      async collect() {
        const l = await repo.latenessSince(new Date(Date.now() - 3600_000));
        this.set({ quantile: '0.5' }, l.p50);
        this.set({ quantile: '0.99' }, l.p99);
        this.set({ quantile: '1' }, l.max);
      },
    });
  }
}
