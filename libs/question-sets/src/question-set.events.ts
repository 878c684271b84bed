/** Domain events of the question bank; webhooks tell an ATS when a set is published. */
export enum QuestionSetEvent {
  Published = 'question_set.published',
}

export interface QuestionSetPublishedPayload {
  questionSetId: string;
  /** Shared by every version of the set. */
  lineageId: string;
  name: string;
  version: number;
  actorId: string;
  publishedAt: Date;
}

declare module '@app/common' {
  interface DomainEventMap {
    [QuestionSetEvent.Published]: QuestionSetPublishedPayload;
  }
}
