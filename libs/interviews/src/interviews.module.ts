import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { QueueName } from '@app/queue';
import { DomainEventsService } from '@app/common';
import { QuestionSetsModule } from '@app/question-sets';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidateRepository } from './candidates/candidate.repository';
import { CandidatesService } from './candidates/candidates.service';
import { CandidatePathRepository } from './candidates/candidate-path.repository';
import { CandidatePathService } from './candidates/candidate-path.service';
import { InterviewReadService } from './interviews/interview-read.service';
import { CandidateEntity } from './entities/candidate.entity';
import { InterviewPanelistEntity } from './entities/interview-panelist.entity';
import { InterviewQuestionEntity } from './entities/interview-question.entity';
import { InterviewEntity } from './entities/interview.entity';
import { PositionEntity } from './entities/position.entity';
import { InterviewInviteService } from './interviews/interview-invite.service';
import { InterviewLifecycleService } from './interviews/interview-lifecycle.service';
import { InterviewPrerequisitesService } from './interviews/interview-prerequisites.service';
import { InterviewQueryService } from './interviews/interview-query.service';
import { InterviewRepository } from './interviews/interview.repository';
import { InterviewSchedulingService } from './interviews/interview-scheduling.service';
import { InterviewsController } from './interviews/interviews.controller';
import { PanelPlannerService } from './interviews/panel-planner.service';
import { InterviewRsvpController } from './rsvp/rsvp.controller';
import { RsvpService } from './rsvp/rsvp.service';
import { PositionsController } from './positions/positions.controller';
import { PositionRepository } from './positions/position.repository';
import { PositionsService } from './positions/positions.service';
import { DemoInterviewBookerService } from './demo/demo-interview-booker.service';
import { InterviewsDemoSeeder } from './demo/interviews-demo.seeder';
import { PlanStageEntity } from './entities/plan-stage.entity';
import { PlanTemplateEntity } from './entities/plan-template.entity';
import { PositionCompetencyEntity } from './entities/position-competency.entity';
import { PositionPlanEntity } from './entities/position-plan.entity';
import { PlanInputService } from './plans/plan-input.service';
import { PlanRepository } from './plans/plan.repository';
import { PlansController } from './plans/plans.controller';
import { PositionPlanService } from './plans/position-plan.service';
import { InterviewEndSchedulerService } from './lifecycle/interview-end-scheduler.service';
import { InterviewStatusService } from './lifecycle/interview-status.service';

/** Positions, candidates, interviews, panels, question snapshots and invites. */
@Module({
  imports: [
    AuthModule,
    QuestionSetsModule,
    TypeOrmModule.forFeature([
      PositionEntity,
      CandidateEntity,
      InterviewEntity,
      InterviewPanelistEntity,
      InterviewQuestionEntity,
    ]),
    TypeOrmModule.forFeature([PositionCompetencyEntity, PlanStageEntity, PlanTemplateEntity, PositionPlanEntity]),
    BullModule.registerQueue({ name: QueueName.Interviews }),
  ],
  controllers: [
    PositionsController,
    PlansController,
    CandidatesController,
    InterviewsController,
    InterviewRsvpController,
  ],
  providers: [
    DomainEventsService,
    PositionRepository,
    PositionsService,
    CandidateRepository,
    CandidatesService,
    CandidatePathRepository,
    CandidatePathService,
    InterviewReadService,
    InterviewRepository,
    InterviewQueryService,
    InterviewPrerequisitesService,
    PanelPlannerService,
    InterviewSchedulingService,
    InterviewLifecycleService,
    InterviewInviteService,
    RsvpService,
    InterviewsDemoSeeder,
    DemoInterviewBookerService,
    PlanRepository,
    PlanInputService,
    PositionPlanService,
    InterviewStatusService,
    InterviewEndSchedulerService,
  ],
  exports: [
    InterviewQueryService,
    InterviewReadService,
    CandidatePathService,
    CandidatesService,
    PositionsService,
    InterviewInviteService,
    PositionPlanService,
    InterviewStatusService,
    InterviewEndSchedulerService,
  ],
})
export class InterviewsModule {}
