export { FeedbackModule } from './feedback.module';
export { ScorecardEvent, type ScorecardEventPayload } from './scorecards/scorecard.events';
export { SubmissionsService } from './scorecards/submissions.service';
export {
  FeedbackStatusService,
  owesFeedback,
  NOT_OWED_STATUSES,
  type FeedbackStatus,
  type FeedbackStatusInterview,
} from './scorecards/feedback-status.service';
export { RECOMMENDATION_LABELS, RATING_LABELS, recommendationLabel } from './scale';
export type { AgreementSet, AgreementFigure, AgreementBasis } from './stats';
