import { ApiProperty } from '@nestjs/swagger';

export class PoolMemberResponse {
  userId: string;
  name: string;
  email: string;
  timezone: string;
  /** Still in training (stage shadow or reverse_shadow). */
  trainee: boolean;
  /** Shadow, then reverse shadow, then qualified; qualified members fill pool seats, trainees do not. */
  @ApiProperty({ enum: ['shadow', 'reverse_shadow', 'qualified'] })
  stage: 'shadow' | 'reverse_shadow' | 'qualified';
  /** Interviews that count toward training: since joining, over, not cancelled, on their panel, their scorecard submitted. */
  @ApiProperty({ type: 'integer' })
  completed: number;
  /** Interviews until the next stage; 0 when qualified. */
  @ApiProperty({ type: 'integer' })
  remaining: number;
}

export class InterviewerPoolResponse {
  id: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  /** Interviews per member per day (their local day); null: no limit. */
  @ApiProperty({ type: 'integer', nullable: true })
  dailyLimit: number | null;
  /** Interviews per member per ISO week (their local week); null: no limit. */
  @ApiProperty({ type: 'integer', nullable: true })
  weeklyLimit: number | null;
  @ApiProperty({ type: 'integer' })
  shadowsRequired: number;
  @ApiProperty({ type: 'integer' })
  reverseShadowsRequired: number;
  /** By name. */
  members: PoolMemberResponse[];
}

export class InterviewerPoolList {
  /** By name. */
  items: InterviewerPoolResponse[];
}

/** A pool an interviewer belongs to, on the interviewer list. */
export class InterviewerPoolRef {
  id: string;
  name: string;
  @ApiProperty({ enum: ['shadow', 'reverse_shadow', 'qualified'] })
  stage: 'shadow' | 'reverse_shadow' | 'qualified';
}
