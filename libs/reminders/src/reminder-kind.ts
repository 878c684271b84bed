/** Every kind of message the reminders module plans or sends: one list for planning, delivery and the API. */
export enum ReminderKind {
  Prep = 'prep',
  FeedbackDue = 'feedback_due',
  FeedbackOverdue = 'feedback_overdue',
  Escalation = 'escalation',
  Cancellation = 'cancellation',
  DecisionRecruiter = 'decision_recruiter',
  DecisionPanel = 'decision_panel',
  Invitation = 'invitation',
  RsvpDeclined = 'rsvp_declined',
}

/** The kinds planned per panelist from the reminder policy (the others are sent on events), as their string values. */
export type PlannedReminderKind =
  `${ReminderKind.Prep | ReminderKind.FeedbackDue | ReminderKind.FeedbackOverdue | ReminderKind.Escalation}`;
