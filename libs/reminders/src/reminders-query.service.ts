import { Injectable } from '@nestjs/common';
import { nextCursor, readCursor } from '@app/common';
import { hasRole, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { InterviewQueryService } from '@app/interviews';
import { NotificationPage, NotificationsQueryDto, ReminderListResponse } from './dto/reminder.response';
import { ReminderRepository } from './reminder.repository';

@Injectable()
export class RemindersQueryService {
  constructor(
    private readonly repo: ReminderRepository,
    private readonly interviews: InterviewQueryService,
  ) {}

  async forInterview(user: AuthUser, interviewId: string): Promise<ReminderListResponse> {
    await this.interviews.readable(user, interviewId);
    const rows = await this.repo.forInterview(interviewId);
    return {
      interviewId,
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        occurrence: r.occurrence,
        recipientId: r.recipientId,
        aboutUserId: r.aboutUserId,
        dueAt: r.dueAt,
        status: r.status,
        reason: r.reason,
        attempts: r.attempts,
        sentAt: r.sentAt,
      })),
    };
  }

  async notifications(user: AuthUser, q: NotificationsQueryDto): Promise<NotificationPage> {
    const limit = q.limit ?? 20;
    const after = readCursor(q.cursor, ['instant', 'uuid']);
    const rows = await this.repo.deliveries({
      recipientId: hasRole(user, Role.Admin) ? undefined : user.id,
      limit: limit + 1,
      after: after && { createdAt: after[0], id: after[1] },
    });
    return {
      items: rows.slice(0, limit).map(({ delivery: d }) => ({
        id: d.id,
        reminderId: d.reminderId,
        interviewId: d.interviewId,
        candidateId: d.candidateId,
        recipientId: d.recipientId,
        kind: d.kind,
        channel: d.channel,
        subject: d.subject,
        status: d.status,
        error: d.error,
        providerRef: d.providerRef,
        createdAt: d.createdAt,
      })),
      page: { limit, nextCursor: nextCursor(rows, limit, (r) => r.cursor) },
    };
  }
}
