import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto, PageQueryDto } from '@app/common';
import { ReminderKind } from '../reminder-kind';

export class ReminderResponse {
  id: string;
  /** `rsvp_declined`: a panelist declined; told to whoever scheduled it and the position's team (aboutUserId is the panelist). */
  @ApiProperty({
    enum: [
      ReminderKind.Prep,
      ReminderKind.FeedbackDue,
      ReminderKind.FeedbackOverdue,
      ReminderKind.Escalation,
      ReminderKind.Cancellation,
      ReminderKind.RsvpDeclined,
    ],
  })
  kind: string;
  @ApiProperty({ type: 'integer' })
  occurrence: number;
  recipientId: string;
  aboutUserId: string;
  dueAt: Date;
  @ApiProperty({ enum: ['scheduled', 'sent', 'skipped', 'failed', 'cancelled'] })
  status: string;
  reason: string | null;
  @ApiProperty({ type: 'integer' })
  attempts: number;
  sentAt: Date | null;
}

export class ReminderListResponse {
  interviewId: string;
  items: ReminderResponse[];
}

export class NotificationsQueryDto extends PageQueryDto {}

export class NotificationResponse {
  id: string;
  /** The reminder or decision notice, or for a calendar invitation (kind `invitation`, or `cancellation` to someone removed from the panel) the invitation row. */
  reminderId: string;
  /** Null for a decision notice (kind `decision_recruiter` or `decision_panel`), which names the candidate instead. */
  interviewId: string | null;
  candidateId: string | null;
  /** A user; for the candidate's own calendar invitation, the candidate. */
  recipientId: string;
  @ApiProperty({ enum: Object.values(ReminderKind) })
  kind: string;
  @ApiProperty({ enum: ['email', 'webhook', 'log'] })
  channel: string;
  subject: string;
  /** `failed`: every attempt failed (the reminder's last error is in `error`). */
  @ApiProperty({ enum: ['sent', 'failed'] })
  status: string;
  error: string | null;
  providerRef: string | null;
  createdAt: Date;
}

export class NotificationPage {
  items: NotificationResponse[];
  page: PageInfoDto;
}
