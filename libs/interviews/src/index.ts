export { InterviewsModule } from './interviews.module';
export { InterviewQueryService } from './interviews/interview-query.service';
export { INTERVIEWER_LIMITS, type InterviewerLimits } from './interviews/interviewer-limits';
export * from './interview.events';
export { toZonedIso, isoWeek } from './time';
export type { KitRow } from './interviews/interview.repository';
// the access policy lives in auth (question sets use it too); re-exported for the modules that read it here
export {
  type PositionFacts,
  type InterviewFacts,
  type ListScope,
  seesEverything,
  isHiringTeam,
  canManagePosition,
  canReadInterview,
  canAnswerInvitation,
  canReadRsvpNote,
  oversees,
  canReopenScorecard,
  canDelete,
  canReadInterviewerRecord,
  recordScopeFor,
  interviewListScope,
  managedBy,
  assertHiringTeam,
  assertVisible,
  assertAllowed,
  assertManagesPosition,
  canDecide,
  hiringHomeScope,
} from '@app/auth';
export { CandidatesService } from './candidates/candidates.service';
export { PositionsService } from './positions/positions.service';
export type { InterviewListRow } from './interviews/interview.repository';
export { InterviewInviteService } from './interviews/interview-invite.service';
export { CandidatePathService } from './candidates/candidate-path.service';
export type { CandidatePath } from './candidates/candidate-path.repository';
export {
  InterviewReadService,
  type CandidateInterviewRow,
  type InterviewSeat,
  type HeldSeat,
  type OwedPage,
} from './interviews/interview-read.service';
export type { OwedInterviewRow, PanelRow } from './interviews/interview.repository';
export { CANDIDATE_STATUSES, type CandidateStatus } from './entities/candidate.entity';
export { PositionPlanService, type PlanStageSummary } from './plans/position-plan.service';
export type { PositionPlanResponse } from './dto/plan.response';
export { InterviewStatusService } from './lifecycle/interview-status.service';
export { InterviewEndSchedulerService } from './lifecycle/interview-end-scheduler.service';
export { InterviewEndSweeperService } from './lifecycle/interview-end-sweeper.service';
export { InterviewsWorkersModule } from './lifecycle/interviews-workers.module';
export { INTERVIEW_STATUSES, HELD_STATUSES, type InterviewStatus } from './entities/interview.entity';
export {
  DEMO_CANDIDATES,
  DEMO_MANAGER_EMAIL,
  DEMO_PM_CANDIDATES,
  DEMO_PM_POSITION,
  DEMO_POSITION,
} from './demo/demo-story';
export { needsReplacement } from './rsvp/rsvp-rules';
export {
  RSVP_RESPONSES,
  RSVP_STATUSES,
  type RsvpResponse,
  type RsvpStatus,
} from './entities/interview-panelist.entity';
