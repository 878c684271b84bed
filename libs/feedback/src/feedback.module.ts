import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { InterviewsModule } from '@app/interviews';
import { ScorecardQuestionNoteEntity } from './entities/scorecard-question-note.entity';
import { ScorecardRatingEntity } from './entities/scorecard-rating.entity';
import { ScorecardEntity } from './entities/scorecard.entity';
import { InterviewEventsListener } from './scorecards/interview-events.listener';
import { ScorecardBoardService } from './scorecards/scorecard-board.service';
import { ScorecardRepository } from './scorecards/scorecard.repository';
import { ScorecardsController } from './scorecards/scorecards.controller';
import { ScorecardsService } from './scorecards/scorecards.service';

/** Scorecards, the blind rule, and the aggregated evidence for a hiring decision. */
@Module({
  imports: [AuthModule, InterviewsModule, TypeOrmModule.forFeature([ScorecardEntity, ScorecardRatingEntity, ScorecardQuestionNoteEntity])],
  controllers: [ScorecardsController],
  providers: [ScorecardRepository, ScorecardsService, ScorecardBoardService, InterviewEventsListener],
  exports: [ScorecardRepository],
})
export class FeedbackModule {}
