import { Injectable } from '@nestjs/common';
import type { Seat, SeatKey } from '@app/common';
import { ScorecardRepository } from './scorecard.repository';

/** What other modules may ask about scorecards: who has submitted, and what a panelist still owes. */
@Injectable()
export class SubmissionsService {
  constructor(private readonly repo: ScorecardRepository) {}

  /** The seats among the given ones whose scorecard is submitted. */
  submitted(pairs: Seat[]): Promise<Set<SeatKey>> {
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
