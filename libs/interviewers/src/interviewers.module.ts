import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { FeedbackModule } from '@app/feedback';
import { INTERVIEWER_LIMITS, InterviewsModule } from '@app/interviews';
import { OutboundModule } from '@app/outbound';
import { QueueName } from '@app/queue';
import { AvailabilityController } from './availability/availability.controller';
import { AvailabilityService } from './availability/availability.service';
import { CalendarBusyEntity, CalendarFeedEntity } from './entities/calendar-feed.entity';
import { CalendarFeedRepository } from './availability/calendar-feed.repository';
import { CalendarFeedService } from './availability/calendar-feed.service';
import { FindTimesController } from './find-times/find-times.controller';
import { FindTimesService } from './find-times/find-times.service';
import { InterviewersDemoSeeder } from './demo/interviewers-demo.seeder';
import { InterviewerProfileEntity } from './entities/interviewer-profile.entity';
import { InterviewerPoolEntity, InterviewerPoolMemberEntity } from './entities/interviewer-pool.entity';
import { PoolRepository } from './pools/pool.repository';
import { InterviewerPoolsController } from './pools/pools.controller';
import { InterviewerPoolsService } from './pools/interviewer-pools.service';
import { InterviewerProfileRepository } from './interviewer-profile.repository';
import { InterviewersController } from './interviewers.controller';
import { InterviewersService } from './interviewers.service';
import { InterviewReplacementsController } from './replacements/replacements.controller';
import { ReplacementFitService } from './replacements/replacement-fit.service';
import { ReplacementsService } from './replacements/replacements.service';

/**
 * Interviewer profiles, load, availability and pools. Global only to hand scheduling its
 * INTERVIEWER_LIMITS, which would otherwise be a circular import (this module reads interviews).
 */
@Global()
@Module({
  imports: [
    AuthModule,
    InterviewsModule,
    FeedbackModule,
    OutboundModule,
    TypeOrmModule.forFeature([
      InterviewerProfileEntity,
      CalendarFeedEntity,
      CalendarBusyEntity,
      InterviewerPoolEntity,
      InterviewerPoolMemberEntity,
    ]),
    BullModule.registerQueue({ name: QueueName.Calendars }),
  ],
  controllers: [
    InterviewersController,
    AvailabilityController,
    InterviewReplacementsController,
    InterviewerPoolsController,
    FindTimesController,
  ],
  providers: [
    InterviewerProfileRepository,
    InterviewersService,
    ReplacementsService,
    ReplacementFitService,
    InterviewersDemoSeeder,
    CalendarFeedRepository,
    CalendarFeedService,
    AvailabilityService,
    PoolRepository,
    InterviewerPoolsService,
    FindTimesService,
    { provide: INTERVIEWER_LIMITS, useExisting: InterviewersService },
  ],
  exports: [InterviewersService, AvailabilityService, CalendarFeedService, InterviewerPoolsService, INTERVIEWER_LIMITS],
})
export class InterviewersModule {}
