import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { DomainEventsService } from '@app/common';
import { InterviewsModule } from '@app/interviews';
import { QuestionSetsModule } from '@app/question-sets';
import { DebriefController } from './debrief/debrief.controller';
import { FeedbackDemoSeeder } from './demo/feedback-demo.seeder';
import { DebriefService } from './debrief/debrief.service';
import { ScorecardQuestionNoteEntity } from './entities/scorecard-question-note.entity';
import { ScorecardRatingEntity } from './entities/scorecard-rating.entity';
import { ScorecardEntity } from './entities/scorecard.entity';
import {
  CandidateCoincidenceEntity,
  CandidateCompetencyAgreementEntity,
  CandidateFeedbackAggregateEntity,
  CandidateInterviewCountEntity,
  CandidateRecommendationCoincidenceEntity,
  ScorecardCompetencyAggregateEntity,
} from './entities/summary-aggregates.entity';
import { InterviewCompletionListener } from './scorecards/interview-completion.listener';
import { InterviewEventsListener } from './scorecards/interview-events.listener';
import { FeedbackStatusService } from './scorecards/feedback-status.service';
import { ScorecardBoardService } from './scorecards/scorecard-board.service';
import { ScorecardRepository } from './scorecards/scorecard.repository';
import { ScorecardsController } from './scorecards/scorecards.controller';
import { ScorecardsService } from './scorecards/scorecards.service';
import { SubmissionsService } from './scorecards/submissions.service';
import { CalibrationService } from './summaries/calibration.service';
import { CandidateSummaryService } from './summaries/candidate-summary.service';
import { FeedbackStatsRepository } from './summaries/feedback-stats.repository';
import { InterviewSummaryService } from './summaries/interview-summary.service';
import { PositionSummaryService } from './summaries/position-summary.service';
import { SummariesController } from './summaries/summaries.controller';

/** Scorecards, the blind rule, and the aggregated evidence for a hiring decision. */
@Module({
  imports: [
    AuthModule,
    InterviewsModule,
    QuestionSetsModule,
    TypeOrmModule.forFeature([
      ScorecardEntity,
      ScorecardRatingEntity,
      ScorecardQuestionNoteEntity,
      CandidateFeedbackAggregateEntity,
      CandidateCoincidenceEntity,
      ScorecardCompetencyAggregateEntity,
      CandidateRecommendationCoincidenceEntity,
      CandidateCompetencyAgreementEntity,
      CandidateInterviewCountEntity,
    ]),
  ],
  controllers: [ScorecardsController, SummariesController, DebriefController],
  providers: [
    DomainEventsService,
    ScorecardRepository,
    SubmissionsService,
    FeedbackStatusService,
    DebriefService,
    ScorecardsService,
    ScorecardBoardService,
    InterviewEventsListener,
    InterviewCompletionListener,
    FeedbackStatsRepository,
    InterviewSummaryService,
    CandidateSummaryService,
    PositionSummaryService,
    CalibrationService,
    FeedbackDemoSeeder,
  ],
  exports: [SubmissionsService, FeedbackStatusService],
})
export class FeedbackModule {}
