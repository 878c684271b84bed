import { api, call } from '../../../api/client';
import type { components } from '../../../api/schema';

type S = components['schemas'];
/** A proposed time: the candidate's clock, each panelist's own clock and load, the pools' free trainees. */
export type Slot = S['SlotResponse'];
export type SlotMember = S['SlotPanelistResponse'];
/** A time where one seat (then two) fails, with a reason per seat written for people. */
export type NearMiss = S['NearMissResponse'];
export type FindTimesResult = S['FindTimesResponse'];

export interface FindTimesQuery {
  interviewerIds: string[];
  /** One "one of this pool" seat each. */
  poolIds: string[];
  durationMinutes: number;
  /** YYYY-MM-DD in the candidate's timezone (`to`: that whole day included). */
  from: string;
  to: string;
  candidateTimeZone: string;
  /** The interview being rescheduled: its own time is not busy. */
  excludeInterviewId?: string;
  limit?: number;
}

/** GET /interviews/find-times: the ranked slots where the whole panel is free, and the near misses. */
export function findTimes(q: FindTimesQuery): Promise<FindTimesResult> {
  return call(
    api.GET('/api/v1/interviews/find-times', {
      params: {
        query: {
          interviewerIds: q.interviewerIds.join(',') || undefined,
          poolIds: q.poolIds.join(',') || undefined,
          durationMinutes: q.durationMinutes,
          from: q.from,
          to: q.to,
          candidateTimeZone: q.candidateTimeZone,
          excludeInterviewId: q.excludeInterviewId,
          limit: q.limit,
        },
      },
    }),
  );
}
