import { Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '@app/common';
import { CalendarFeedService, FEED_REFRESH_MS } from './calendar-feed.service';

/**
 * Every FEED_REFRESH_MS each worker queues a refresh of every feed; the job id names the user and
 * the period's slot, so several workers queue (and fetch) each feed once per period.
 */
@Injectable()
export class CalendarFeedSweeperService extends PeriodicTask {
  constructor(private readonly feeds: CalendarFeedService) {
    super(new Logger('CalendarFeeds'), FEED_REFRESH_MS, 'queueing calendar feed refreshes');
  }

  protected work(): Promise<number> {
    return this.feeds.enqueueAll();
  }
}
