import type { components } from './schema';

/** Short names for the API's schemas, so that pages read `QuestionSet` rather than components[...]. */
type S = components['schemas'];
export type User = S['UserResponse'];
export type Role = User['roles'][number];
export type QuestionType = S['QuestionResponse']['type'];
export type QuestionSet = S['QuestionSetResponse'];
export type QuestionSetSummary = S['QuestionSetSummaryResponse'];
export type QuestionSetStatus = QuestionSet['status'];
export type Question = S['QuestionResponse'];
export type QuestionInput = S['QuestionDto'];
export type ImportPreview = S['ImportPreviewResponse'];
export type ImportReport = S['ImportReportResponse'];
export type InterviewSummary = S['InterviewPage']['items'][number];
export type InterviewKit = S['InterviewKitResponse'];
export type KitQuestion = S['KitQuestionResponse'];
export type Scorecard = S['ScorecardResponse'];
export type ScorecardQuestion = S['ScorecardQuestionResponse'];
export type ScorecardList = S['ScorecardListResponse'];
export type MissingItem = S['MissingItemResponse'];
export type Recommendation = NonNullable<Scorecard['overallRecommendation']>;
export type SaveScorecardInput = S['SaveScorecardDto'];
export type ReminderPolicy = S['ReminderPolicyDto'];
export type DeliveryLogEntry = S['NotificationResponse'];
export type Interviewer = S['InterviewerResponse'];
export type UserUpdate = S['UpdateUserDto'];
export type InterviewerUpdate = S['UpdateInterviewerDto'];
export type PendingScorecard = S['PendingScorecardResponse'];
export type PendingScorecardTotals = S['PendingScorecardTotals'];

/** Every list endpoint pages this way: pass `page.nextCursor` back as `?cursor=`. */
export interface Page<T> {
  items: T[];
  page: { limit: number; nextCursor?: string | null };
}

export const QUESTION_TYPES: QuestionType[] = ['technical', 'behavioral', 'situational'];
