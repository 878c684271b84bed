import type { CandidateStatus } from '@app/interviews';
import type { Decision } from '../entities/candidate-decision.entity';

export class DecisionReasonResponse {
  id: string;
  label: string;
}

export class DecisionOverrideResponse {
  reason: string;
}

export class MissingAtDecisionResponse {
  userId: string;
  name: string;
  interviewId: string;
  interviewTitle: string;
}

export class DecidedByResponse {
  id: string;
  name: string;
}

export class DecisionResponse {
  id: string;
  candidateId: string;
  decision: Decision;
  fromStageId: string | null;
  fromStageName: string | null;
  toStageId: string | null;
  toStageName: string | null;
  fromStatus: CandidateStatus;
  toStatus: CandidateStatus;
  reason: DecisionReasonResponse | null;
  rationale: string | null;
  override: DecisionOverrideResponse | null;
  /** Whose scorecards were missing when the decision was made (non-empty only with an override). */
  missingAtDecision: MissingAtDecisionResponse[];
  decidedBy: DecidedByResponse;
  decidedAt: Date;
  /** The decision this one follows (the candidate's previous one); null for the first. */
  supersedesId: string | null;
}

export class DecisionList {
  /** Newest first. */
  items: DecisionResponse[];
}
