import { Injectable } from '@nestjs/common';
import { ScorecardRepository } from './scorecard.repository';

/** What other modules may ask about scorecards: who has submitted, and what a panelist still owes. */
@Injectable()
export class SubmissionsService {
  constructor(private readonly repo: ScorecardRepository) {}

  /** Keys `${interviewId}:${userId}` of the given pairs whose scorecard is submitted. */
  submitted(pairs: Array<{ interviewId: string; userId: string }>): Promise<Set<string>> {
    return this.repo.submittedPairs(pairs);
  }

  /** Interviews the panelist has submitted a scorecard for. */
  submittedBy(userId: string): Promise<string[]> {
    return this.repo.submittedInterviewIds(userId);
  }

  /** The panelist's unsubmitted drafts among these interviews, by last save. */
  draftsOf(userId: string, interviewIds: string[]): Promise<Map<string, Date>> {
    return this.repo.draftsOf(userId, interviewIds);
  }
}
