import { Injectable } from '@nestjs/common';
import { seatKey, type SeatKey } from '@app/common';
import { ScorecardRepository } from './scorecard.repository';

/** Statuses whose panel no longer owes a scorecard; any other status (scheduled, awaiting_feedback, completed, …) is live. */
export const NOT_OWED_STATUSES: readonly string[] = ['cancelled', 'no_show'];

export function owesFeedback(status: string | undefined): boolean {
  return status === undefined || !NOT_OWED_STATUSES.includes(status);
}

export interface FeedbackStatusInterview {
  id: string;
  /** Omitted: treated as live. */
  status?: string;
  panel: Array<{ userId: string }>;
}

export interface FeedbackStatus {
  /** Seats with a submitted scorecard (as `SubmissionsService.submitted`). */
  submitted: Set<SeatKey>;
  /** Panel slots of live interviews (not cancelled, not no-show) without a submitted scorecard, in input order. */
  missing: Array<{ interviewId: string; userId: string }>;
  /** Panel slots of live interviews. */
  expected: number;
}

/** Panel slots of live interviews whose key is not in `submitted`. */
export function missingSlots(
  interviews: FeedbackStatusInterview[],
  submitted: Set<SeatKey>,
): FeedbackStatus['missing'] {
  return interviews
    .filter((i) => owesFeedback(i.status))
    .flatMap((i) =>
      i.panel
        .filter((p) => !submitted.has(seatKey({ interviewId: i.id, userId: p.userId })))
        .map((p) => ({ interviewId: i.id, userId: p.userId })),
    );
}

/** Plain data for other modules: for a list of interviews, who has submitted and who is missing. One query. */
@Injectable()
export class FeedbackStatusService {
  constructor(private readonly repo: ScorecardRepository) {}

  async stageStatus(interviews: FeedbackStatusInterview[]): Promise<FeedbackStatus> {
    const submitted = await this.repo.submittedPairs(
      interviews.flatMap((i) => i.panel.map((p) => ({ interviewId: i.id, userId: p.userId }))),
    );
    return {
      submitted,
      missing: missingSlots(interviews, submitted),
      expected: interviews.filter((i) => owesFeedback(i.status)).reduce((s, i) => s + i.panel.length, 0),
    };
  }
}
