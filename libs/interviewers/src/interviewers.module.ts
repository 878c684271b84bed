import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { FeedbackModule } from '@app/feedback';
import { INTERVIEWER_LIMITS, InterviewsModule } from '@app/interviews';
import { OutboundModule } from '@app/outbound';
import { InterviewersDemoSeeder } from './demo/interviewers-demo.seeder';
import { InterviewerProfileEntity } from './entities/interviewer-profile.entity';
import { InterviewerProfileRepository } from './interviewer-profile.repository';
import { InterviewersController } from './interviewers.controller';
import { InterviewersService } from './interviewers.service';
import { InterviewReplacementsController } from './replacements/replacements.controller';
import { ReplacementsService } from './replacements/replacements.service';

/**
 * Interviewer profiles and load. Global only to hand scheduling its INTERVIEWER_LIMITS, which would
 * otherwise be a circular import (this module reads interviews).
 */
@Global()
@Module({
  imports: [AuthModule, InterviewsModule, FeedbackModule, OutboundModule, TypeOrmModule.forFeature([InterviewerProfileEntity])],
  controllers: [InterviewersController, InterviewReplacementsController],
  providers: [InterviewerProfileRepository, InterviewersService, ReplacementsService, InterviewersDemoSeeder, { provide: INTERVIEWER_LIMITS, useExisting: InterviewersService }],
  exports: [InterviewersService, INTERVIEWER_LIMITS],
})
export class InterviewersModule {}
