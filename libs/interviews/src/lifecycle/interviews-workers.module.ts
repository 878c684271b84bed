import { Module } from '@nestjs/common';
import { InterviewsModule } from '../interviews.module';
import { InterviewEndProcessor } from './interview-end.processor';
import { InterviewEndSweeperService } from './interview-end-sweeper.service';

/** The worker side: interviews start awaiting feedback at their end (the job, and the sweep for missed ones). */
@Module({
  imports: [InterviewsModule],
  providers: [InterviewEndProcessor, InterviewEndSweeperService],
  exports: [InterviewEndSweeperService],
})
export class InterviewsWorkersModule {}
