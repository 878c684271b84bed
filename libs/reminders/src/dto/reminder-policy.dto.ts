import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsNestedObject } from '@app/common';

export class QuietHoursDto {
  /** Local to each recipient, 24 h, e.g. "21:00". */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'quietHours.start must be HH:MM (24 h)' })
  start: string;

  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'quietHours.end must be HH:MM (24 h)' })
  end: string;
}

/** Who is told when a decision on a candidate is recorded. */
export class NotifyDecisionsDto {
  /** Active users with the recruiter role: candidate, position, outcome, who decided, the rationale and the debrief link. */
  @IsBoolean()
  recruiters: boolean;

  /** The panelists of the candidate's interviews (not cancelled): the outcome and a thank-you, never the rationale. */
  @IsBoolean()
  panel: boolean;
}

/** When reminders go out. Minutes throughout, so that tests can use short policies. */
export class ReminderPolicyDto {
  /** Prep reminders this many minutes before the start (e.g. [1440, 60]); empty for none. */
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(43_200, { each: true })
  prepLeadMinutes: number[];

  /** A reminder when feedback falls due. */
  @IsBoolean()
  feedbackDueEnabled: boolean;

  /** Minutes between overdue reminders to the panelist. */
  @IsInt()
  @Min(1)
  @Max(10_080)
  overdueEveryMinutes: number;

  /** At most this many overdue reminders (0 for none). */
  @IsInt()
  @Min(0)
  @Max(10)
  overdueMaxCount: number;

  /** Minutes after the due time when the hiring manager is told; null never. */
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(43_200)
  escalateAfterMinutes: number | null;

  /** A reminder due inside quiet hours goes out when they end; null for none. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNestedObject()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours: QuietHoursDto | null;

  /** Omitted: unchanged (older clients send the policy without it); null is refused. Default: both true. */
  @ValidateIf((_, v) => v !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => NotifyDecisionsDto)
  notifyDecisions?: NotifyDecisionsDto;

  /** The text of a candidate's calendar invitation, above the time and place. Omitted: unchanged; null is refused. */
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MaxLength(2000)
  candidateInvitationText?: string;
}
