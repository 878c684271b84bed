/** Domain events of scorecards; the interview's status and the reminders follow them. */
export enum ScorecardEvent {
  Submitted = 'scorecard.submitted',
  Reopened = 'scorecard.reopened',
}

export interface ScorecardEventPayload {
  scorecardId: string;
  interviewId: string;
  /** The scorecard's author. */
  panelistId: string;
}

declare module '@app/common' {
  interface DomainEventMap {
    [ScorecardEvent.Submitted]: ScorecardEventPayload;
    [ScorecardEvent.Reopened]: ScorecardEventPayload;
  }
}
