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
  @ApiProperty({
    description:
      "Free at the interview's time by their working hours, days off, calendar, interviews, buffer and pool limits (this interview not counting).",
  })
  available: boolean;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Why they are not free then (the first reason found); null when available.',
    example: 'Priya: 07:00 in New York, before their working hours',
  })
  reason: string | null;
  @ApiProperty({ description: "The interview's start on their wall clock.", example: 'Tue 15:00' })
  localTime: string;
  @ApiProperty({ description: 'Their time zone (IANA).', example: 'America/New_York' })
  timezone: string;
}

export class ReplacementsResponse {
  interviewId: string;
  /** Panelists who declined and are still on the panel. */
  declined: DeclinedPanelistResponse[];
  /** What the interview assesses (its questions' and its plan stage's competencies), lower-case. */
  competencies: string[];
  /**
   * Active interviewers not on the panel, at most 10: those free at the interview's time first, then
   * the others with their reason; within each, best competency match first, then lightest week.
   */
  suggestions: ReplacementSuggestionResponse[];
}
