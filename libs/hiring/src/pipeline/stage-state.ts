import type { CandidateInterviewRow, CandidateStatus } from '@app/interviews';
import { seatKey } from '@app/common';
import type { MissingScorecard } from '../entities/candidate-decision.entity';

export type StageStateName = 'not_scheduled' | 'scheduled' | 'awaiting_feedback' | 'ready_to_decide' | 'decided';

export interface StageState {
  state: StageStateName;
  label: string;
  nextInterview: { id: string; title: string; startsAt: Date } | null;
  scorecards: { submitted: number; expected: number };
  missing: MissingScorecard[];
}

/** Interviews that do not count as evidence: they did not happen. */
const NOT_HELD = ['cancelled', 'no_show'];

const CLOSED_LABEL: Partial<Record<CandidateStatus, string>> = {
  rejected: 'Rejected',
  hired: 'Hired',
  withdrawn: 'Withdrawn',
  on_hold: 'On hold',
};

/**
 * The interviews of the candidate's current stage (interviews with no plan stage belong to "Not started"),
 * leaving out those that did not happen.
 */
export function stageInterviews(stageId: string | null, interviews: CandidateInterviewRow[]): CandidateInterviewRow[] {
  return interviews.filter((i) => (i.planStageId ?? null) === stageId && !NOT_HELD.includes(i.status));
}

/** Every (interview, panelist) pair whose scorecard the stage expects. */
export const expectedPairs = (interviews: CandidateInterviewRow[]) =>
  interviews.flatMap((i) => i.panel.map((p) => ({ interviewId: i.id, userId: p.userId })));

/** "Tue 10:00" in the reader's timezone. */
export function weekdayTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('weekday')} ${get('hour')}:${get('minute')}`;
}

/** A candidate's card state on the board, from their current stage's interviews and who has submitted. */
export function stageState(
  c: { stageId: string | null; status: CandidateStatus },
  interviews: CandidateInterviewRow[],
  submitted: ReadonlySet<string>,
  now: Date,
  timeZone: string,
): StageState {
  const current = stageInterviews(c.stageId, interviews);
  const missing = current.flatMap((i) =>
    i.panel
      .filter((p) => !submitted.has(seatKey({ interviewId: i.id, userId: p.userId })))
      .map((p) => ({ interviewId: i.id, interviewTitle: i.title, userId: p.userId, name: p.name })),
  );
  const expected = current.reduce((n, i) => n + i.panel.length, 0);
  const scorecards = { submitted: expected - missing.length, expected };
  const upcoming = current
    .filter((i) => i.status === 'scheduled' && i.startsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  const nextInterview = upcoming ? { id: upcoming.id, title: upcoming.title, startsAt: upcoming.startsAt } : null;
  const closed = CLOSED_LABEL[c.status];
  if (closed) return { state: 'decided', label: closed, nextInterview, scorecards, missing };
  if (!current.length) return { state: 'not_scheduled', label: 'Not scheduled', nextInterview, scorecards, missing };
  if (upcoming)
    return {
      state: 'scheduled',
      label: `Scheduled ${weekdayTime(upcoming.startsAt, timeZone)}`,
      nextInterview,
      scorecards,
      missing,
    };
  if (missing.length)
    return {
      state: 'awaiting_feedback',
      label: `Awaiting feedback ${scorecards.submitted}/${expected}`,
      nextInterview,
      scorecards,
      missing,
    };
  return { state: 'ready_to_decide', label: 'Ready to decide', nextInterview, scorecards, missing };
}
