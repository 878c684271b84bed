import type { PanelRole } from './entities/interview-panelist.entity';

/** Domain events of the interviews module; the reminders module listens to them. */
export enum InterviewEvent {
  Scheduled = 'interview.scheduled',
  Rescheduled = 'interview.rescheduled',
  Cancelled = 'interview.cancelled',
  PanelChanged = 'interview.panel_changed',
  /** Place, meeting URL or whether the candidate is invited changed (nothing the other events cover): calendars must be updated. */
  Updated = 'interview.updated',
  Completed = 'interview.completed',
  /** The candidate did not attend: no feedback is owed. */
  NoShow = 'interview.no_show',
  /** A panelist declined the invitation: whoever scheduled it and the position's team are told. */
  PanelistDeclined = 'interview.panelist_declined',
}

export interface PanelMember {
  userId: string;
  role: PanelRole;
}

export interface InterviewEventPayload {
  interviewId: string;
  candidateId: string;
  /** The position plan's stage the interview belongs to, if any. */
  planStageId: string | null;
  actorId: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  feedbackDueAt: Date;
  panel: PanelMember[];
}

export interface InterviewRescheduledPayload extends InterviewEventPayload {
  previous: { startsAt: Date; endsAt: Date; feedbackDueAt: Date };
}

export interface InterviewPanelChangedPayload extends InterviewEventPayload {
  added: PanelMember[];
  removed: PanelMember[];
}

export interface InterviewCancelledPayload extends InterviewEventPayload {
  reason: string;
}

export interface InterviewNoShowPayload extends InterviewEventPayload {
  note: string | null;
}

export function eventPayload(
  i: {
    id: string;
    candidateId: string;
    planStageId: string | null;
    startsAt: Date;
    endsAt: Date;
    timezone: string;
    feedbackDueAt: Date;
  },
  actorId: string,
  panel: PanelMember[],
): InterviewEventPayload {
  return {
    interviewId: i.id,
    candidateId: i.candidateId,
    planStageId: i.planStageId,
    actorId,
    startsAt: i.startsAt,
    endsAt: i.endsAt,
    timezone: i.timezone,
    feedbackDueAt: i.feedbackDueAt,
    panel: panel.map(({ userId, role }) => ({ userId, role })),
  };
}

/** One decline: `declinedAt` names it, so the same decline told twice notifies once. */
export interface PanelistDeclinedPayload {
  interviewId: string;
  panelistId: string;
  /** Who scheduled the interview. */
  scheduledById: string;
  /** The hiring manager of the candidate's own position. */
  hiringManagerId: string;
  note: string | null;
  declinedAt: Date;
}

declare module '@app/common' {
  interface DomainEventMap {
    [InterviewEvent.Scheduled]: InterviewEventPayload;
    [InterviewEvent.Rescheduled]: InterviewRescheduledPayload;
    [InterviewEvent.Cancelled]: InterviewCancelledPayload;
    [InterviewEvent.PanelChanged]: InterviewPanelChangedPayload;
    [InterviewEvent.Updated]: InterviewEventPayload;
    [InterviewEvent.Completed]: InterviewEventPayload;
    [InterviewEvent.NoShow]: InterviewNoShowPayload;
    [InterviewEvent.PanelistDeclined]: PanelistDeclinedPayload;
  }
}
