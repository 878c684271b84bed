import { ApiProperty } from '@nestjs/swagger';

export class DeclinedPanelistResponse {
  userId: string;
  name: string;
  @ApiProperty({ type: 'string', nullable: true })
  note: string | null;
}

export class ReplacementSuggestionResponse {
  userId: string;
  name: string;
  email: string;
  @ApiProperty({ type: 'string', nullable: true })
  title: string | null;
  /** The interview's competencies (its questions' and its plan stage's) this interviewer is trained to assess. */
  matchingCompetencies: string[];
  /** Interviews they have in the interview's week (ISO week, UTC), and their weekly limit. */
  @ApiProperty({ type: 'integer' })
  weekLoad: number;
  @ApiProperty({ type: 'integer' })
  weeklyLimit: number;
}

export class ReplacementsResponse {
  interviewId: string;
  /** Panelists who declined and are still on the panel. */
  declined: DeclinedPanelistResponse[];
  /** What the interview assesses (its questions' and its plan stage's competencies), lower-case. */
  competencies: string[];
  /** Active interviewers not on the panel and free at that time: best competency match first, then lightest week. */
  suggestions: ReplacementSuggestionResponse[];
}
