export { FeedbackModule } from './feedback.module';
export { ScorecardEvent } from './scorecards/scorecards.service';
export { SubmissionsService } from './scorecards/submissions.service';
