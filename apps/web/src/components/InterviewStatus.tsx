/** An interview's lifecycle (the API's `InterviewStatus`), in the words every page uses. */
export const INTERVIEW_STATUSES = ['scheduled', 'awaiting_feedback', 'completed', 'cancelled', 'no_show'] as const;
export type InterviewStatusName = (typeof INTERVIEW_STATUSES)[number];

export const INTERVIEW_STATUS_LABEL: Record<InterviewStatusName, string> = {
  scheduled: 'Scheduled',
  awaiting_feedback: 'Awaiting feedback',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No show',
};

/** "Awaiting feedback" for `awaiting_feedback`; an unknown status (a newer API) is shown as it comes, readably. */
export function interviewStatusLabel(status: string): string {
  return (
    INTERVIEW_STATUS_LABEL[status as InterviewStatusName] ??
    status.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
  );
}

/** Interviews that are over for good: nothing more will happen to them (no feedback expected). */
export const isClosedStatus = (status: string) => status === 'cancelled' || status === 'no_show';

export function InterviewStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status.replace(/_/g, '-')}`}>{interviewStatusLabel(status)}</span>;
}
