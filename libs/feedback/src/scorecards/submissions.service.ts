import { Injectable } from '@nestjs/common';
import { ScorecardRepository } from './scorecard.repository';

/** What other modules may ask about scorecards: who has submitted. */
@Injectable()
export class SubmissionsService {
  constructor(private readonly repo: ScorecardRepository) {}

  /** Keys `${interviewId}:${userId}` of the given pairs whose scorecard is submitted. */
  submitted(pairs: Array<{ interviewId: string; userId: string }>): Promise<Set<string>> {
    return this.repo.submittedPairs(pairs);
  }
}
