import type { components, operations } from '../../api/schema';

/** The hiring area's names for the API's schemas (kept here so that areas never collide in api/types.ts). */
type S = components['schemas'];
export type Position = S['PositionResponse'];
export type Candidate = S['CandidateResponse'];
export type Interviewer = S['InterviewerResponse'];
export type InterviewKit = S['InterviewKitResponse'];
export type InterviewListItem = S['InterviewListItemResponse'];
export type KitQuestion = S['KitQuestionResponse'];
export type Reminder = S['ReminderResponse'];
export type CandidateSummary = S['CandidateSummaryResponse'];
export type GroupSummary = S['GroupSummaryResponse'];
export type RecommendationCounts = S['RecommendationCountsResponse'];
export type MissingScorecard = S['MissingScorecardResponse'];
export type Agreement = S['AgreementResponse'];
export type PositionSummary = S['PositionSummaryResponse'];
export type PositionRow = S['PositionRowResponse'];
export type CreateInterview = S['CreateInterviewDto'];
export type Stage = NonNullable<CreateInterview['stage']>;
export type PanelRole = S['PanelMemberDto']['role'];
export type SortKey = NonNullable<NonNullable<operations['Summaries_position']['parameters']['query']>['sort']>;
