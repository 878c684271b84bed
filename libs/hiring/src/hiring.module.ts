import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { DomainEventsService } from '@app/common';
import { FeedbackModule } from '@app/feedback';
import { InterviewsModule } from '@app/interviews';
import { HiringDemoSeeder } from './demo/hiring-demo.seeder';
import { DecisionHistoryService } from './decisions/decision-history.service';
import { DecisionRecorderService } from './decisions/decision-recorder.service';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionRepository } from './decisions/decision.repository';
import { DecisionsService } from './decisions/decisions.service';
import { CandidateDecisionEntity } from './entities/candidate-decision.entity';
import { RejectionReasonEntity } from './entities/rejection-reason.entity';
import { StageEntryListener } from './decisions/stage-entry.listener';
import { HiringHomeService } from './pipeline/hiring-home.service';
import { PipelineController } from './pipeline/pipeline.controller';
import { PipelineService } from './pipeline/pipeline.service';
import { StageEvidenceService } from './pipeline/stage-evidence.service';
import { RejectionReasonsController } from './reasons/rejection-reasons.controller';
import { RejectionReasonRepository } from './reasons/rejection-reason.repository';
import { RejectionReasonsService } from './reasons/rejection-reasons.service';

/** Decisions on candidates, rejection reasons, the pipeline board and the hiring manager's home. */
@Module({
  imports: [
    AuthModule,
    InterviewsModule,
    FeedbackModule,
    TypeOrmModule.forFeature([CandidateDecisionEntity, RejectionReasonEntity]),
  ],
  controllers: [DecisionsController, RejectionReasonsController, PipelineController],
  providers: [
    DomainEventsService,
    DecisionRepository,
    DecisionRecorderService,
    DecisionsService,
    DecisionHistoryService,
    RejectionReasonRepository,
    RejectionReasonsService,
    StageEvidenceService,
    PipelineService,
    HiringHomeService,
    StageEntryListener,
    HiringDemoSeeder,
  ],
  exports: [DecisionHistoryService],
})
export class HiringModule {}
