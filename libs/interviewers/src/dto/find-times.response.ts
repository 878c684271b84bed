import { ApiProperty } from '@nestjs/swagger';

export const NEAR_MISS_CODES = [
  'outside_hours',
  'day_off',
  'busy_calendar',
  'busy_interview',
  'buffer',
  'daily_limit',
  'weekly_limit',
  'pool_unavailable',
] as const;
export type NearMissCode = (typeof NEAR_MISS_CODES)[number];

export class SlotPanelistResponse {
  userId: string;
  name: string;
  timezone: string;
  /** Their local start, e.g. 'Mon 09:00'. */
  local: string;
  /** The pool whose seat they fill; null for an interviewer asked for by name. */
  @ApiProperty({ type: String, nullable: true })
  poolId: string | null;
  /** Their interviews (not cancelled) in the slot's ISO week, in their zone. */
  @ApiProperty({ type: 'integer' })
  weekLoad: number;
  /** Their interviews (not cancelled) on the slot's day, in their zone. */
  @ApiProperty({ type: 'integer' })
  dayLoad: number;
}

export class SlotTraineeResponse {
  userId: string;
  name: string;
  poolId: string;
  /** shadow: suggest as a shadow; reverse_shadow: as a panelist (watched by a qualified one). */
  @ApiProperty({ enum: ['shadow', 'reverse_shadow'] })
  stage: 'shadow' | 'reverse_shadow';
}

export class SlotResponse {
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
  /** The start in the candidate's zone, e.g. 'Mon 7 Dec, 15:00'. */
  candidateLocal: string;
  /** Interviewers asked for by name first, in the order given, then one per pool seat. */
  panel: SlotPanelistResponse[];
  /** The pools' trainees who are free then too. */
  trainees: SlotTraineeResponse[];
}

export class NearMissReasonResponse {
  /** Null when a pool seat cannot be filled. */
  @ApiProperty({ type: String, nullable: true })
  userId: string | null;
  /** The interviewer's name, or the pool's. */
  name: string;
  @ApiProperty({ enum: NEAR_MISS_CODES })
  code: NearMissCode;
  /** e.g. 'Priya: 07:00 in New York, before their working hours'; never a calendar event's title. */
  message: string;
}

export class NearMissResponse {
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
  candidateLocal: string;
  /** One per panel seat that fails. */
  reasons: NearMissReasonResponse[];
}

export class FindTimesResponse {
  /** Earliest day first; within a day the most balanced load (lowest busiest week, then total), then the earliest time. */
  slots: SlotResponse[];
  /** Up to 5 slots where one seat (then two) fails, with why. */
  nearMisses: NearMissResponse[];
  @ApiProperty({ type: 'integer' })
  stepMinutes: number;
  /** The range searched, as instants. */
  @ApiProperty({ format: 'date-time' })
  from: string;
  @ApiProperty({ format: 'date-time' })
  to: string;
}
