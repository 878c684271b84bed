import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { InterviewersModule } from '../interviewers.module';
import { CalendarFeedProcessor } from './calendar-feed.processor';
import { CalendarFeedSweeperService } from './calendar-feed-sweeper.service';

/** The worker side: calendar feeds fetched by their queue job, and every feed queued each period. */
@Module({
  imports: [AuthModule, InterviewersModule],
  providers: [CalendarFeedProcessor, CalendarFeedSweeperService],
  exports: [CalendarFeedSweeperService],
})
export class AvailabilityWorkersModule {}
