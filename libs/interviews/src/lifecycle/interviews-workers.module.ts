import { Module } from '@nestjs/common';
import { InterviewsModule } from '../interviews.module';
import { InterviewEndProcessor } from './interview-end.processor';
import { InterviewEndSweeper } from './interview-end.sweeper';

/** The worker side: interviews start awaiting feedback at their end (the job, and the sweep for missed ones). */
@Module({
  imports: [InterviewsModule],
  providers: [InterviewEndProcessor, InterviewEndSweeper],
  exports: [InterviewEndSweeper],
})
export class InterviewsWorkersModule {}
