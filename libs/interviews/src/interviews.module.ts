import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { QueueName } from '@app/queue';
import { DomainEvents } from '@app/common';
import { QuestionSetsModule } from '@app/question-sets';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidatesRepository } from './candidates/candidates.repository';
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
import { InterviewPrerequisites } from './interviews/interview-prerequisites';
import { InterviewQueryService } from './interviews/interview-query.service';
import { InterviewRepository } from './interviews/interview.repository';
import { InterviewSchedulingService } from './interviews/interview-scheduling.service';
import { InterviewsController } from './interviews/interviews.controller';
import { PanelPlanner } from './interviews/panel-planner';
import { InterviewRsvpController } from './rsvp/rsvp.controller';
import { RsvpService } from './rsvp/rsvp.service';
import { PositionsController } from './positions/positions.controller';
import { PositionsRepository } from './positions/positions.repository';
import { PositionsService } from './positions/positions.service';
import { DemoInterviewBooker } from './demo/demo-interview-booker';
import { InterviewsDemoSeeder } from './demo/interviews-demo.seeder';
import { PlanStageEntity } from './entities/plan-stage.entity';
import { PlanTemplateEntity } from './entities/plan-template.entity';
import { PositionCompetencyEntity } from './entities/position-competency.entity';
import { PositionPlanEntity } from './entities/position-plan.entity';
import { PlanInput } from './plans/plan-input';
import { PlanRepository } from './plans/plan.repository';
import { PlansController } from './plans/plans.controller';
import { PositionPlanService } from './plans/position-plan.service';
import { InterviewEndScheduler } from './lifecycle/interview-end.scheduler';
import { InterviewStatusService } from './lifecycle/interview-status.service';

/** Positions, candidates, interviews, panels, question snapshots and invites. */
@Module({
  imports: [
    AuthModule,
    QuestionSetsModule,
    TypeOrmModule.forFeature([PositionEntity, CandidateEntity, InterviewEntity, InterviewPanelistEntity, InterviewQuestionEntity]),
    TypeOrmModule.forFeature([PositionCompetencyEntity, PlanStageEntity, PlanTemplateEntity, PositionPlanEntity]),
    BullModule.registerQueue({ name: QueueName.Interviews }),
  ],
  controllers: [PositionsController, PlansController, CandidatesController, InterviewsController, InterviewRsvpController],
  providers: [
    DomainEvents,
    PositionsRepository,
    PositionsService,
    CandidatesRepository,
    CandidatesService,
    CandidatePathRepository,
    CandidatePathService,
    InterviewReadService,
    InterviewRepository,
    InterviewQueryService,
    InterviewPrerequisites,
    PanelPlanner,
    InterviewSchedulingService,
    InterviewLifecycleService,
    InterviewInviteService,
    RsvpService,
    InterviewsDemoSeeder,
    DemoInterviewBooker,
    PlanRepository,
    PlanInput,
    PositionPlanService,
    InterviewStatusService,
    InterviewEndScheduler,
  ],
  exports: [
    InterviewQueryService,
    InterviewReadService,
    CandidatePathService,
    InterviewRepository,
    CandidatesService,
    PositionsService,
    InterviewInviteService,
    PositionPlanService,
    InterviewStatusService,
    InterviewEndScheduler,
  ],
})
export class InterviewsModule {}
