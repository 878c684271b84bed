import { BadRequestException, Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '@app/common';
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
    const rows = await this.repo.deliveries({
      recipientId: hasRole(user, Role.Admin) ? undefined : user.id,
      limit: limit + 1,
      before: q.cursor ? cursorTime(q.cursor) : undefined,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((d) => ({
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
      page: { limit, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString()]) : null },
    };
  }
}

/** A `nextCursor` of the delivery log: [created time]. Anything else is a 400, never an Invalid Date in the query. */
function cursorTime(cursor: string): Date {
  const v = decodeCursor(cursor);
  const at = v?.length === 1 && typeof v[0] === 'string' ? new Date(v[0]) : undefined;
  if (at && !Number.isNaN(at.getTime())) return at;
  throw new BadRequestException('cursor is not a nextCursor of this list');
}
