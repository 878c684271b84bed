export { FeedbackModule } from './feedback.module';
export { ScorecardEvent } from './scorecards/scorecards.service';
export { ScorecardRepository } from './scorecards/scorecard.repository';
