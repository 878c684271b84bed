import { api, call } from '../../../api/client';
import type { TrainingStage } from './panelRoles';

/** A panel member at a proposed slot: their own clock and how loaded they are that day and week. */
export interface SlotMember {
  userId: string;
  name: string;
  timezone: string;
  /** "Mon 09:00": the slot on their clock. */
  local: string;
  /** The pool whose seat they fill; null for someone named on the panel. */
  poolId: string | null;
  weekLoad: number;
  dayLoad: number;
}

export interface Slot {
  startsAt: string;
  endsAt: string;
  /** "Mon 7 Dec, 15:00" in the candidate's timezone. */
  candidateLocal: string;
  panel: SlotMember[];
  /** Pool trainees free then: suggested as shadow (stage shadow) or panelist (reverse_shadow). */
  trainees: Array<{ userId: string; name: string; poolId: string; stage: TrainingStage }>;
}

export interface NearMiss {
  startsAt: string;
  endsAt: string;
  candidateLocal: string;
  /** Who cannot make it and why; `message` is written for people ("Kai: busy (calendar)"). */
  reasons: Array<{ userId: string; name: string; code: string; message: string }>;
}

export interface FindTimesResult {
  slots: Slot[];
  nearMisses: NearMiss[];
  stepMinutes: number;
  from: string;
  to: string;
}

export interface FindTimesQuery {
  interviewerIds: string[];
  /** One "one of this pool" seat each. */
  poolIds: string[];
  durationMinutes: number;
  /** YYYY-MM-DD in the candidate's timezone. */
  from: string;
  to: string;
  candidateTimeZone: string;
  /** The interview being rescheduled: its own time is not busy. */
  excludeInterviewId?: string;
  limit?: number;
}

/** GET /interviews/find-times: the ranked slots where the whole panel is free, and the near misses. */
// TODO(find-times API): typed once schema.d.ts has the path; until then the contract's shapes above
const untypedGet = api.GET as unknown as (path: string, init: object) => Promise<{ data?: FindTimesResult; error?: unknown; response: Response }>;
export async function findTimes(q: FindTimesQuery): Promise<FindTimesResult> {
  return call(
    untypedGet('/api/v1/interviews/find-times', {
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
