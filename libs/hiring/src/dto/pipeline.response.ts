import { ApiProperty } from '@nestjs/swagger';
import type { CandidateStatus } from '@app/interviews';
import type { Decision } from '../entities/candidate-decision.entity';
import type { StageStateName } from '../pipeline/stage-state';

export class PipelineInterviewRef {
  id: string;
  title: string;
  startsAt: Date;
}

export class PipelineScorecards {
  @ApiProperty({ type: 'integer' })
  submitted: number;
  @ApiProperty({ type: 'integer' })
  expected: number;
}

export class PipelineLastDecision {
  decision: Decision;
  decidedAt: Date;
}

export class PipelineCard {
  id: string;
  name: string;
  email: string;
  status: CandidateStatus;
  stageId: string | null;
  /** not_scheduled, scheduled, awaiting_feedback, ready_to_decide or decided (rejected, hired, withdrawn, on hold). */
  state: StageStateName;
  /** "Scheduled Tue 10:00" (in the reader's timezone), "Awaiting feedback 2/3", "Ready to decide", … */
  label: string;
  nextInterview: PipelineInterviewRef | null;
  /** Scorecards of the current stage's interviews (cancelled and no-show interviews left out). */
  scorecards: PipelineScorecards;
  lastDecision: PipelineLastDecision | null;
}

export class PipelineStage {
  /** null = "Not started" (also holds candidates whose stage was removed from the plan). */
  id: string | null;
  name: string;
  @ApiProperty({ type: 'integer' })
  order: number;
  candidates: PipelineCard[];
}

export class PipelineResponse {
  positionId: string;
  positionTitle: string;
  stages: PipelineStage[];
}

export class DecisionWaiting {
  candidateId: string;
  candidateName: string;
  positionId: string;
  positionTitle: string;
  stageName: string;
  @ApiProperty({ type: 'integer' })
  submitted: number;
  @ApiProperty({ type: 'integer' })
  expected: number;
}

export class OverdueScorecard {
  interviewId: string;
  interviewTitle: string;
  candidateName: string;
  userId: string;
  name: string;
  feedbackDueAt: Date;
}

export class UpcomingInterview {
  id: string;
  title: string;
  candidateName: string;
  positionTitle: string;
  startsAt: Date;
}

export class HiringHomeResponse {
  /** Active candidates whose current stage has interviews and every scorecard in. */
  decisionsWaiting: DecisionWaiting[];
  /** Unsubmitted scorecards past their due time, most overdue first. */
  overdueScorecards: OverdueScorecard[];
  /** Scheduled interviews still to come, soonest first (at most 50). */
  upcomingInterviews: UpcomingInterview[];
}
