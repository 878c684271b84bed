import type { components, paths } from './schema';

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

/** The JSON a path answers with (its 200 or 201): for the issue-12 endpoints, named here by path so the pages never guess schema names. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<R> = R extends { 200: infer A } ? JsonOf<A> : R extends { 201: infer B } ? JsonOf<B> : never;
type ResponseOf<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: infer R }
  ? Success<R>
  : never;
type BodyOf<P extends keyof paths, M extends 'post'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Debrief = ResponseOf<'/api/v1/candidates/{id}/debrief', 'get'>;
export type DebriefScorecard = Debrief['scorecards'][number];
export type DebriefCriterionRow = Debrief['byCriterion'][number];
export type AgreementSet = Debrief['agreement'];
export type AgreementBasis = AgreementSet['criteria'];
export type Decision = ResponseOf<'/api/v1/candidates/{id}/decisions', 'post'>;
export type DecisionInput = BodyOf<'/api/v1/candidates/{id}/decisions', 'post'>;
export type DecisionKind = DecisionInput['decision'];
export type RejectionReason = ResponseOf<'/api/v1/settings/rejection-reasons', 'get'>['items'][number];
export type HiringHome = ResponseOf<'/api/v1/me/hiring-home', 'get'>;
export type PositionPlan = ResponseOf<'/api/v1/positions/{id}/plan', 'get'>;
/** A candidate's place on the plan (CandidateResponse gains these in issue 12). */
export type CandidateStatus = Decision['toStatus'];

/** Every list endpoint pages this way: pass `page.nextCursor` back as `?cursor=`. */
export interface Page<T> {
  items: T[];
  page: { limit: number; nextCursor?: string | null };
}

export const QUESTION_TYPES: QuestionType[] = ['technical', 'behavioral', 'situational'];

/** The JSON body a PUT takes (the issue-12 plan is saved whole with PUT). */
type PutBodyOf<P extends keyof paths> = paths[P]['put'] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

// the interview plan (PositionPlan above): its parts, and the whole plan as saved
export type PlanCompetency = PositionPlan['competencies'][number];
export type PlanStage = PositionPlan['stages'][number];
export type PlanTemplate = PlanStage['templates'][number];
export type PlanCoverageRow = PositionPlan['coverage'][number];
export type PlanWarning = PositionPlan['warnings'][number];
export type SavePlanInput = PutBodyOf<'/api/v1/positions/{id}/plan'>;
// the pipeline board: candidates by stage with their interview and scorecard state
export type Pipeline = ResponseOf<'/api/v1/positions/{id}/pipeline', 'get'>;
export type PipelineColumn = Pipeline['stages'][number];
export type PipelineCard = PipelineColumn['candidates'][number];
