import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { InterviewersModule } from '../interviewers.module';
import { CalendarFeedProcessor } from './calendar-feed.processor';
import { CalendarFeedSweeper } from './calendar-feed.sweeper';

/** The worker side: calendar feeds fetched by their queue job, and every feed queued each period. */
@Module({
  imports: [AuthModule, InterviewersModule],
  providers: [CalendarFeedProcessor, CalendarFeedSweeper],
  exports: [CalendarFeedSweeper],
})
export class AvailabilityWorkersModule {}
