import type { CandidateStatus } from '../../../api/types';

/** A candidate's status on their position, in words. */
export const CANDIDATE_STATUS_LABEL: Record<CandidateStatus, string> = {
  active: 'Active',
  on_hold: 'On hold',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  hired: 'Hired',
};
export const CANDIDATE_STATUSES = Object.keys(CANDIDATE_STATUS_LABEL) as CandidateStatus[];
