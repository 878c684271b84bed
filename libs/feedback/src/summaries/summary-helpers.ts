import { seatKey, type SeatKey } from '@app/common';
import type { InterviewListRow } from '@app/interviews';
import { alphaFromCoincidences, MIN_PAIRABLE_VALUES, type Coincidences } from '../stats';
import type { AgreementResponse, MissingScorecardResponse, RecommendationCountsResponse } from '../dto/summary.dto';

export function agreement(c: Coincidences | undefined, units = 0): AgreementResponse {
  if (!c)
    return { alpha: null, pairableValues: 0, units: 0, enoughData: false, minimumPairableValues: MIN_PAIRABLE_VALUES };
  const r = alphaFromCoincidences(c, 'ordinal');
  return {
    alpha: r.alpha,
    pairableValues: r.pairableValues,
    units,
    enoughData: r.enoughData,
    minimumPairableValues: MIN_PAIRABLE_VALUES,
  };
}

export function countRecommendations(recs: Array<{ recommendation: string }>): RecommendationCountsResponse {
  const out = { strong_no: 0, no: 0, yes: 0, strong_yes: 0 };
  for (const r of recs) if (r.recommendation in out) out[r.recommendation as keyof typeof out]++;
  return out;
}

/** Interviews whose feedback is owed: awaiting feedback, completed, or scheduled and already over (its end job not run yet). */
export function isDone(i: Pick<InterviewListRow['interview'], 'status' | 'endsAt'>, now = Date.now()): boolean {
  return (
    i.status === 'completed' ||
    i.status === 'awaiting_feedback' ||
    (i.status === 'scheduled' && i.endsAt.getTime() <= now)
  );
}

/** Panel slots of done interviews without a submitted scorecard. */
export function missingScorecards(
  interviews: Array<Pick<InterviewListRow, 'interview' | 'panel'>>,
  submitted: Set<SeatKey>,
  names: Map<string, string>,
  now = Date.now(),
): MissingScorecardResponse[] {
  return interviews
    .filter((r) => isDone(r.interview, now))
    .flatMap((r) =>
      r.panel
        .filter((p) => !submitted.has(seatKey({ interviewId: r.interview.id, userId: p.userId })))
        .map((p) => ({
          interviewId: r.interview.id,
          userId: p.userId,
          name: names.get(p.userId) ?? 'Unknown user',
          role: p.role,
          feedbackDueAt: r.interview.feedbackDueAt,
          overdue: r.interview.feedbackDueAt.getTime() < now,
        })),
    );
}
