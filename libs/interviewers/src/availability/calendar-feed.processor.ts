import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { UsersService } from '@app/auth';
import { CalendarFeedJobPayload, CalendarJob, QueueName } from '@app/queue';
import { CalendarFeedService } from './calendar-feed.service';

@Processor(QueueName.Calendars, { concurrency: 4 })
export class CalendarFeedProcessor extends WorkerHost {
  private readonly logger = new Logger('CalendarFeeds');

  constructor(
    private readonly feeds: CalendarFeedService,
    private readonly users: UsersService,
  ) {
    super();
  }

  /** Re-reads the feed and the user's timezone (all-day and floating times are read in it). */
  async process(job: Job<CalendarFeedJobPayload>): Promise<string> {
    if (job.name !== CalendarJob.RefreshFeed) {
      this.logger.warn(`ignoring unknown job ${job.name} (${job.id})`);
      return 'ignored';
    }
    const [user] = await this.users.findManyByIds([job.data.userId]);
    if (!user) return 'missing';
    return this.feeds.refresh(user.id, user.timezone);
  }
}
